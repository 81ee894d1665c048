/** FNV-1a 32-bit of a text, as 8 hex digits: a deterministic reference for simulated documents. */
export function stableHash(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of new TextEncoder().encode(text)) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
