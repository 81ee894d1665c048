import type { BlindIndexer, Clock, FieldCipher, Hasher, IdGenerator } from "../../kernel/mod.ts";
import type { ApplyCodeSigner } from "../marketplace.ports.ts";

/**
 * Deterministic stand-ins for the platform's adapters in core tests. NOT cryptography: the
 * real Hasher, FieldCipher, BlindIndexer and signer live in adapters/crypto.
 */

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex chars. */
export function fnv64(text: string, seed = 0xcbf29ce484222325n): string {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, "0");
}

export class FixedClock implements Clock {
  #now: Date;
  constructor(iso: string) {
    this.#now = new Date(iso);
  }
  now(): Date {
    return new Date(this.#now.getTime());
  }
  set(iso: string): void {
    this.#now = new Date(iso);
  }
  advanceMs(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}

export class SequenceIds implements IdGenerator {
  #n = 0;
  next(prefix: string): string {
    this.#n++;
    return `${prefix}_${String(this.#n).padStart(6, "0")}`;
  }
}

export class FakeHasher implements Hasher {
  sha256Hex(text: string): string {
    return [1n, 2n, 3n, 4n].map((s) => fnv64(text, 0xcbf29ce484222325n ^ s)).join("");
  }
}

export class FakeCipher implements FieldCipher {
  encrypt(plaintext: string): string {
    return `enc:${[...plaintext].reverse().join("")}`;
  }
  decrypt(ciphertext: string): string {
    if (!ciphertext.startsWith("enc:")) throw new Error("not a fake ciphertext");
    return [...ciphertext.slice(4)].reverse().join("");
  }
}

export class FakeBlindIndexer implements BlindIndexer {
  index(kind: string, value: string): string {
    return `bi_${kind}_${fnv64(value.trim().toUpperCase())}`;
  }
}

export class FakeApplyCodeSigner implements ApplyCodeSigner {
  constructor(readonly key = "test-key") {}
  async sign(message: string): Promise<string> {
    return `k1_${fnv64(`${this.key}|${message}`)}`;
  }
  async verify(message: string, signature: string): Promise<boolean> {
    return signature === (await this.sign(message));
  }
}
