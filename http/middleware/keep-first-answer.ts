import type { Context, Next } from "hono";
import type { AppEnv } from "../env.ts";
import type { IdemBegin, IdempotencyStore } from "./idempotency.ts";

/** Response headers that belong to one exchange and are not replayed. */
const NOT_STORED = new Set(["set-cookie", "x-request-id", "date", "content-length", "connection", "transfer-encoding"]);

/** The kept answer of an earlier run, marked as a replay. */
export function replayOf(begun: Extract<IdemBegin, { kind: "replay" }>): Response {
  return new Response(begun.body, {
    status: begun.status,
    headers: { ...begun.headers, "Idempotent-Replayed": "true" },
  });
}

/**
 * KRN-R08, second half, shared by the API's `idempotent()` and the pages' form-once: runs the
 * handler for a key that `begin` gave as new, then keeps its answer for replays when its status is
 * below `keepBelow`, else frees the key (so a retry runs again). A thrown error frees the key too.
 * If the answer cannot be stored, the work stands and the key stays "in progress" until its lease
 * ends (logged with `label`).
 */
export async function runAndKeep(
  c: Context<AppEnv>,
  next: Next,
  o: {
    readonly store: IdempotencyStore;
    readonly scope: string;
    readonly key: string;
    readonly keepBelow: number;
    readonly label: string;
  },
): Promise<void> {
  try {
    await next();
  } catch (e) {
    await o.store.abandon(o.scope, o.key);
    throw e;
  }
  const res = c.res;
  if (res.status >= o.keepBelow) {
    await o.store.abandon(o.scope, o.key);
    return;
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (!NOT_STORED.has(k)) headers[k] = v;
  });
  try {
    await o.store.complete(o.scope, o.key, { status: res.status, headers, body: await res.clone().text() });
  } catch (e) {
    c.get("logger").error(`${o.label}: could not store the answer`, { requestId: c.get("requestId"), error: e });
  }
}
