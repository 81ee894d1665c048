import { DomainError } from "../errors.ts";

/** Why an identity value was refused; rendered with the problem detail, never with the value. */
export type IdentityFailure = "format" | "check_digit" | "birth_date" | "region" | "category";

/**
 * A refused identity value (rule KRN-ID). The message and detail never repeat the value itself:
 * it is class-C2 personal data (KRN-R04) and errors end up in logs.
 */
export function identityError(message: string, field: string, reason: IdentityFailure): DomainError {
  return new DomainError(message, { ruleId: "KRN-ID", field, detail: { reason } });
}
