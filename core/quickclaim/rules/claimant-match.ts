import { DomainError } from "../../kernel/mod.ts";

/** Names compared the way a counter clerk would: width-folded, no spaces or middle dots, case-blind. */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s·•・.]/g, "")
    .toUpperCase();
}

/**
 * QC-R07 领款人核验: a payout needs the ID card to be the claimant's (the party's driver, by
 * name and resident ID number) and the bank card to be held by the same person.
 */
export function assertClaimantMatches(
  party: { readonly driverName: string; readonly driverLicenceNo: string },
  idCard: { readonly name: string; readonly residentId: string },
  bankCard: { readonly holderName: string },
): void {
  if (idCard.residentId !== party.driverLicenceNo) {
    throw new DomainError("the ID card is not the claimant's (number differs from the party's)", {
      ruleId: "QC-R07",
      field: "idCard.residentId",
    });
  }
  if (normaliseName(idCard.name) !== normaliseName(party.driverName)) {
    throw new DomainError("the name on the ID card differs from the party's driver", {
      ruleId: "QC-R07",
      field: "idCard.name",
    });
  }
  if (normaliseName(bankCard.holderName) !== normaliseName(idCard.name)) {
    throw new DomainError("the bank card holder is not the claimant", {
      ruleId: "QC-R07",
      field: "bankCard.holderName",
    });
  }
}
