import type { BlindIndexer, Clock, Hasher, IdGenerator, Notifier } from "../../kernel/mod.ts";
import type { Officer } from "../domain/determination-letter.ts";
import type { PaymentOutcome } from "../domain/payment-attempt.ts";
import type {
  CoverLookup,
  Insurer,
  InsurerAcceptanceAnswer,
  PaymentGateway,
  PaymentOrder,
  PhotoStore,
  PoliceDesk,
  TrafficVideo,
  VideoClip,
} from "../quickclaim.ports.ts";

/** A clock the test sets and moves. */
export class TestClock implements Clock {
  #ms: number;
  constructor(iso: string) {
    this.#ms = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.#ms);
  }
  advance(seconds: number): void {
    this.#ms += seconds * 1000;
  }
}

export class SequentialIds implements IdGenerator {
  #n = 0;
  next(prefix: string): string {
    this.#n += 1;
    return `${prefix}_${String(this.#n).padStart(4, "0")}`;
  }
}

function fnv32(text: string, seed: number): string {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Not SHA-256: a deterministic 64-hex stand-in good enough to tell contents apart in tests. */
export class TestHasher implements Hasher {
  sha256Hex(text: string): string {
    let out = "";
    for (let seed = 1; seed <= 8; seed++) out += fnv32(text, seed * 0x9e3779b1);
    return out;
  }
}

export class TestBlindIndexer implements BlindIndexer {
  index(kind: string, value: string): string {
    return `bi:${kind}:${value.trim().toUpperCase()}`;
  }
}

export class MemoryPhotoStore implements PhotoStore {
  readonly objects = new Map<string, { contentType: string; bytes: Uint8Array }>();
  async put(obj: { key: string; contentType: string; bytes: Uint8Array }) {
    this.objects.set(obj.key, { contentType: obj.contentType, bytes: obj.bytes });
    return {
      key: obj.key,
      sha256: new TestHasher().sha256Hex(Array.from(obj.bytes).join(",")),
      sizeBytes: obj.bytes.byteLength,
    };
  }
  async get(key: string) {
    return this.objects.get(key);
  }
}

export class FakePoliceDesk implements PoliceDesk {
  readonly officers = new Map<string, Officer>();
  readonly queue: string[] = [];
  async officer(principalId: string) {
    return this.officers.get(principalId);
  }
  async enqueue(item: { caseId: string }) {
    this.queue.push(item.caseId);
  }
}

export class FakeTrafficVideo implements TrafficVideo {
  clips: VideoClip[] = [];
  failing = false;
  async findClips(): Promise<VideoClip[]> {
    if (this.failing) throw new Error("video platform timeout");
    return this.clips;
  }
}

/** Two insurers; covers by plate; acceptances recorded; can decline or fail. */
export class FakeInsurer implements Insurer {
  readonly covers = new Map<string, CoverLookup>();
  readonly declining = new Set<string>();
  readonly accepted: { insurerId: string; claimId: string; amountFen: number }[] = [];
  failing = false;
  async lookupCover(q: { plate: string }): Promise<CoverLookup> {
    if (this.failing) throw new Error("insurer timeout");
    return this.covers.get(q.plate) ?? { compulsory: null, commercialThirdParty: null };
  }
  async acceptClaim(req: { insurerId: string; claimId: string; amountFen: number }): Promise<InsurerAcceptanceAnswer> {
    if (this.failing) throw new Error("insurer timeout");
    if (this.declining.has(req.insurerId)) return { accepted: false, reason: "policy suspended" };
    this.accepted.push({ insurerId: req.insurerId, claimId: req.claimId, amountFen: req.amountFen });
    return { accepted: true, reference: `${req.insurerId}:${req.claimId}` };
  }
  async confirmPayout(): Promise<void> {}
}

/**
 * A payment gateway honouring the QC-R07 contract: one execution per requestId, repeats get the
 * first outcome. `transfers` is the money that really moved. `mode` decides new orders:
 * ok, fail (card refused), pending, lost-request (times out before the gateway saw it) and
 * lost-answer (executes, then the answer is lost — like a crash right after payment).
 * `hold()` keeps new orders waiting until released, to make requests overlap.
 */
export class FakePaymentGateway implements PaymentGateway {
  readonly orders = new Map<string, PaymentOutcome>();
  readonly transfers: { requestId: string; amountFen: number; cardNumber: string }[] = [];
  mode: "ok" | "fail" | "pending" | "lost-request" | "lost-answer" = "ok";
  payCalls = 0;
  /** Runs after a new order executed, before the answer returns (e.g. to crash the caller). */
  afterExecute: (() => void) | null = null;
  #gate: Promise<void> | null = null;

  hold(): () => void {
    let release: () => void = () => {};
    this.#gate = new Promise<void>((r) => {
      release = r;
    });
    return () => {
      this.#gate = null;
      release();
    };
  }

  async pay(order: PaymentOrder): Promise<PaymentOutcome> {
    this.payCalls += 1;
    if (this.#gate) await this.#gate;
    const seen = this.orders.get(order.requestId);
    if (seen) return seen;
    if (this.mode === "lost-request") throw new Error("gateway timeout (request lost)");
    if (this.mode === "fail") {
      const failed: PaymentOutcome = { status: "failed", reason: "card refused by the bank" };
      this.orders.set(order.requestId, failed);
      return failed;
    }
    if (this.mode === "pending") {
      const pending: PaymentOutcome = { status: "pending", gatewayRef: `gw-${order.requestId}` };
      this.orders.set(order.requestId, pending);
      return pending;
    }
    const done: PaymentOutcome = {
      status: "succeeded",
      gatewayRef: `gw-${order.requestId}`,
      amountFen: order.amountFen,
      paidAt: "2026-03-01T07:00:00.000Z",
    };
    this.orders.set(order.requestId, done);
    this.transfers.push({ requestId: order.requestId, amountFen: order.amountFen, cardNumber: order.payee.cardNumber });
    this.afterExecute?.();
    if (this.mode === "lost-answer") throw new Error("gateway timeout (answer lost)");
    return done;
  }

  /** Settles pending orders, as the bank would later. */
  settlePending(amountOf: (requestId: string) => number): void {
    for (const [requestId, o] of this.orders) {
      if (o.status !== "pending") continue;
      this.orders.set(requestId, {
        status: "succeeded",
        gatewayRef: `gw-${requestId}`,
        amountFen: amountOf(requestId),
        paidAt: "2026-03-01T07:05:00.000Z",
      });
      this.transfers.push({ requestId, amountFen: amountOf(requestId), cardNumber: "" });
    }
  }

  async status(requestId: string): Promise<PaymentOutcome | { status: "not_found" }> {
    return this.orders.get(requestId) ?? { status: "not_found" };
  }
}

export class RecordingNotifier implements Notifier {
  readonly sent: { mobile: string; text: string; purpose: string }[] = [];
  async send(message: { mobile: string; text: string; purpose: string }): Promise<void> {
    this.sent.push(message);
  }
}
