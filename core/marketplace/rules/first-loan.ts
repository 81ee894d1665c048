import type { CategoryCode, CreditDataRecord } from "../domain/credit-data.ts";

/**
 * MKT-R07 first-loan applicant (首贷户). An applicant with no loan in the credit data at
 * application time is a first-loan applicant; the pack names the categories that hold loans
 * (one record per loan held or repaid). Records about anyone else are ignored.
 */
export const FIRST_LOAN_RULE = "MKT-R07";

export function isFirstLoanApplicant(
  records: readonly CreditDataRecord[],
  loanCategories: readonly CategoryCode[],
  subjectId: string,
): boolean {
  for (const r of records) {
    if (r.subjectId === subjectId && loanCategories.includes(r.category)) return false;
  }
  return true;
}
