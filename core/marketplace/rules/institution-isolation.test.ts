import { describe, expect, it } from "vitest";
import type { Principal } from "../../kernel/mod.ts";
import { applicationVisibility } from "../domain/application.ts";
import { anApplication } from "../testing/application-fixture.ts";
import { refusalOf } from "../testing/errors.ts";
import { principals } from "../testing/test-world.ts";
import { assertActsFor, assertMayReadPushedData, assertMaySee, reportScope } from "./institution-isolation.ts";

const app = applicationVisibility(anApplication()); // addressed to 兴业 (inst_cib), applied by acct_teaco
const push = { regionCode: "350800", recipientInstitutionId: "inst_cib", subjectRef: "acct_teaco" };

describe("MKT-R09 机构隔离 institution isolation", () => {
  it.each([
    ["the institution it is addressed to sees the application", principals.cibStaff, true],
    ["another institution does not, and learns nothing (not found)", principals.ccbStaff, false],
    ["the applicant sees their own application", principals.teaCo, true],
    ["another citizen does not", principals.zhang, false],
    ["a regulator of 龙岩 sees it", principals.regulator, true],
    ["a regulator of 宁德 does not", principals.ningdeRegulator, false],
  ] as [string, Principal, boolean][])("%s", (_title, who, sees) => {
    const refusal = refusalOf(() => assertMaySee(who, app, "application"));
    if (sees) expect(refusal).toBeUndefined();
    else expect(refusal).toMatchObject({ rule: "MKT-R09", kind: "not_found", message: "application not found" });
  });

  it.each([
    ["the recipient institution reads the pushed data", principals.cibStaff, true],
    ["the data subject reads what was pushed about them", principals.teaCo, true],
    ["another institution cannot", principals.ccbStaff, false],
    ["a regulator sees the push log, not the data itself", principals.regulator, false],
  ] as [string, Principal, boolean][])("%s", (_title, who, reads) => {
    const refusal = refusalOf(() => assertMayReadPushedData(who, push));
    if (reads) expect(refusal).toBeUndefined();
    else expect(refusal).toMatchObject({ rule: "MKT-R09", kind: "not_found" });
  });

  it.each([
    ["a regulator reads every institution's row", principals.regulator, {}],
    ["a platform administrator reads every row", principals.admin, {}],
    ["an institution reads only its own row", principals.ccbStaff, { institutionId: "inst_ccb" }],
  ] as [string, Principal, object][])("%s", (_title, who, scope) => {
    expect(reportScope(who, "350800")).toEqual(scope);
  });

  it.each([
    ["a citizen", principals.zhang],
    ["another region's regulator", principals.ningdeRegulator],
  ] as [string, Principal][])("%s may not read the institution report", (_title, who) => {
    expect(refusalOf(() => reportScope(who, "350800"))).toMatchObject({ rule: "MKT-R09", kind: "forbidden" });
  });

  it.each([
    ["its own institution's staff act on it", principals.cibStaff, true],
    ["another institution's staff cannot", principals.ccbStaff, false],
    ["a regulator does not act for an institution", principals.regulator, false],
  ] as [string, Principal, boolean][])("%s", (_title, who, acts) => {
    const refusal = refusalOf(() => assertActsFor(who, "inst_cib", "350800", "application"));
    expect(refusal === undefined).toBe(acts);
  });
});
