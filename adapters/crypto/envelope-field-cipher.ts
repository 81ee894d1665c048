import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { FieldCipher } from "../../core/kernel/mod.ts";
import { KEY_ID, type Keyring } from "./keyring.ts";

/**
 * KRN-R04 field encryption for C2 data: AES-256-GCM envelope encryption.
 *
 * Each value gets a fresh random 256-bit data key; the value is sealed with it, and the data key
 * is sealed (wrapped) with the key-encryption key named by the key id. The text form is
 *   enc:v1:<kid>:<base64url( wrapIv 12 | wrappedKey 32 | wrapTag 16 | dataIv 12 | dataTag 16 | data )>
 * The wrap is bound to the version and key id (AAD), the data to the version. Rotation
 * (`rewrap`) unwraps the data key with the old key and wraps it with the active one; the sealed
 * data itself is untouched. Any tampering fails authentication.
 */
export class FieldCipherError extends Error {
  override readonly name = "FieldCipherError";
}

const PREFIX = "enc:v1:";
const IV = 12;
const TAG = 16;
const DEK = 32;
const HEADER = IV + DEK + TAG + IV + TAG;
const DATA_AAD = Buffer.from("enc:v1:data", "utf8");

export function isEncryptedField(text: string): boolean {
  return text.startsWith(PREFIX);
}

export class EnvelopeFieldCipher implements FieldCipher {
  readonly #keys: ReadonlyMap<string, Uint8Array>;
  readonly #activeKid: string;

  constructor(keyring: Pick<Keyring, "activeKid" | "fieldKeys">) {
    for (const [kid, key] of keyring.fieldKeys) {
      if (!KEY_ID.test(kid)) throw new FieldCipherError(`key id "${kid}" is not valid`);
      if (key.length !== DEK) throw new FieldCipherError(`key "${kid}" must be 32 bytes`);
    }
    if (!keyring.fieldKeys.has(keyring.activeKid)) {
      throw new FieldCipherError(`active key id "${keyring.activeKid}" has no key`);
    }
    this.#keys = new Map(keyring.fieldKeys);
    this.#activeKid = keyring.activeKid;
  }

  get activeKid(): string {
    return this.#activeKid;
  }

  encrypt(plaintext: string): string {
    if (typeof plaintext !== "string") throw new FieldCipherError("only text can be encrypted");
    const dek = randomBytes(DEK);
    try {
      const dataIv = randomBytes(IV);
      const c = createCipheriv("aes-256-gcm", dek, dataIv);
      c.setAAD(DATA_AAD);
      const data = Buffer.concat([c.update(plaintext, "utf8"), c.final()]);
      const wrap = this.#wrap(this.#activeKid, dek);
      const blob = Buffer.concat([wrap, dataIv, c.getAuthTag(), data]);
      return `${PREFIX}${this.#activeKid}:${blob.toString("base64url")}`;
    } finally {
      dek.fill(0);
    }
  }

  decrypt(ciphertext: string): string {
    const { kid, blob } = parse(ciphertext);
    const dek = this.#unwrap(kid, blob);
    try {
      const dataIv = blob.subarray(IV + DEK + TAG, IV + DEK + TAG + IV);
      const dataTag = blob.subarray(IV + DEK + TAG + IV, HEADER);
      const d = createDecipheriv("aes-256-gcm", dek, dataIv);
      d.setAAD(DATA_AAD);
      d.setAuthTag(dataTag);
      return Buffer.concat([d.update(blob.subarray(HEADER)), d.final()]).toString("utf8");
    } catch {
      throw new FieldCipherError("encrypted value failed authentication (tampered or corrupted)");
    } finally {
      dek.fill(0);
    }
  }

  /** The key id a value is wrapped with. */
  keyIdOf(ciphertext: string): string {
    return parse(ciphertext).kid;
  }

  /** True when the value is wrapped with a key other than the active one. */
  needsRewrap(ciphertext: string): boolean {
    return this.keyIdOf(ciphertext) !== this.#activeKid;
  }

  /** Re-wraps a value's data key under the active key (rotation); unchanged if it already is. */
  rewrap(ciphertext: string): string {
    const { kid, blob } = parse(ciphertext);
    if (kid === this.#activeKid) {
      this.#unwrap(kid, blob).fill(0); // still prove it is intact
      return ciphertext;
    }
    const dek = this.#unwrap(kid, blob);
    try {
      const wrap = this.#wrap(this.#activeKid, dek);
      const out = Buffer.concat([wrap, blob.subarray(IV + DEK + TAG)]);
      return `${PREFIX}${this.#activeKid}:${out.toString("base64url")}`;
    } finally {
      dek.fill(0);
    }
  }

  #kek(kid: string): Uint8Array {
    const kek = this.#keys.get(kid);
    if (!kek) {
      throw new FieldCipherError(
        `encrypted value uses key id "${kid}", which is not configured (known: ${[...this.#keys.keys()].join(", ")}); add it to FIELD_KEYS`,
      );
    }
    return kek;
  }

  #wrap(kid: string, dek: Buffer): Buffer {
    const iv = randomBytes(IV);
    const c = createCipheriv("aes-256-gcm", this.#kek(kid), iv);
    c.setAAD(Buffer.from(`${PREFIX}${kid}`, "utf8"));
    const wrapped = Buffer.concat([c.update(dek), c.final()]);
    return Buffer.concat([iv, wrapped, c.getAuthTag()]);
  }

  #unwrap(kid: string, blob: Buffer): Buffer {
    const kek = this.#kek(kid);
    try {
      const d = createDecipheriv("aes-256-gcm", kek, blob.subarray(0, IV));
      d.setAAD(Buffer.from(`${PREFIX}${kid}`, "utf8"));
      d.setAuthTag(blob.subarray(IV + DEK, IV + DEK + TAG));
      return Buffer.concat([d.update(blob.subarray(IV, IV + DEK)), d.final()]);
    } catch {
      throw new FieldCipherError(`data key of an encrypted value failed authentication under key "${kid}"`);
    }
  }
}

function parse(ciphertext: string): { kid: string; blob: Buffer } {
  if (typeof ciphertext !== "string" || !ciphertext.startsWith(PREFIX)) {
    throw new FieldCipherError('not an encrypted value (expected "enc:v1:<kid>:…")');
  }
  const rest = ciphertext.slice(PREFIX.length);
  const colon = rest.indexOf(":");
  const kid = colon < 0 ? "" : rest.slice(0, colon);
  const body = colon < 0 ? "" : rest.slice(colon + 1);
  if (!KEY_ID.test(kid)) throw new FieldCipherError("encrypted value has no valid key id");
  if (!/^[A-Za-z0-9_-]+$/.test(body)) throw new FieldCipherError("encrypted value body is not base64url");
  const blob = Buffer.from(body, "base64url");
  if (blob.length < HEADER) throw new FieldCipherError("encrypted value is truncated");
  return { kid, blob };
}
