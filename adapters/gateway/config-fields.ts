import * as v from "valibot";
import { KEY_ID_PATTERN } from "./gateway-protocol.ts";

/**
 * KRN-R14 config fields every signed-HTTPS plugin shares (the institution gateway, the real-name
 * verifier): the URL, path, key id and secret-variable checks, with the same messages.
 */
const ENV_NAME = /^[A-Z_][A-Z0-9_]{0,127}$/;
const PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

/** The URL when `text` is an absolute http(s) URL. */
export function absoluteUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A path under the base URL, `fallback` when absent. */
export const pathField = (fallback: string, what: string) =>
  v.pipe(v.optional(v.pipe(v.string(), v.regex(PATH, "a path starting with /")), fallback), v.description(what));

/** The key id sent in X-FIF-Key-Id, agreed with `counterparty`. */
export const keyIdField = (counterparty: string) =>
  v.pipe(
    v.string(),
    v.regex(KEY_ID_PATTERN, "a key id is 1-64 of A-Z a-z 0-9 . _ -"),
    v.description(`key id sent in X-FIF-Key-Id, agreed with ${counterparty}, e.g. 2026-11`),
  );

/** The NAME of the environment variable holding a shared secret (`example` shows one). */
export const secretEnvField = (example: string) =>
  v.pipe(
    v.string(),
    v.regex(ENV_NAME, `the name of an environment variable, upper-case, e.g. ${example}`),
    v.description(
      "NAME of the environment variable holding the shared secret (at least 32 bytes); the secret itself never goes in the config file",
    ),
  );
