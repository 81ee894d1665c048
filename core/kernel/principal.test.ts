import { describe, expect, it } from "vitest";
import { isDomainError } from "./errors.ts";
import { assertCanSee, hasRole, inRegion, type Principal, requireRole } from "./principal.ts";

const ningdeBankStaff: Principal = {
  id: "inst:ningde-rcb/u1",
  roles: ["institution_staff"],
  institutionId: "ningde-rcb",
  regionCodes: ["350900"],
};
const otherBankStaff: Principal = { ...ningdeBankStaff, id: "inst:other/u1", institutionId: "other-bank" };
const ningdeRegulator: Principal = { id: "reg:ningde/u1", roles: ["regulator"], regionCodes: ["350900"] };
const provincialRegulator: Principal = { id: "reg:fujian/u1", roles: ["regulator"], regionCodes: ["350000"] };
const fuanRegulator: Principal = { id: "reg:fuan/u1", roles: ["regulator"], regionCodes: ["350981"] };
const linAbo: Principal = { id: "citizen:lin", roles: ["citizen"], regionCodes: ["350900"], subjectRef: "bi:lin" };
const huang: Principal = { id: "citizen:huang", roles: ["citizen"], regionCodes: ["350900"], subjectRef: "bi:huang" };
const admin: Principal = { id: "admin", roles: ["platform_admin"], regionCodes: [] };

// 林阿伯's loan application in 福安, handled by the Ningde rural commercial bank.
const linsCase = { regionCode: "350981", institutionId: "ningde-rcb", subjectRef: "bi:lin" };
const longyanCase = { regionCode: "350802", institutionId: "ningde-rcb", subjectRef: "bi:zhang" };

function outcome(p: Principal, obj: typeof linsCase): string {
  try {
    assertCanSee(p, obj, "loan application");
    return "sees it";
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return `${e.ruleId}:${e.kind}:${e.message}`;
  }
}

const NOT_FOUND = "KRN-R06:not_found:loan application not found";

describe("KRN-R06 访问控制 object-level access", () => {
  it.each([
    ["the bank handling the case sees it", ningdeBankStaff, linsCase, "sees it"],
    ["another bank gets 'not found', exactly as for a case that does not exist", otherBankStaff, linsCase, NOT_FOUND],
    ["the bank does not reach its own institution's case outside its region", ningdeBankStaff, longyanCase, NOT_FOUND],
    ["the Ningde regulator reads every institution's case in a Ningde county", ningdeRegulator, linsCase, "sees it"],
    ["the Ningde regulator does not read a Longyan case", ningdeRegulator, longyanCase, NOT_FOUND],
    ["a provincial regulator reads cases anywhere in Fujian", provincialRegulator, longyanCase, "sees it"],
    ["a county regulator reads its county's cases", fuanRegulator, linsCase, "sees it"],
    [
      "a county regulator does not read the rest of the prefecture",
      fuanRegulator,
      { ...linsCase, regionCode: "350921" },
      NOT_FOUND,
    ],
    ["林阿伯 sees his own application", linAbo, linsCase, "sees it"],
    ["黄先生 does not see 林阿伯's application", huang, linsCase, NOT_FOUND],
    ["a platform administrator sees everything", admin, longyanCase, "sees it"],
  ])("%s", (_title, principal, obj, expected) => {
    expect(outcome(principal as Principal, obj as typeof linsCase)).toBe(expected);
  });

  it("a citizen without a subject reference sees no one's case, not even a case without a subject", () => {
    const anonymous: Principal = { id: "citizen:new", roles: ["citizen"], regionCodes: ["350900"] };
    expect(outcome(anonymous, { ...linsCase, subjectRef: undefined as unknown as string })).toBe(NOT_FOUND);
  });

  it("staff without an institution never match a case without one", () => {
    const clerk: Principal = { id: "clerk:1", roles: ["clerk"], regionCodes: ["350800"] };
    expect(
      outcome(clerk, { regionCode: "350821", institutionId: undefined as unknown as string, subjectRef: "x" }),
    ).toBe(NOT_FOUND);
  });

  it("counties belong to their prefecture and prefectures to their province", () => {
    expect(inRegion(ningdeRegulator, "350982")).toBe(true);
    expect(inRegion(provincialRegulator, "350900")).toBe(true);
    expect(inRegion(ningdeRegulator, "350000")).toBe(false);
    expect(inRegion(fuanRegulator, "350900")).toBe(false);
  });

  it("a missing role is 'forbidden', not 'not found'", () => {
    expect(hasRole(linAbo, "regulator", "citizen")).toBe(true);
    let kind: string | undefined;
    try {
      requireRole(linAbo, "regulator");
    } catch (e) {
      kind = isDomainError(e) ? `${e.ruleId}:${e.kind}` : undefined;
    }
    expect(kind).toBe("KRN-R06:forbidden");
  });
});
