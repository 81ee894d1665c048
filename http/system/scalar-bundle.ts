import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

/**
 * The browser bundle of the API reference (Scalar), served by the app itself so that /docs
 * works with no internet (bank intranets, this machine): `@scalar/api-reference`'s standalone
 * build, read from node_modules once, on first use, and kept in memory with a gzip copy.
 */
/** Bytes over a plain ArrayBuffer (what a Response body takes). */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface StaticAsset {
  readonly body: Bytes;
  readonly gzip: Bytes;
  /** Strong validator of `body` (quoted, as in the ETag header). */
  readonly etag: string;
}

const require = createRequire(import.meta.url);
const BUNDLE_ENTRY = "@scalar/api-reference/browser/standalone.js";
const gzipAsync = promisify(gzip);

let version: string | undefined;
let loading: Promise<StaticAsset> | undefined;

/** Path of the standalone bundle (throws when the package is missing). */
function bundlePath(): string {
  return require.resolve(BUNDLE_ENTRY);
}

/** The installed `@scalar/api-reference` version, for cache-busting URLs. Read once. */
export function scalarVersion(): string {
  if (version === undefined) {
    // dist/browser/standalone.js → package root
    const pkg = require(join(dirname(bundlePath()), "..", "..", "package.json")) as { version?: unknown };
    version = typeof pkg.version === "string" ? pkg.version : "0";
  }
  return version;
}

/** Builds a served asset from its bytes: strong ETag over the content, and a gzip copy. */
export async function staticAsset(body: Bytes): Promise<StaticAsset> {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  // Node's buffers from readFile and zlib are never shared memory.
  return { body, gzip: (await gzipAsync(body)) as Bytes, etag };
}

/** The bundle, loaded on the first call; a failed load is retried on the next call. */
export function scalarBundle(): Promise<StaticAsset> {
  loading ??= readFile(bundlePath())
    .then((buf) => staticAsset(buf as Bytes))
    .catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
  return loading;
}
