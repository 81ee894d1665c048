import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { EvidenceFileStore } from "../../adapters/factors/evidence-file-store.ts";

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A key is slash-separated segments of letters, digits, '.', '_' and '-', never "..". */
export function isValidEvidenceKey(key: string): boolean {
  if (typeof key !== "string" || key.length === 0 || key.length > 300) return false;
  return key.split("/").every((s) => SEGMENT.test(s) && s !== "..");
}

/**
 * EvidenceFileStore on the local disk: one file per key under a folder. Writes go to a temporary
 * file renamed into place, so a crash never leaves half a file under its key; keys are checked
 * so that none leaves the folder. The platform seals every object before it gets here.
 */
export class LocalEvidenceFileStore implements EvidenceFileStore {
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
    if (!isValidEvidenceKey(key)) throw new RangeError(`evidence store: invalid key "${key}"`);
    const path = join(this.#dir, ...key.split("/"));
    if (!path.startsWith(this.#dir + sep)) throw new RangeError(`evidence store: key "${key}" leaves the folder`);
    return path;
  }

  async put(object: { readonly key: string; readonly bytes: Uint8Array }): Promise<void> {
    const path = this.#path(object.key);
    if (object.bytes.byteLength > this.#maxBytes) {
      throw new RangeError(`evidence store: object of ${object.bytes.byteLength} bytes exceeds ${this.#maxBytes}`);
    }
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(tmp, object.bytes);
    await rename(tmp, path);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.#path(key)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw e;
    }
  }
}
