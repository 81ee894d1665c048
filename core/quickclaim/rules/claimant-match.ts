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

/**
 * QC-R07 with KRN-R06 实名认证: money goes only to a person the account has proved to be —
 * name, resident ID and the account's mobile checked with the real-name service — so a phone
 * that signed in as a party cannot direct the payout with a typed ID and holder name. `idIndex`
 * is the blind index of the claimant's resident ID, `proved` the account's proved indexes.
 */
export function assertClaimantProved(proved: readonly string[] | undefined, idIndex: string): void {
  if (proved?.includes(idIndex)) return;
  throw new DomainError(
    "实名认证 first: this account has not proved the claimant's identity (name, resident ID and mobile), so no payout can go to it",
    { ruleId: "QC-R07", kind: "forbidden", field: "idCard.residentId", detail: { prove: "/identity" } },
  );
}
