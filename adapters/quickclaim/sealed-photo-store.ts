import { createHash } from "node:crypto";
import type { FieldCipher } from "../../core/kernel/mod.ts";
import type { PhotoStore } from "../../core/quickclaim/mod.ts";

const SEALED_PREFIX = new TextEncoder().encode("enc:v1:");

function startsWithSealed(bytes: Uint8Array): boolean {
  if (bytes.byteLength < SEALED_PREFIX.byteLength) return false;
  return SEALED_PREFIX.every((b, i) => bytes[i] === b);
}

/**
 * KRN-R04: photos of the scene, ID cards and bank cards are C2, so whatever PhotoStore a region's
 * plugin provides (local disk, S3-compatible) receives them sealed with the platform's field
 * cipher (AES-256-GCM envelope, rotatable keys). The content hash and size the case records are
 * those of the original file. Objects stored unsealed (e.g. by an older version) are read as is.
 */
export class SealedPhotoStore implements PhotoStore {
  readonly #inner: PhotoStore;
  readonly #cipher: FieldCipher;

  constructor(inner: PhotoStore, cipher: FieldCipher) {
    this.#inner = inner;
    this.#cipher = cipher;
  }

  async put(obj: { readonly key: string; readonly contentType: string; readonly bytes: Uint8Array }) {
    const sha256 = createHash("sha256").update(obj.bytes).digest("hex");
    const sealed = this.#cipher.encrypt(Buffer.from(obj.bytes).toString("base64"));
    const stored = await this.#inner.put({
      key: obj.key,
      contentType: obj.contentType,
      bytes: new TextEncoder().encode(sealed),
    });
    return { key: stored.key, sha256, sizeBytes: obj.bytes.byteLength };
  }

  async get(key: string) {
    const found = await this.#inner.get(key);
    if (!found || !startsWithSealed(found.bytes)) return found;
    const base64 = this.#cipher.decrypt(new TextDecoder().decode(found.bytes));
    return { contentType: found.contentType, bytes: new Uint8Array(Buffer.from(base64, "base64")) };
  }
}
