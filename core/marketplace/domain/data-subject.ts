/**
 * The person or organisation data is about. The identity number is class C2 (KRN-R04): it is
 * held in plaintext only in memory while a use case runs, and stored as a blind index (for
 * lookups) plus ciphertext (for the data source that needs the number).
 */
export type DataSubjectIdKind = "resident-id" | "uscc";

/** A validated identity, in memory only. */
export interface DataSubject {
  readonly idKind: DataSubjectIdKind;
  /** Normalised resident ID number or unified social credit code. */
  readonly idNumber: string;
}

/** How a data subject is stored. */
export interface StoredDataSubject {
  readonly idKind: DataSubjectIdKind;
  /** Blind index (keyed hash) of the identity number, namespace = idKind. */
  readonly idIndex: string;
  /** The identity number encrypted with the FieldCipher. */
  readonly idCipher: string;
}

/** The category-subject kind an identity kind stands for. */
export function subjectKindOf(idKind: DataSubjectIdKind): "person" | "organisation" {
  return idKind === "resident-id" ? "person" : "organisation";
}
