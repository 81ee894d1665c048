import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { TooManyRequestsError } from "../../adapters/auth/too-many-requests.ts";
import { type DomainErrorKind, isDomainError } from "../../core/kernel/mod.ts";
import type { AppEnv } from "../env.ts";
import { problemResponse } from "./problem-response.ts";
import type { ProblemSlug } from "./problem-types.ts";

/**
 * `app.onError`: every error becomes an RFC 9457 problem (KRN-R11).
 * - DomainError → its kind's status, with `ruleId`, `field` and the message as `detail`;
 *   `detail` data of the error become extension members;
 * - HTTPException (malformed JSON, unsupported media type, CSRF…) → its status;
 * - a body over the route's limit → 413, whatever the reader made of the cut-off body;
 * - anything else → 500 without internals, logged with its stack under the request id.
 */
const KIND: Record<DomainErrorKind, { status: number; slug: ProblemSlug }> = {
  validation: { status: 422, slug: "rule-violation" },
  not_found: { status: 404, slug: "not-found" },
  conflict: { status: 409, slug: "conflict" },
  forbidden: { status: 403, slug: "forbidden" },
  unauthenticated: { status: 401, slug: "unauthenticated" },
  unavailable: { status: 503, slug: "unavailable" },
};

export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (c.get("bodyLimitExceeded")) {
    return problemResponse(c, {
      status: 413,
      detail: `the request body is larger than this route accepts (${c.get("bodyLimit")} bytes)`,
      ruleId: "KRN-R11",
    });
  }
  if (isDomainError(err)) {
    const { status, slug } = KIND[err.kind];
    const headers: Record<string, string> = {};
    if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="fif"';
    if (status === 503) headers["Retry-After"] = "30";
    return problemResponse(
      c,
      {
        status,
        slug,
        detail: err.message,
        ruleId: err.ruleId,
        field: err.field,
        ...(err.detail ? { extensions: err.detail } : {}),
      },
      headers,
    );
  }
  if (err instanceof TooManyRequestsError) {
    return problemResponse(
      c,
      { status: 429, detail: err.message, ruleId: err.ruleId, field: err.field },
      { "Retry-After": String(err.retryAfterSeconds) },
    );
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 400 && /malformed json/i.test(err.message)) {
      return problemResponse(c, {
        status,
        slug: "malformed-json",
        detail: "the request body is not valid JSON",
        ruleId: "KRN-R11",
        field: "body",
      });
    }
    if (status >= 500) return internal(err, c, status);
    const headers: Record<string, string> = {};
    const allow = err.getResponse().headers.get("Allow");
    if (allow) headers.Allow = allow;
    const detail = err.message || (status === 403 ? "cross-site form posts are refused (CSRF check)" : undefined);
    return problemResponse(c, { status, ...(detail ? { detail } : {}), ruleId: "KRN-R11" }, headers);
  }
  return internal(err, c, 500);
}

function internal(err: Error, c: Context<AppEnv>, status: number): Response {
  c.get("logger")?.error("unhandled error", { requestId: c.get("requestId"), error: err });
  return problemResponse(c, {
    status,
    slug: status === 503 ? "unavailable" : "internal-error",
    detail: "the server could not complete the request; quote the requestId when reporting it",
  });
}
