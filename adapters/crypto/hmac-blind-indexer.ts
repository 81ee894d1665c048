import { createHmac } from "node:crypto";
import type { BlindIndexer } from "../../core/kernel/mod.ts";

const KIND = /^[a-z][a-z0-9-]{0,31}$/;
// Whitespace (after NFKC, which also folds full-width forms), middle dots and dashes of all kinds.
const IGNORED = /[\s\u00B7\u2022\u2027\u30FB\u2010-\u2015\u2212-]/gu;

/**
 * The form a value is indexed in: NFKC (full-width digits and letters become ASCII), trimmed,
 * upper-cased, without spaces, middle dots (`·`) or dashes, so "闽J·12345", "闽j 12345" and
 * "３５０９０２…x" index like their plain forms.
 */
export function normaliseForBlindIndex(value: string): string {
  return value.normalize("NFKC").trim().toUpperCase().replace(IGNORED, "");
}

/**
 * KRN-R04 blind index: HMAC-SHA256 with its own key (never a field-encryption key), one derived
 * sub-key per kind so that equal values of different kinds never share an index. Lower-case hex.
 */
export class HmacBlindIndexer implements BlindIndexer {
  readonly #key: Uint8Array;
  readonly #subKeys = new Map<string, Buffer>();

  constructor(key: Uint8Array) {
    if (key.length < 32) throw new RangeError("blind index key must be at least 32 bytes");
    this.#key = new Uint8Array(key);
  }

  index(kind: string, value: string): string {
    if (!KIND.test(kind)) throw new RangeError(`blind index kind must look like "resident-id", got "${kind}"`);
    if (typeof value !== "string") throw new TypeError("blind index value must be text");
    const normal = normaliseForBlindIndex(value);
    if (normal.length === 0) throw new RangeError(`blind index of an empty ${kind}`);
    return createHmac("sha256", this.#subKey(kind)).update(normal, "utf8").digest("hex");
  }

  #subKey(kind: string): Buffer {
    let k = this.#subKeys.get(kind);
    if (!k) {
      k = createHmac("sha256", this.#key).update(`blind-index:v1:${kind}`, "utf8").digest();
      this.#subKeys.set(kind, k);
    }
    return k;
  }
}
