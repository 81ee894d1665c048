import { randomBytes } from "node:crypto";
import type { Clock, IdGenerator } from "../../core/kernel/mod.ts";
import { SystemClock } from "./system-clock.ts";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const PREFIX = /^[a-z][a-z0-9]{0,15}$/;
const RANDOM_BYTES = 10; // 80 bits

/**
 * Identifiers like `evt_01J9Z3K6W8QF5T2B7N4M1XCVDR`: a short prefix naming the kind of record,
 * then a ULID-style 26-character Crockford base-32 value (48-bit millisecond time + 80 random
 * bits). Ids from one generator sort in creation order, also within one millisecond (the random
 * part is incremented, as in the ULID monotonic mode), which keeps btree inserts local.
 */
export class RandomIds implements IdGenerator {
  readonly #clock: Clock;
  #lastMs = -1;
  #lastRandom: Uint8Array = new Uint8Array(RANDOM_BYTES);

  constructor(clock: Clock = new SystemClock()) {
    this.#clock = clock;
  }

  next(prefix: string): string {
    if (!PREFIX.test(prefix)) {
      throw new RangeError(`id prefix must be 1-16 lower-case letters/digits starting with a letter, got "${prefix}"`);
    }
    let ms = this.#clock.now().getTime();
    if (ms <= this.#lastMs) {
      // Same (or an earlier, if the clock stepped back) millisecond: stay monotonic.
      ms = this.#lastMs;
      if (!increment(this.#lastRandom)) {
        ms += 1; // 2^80 ids in one millisecond: move on to the next one
        this.#lastRandom = new Uint8Array(randomBytes(RANDOM_BYTES));
      }
    } else {
      this.#lastRandom = new Uint8Array(randomBytes(RANDOM_BYTES));
    }
    this.#lastMs = ms;
    return `${prefix}_${encodeTime(ms)}${encodeRandom(this.#lastRandom)}`;
  }
}

/** Adds one to a big-endian byte string in place; false when it wrapped around. */
function increment(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i] as number;
    if (b < 255) {
      bytes[i] = b + 1;
      return true;
    }
    bytes[i] = 0;
  }
  return false;
}

function encodeTime(ms: number): string {
  if (ms < 0 || ms > 2 ** 48 - 1) throw new RangeError(`time ${ms} is outside the id range`);
  let out = "";
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = "";
  for (let i = 0; i < 16; i++) {
    out = CROCKFORD[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}
