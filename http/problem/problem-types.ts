/**
 * The catalogue of problem types (RFC 9457 `type`), each a relative URI under `/problems/`
 * that resolves to this description (see system/system-routes.ts).
 */
export interface ProblemType {
  readonly slug: string;
  readonly status: number;
  readonly title: string;
  readonly description: string;
}

const TYPES = [
  [
    "validation-error",
    400,
    "Request failed validation",
    "A parameter or body field is missing, has the wrong type or format, or is not a known field (request schemas are strict). `errors` names each failed field.",
  ],
  ["malformed-json", 400, "Malformed JSON", "The request body is not valid JSON."],
  ["bad-request", 400, "Bad request", "The request could not be understood."],
  [
    "unauthenticated",
    401,
    "Authentication required",
    "Send `Authorization: Bearer fif_…` (API key) or sign in for a session; a presented credential may be unknown, expired or revoked.",
  ],
  ["forbidden", 403, "Forbidden", "The caller is authenticated but its roles do not allow this (KRN-R06)."],
  [
    "not-found",
    404,
    "Not found",
    "There is no such resource, or it belongs to someone else (KRN-R06: both look the same).",
  ],
  ["method-not-allowed", 405, "Method not allowed", "The path exists but not for this method; see the `Allow` header."],
  [
    "conflict",
    409,
    "Conflict",
    "The current state does not allow this now, or the same Idempotency-Key is still being processed (KRN-R08).",
  ],
  ["payload-too-large", 413, "Payload too large", "The request body exceeds this route's limit."],
  [
    "unsupported-media-type",
    415,
    "Unsupported media type",
    "Send the body with a content type this route accepts (usually application/json).",
  ],
  [
    "rule-violation",
    422,
    "Business rule violated",
    "The input is well-formed but breaks a rule; `ruleId` names it and `field` the input at fault.",
  ],
  ["too-many-requests", 429, "Too many requests", "A rate limit was reached; see `Retry-After`."],
  ["internal-error", 500, "Internal error", "Something failed on the server; quote `requestId` when reporting it."],
  [
    "unavailable",
    503,
    "Service unavailable",
    "A dependency (database, an outside system) is not answering; retry later.",
  ],
] as const;

export const PROBLEM_TYPES: ReadonlyMap<string, ProblemType> = new Map(
  TYPES.map(([slug, status, title, description]) => [slug, { slug, status, title, description }]),
);

export type ProblemSlug = (typeof TYPES)[number][0];

export function problemTypeUri(slug: ProblemSlug): string {
  return `/problems/${slug}`;
}

const BY_STATUS = new Map<number, ProblemSlug>([
  [400, "bad-request"],
  [401, "unauthenticated"],
  [403, "forbidden"],
  [404, "not-found"],
  [405, "method-not-allowed"],
  [409, "conflict"],
  [413, "payload-too-large"],
  [415, "unsupported-media-type"],
  [422, "rule-violation"],
  [429, "too-many-requests"],
  [500, "internal-error"],
  [503, "unavailable"],
]);

/** The catalogue entry for a plain HTTP status; undefined for statuses with no entry. */
export function slugForStatus(status: number): ProblemSlug | undefined {
  return BY_STATUS.get(status);
}
