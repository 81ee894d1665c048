import { portToken } from "../../core/kernel/mod.ts";
import {
  DEFAULT_REPLAY_WINDOW_SECONDS,
  INSTITUTION_ID_PATTERN,
  KEY_ID_PATTERN,
  MIN_SECRET_BYTES,
} from "./gateway-protocol.ts";

/** Where a verifier looks up the secret an institution signed with. */
export interface GatewaySecrets {
  /** The shared secret of `institutionId` under `keyId`, or undefined when there is no such key. */
  secretFor(institutionId: string, keyId: string): Uint8Array | undefined;
}

export interface GatewayKey {
  readonly keyId: string;
  readonly secret: Uint8Array;
}

export interface InstitutionKeys {
  readonly institutionId: string;
  /** The key our requests are signed with; also accepted on answers and callbacks. */
  readonly current: GatewayKey;
  /** Keys still accepted on answers and callbacks while a rotation is under way. */
  readonly previous?: readonly GatewayKey[];
}

interface Entry {
  readonly signing: GatewayKey;
  readonly accepted: ReadonlyMap<string, Uint8Array>;
}

/**
 * The shared secrets of the institutions connected over HTTPS in one region (KRN-R14), by
 * institution and key id, plus the replay window they are checked with. A rotation: the new key
 * becomes `current`, the old one stays in `previous` until the institution has switched, then is
 * dropped. Secrets are copied in and kept in private fields, so they never show in logs,
 * `JSON.stringify` or `util.inspect`.
 */
export class GatewayKeyring implements GatewaySecrets {
  readonly windowSeconds: number;
  readonly #entries = new Map<string, Entry>();

  constructor(institutions: readonly InstitutionKeys[], windowSeconds = DEFAULT_REPLAY_WINDOW_SECONDS) {
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1) {
      throw new RangeError(`the replay window is a positive whole number of seconds, got ${windowSeconds}`);
    }
    this.windowSeconds = windowSeconds;
    for (const inst of institutions) {
      const id = inst.institutionId;
      if (!INSTITUTION_ID_PATTERN.test(id)) throw new Error(`institution id "${id}" is not a valid id`);
      if (this.#entries.has(id)) throw new Error(`institution ${id} is listed twice`);
      const accepted = new Map<string, Uint8Array>();
      for (const key of [inst.current, ...(inst.previous ?? [])]) {
        if (!KEY_ID_PATTERN.test(key.keyId)) throw new Error(`institution ${id}: key id "${key.keyId}" is not valid`);
        if (accepted.has(key.keyId)) throw new Error(`institution ${id}: key id ${key.keyId} is used twice`);
        if (key.secret.byteLength < MIN_SECRET_BYTES) {
          throw new Error(
            `institution ${id}: the secret of key ${key.keyId} is shorter than ${MIN_SECRET_BYTES} bytes`,
          );
        }
        accepted.set(key.keyId, Uint8Array.from(key.secret));
      }
      const current = accepted.get(inst.current.keyId) as Uint8Array;
      this.#entries.set(id, { signing: { keyId: inst.current.keyId, secret: current }, accepted });
    }
  }

  secretFor(institutionId: string, keyId: string): Uint8Array | undefined {
    return this.#entries.get(institutionId)?.accepted.get(keyId);
  }

  /** The key to sign messages to `institutionId` with, or undefined for an unknown institution. */
  signingKey(institutionId: string): GatewayKey | undefined {
    return this.#entries.get(institutionId)?.signing;
  }

  has(institutionId: string): boolean {
    return this.#entries.has(institutionId);
  }

  institutionIds(): string[] {
    return [...this.#entries.keys()].sort();
  }

  /** Key ids accepted from `institutionId` (no secrets), e.g. for a status page. */
  keyIds(institutionId: string): string[] {
    return [...(this.#entries.get(institutionId)?.accepted.keys() ?? [])];
  }

  toJSON(): { institutions: string[]; windowSeconds: number } {
    return { institutions: this.institutionIds(), windowSeconds: this.windowSeconds };
  }
}

/**
 * DI token of the region's `GatewayKeyring`, provided by the `http-gateway` plugin: HTTP routes
 * that accept institution callbacks resolve it with `region.adapter(GatewayKeyringPort)`.
 */
export const GatewayKeyringPort = portToken("platform.GatewayKeyring");
