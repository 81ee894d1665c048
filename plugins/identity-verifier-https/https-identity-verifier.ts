import type { GatewayKeyring } from "../../adapters/gateway/gateway-keyring.ts";
import type { ReplayGuard } from "../../adapters/gateway/replay-guard.ts";
import { causeOf, exchangeSigned } from "../../adapters/gateway/signed-exchange.ts";
import {
  type Clock,
  type IdentityCheck,
  type IdentityVerifier,
  type IdGenerator,
  maskMobile,
  maskName,
  maskResidentId,
} from "../../core/kernel/mod.ts";
import type { Logger } from "../_framework/logger.ts";
import { parseWireIdentityAnswer, type WireEnterpriseAgentRequest, type WirePersonRequest } from "./identity-wire.ts";

/** Why a real-name check could not be answered; the sign-in flow answers 503 and stores nothing. */
export class IdentityServiceError extends Error {
  override readonly name = "IdentityServiceError";
}

export interface HttpsIdentityVerifierOptions {
  /** The service's counterparty id: our X-FIF-Institution, and the signer expected on answers. */
  readonly serviceId: string;
  /** baseUrl + personPath. */
  readonly personUrl: URL;
  /** baseUrl + enterprisePath. */
  readonly enterpriseUrl: URL;
  readonly timeoutMs: number;
  readonly keyring: GatewayKeyring;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** For the nonces of the service's signed answers. */
  readonly replayGuard: ReplayGuard;
  readonly logger: Logger;
  /** Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** Default 64 KiB (an answer is a few hundred bytes). */
  readonly maxResponseBytes?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024;

type Kind = "person" | "enterprise-agent";

/**
 * KRN-R06 实名核验 by an outside service over signed HTTPS (KRN-R14): POSTs the signed query to
 * the service's person or enterprise endpoint, verifies the signed answer (known key of this
 * service, HMAC, ± window, single-use nonce, signed by the service asked) and maps it to an
 * `IdentityCheck`. Gives up after `timeoutMs`; never follows redirects; caps the answer's size.
 * Every failure — unreachable, timeout, non-200, not JSON, bad or replayed signature, wrong
 * shape — throws an `IdentityServiceError`, logged at `warn` with the subject masked (KRN-R04).
 */
export class HttpsIdentityVerifier implements IdentityVerifier {
  readonly #o: HttpsIdentityVerifierOptions;
  readonly #fetch: typeof fetch;

  constructor(options: HttpsIdentityVerifierOptions) {
    if (!options.keyring.signingKey(options.serviceId)) {
      throw new Error(`verification service ${options.serviceId} has no key in the keyring`);
    }
    this.#o = options;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  get serviceId(): string {
    return this.#o.serviceId;
  }

  async verifyPerson(query: { name: string; residentId: string; mobile: string }): Promise<IdentityCheck> {
    const requestId = this.#o.ids.next("idv");
    const body: WirePersonRequest = {
      requestId,
      name: query.name,
      residentId: query.residentId,
      mobile: query.mobile,
    };
    return this.#check("person", this.#o.personUrl, requestId, body, {
      name: maskName(query.name),
      residentId: maskResidentId(query.residentId),
      mobile: maskMobile(query.mobile),
    });
  }

  async verifyEnterpriseAgent(query: {
    uscc: string;
    enterpriseName: string;
    agentName: string;
    agentResidentId: string;
  }): Promise<IdentityCheck> {
    const requestId = this.#o.ids.next("idv");
    const body: WireEnterpriseAgentRequest = {
      requestId,
      uscc: query.uscc,
      enterpriseName: query.enterpriseName,
      agentName: query.agentName,
      agentResidentId: query.agentResidentId,
    };
    return this.#check("enterprise-agent", this.#o.enterpriseUrl, requestId, body, {
      uscc: maskResidentId(query.uscc),
      agentName: maskName(query.agentName),
      agentResidentId: maskResidentId(query.agentResidentId),
    });
  }

  async #check(
    kind: Kind,
    url: URL,
    requestId: string,
    body: WirePersonRequest | WireEnterpriseAgentRequest,
    masked: Readonly<Record<string, string>>,
  ): Promise<IdentityCheck> {
    const started = performance.now();
    const { serviceId, logger } = this.#o;
    try {
      const check = await this.#call(url, requestId, JSON.stringify(body));
      logger.debug("identity check answered", {
        serviceId,
        kind,
        requestId,
        outcome: check.outcome,
        reference: check.reference,
        elapsedMs: Math.round(performance.now() - started),
      });
      return check;
    } catch (e) {
      const error = e instanceof IdentityServiceError ? e : new IdentityServiceError(`${serviceId}: ${causeOf(e)}`);
      logger.warn("identity check failed; nothing is recorded and the citizen may retry", {
        serviceId,
        kind,
        requestId,
        subject: masked,
        error: error.message,
        elapsedMs: Math.round(performance.now() - started),
      });
      throw error;
    }
  }

  async #call(url: URL, requestId: string, body: string): Promise<IdentityCheck> {
    const { serviceId } = this.#o;
    const fail = (why: string) => new IdentityServiceError(`${serviceId}: ${why}`);
    const json = await exchangeSigned(
      {
        url,
        body,
        counterpartyId: serviceId,
        counterparty: "the verification service",
        keyring: this.#o.keyring,
        clock: this.#o.clock,
        replayGuard: this.#o.replayGuard,
        timeoutMs: this.#o.timeoutMs,
        maxResponseBytes: this.#o.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        fetch: this.#fetch,
      },
      fail,
    );
    try {
      return parseWireIdentityAnswer(json, requestId);
    } catch (e) {
      throw fail((e as Error).message);
    }
  }
}
