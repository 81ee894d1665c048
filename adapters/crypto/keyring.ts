import { hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * KRN-R04 key material, from configuration:
 *   FIELD_KEYS="kid1:<base64 32 bytes>,kid2:<base64 32 bytes>"  key-encryption keys by key id
 *   FIELD_KEY_ACTIVE=kid2          the key new values are wrapped with (optional with one key)
 *   BLIND_INDEX_KEY=<base64 32 bytes>   the blind index's own HMAC key
 * Old key ids stay listed after a rotation so that old values still decrypt (and can be
 * rewrapped). Without any of them, outside production, a development keyring is derived from a
 * fixed, public secret and `isDevelopment` says so; in production (NODE_ENV=production) missing
 * keys stop start-up.
 */
export interface Keyring {
  readonly activeKid: string;
  readonly fieldKeys: ReadonlyMap<string, Uint8Array>;
  readonly blindIndexKey: Uint8Array;
  readonly isDevelopment: boolean;
}

export interface KeyringEnv {
  readonly FIELD_KEYS?: string | undefined;
  readonly FIELD_KEY_ACTIVE?: string | undefined;
  readonly BLIND_INDEX_KEY?: string | undefined;
  readonly NODE_ENV?: string | undefined;
}

export class KeyringError extends Error {
  override readonly name = "KeyringError";
}

export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
export const DEVELOPMENT_KID = "dev1";
const KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const DEV_SECRET = "fujian-inclusive-finance/development-keys/not-for-production";

export function loadKeyring(env: KeyringEnv, options: { readonly warn?: (message: string) => void } = {}): Keyring {
  const fieldKeys = env.FIELD_KEYS?.trim() ?? "";
  const active = env.FIELD_KEY_ACTIVE?.trim() ?? "";
  const blind = env.BLIND_INDEX_KEY?.trim() ?? "";
  const production = env.NODE_ENV === "production";

  if (fieldKeys === "" && active === "" && blind === "") {
    if (production) {
      throw new KeyringError(
        "NODE_ENV=production needs FIELD_KEYS, FIELD_KEY_ACTIVE and BLIND_INDEX_KEY (each key 32 bytes, base64); refusing to start with development keys",
      );
    }
    (options.warn ?? console.warn)(
      "keyring: FIELD_KEYS/BLIND_INDEX_KEY not set; using DEVELOPMENT keys derived from a public secret. Never use this data in production.",
    );
    return developmentKeyring();
  }
  if (fieldKeys === "") throw new KeyringError("FIELD_KEYS is not set (expected kid:<base64 32 bytes>[,…])");
  if (blind === "") throw new KeyringError("BLIND_INDEX_KEY is not set (expected 32 bytes, base64)");

  const keys = parseFieldKeys(fieldKeys);
  let activeKid = active;
  if (activeKid === "") {
    if (keys.size !== 1)
      throw new KeyringError("FIELD_KEY_ACTIVE must name one of the FIELD_KEYS when more than one is given");
    activeKid = [...keys.keys()][0] as string;
  }
  if (!keys.has(activeKid)) {
    throw new KeyringError(`FIELD_KEY_ACTIVE "${activeKid}" is not among FIELD_KEYS (${[...keys.keys()].join(", ")})`);
  }
  const blindIndexKey = decodeKey(blind, "BLIND_INDEX_KEY");
  for (const [kid, k] of keys) {
    if (timingSafeEqual(k, blindIndexKey)) {
      throw new KeyringError(`BLIND_INDEX_KEY must differ from field key "${kid}"`);
    }
  }
  return { activeKid, fieldKeys: keys, blindIndexKey, isDevelopment: false };
}

function parseFieldKeys(text: string): Map<string, Uint8Array> {
  const keys = new Map<string, Uint8Array>();
  text.split(",").forEach((part, i) => {
    const entry = part.trim();
    const colon = entry.indexOf(":");
    if (colon <= 0) throw new KeyringError(`FIELD_KEYS entry ${i + 1} must look like kid:<base64 key>`);
    const kid = entry.slice(0, colon).trim();
    if (!KEY_ID.test(kid)) {
      throw new KeyringError(`FIELD_KEYS entry ${i + 1}: key id must be 1-32 letters, digits, "_" or "-"`);
    }
    if (keys.has(kid)) throw new KeyringError(`FIELD_KEYS lists key id "${kid}" twice`);
    keys.set(kid, decodeKey(entry.slice(colon + 1).trim(), `FIELD_KEYS key "${kid}"`));
  });
  return keys;
}

/** Decodes base64 or base64url; never echoes the key material in an error. */
function decodeKey(text: string, name: string): Uint8Array {
  if (!BASE64.test(text)) throw new KeyringError(`${name} is not base64`);
  const bytes = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (bytes.length !== KEY_BYTES) {
    throw new KeyringError(
      `${name} must be ${KEY_BYTES} bytes, got ${bytes.length} (generate one with: openssl rand -base64 32)`,
    );
  }
  return new Uint8Array(bytes);
}

function developmentKeyring(): Keyring {
  const derive = (info: string) => new Uint8Array(hkdfSync("sha256", DEV_SECRET, "", info, KEY_BYTES));
  return {
    activeKid: DEVELOPMENT_KID,
    fieldKeys: new Map([[DEVELOPMENT_KID, derive(`field-key:${DEVELOPMENT_KID}`)]]),
    blindIndexKey: derive("blind-index"),
    isDevelopment: true,
  };
}
