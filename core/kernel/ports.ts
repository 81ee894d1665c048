/**
 * Ports the kernel needs from the world. Adapters implement them; tests pass fixed ones.
 */

/** The clock (KRN-R03): the only source of "now". */
export interface Clock {
  now(): Date;
}

/** Identifiers for new records. */
export interface IdGenerator {
  next(prefix: string): string;
}

/** One audit entry (KRN-R07), written in the same transaction as the change it records. */
export interface AuditEntryInput {
  readonly regionCode: string;
  readonly actor: string; // principal id, e.g. "inst:abc/u1" or "citizen:..." or "system"
  readonly action: string; // e.g. "factor.confirm"
  readonly objectType: string;
  readonly objectId: string;
  readonly outcome: "ok" | "denied" | "failed";
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface AuditWriter {
  append(entry: AuditEntryInput): Promise<void>;
}

/** An outgoing domain event (KRN-R09), stored in the same transaction, delivered later. */
export interface OutboxEventInput {
  readonly regionCode: string;
  readonly type: string; // e.g. "marketplace.application.submitted"
  readonly aggregateId: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface OutboxWriter {
  enqueue(event: OutboxEventInput): Promise<void>;
}

/** SHA-256 and friends, for content hashes (audit chain, letters, push logs). */
export interface Hasher {
  /** Lower-case hex SHA-256 of the UTF-8 text. */
  sha256Hex(text: string): string;
}

/** KRN-R04: encryption at rest of class-C2 personal data (envelope encryption, rotatable keys). */
export interface FieldCipher {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
}

/** KRN-R04: keyed hash for looking up a C2 field without its plaintext. */
export interface BlindIndexer {
  /** `kind` separates namespaces, e.g. "resident-id", "mobile", "bank-card". */
  index(kind: string, value: string): string;
}

/** What a real-name check (实名核验) answered: the details belong together or not, and the check's reference. */
export interface IdentityCheck {
  readonly outcome: "match" | "mismatch";
  /** The verifying service's reference for the check, kept with the identity for audit. */
  readonly reference: string;
}

/**
 * KRN-R06 实名认证: the outside service that proves who a signed-in citizen is — that a name,
 * resident ID and mobile belong together (the operators' or the public-security registry's
 * check), or that a person is the legal representative or authorised agent of an enterprise
 * (the market-regulation registry). Throws when the service cannot answer; nothing is stored then.
 */
export interface IdentityVerifier {
  verifyPerson(query: {
    readonly name: string;
    readonly residentId: string;
    readonly mobile: string;
  }): Promise<IdentityCheck>;
  verifyEnterpriseAgent(query: {
    readonly uscc: string;
    readonly enterpriseName: string;
    readonly agentName: string;
    readonly agentResidentId: string;
  }): Promise<IdentityCheck>;
}

/** Sends a message to a person (SMS in production; the development notifier logs it). */
export interface Notifier {
  send(message: { readonly mobile: string; readonly text: string; readonly purpose: string }): Promise<void>;
}
