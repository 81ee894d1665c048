import { createHash } from "node:crypto";
import type { Hasher } from "../../core/kernel/mod.ts";

/** Hasher over node:crypto. */
export class NodeHasher implements Hasher {
  sha256Hex(text: string): string {
    return createHash("sha256").update(text, "utf8").digest("hex");
  }
}

/** A shared instance; the hasher holds no state. */
export const nodeHasher: Hasher = new NodeHasher();
