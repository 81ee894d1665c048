/**
 * A broken business rule or bad input, carrying the rule id and the field that failed
 * (KRN-R11). The HTTP layer maps `kind` to a status and renders an RFC 9457 problem.
 */
export type DomainErrorKind =
  | "validation" // 400/422: input does not satisfy a rule
  | "not_found" // 404: missing, or belongs to someone else (KRN-R06)
  | "conflict" // 409: state does not allow it now
  | "forbidden" // 403: authenticated but the role may not do this
  | "unauthenticated" // 401
  | "unavailable"; // 503: an outside system is not answering

export interface DomainErrorInit {
  readonly ruleId: string;
  readonly kind?: DomainErrorKind;
  readonly field?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export class DomainError extends Error {
  readonly ruleId: string;
  readonly kind: DomainErrorKind;
  readonly field: string | undefined;
  readonly detail: Readonly<Record<string, unknown>> | undefined;

  constructor(message: string, init: DomainErrorInit) {
    super(message);
    this.name = "DomainError";
    this.ruleId = init.ruleId;
    this.kind = init.kind ?? "validation";
    this.field = init.field;
    this.detail = init.detail;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
