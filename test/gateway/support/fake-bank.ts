import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GatewayKeyring } from "../../../adapters/gateway/gateway-keyring.ts";
import { MemoryReplayGuard } from "../../../adapters/gateway/memory-replay-guard.ts";
import { signGatewayMessage, type VerifiedSignature } from "../../../adapters/gateway/signature.ts";
import { verifyGatewayMessage } from "../../../adapters/gateway/verify-message.ts";
import { SystemClock } from "../../../adapters/platform/system-clock.ts";
import type { Clock } from "../../../core/kernel/mod.ts";
import type { WireDecisionRequest } from "../../../plugins/http-gateway/decision-wire.ts";

/** How the fake bank signs one answer; every field overrides the honest default. */
export interface SignAs {
  readonly keyId?: string;
  readonly secret?: string;
  readonly institutionId?: string;
  readonly nonce?: string;
  readonly signedAt?: Date;
  /** Sign this many seconds away from the bank's clock (negative: in the past). */
  readonly skewSeconds?: number;
  /** Change the body after signing (a tampered answer). */
  readonly tamper?: (body: string) => string;
  /** Send no X-FIF-* headers at all. */
  readonly unsigned?: boolean;
}

export type BankReply =
  | { readonly kind: "json"; readonly body: unknown; readonly sign?: SignAs; readonly delayMs?: number }
  | {
      readonly kind: "raw";
      readonly text: string;
      readonly status?: number;
      readonly contentType?: string;
      readonly sign?: SignAs;
      readonly headers?: Record<string, string>;
    }
  | { readonly kind: "hang" };

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
  /** Our signature as the bank checked it, or null with the refusal. */
  verified: VerifiedSignature | null;
  refusal: string | null;
  body: WireDecisionRequest | null;
  /** True once the platform dropped the connection before the bank answered. */
  aborted: boolean;
}

export interface FakeBankOptions {
  readonly institutionId: string;
  /** The bank's copy of the shared secrets by key id. */
  readonly keys: Readonly<Record<string, string>>;
  /** The key it signs its answers with. */
  readonly signWith: string;
  readonly clock?: Clock;
}

/**
 * A bank's KRN-R14 decision endpoint on loopback (node:http, port 0): it checks the platform's
 * signature with its own keyring and replay memory, answers 401 when that fails, and otherwise
 * answers as `reply` says, signing with its key.
 */
export class FakeBank {
  readonly requests: ReceivedRequest[] = [];
  reply: (request: WireDecisionRequest) => BankReply = () => ({ kind: "hang" });
  readonly #server: Server;
  readonly #options: FakeBankOptions;
  readonly #keyring: GatewayKeyring;
  readonly #guard: MemoryReplayGuard;
  readonly #clock: Clock;

  private constructor(server: Server, options: FakeBankOptions) {
    this.#server = server;
    this.#options = options;
    this.#clock = options.clock ?? new SystemClock();
    const enc = (s: string) => new TextEncoder().encode(s);
    this.#keyring = new GatewayKeyring([
      {
        institutionId: options.institutionId,
        current: { keyId: options.signWith, secret: enc(options.keys[options.signWith] ?? "") },
        previous: Object.entries(options.keys)
          .filter(([keyId]) => keyId !== options.signWith)
          .map(([keyId, secret]) => ({ keyId, secret: enc(secret) })),
      },
    ]);
    this.#guard = new MemoryReplayGuard(this.#clock);
  }

  static async start(options: FakeBankOptions): Promise<FakeBank> {
    let bank: FakeBank | undefined;
    const server = createServer((req, res) => {
      void bank?.handle(req, res);
    });
    bank = new FakeBank(server, options);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return bank;
  }

  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** Signs `body` as the bank would, with overrides. */
  signedHeaders(body: string, as: SignAs = {}): Record<string, string> {
    const keyId = as.keyId ?? this.#options.signWith;
    const secret = as.secret ?? this.#options.keys[keyId] ?? "";
    return signGatewayMessage({
      institutionId: as.institutionId ?? this.#options.institutionId,
      keyId,
      secret: new TextEncoder().encode(secret),
      rawBody: body,
      now: as.signedAt ?? new Date(this.#clock.now().getTime() + (as.skewSeconds ?? 0) * 1000),
      ...(as.nonce ? { nonce: as.nonce } : {}),
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const entry: ReceivedRequest = {
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      verified: null,
      refusal: null,
      body: null,
      aborted: false,
    };
    this.requests.push(entry);
    res.on("close", () => {
      if (!res.writableFinished) entry.aborted = true;
    });
    try {
      entry.verified = await verifyGatewayMessage({
        headers: req.headers,
        rawBody: raw,
        secrets: this.#keyring,
        now: this.#clock.now(),
        replayGuard: this.#guard,
      });
    } catch (e) {
      entry.refusal = (e as Error).message;
      res.writeHead(401, { "content-type": "text/plain" }).end(entry.refusal);
      return;
    }
    const body = JSON.parse(raw.toString("utf8")) as WireDecisionRequest;
    entry.body = body;
    const reply = this.reply(body);
    if (reply.kind === "hang") return;
    if (reply.kind === "json" && reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    const text = reply.kind === "json" ? JSON.stringify(reply.body) : reply.text;
    const sign = reply.sign ?? {};
    const headers: Record<string, string> = {
      "content-type": reply.kind === "raw" ? (reply.contentType ?? "application/json") : "application/json",
      ...(sign.unsigned ? {} : this.signedHeaders(text, sign)),
      ...(reply.kind === "raw" ? reply.headers : {}),
    };
    const sent = sign.tamper ? sign.tamper(text) : text;
    res.writeHead(reply.kind === "raw" ? (reply.status ?? 200) : 200, headers).end(sent);
  }
}
