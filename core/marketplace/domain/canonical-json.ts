/**
 * Canonical JSON for content hashes (MKT-R03): object keys sorted, no whitespace, Dates as ISO
 * strings, undefined members left out. Equal content always gives the same text.
 *
 * Written as one pass appending to a string (no intermediate arrays per object), since a push's
 * content of a few dozen records is serialised on every data release.
 */
export function canonicalJson(value: unknown): string {
  return write(value);
}

function write(value: unknown): string {
  switch (typeof value) {
    case "string":
      return PLAIN.test(value) ? `"${value}"` : JSON.stringify(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonical JSON has no place for NaN or Infinity");
      return String(value); // what JSON.stringify gives for a finite number (-0 included)
    case "object": {
      if (value === null) return "null";
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value)) {
        let out = "[";
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (i > 0) out += ",";
          out += item === undefined ? "null" : write(item);
        }
        return `${out}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = sortedInPlace(Object.keys(obj));
      let out = "{";
      let first = true;
      for (const k of keys) {
        const item = obj[k];
        if (item === undefined) continue;
        out += first ? quoted(k) : `,${quoted(k)}`;
        out += `:${write(item)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no place for a ${typeof value}`);
  }
}

/**
 * The keys in UTF-16 code-unit order, as Array.prototype.sort orders strings: an insertion sort
 * in place, which for the handful of keys of a record allocates nothing.
 */
function sortedInPlace(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > k) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

/** Text JSON.stringify leaves as it is between its quotes (no quote, backslash, control or surrogate). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what JSON escapes
const PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** Record field names repeat across records: their JSON form is kept once computed. */
const keyCache = new Map<string, string>();

function quoted(key: string): string {
  let q = keyCache.get(key);
  if (q === undefined) {
    q = PLAIN.test(key) ? `"${key}"` : JSON.stringify(key);
    if (keyCache.size < 4096) keyCache.set(key, q);
  }
  return q;
}
