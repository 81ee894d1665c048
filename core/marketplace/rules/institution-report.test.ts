import { describe, expect, it } from "vitest";
import type { Application } from "../domain/application.ts";
import { anApplication } from "../testing/application-fixture.ts";
import { buildInstitutionReport, inReportColumn } from "./institution-report.ts";

const NOW = new Date("2026-03-05T09:00:00Z"); // Thursday, 3 working days after Monday 2 March
const monday = anApplication();
const apps: Application[] = [
  { ...monday, id: "a1" }, // 兴业, not contacted, overdue since Wednesday 24:00
  {
    ...monday,
    id: "a2",
    submittedAt: new Date("2026-03-04T02:00:00Z"),
    contactDueAt: new Date("2026-03-06T16:00:00Z"),
  }, // 兴业, pending, not overdue
  { ...monday, id: "a3", state: "CONTACTED", contactedAt: new Date("2026-03-03T01:00:00Z") }, // 兴业, contacted
  { ...monday, id: "a4", institutionId: "inst_ccb", state: "APPROVED", fellBackToManual: true }, // 建行, concluded, had an instant fallback
  { ...monday, id: "a5", institutionId: "inst_ccb", concludeDueAt: new Date("2026-03-05T00:00:00Z") }, // 建行, overdue and long unfinished
  { ...monday, id: "a6", regionCode: "350900", institutionId: "inst_ningde" }, // another region
];

describe("银行机构对接实时通报 institution report (MKT-R04/R05)", () => {
  const report = buildInstitutionReport("350800", apps, NOW, ["inst_cib", "inst_ccb", "inst_abc"]);

  it("counts pending, overdue-for-contact, long-unfinished, open and instant fallbacks per institution", () => {
    expect(report.rows).toEqual([
      { institutionId: "inst_ccb", pending: 1, overdueForContact: 1, longUnfinished: 1, open: 1, instantFallbacks: 1 },
      { institutionId: "inst_cib", pending: 2, overdueForContact: 1, longUnfinished: 0, open: 3, instantFallbacks: 0 },
      { institutionId: "inst_abc", pending: 0, overdueForContact: 0, longUnfinished: 0, open: 0, instantFallbacks: 0 },
    ]);
  });

  it("totals add the rows and leave other regions out", () => {
    expect(report.totals).toEqual({
      pending: 3,
      overdueForContact: 2,
      longUnfinished: 1,
      open: 4,
      instantFallbacks: 1,
    });
  });

  it("an institution's own view holds its row only", () => {
    expect(buildInstitutionReport("350800", apps, NOW, ["inst_cib"]).rows.map((r) => r.institutionId)).toEqual([
      "inst_cib",
    ]);
  });

  it.each([
    ["pending", ["a1", "a2", "a5"]],
    ["overdue-for-contact", ["a1", "a5"]],
    ["long-unfinished", ["a5"]],
    ["open", ["a1", "a2", "a3", "a5"]],
  ] as const)("the %s list", (column, ids) => {
    expect(apps.filter((a) => a.regionCode === "350800" && inReportColumn(a, column, NOW)).map((a) => a.id)).toEqual(
      ids,
    );
  });

  it("worst first: more overdue comes before more pending", () => {
    const rows = buildInstitutionReport("350800", apps, NOW).rows;
    expect(rows[0]?.overdueForContact).toBeGreaterThan(0);
  });
});
