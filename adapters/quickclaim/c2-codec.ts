import type { FieldCipher } from "../../core/kernel/mod.ts";

/**
 * KRN-R04 for the quick-claim rows: seals C2 strings with the platform's FieldCipher before they
 * are written and opens them when read. Within one unit of work it remembers the ciphertext of
 * each value it opened, so saving an aggregate again re-uses the stored ciphertext for unchanged
 * fields instead of encrypting every field of every save anew (the stored bytes are what they
 * were; nothing new is revealed). One codec per transaction: the memory dies with it.
 */
export class C2Codec {
  readonly #cipher: FieldCipher;
  readonly #sealed = new Map<string, string>();

  constructor(cipher: FieldCipher) {
    this.#cipher = cipher;
  }

  seal(plaintext: string): string {
    const known = this.#sealed.get(plaintext);
    if (known !== undefined) return known;
    const sealed = this.#cipher.encrypt(plaintext);
    this.#sealed.set(plaintext, sealed);
    return sealed;
  }

  open(ciphertext: string): string {
    const plaintext = this.#cipher.decrypt(ciphertext);
    this.#sealed.set(plaintext, ciphertext);
    return plaintext;
  }

  sealNullable(plaintext: string | null): string | null {
    return plaintext === null ? null : this.seal(plaintext);
  }
}
