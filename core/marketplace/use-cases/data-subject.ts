import {
  type BlindIndexer,
  businessDateOf,
  type FieldCipher,
  validateResidentId,
  validateUscc,
} from "../../kernel/mod.ts";
import type { DataSubject, DataSubjectIdKind, StoredDataSubject } from "../domain/data-subject.ts";

/** Validates an identity (GB 11643 / GB 32100) on the business date of `now`; KRN-ID errors name `field`. */
export function validDataSubject(
  input: { readonly idKind: DataSubjectIdKind; readonly idNumber: string },
  now: Date,
  field: string,
): DataSubject {
  const idNumber =
    input.idKind === "resident-id"
      ? validateResidentId(input.idNumber, { asOf: businessDateOf(now), field })
      : validateUscc(input.idNumber, field);
  return { idKind: input.idKind, idNumber };
}

/** The stored form: blind index for lookups, ciphertext for the systems that need the number. */
export function storeDataSubject(s: DataSubject, blindIndex: BlindIndexer, cipher: FieldCipher): StoredDataSubject {
  return { idKind: s.idKind, idIndex: blindIndex.index(s.idKind, s.idNumber), idCipher: cipher.encrypt(s.idNumber) };
}

/** The identity back in memory (for the data source or registry). */
export function openDataSubject(s: StoredDataSubject, cipher: FieldCipher): DataSubject {
  return { idKind: s.idKind, idNumber: cipher.decrypt(s.idCipher) };
}
