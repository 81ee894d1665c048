import type { MiddlewareHandler } from "hono";
import { sha256HexOfBytes } from "../../adapters/auth/secrets.ts";
import { DomainError } from "../../core/kernel/mod.ts";
import type { AppEnv } from "../env.ts";
import { problemResponse } from "../problem/problem-response.ts";
import { replayOf, runAndKeep } from "./keep-first-answer.ts";

/**
 * KRN-R08 idempotency for state-changing POSTs that opt in (`middleware: [requireAuth(…), idempotent()]`).
 *
 * The `Idempotency-Key` header (1–255 visible ASCII characters) is required unless
 * `{ required: false }`. Scope = principal id (or "anonymous") + method + path; the request
 * hash is SHA-256 over the raw body bytes. Outcomes:
 *   first request       → runs; its response (2xx–4xx) is stored; a 5xx frees the key again;
 *   same key, same body → the stored response, with `Idempotent-Replayed: true`;
 *   same key, new body  → 422 problem (ruleId KRN-R08, field Idempotency-Key);
 *   while the first one still runs → 409 problem.
 * Place it after `requireAuth` so that the scope is the caller's.
 */
export type IdemBegin =
  | { kind: "new" }
  | { kind: "replay"; status: number; headers: Record<string, string>; body: string }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

export interface IdemResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The store's slice this middleware uses (adapters/platform/idempotency-store.ts implements it). */
export interface IdempotencyStore {
  begin(scope: string, key: string, requestHash: string): Promise<IdemBegin>;
  complete(scope: string, key: string, res: IdemResponse): Promise<void>;
  abandon(scope: string, key: string): Promise<void>;
}

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

function rule(message: string, kind: "validation" | "conflict"): DomainError {
  return new DomainError(message, { ruleId: "KRN-R08", kind, field: IDEMPOTENCY_HEADER });
}

function badHeader(message: string) {
  return {
    status: 400,
    slug: "validation-error" as const,
    detail: message,
    ruleId: "KRN-R08",
    field: IDEMPOTENCY_HEADER,
    errors: [{ field: `header.${IDEMPOTENCY_HEADER}`, message }],
  };
}

export function idempotent(options: { readonly required?: boolean } = {}): MiddlewareHandler<AppEnv> {
  const required = options.required ?? true;
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) {
      if (!required) return next();
      return problemResponse(
        c,
        badHeader(`send an ${IDEMPOTENCY_HEADER} header: a unique value per operation, reused on retries`),
      );
    }
    if (!KEY_SHAPE.test(key))
      return problemResponse(c, badHeader(`${IDEMPOTENCY_HEADER} must be 1-255 visible ASCII characters`));

    const store = c.get("idempotency");
    const scope = `${c.get("principal")?.id ?? "anonymous"} ${c.req.method} ${c.req.path}`;
    const requestHash = sha256HexOfBytes(new Uint8Array(await c.req.arrayBuffer()));
    const begun = await store.begin(scope, key, requestHash);
    if (begun.kind === "mismatch") {
      throw rule(`this ${IDEMPOTENCY_HEADER} was already used with a different request body`, "validation");
    }
    if (begun.kind === "in_progress") {
      throw rule(`a request with this ${IDEMPOTENCY_HEADER} is still being processed; retry shortly`, "conflict");
    }
    if (begun.kind === "replay") return replayOf(begun);
    // 2xx–4xx are kept; a 5xx frees the key again.
    await runAndKeep(c, next, { store, scope, key, keepBelow: 500, label: "idempotency" });
  };
}
