import type { Clock } from "../../core/kernel/mod.ts";
import type { GatewayKeyring } from "./gateway-keyring.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import type { ReplayGuard } from "./replay-guard.ts";
import { signGatewayMessage } from "./signature.ts";
import { verifyGatewayMessage } from "./verify-message.ts";

/**
 * One KRN-R14 request and answer with an outside party (a bank's decision service, a real-name
 * service): POSTs `body` signed with our current key for `counterpartyId`, and takes the answer
 * only when it is HTTP 200, JSON, no larger than `maxResponseBytes`, and signed by that same
 * counterparty (known key, HMAC, ± window, single-use nonce). Never follows redirects. Gives up
 * after `timeoutMs`, or when `signal` aborts. Every failure is thrown as `fail(reason)`, in the
 * caller's words for the other side (`counterparty`, e.g. "the institution"). Returns the parsed
 * JSON for the caller's own wire parser.
 */
export interface SignedExchange {
  readonly url: URL;
  readonly body: string;
  readonly counterpartyId: string;
  /** How the reasons name the other side: "the institution", "the verification service". */
  readonly counterparty: string;
  readonly keyring: GatewayKeyring;
  readonly clock: Clock;
  readonly replayGuard: ReplayGuard;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly fetch: typeof fetch;
  /** The caller's own reason to stop waiting (e.g. the core's decision budget), with its words. */
  readonly abandon?: { readonly signal: AbortSignal; readonly reason: string };
}

/** The network error's code or message, for a reason a person can act on. */
export function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return cause.message;
  return e instanceof Error ? e.message : String(e);
}

export async function exchangeSigned(x: SignedExchange, fail: (reason: string) => Error): Promise<unknown> {
  const key = x.keyring.signingKey(x.counterpartyId);
  if (!key) throw fail("no signing key");
  const timeout = AbortSignal.timeout(x.timeoutMs);
  const signal = x.abandon ? AbortSignal.any([x.abandon.signal, timeout]) : timeout;
  const headers = {
    "content-type": "application/json; charset=utf-8",
    accept: "application/json",
    ...signGatewayMessage({
      institutionId: x.counterpartyId,
      keyId: key.keyId,
      secret: key.secret,
      rawBody: x.body,
      now: x.clock.now(),
    }),
  };

  let response: Response;
  let raw: Uint8Array;
  try {
    response = await x.fetch(x.url, { method: "POST", headers, body: x.body, signal, redirect: "error" });
    raw = await readLimitedBody(response, x.maxResponseBytes);
  } catch (e) {
    if (timeout.aborted) throw fail(`no answer within ${x.timeoutMs} ms`);
    if (x.abandon?.signal.aborted) throw fail(x.abandon.reason);
    throw fail(`could not reach ${x.counterparty} (${causeOf(e)})`);
  }
  if (response.status !== 200) throw fail(`${x.counterparty} answered HTTP ${response.status}`);
  const type = response.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw fail(`malformed answer: content type "${type}" is not JSON`);

  try {
    const verified = await verifyGatewayMessage({
      headers: response.headers,
      rawBody: raw,
      secrets: x.keyring,
      now: x.clock.now(),
      windowSeconds: x.keyring.windowSeconds,
      replayGuard: x.replayGuard,
    });
    if (verified.institutionId !== x.counterpartyId) throw new Error(`signed by ${verified.institutionId}`);
  } catch (e) {
    throw fail(`answer refused: ${(e as Error).message}`);
  }

  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    throw fail("malformed answer: not JSON");
  }
}
