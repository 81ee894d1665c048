import type { GatewayKeyring } from "../../adapters/gateway/gateway-keyring.ts";
import type { ReplayGuard } from "../../adapters/gateway/replay-guard.ts";
import { signGatewayMessage } from "../../adapters/gateway/signature.ts";
import { verifyGatewayMessage } from "../../adapters/gateway/verify-message.ts";
import type { Clock } from "../../core/kernel/mod.ts";
import type { LenderDecision, LenderDecisionRequest, LenderGateway } from "../../core/marketplace/mod.ts";
import type { Logger } from "../_framework/logger.ts";
import { parseWireDecision, toWireDecisionRequest } from "./decision-wire.ts";
import { readLimitedBody } from "./read-limited-body.ts";

/** Why a decision request to an institution failed; the core falls back to the manual queue. */
export class GatewayCallError extends Error {
  override readonly name = "GatewayCallError";
}

export interface HttpLenderGatewayOptions {
  readonly institutionId: string;
  /** baseUrl + decisionPath. */
  readonly url: URL;
  /** Upper bound per request; the core's budget and signal apply as well. */
  readonly timeoutMs: number;
  readonly keyring: GatewayKeyring;
  readonly clock: Clock;
  /** For the nonces of the institution's signed answers. */
  readonly replayGuard: ReplayGuard;
  readonly logger: Logger;
  /** Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Default 256 KiB. */
  readonly maxResponseBytes?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return cause.message;
  return e instanceof Error ? e.message : String(e);
}

/**
 * One institution connected over HTTPS (KRN-R14): POSTs the signed decision request to its
 * endpoint, verifies the signed answer the same way (key, HMAC, ± window, single-use nonce, the
 * institution that was asked), checks it answers the same application and maps it to a
 * `LenderDecision`. Gives up when the core's signal aborts, after the budget, or after
 * `timeoutMs`, whichever is first; never follows redirects. Every failure is a
 * `GatewayCallError`, which the core records as a failure (manual-queue fallback, MKT-R06).
 */
export class HttpLenderGateway implements LenderGateway {
  readonly #o: HttpLenderGatewayOptions;
  readonly #fetch: typeof fetch;

  constructor(options: HttpLenderGatewayOptions) {
    if (!options.keyring.signingKey(options.institutionId)) {
      throw new Error(`institution ${options.institutionId} has no key in the gateway keyring`);
    }
    this.#o = options;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  get institutionId(): string {
    return this.#o.institutionId;
  }

  async requestDecision(
    request: LenderDecisionRequest,
    options: { readonly signal: AbortSignal; readonly budgetMs: number },
  ): Promise<LenderDecision> {
    const started = performance.now();
    try {
      return await this.#call(request, options);
    } catch (e) {
      const error = e instanceof GatewayCallError ? e : new GatewayCallError(`${this.#o.institutionId}: ${causeOf(e)}`);
      this.#o.logger.warn("gateway: decision request failed; the application goes to the manual queue", {
        institutionId: this.#o.institutionId,
        applicationId: request.applicationId,
        error: error.message,
        elapsedMs: Math.round(performance.now() - started),
      });
      throw error;
    }
  }

  async #call(
    request: LenderDecisionRequest,
    options: { readonly signal: AbortSignal; readonly budgetMs: number },
  ): Promise<LenderDecision> {
    const { institutionId, keyring, clock } = this.#o;
    const fail = (why: string) => new GatewayCallError(`${institutionId}: ${why}`);
    if (request.institutionId !== institutionId) throw fail(`asked to decide for ${request.institutionId}`);
    if (options.signal.aborted) throw fail("cancelled before the request was sent");
    const key = keyring.signingKey(institutionId);
    if (!key) throw fail("no signing key");

    const limitMs = Math.max(1, Math.min(this.#o.timeoutMs, options.budgetMs));
    const timeout = AbortSignal.timeout(limitMs);
    const signal = AbortSignal.any([options.signal, timeout]);
    const body = JSON.stringify(toWireDecisionRequest(request, options.budgetMs));
    const headers = {
      "content-type": "application/json; charset=utf-8",
      accept: "application/json",
      ...signGatewayMessage({ institutionId, keyId: key.keyId, secret: key.secret, rawBody: body, now: clock.now() }),
    };

    let response: Response;
    let raw: Uint8Array;
    try {
      response = await this.#fetch(this.#o.url, { method: "POST", headers, body, signal, redirect: "error" });
      raw = await readLimitedBody(response, this.#o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
    } catch (e) {
      if (timeout.aborted) throw fail(`no answer within ${limitMs} ms`);
      if (options.signal.aborted) throw fail("abandoned: the decision budget ran out");
      throw fail(`could not reach the institution (${causeOf(e)})`);
    }
    if (response.status !== 200) throw fail(`the institution answered HTTP ${response.status}`);
    const type = response.headers.get("content-type") ?? "";
    if (!/^application\/json\b/i.test(type)) throw fail(`malformed answer: content type "${type}" is not JSON`);

    try {
      const verified = await verifyGatewayMessage({
        headers: response.headers,
        rawBody: raw,
        secrets: keyring,
        now: clock.now(),
        windowSeconds: keyring.windowSeconds,
        replayGuard: this.#o.replayGuard,
      });
      if (verified.institutionId !== institutionId) throw new Error(`signed by ${verified.institutionId}`);
    } catch (e) {
      throw fail(`answer refused: ${(e as Error).message}`);
    }

    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
    } catch {
      throw fail("malformed answer: not JSON");
    }
    try {
      return parseWireDecision(json, request.applicationId);
    } catch (e) {
      throw fail((e as Error).message);
    }
  }
}
