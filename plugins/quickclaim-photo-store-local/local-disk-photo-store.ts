import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { PhotoStore } from "../../core/quickclaim/mod.ts";

/** A storage key: slash-separated segments of letters, digits, '.', '_' and '-', no "..". */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isValidPhotoKey(key: string): boolean {
  if (typeof key !== "string" || key.length === 0 || key.length > 400) return false;
  return key.split("/").every((s) => SEGMENT.test(s) && s !== ".." && !s.endsWith(".meta.json"));
}

interface Meta {
  readonly contentType: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/**
 * PhotoStore on the local disk: each object is a file `<directory>/<key>` with a sidecar
 * `<key>.meta.json` (content type, SHA-256, size). Writes go to a temporary file first and are
 * renamed into place, so a crash never leaves half a photo under its key; writing a key again
 * replaces the object. Keys are checked so that none can leave the directory.
 */
export class LocalDiskPhotoStore implements PhotoStore {
  readonly #dir: string;
  readonly #maxBytes: number;

  constructor(directory: string, maxObjectBytes: number) {
    this.#dir = resolve(directory);
    this.#maxBytes = maxObjectBytes;
  }

  get directory(): string {
    return this.#dir;
  }

  #path(key: string): string {
    if (!isValidPhotoKey(key)) throw new RangeError(`photo store: invalid key "${key}"`);
    const path = join(this.#dir, ...key.split("/"));
    if (!path.startsWith(this.#dir + sep)) throw new RangeError(`photo store: key "${key}" leaves the folder`);
    return path;
  }

  async put(obj: { readonly key: string; readonly contentType: string; readonly bytes: Uint8Array }) {
    const path = this.#path(obj.key);
    if (obj.bytes.byteLength > this.#maxBytes) {
      throw new RangeError(`photo store: object of ${obj.bytes.byteLength} bytes exceeds ${this.#maxBytes}`);
    }
    const meta: Meta = {
      contentType: obj.contentType,
      sha256: createHash("sha256").update(obj.bytes).digest("hex"),
      sizeBytes: obj.bytes.byteLength,
    };
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(tmp, obj.bytes);
    await rename(tmp, path);
    const metaTmp = `${path}.meta.json.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(metaTmp, JSON.stringify(meta));
    await rename(metaTmp, `${path}.meta.json`);
    return { key: obj.key, sha256: meta.sha256, sizeBytes: meta.sizeBytes };
  }

  async get(key: string) {
    const path = this.#path(key);
    try {
      const [bytes, metaText] = await Promise.all([readFile(path), readFile(`${path}.meta.json`, "utf8")]);
      const meta = JSON.parse(metaText) as Meta;
      return { contentType: meta.contentType, bytes: new Uint8Array(bytes) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw e;
    }
  }
}
