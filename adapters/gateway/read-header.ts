/**
 * Request or response headers as the callers have them: a fetch `Headers` (hono's
 * `c.req.raw.headers`, a fetch response) or a plain record such as node's `IncomingHttpHeaders`.
 */
export type HeaderSource = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * The value of one header, looked up case-insensitively; undefined when absent. A header sent
 * more than once comes back joined with ", " (as `Headers.get` does), which no gateway header
 * format accepts.
 */
export function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function" && typeof (headers as Headers).has === "function") {
    return (headers as Headers).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === "string" ? value : value.join(", ");
  }
  return undefined;
}
