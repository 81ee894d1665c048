/**
 * Canonical JSON: the JSON text of a value with object keys sorted (by UTF-16 code units) at
 * every depth, no whitespace, and the usual JSON conversions applied first (Date → ISO string,
 * `undefined` members dropped, `toJSON` honoured). Two values that mean the same JSON give the
 * same text, whatever the key order they were built or stored (jsonb reorders keys) with.
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError("value has no JSON form");
  return JSON.stringify(sortKeys(JSON.parse(text)));
}

/** The value as it comes back from a JSON (or jsonb) round trip. */
export function jsonRoundTrip<T>(value: T): T {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError("value has no JSON form");
  return JSON.parse(text) as T;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}
