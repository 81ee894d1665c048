/**
 * A caller is over a rate limit (e.g. one-time codes per mobile). The HTTP layer answers 429
 * with `Retry-After`. Not a DomainError kind: it is about traffic, not a business rule.
 */
export class TooManyRequestsError extends Error {
  override readonly name = "TooManyRequestsError";
  readonly ruleId: string;
  readonly retryAfterSeconds: number;
  readonly field: string | undefined;

  constructor(message: string, init: { ruleId: string; retryAfterSeconds: number; field?: string }) {
    super(message);
    this.ruleId = init.ruleId;
    this.retryAfterSeconds = Math.max(1, Math.ceil(init.retryAfterSeconds));
    this.field = init.field;
  }
}
