import type { GatewayKeyring } from "../../adapters/gateway/gateway-keyring.ts";
import type { ReplayGuard } from "../../adapters/gateway/replay-guard.ts";
import { causeOf, exchangeSigned } from "../../adapters/gateway/signed-exchange.ts";
import type { Clock } from "../../core/kernel/mod.ts";
import type { LenderDecision, LenderDecisionRequest, LenderGateway } from "../../core/marketplace/mod.ts";
import type { Logger } from "../_framework/logger.ts";
import { parseWireDecision, toWireDecisionRequest } from "./decision-wire.ts";

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
    const { institutionId } = this.#o;
    const fail = (why: string) => new GatewayCallError(`${institutionId}: ${why}`);
    if (request.institutionId !== institutionId) throw fail(`asked to decide for ${request.institutionId}`);
    if (options.signal.aborted) throw fail("cancelled before the request was sent");
    const json = await exchangeSigned(
      {
        url: this.#o.url,
        body: JSON.stringify(toWireDecisionRequest(request, options.budgetMs)),
        counterpartyId: institutionId,
        counterparty: "the institution",
        keyring: this.#o.keyring,
        clock: this.#o.clock,
        replayGuard: this.#o.replayGuard,
        timeoutMs: Math.max(1, Math.min(this.#o.timeoutMs, options.budgetMs)),
        maxResponseBytes: this.#o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        fetch: this.#fetch,
        abandon: { signal: options.signal, reason: "abandoned: the decision budget ran out" },
      },
      fail,
    );
    try {
      return parseWireDecision(json, request.applicationId);
    } catch (e) {
      throw fail((e as Error).message);
    }
  }
}
