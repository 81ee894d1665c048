import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { ApplyCodeSigner } from "../../core/marketplace/mod.ts";
import type { Keyring } from "../crypto/keyring.ts";

const MAC_CHARS = 43; // base64url of 32 bytes, no padding
const KID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * MKT-R08 码上贷 token signatures: HMAC-SHA256 of the token's message under a signing key derived
 * (HKDF-SHA256, info "apply-code:v1") from one of the keyring's field keys — never the field key
 * itself, never the blind-index key. The signature is `<key id><43 base64url chars>`, so it uses
 * only A–Z a–z 0–9 _ - and names the key it was made with: after a key rotation (FIELD_KEY_ACTIVE
 * moves on, the old key id stays in FIELD_KEYS) codes printed earlier still verify, new codes are
 * signed with the active key.
 */
export class HmacApplyCodeSigner implements ApplyCodeSigner {
  readonly #activeKid: string;
  readonly #keys = new Map<string, Buffer>();

  constructor(keyring: Pick<Keyring, "activeKid" | "fieldKeys">) {
    for (const [kid, key] of keyring.fieldKeys) {
      if (!KID.test(kid)) throw new RangeError(`key id "${kid}" cannot name an apply-code key`);
      this.#keys.set(kid, Buffer.from(hkdfSync("sha256", key, "", `apply-code:v1:${kid}`, 32)));
    }
    if (!this.#keys.has(keyring.activeKid)) throw new RangeError("the keyring's active key is not among its keys");
    this.#activeKid = keyring.activeKid;
  }

  async sign(message: string): Promise<string> {
    return `${this.#activeKid}${this.#mac(this.#activeKid, message).toString("base64url")}`;
  }

  async verify(message: string, signature: string): Promise<boolean> {
    if (typeof signature !== "string" || signature.length <= MAC_CHARS) return false;
    const kid = signature.slice(0, -MAC_CHARS);
    const given = Buffer.from(signature.slice(-MAC_CHARS), "base64url");
    if (!this.#keys.has(kid) || given.length !== 32) return false;
    const expected = this.#mac(kid, message);
    // base64url decoding ignores stray characters; compare the canonical text too.
    return timingSafeEqual(given, expected) && given.toString("base64url") === signature.slice(-MAC_CHARS);
  }

  #mac(kid: string, message: string): Buffer {
    return createHmac("sha256", this.#keys.get(kid) as Buffer)
      .update(message, "utf8")
      .digest();
  }
}
