import { describe, expect, it } from "vitest";
import type { CreditDataRecord } from "../domain/credit-data.ts";
import { isFirstLoanApplicant } from "./first-loan.ts";

const ZHANG = "350802198801153019";
const loan = (subjectId: string, category = "finance.loan-records"): CreditDataRecord => ({
  category,
  subjectId,
  observedOn: "2024-05-31",
  fields: { lender: "某银行" },
});

describe("MKT-R07 首贷户 first-loan applicant", () => {
  it.each([
    ["张师傅 with no loan record in the credit data is a first-loan applicant", [], true],
    ["an applicant with one loan record is not", [loan(ZHANG)], false],
    ["someone else's loan does not count against the applicant", [loan("92350802MA31XK5R2X")], true],
    ["records of other categories are not loans", [loan(ZHANG, "tax.paid")], true],
  ] as [string, CreditDataRecord[], boolean][])("%s", (_title, records, first) => {
    expect(isFirstLoanApplicant(records, ["finance.loan-records"], ZHANG)).toBe(first);
  });

  it("follows the pack's list of loan categories", () => {
    expect(isFirstLoanApplicant([loan(ZHANG, "fund.loans")], ["finance.loan-records", "fund.loans"], ZHANG)).toBe(
      false,
    );
  });
});
