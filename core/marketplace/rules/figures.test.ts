import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Application, ApplicationState } from "../domain/application.ts";
import { anApplication } from "../testing/application-fixture.ts";
import { computeFigures, type FiguresGroupBy } from "./figures.ts";

const fin = (id: string, o: Partial<Application>): Application =>
  anApplication({
    id,
    state: "APPROVED",
    decidedAt: new Date("2026-03-03T02:00:00Z"),
    amountGranted: 30_000_000,
    ...o,
  });

const apps: Application[] = [
  fin("a1", {
    institutionId: "inst_ccb",
    productId: "p1",
    specialActions: ["small-shop", "first-loan"],
    firstLoan: true,
    applicant: { idKind: "resident-id", idIndex: "zhang", idCipher: "" },
  }),
  fin("a2", {
    institutionId: "inst_ccb",
    productId: "p1",
    specialActions: ["small-shop"],
    state: "DISBURSED",
    amountGranted: 10_000_001,
  }),
  fin("a3", {
    institutionId: "inst_cib",
    productId: "p2",
    specialActions: [],
    decidedAt: new Date("2026-04-01T02:00:00Z"),
  }),
  fin("a4", { institutionId: "inst_cib", productId: "p2", state: "DECLINED_BY_APPLICANT" }),
  fin("a5", { institutionId: "inst_cib", productId: "p2", state: "REJECTED", amountGranted: null }),
  // the same first-loan borrower financed twice counts once
  fin("a6", {
    institutionId: "inst_cib",
    productId: "p2",
    firstLoan: true,
    applicant: { idKind: "resident-id", idIndex: "zhang", idCipher: "" },
  }),
];

describe("成效数据 outcome figures", () => {
  it("financings, first-loan borrowers, amount granted and the average per financing", () => {
    expect(computeFigures(apps, { regionCode: "350800" }).total).toEqual({
      key: "total",
      financings: 4,
      firstLoanBorrowers: 1,
      amountGranted: 100_000_001,
      averagePerFinancing: 25_000_000, // 25,000,000.25 fen rounds half-up to the fen
    });
  });

  it("the seed's figures: 9,192 financings of 2.783 billion yuan average 302,763.27 yuan", () => {
    const many = Array.from({ length: 9192 }, (_, i) =>
      fin(`s${i}`, { amountGranted: i === 0 ? 278_300_000_000 - 9191 * 30_276_327 : 30_276_327 }),
    );
    const t = computeFigures(many, { regionCode: "350800" }).total;
    expect(t.amountGranted).toBe(278_300_000_000);
    expect(t.averagePerFinancing).toBe(30_276_327);
  });

  it.each([
    ["institution", ["inst_ccb", "inst_cib"]],
    ["product", ["p1", "p2"]],
    ["special-action", ["first-loan", "small-shop"]],
    ["month", ["2026-03", "2026-04"]],
  ] as [FiguresGroupBy, string[]][])("groups by %s", (groupBy, keys) => {
    expect(computeFigures(apps, { regionCode: "350800", groupBy }).groups.map((g) => g.key)).toEqual(keys);
  });

  it("a period keeps financings decided within it (龙岩 business dates, both ends included)", () => {
    expect(computeFigures(apps, { regionCode: "350800", from: "2026-04-01", to: "2026-04-30" }).total.financings).toBe(
      1,
    );
  });

  const state = fc.constantFrom<ApplicationState>(
    "SUBMITTED",
    "CONTACTED",
    "APPROVED",
    "REJECTED",
    "DISBURSED",
    "DECLINED_BY_APPLICANT",
    "WITHDRAWN",
  );
  const app = fc
    .record({
      i: fc.integer({ min: 0, max: 1e9 }),
      institution: fc.constantFrom("inst_a", "inst_b", "inst_c"),
      product: fc.constantFrom("p1", "p2", "p3", "p4"),
      amount: fc.option(fc.integer({ min: 1, max: 5_000_000_000 }), { nil: null }),
      state,
      day: fc.integer({ min: 0, max: 400 }),
      first: fc.boolean(),
      who: fc.constantFrom("s1", "s2", "s3", "s4", "s5"),
    })
    .map((r) =>
      fin(`x${r.i}`, {
        institutionId: r.institution,
        productId: r.product,
        amountGranted: r.amount,
        state: r.state,
        decidedAt: new Date(Date.UTC(2026, 0, 1) + r.day * 86_400_000),
        firstLoan: r.first,
        applicant: { idKind: "uscc", idIndex: r.who, idCipher: "" },
      }),
    );

  it("property: institution, product and month groups partition the total exactly, to the fen", () => {
    fc.assert(
      fc.property(
        fc.array(app, { maxLength: 80 }),
        fc.constantFrom<FiguresGroupBy>("institution", "product", "month"),
        (list, groupBy) => {
          const r = computeFigures(list, { regionCode: "350800", groupBy });
          const sum = r.groups.reduce((s, g) => s + g.amountGranted, 0);
          const count = r.groups.reduce((s, g) => s + g.financings, 0);
          return sum === r.total.amountGranted && count === r.total.financings;
        },
      ),
    );
  });

  it("property: the average is the total divided by the count, rounded half-up to the fen", () => {
    fc.assert(
      fc.property(fc.array(app, { maxLength: 80 }), (list) => {
        const t = computeFigures(list, { regionCode: "350800" }).total;
        if (t.financings === 0) return t.averagePerFinancing === null && t.amountGranted === 0;
        const avg = t.averagePerFinancing as number;
        const diff2 = 2 * (avg * t.financings - t.amountGranted); // twice the rounding error, in fen × count
        return Number.isSafeInteger(avg) && diff2 <= t.financings && diff2 > -t.financings;
      }),
    );
  });

  it("property: first-loan borrowers never exceed financings and count each borrower once", () => {
    fc.assert(
      fc.property(fc.array(app, { maxLength: 80 }), (list) => {
        const t = computeFigures(list, { regionCode: "350800" }).total;
        return t.firstLoanBorrowers <= t.financings && t.firstLoanBorrowers <= 5;
      }),
    );
  });
});
