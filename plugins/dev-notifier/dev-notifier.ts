import { maskMobile } from "../../core/kernel/masking.ts";
import type { Clock, Notifier } from "../../core/kernel/mod.ts";
import type { Logger } from "../_framework/logger.ts";

export interface SentMessage {
  readonly mobile: string;
  readonly text: string;
  readonly purpose: string;
  readonly at: Date;
}

/**
 * DEVELOPMENT ONLY. A `Notifier` that sends nothing: it writes each message to the log (the
 * recipient's mobile masked, the text in clear so a developer can read a one-time code) and
 * keeps the last few in memory so tests can pick a code up. Never installed in production:
 * the manifest refuses to load when NODE_ENV=production.
 */
export class DevNotifier implements Notifier {
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #keep: number;
  readonly #sent: SentMessage[] = [];

  constructor(logger: Logger, clock: Clock, keepLast: number) {
    this.#logger = logger;
    this.#clock = clock;
    this.#keep = keepLast;
  }

  async send(message: { readonly mobile: string; readonly text: string; readonly purpose: string }): Promise<void> {
    this.#logger.info("dev-notifier: message NOT sent (development only); its text follows", {
      to: maskMobile(message.mobile),
      purpose: message.purpose,
      text: message.text,
    });
    if (this.#keep === 0) return;
    this.#sent.push({ ...message, at: this.#clock.now() });
    if (this.#sent.length > this.#keep) this.#sent.splice(0, this.#sent.length - this.#keep);
  }

  /** Messages kept in memory, oldest first. */
  sent(): readonly SentMessage[] {
    return [...this.#sent];
  }

  /** The latest message to this mobile number, if any is still kept. */
  lastTo(mobile: string): SentMessage | undefined {
    for (let i = this.#sent.length - 1; i >= 0; i--) {
      const m = this.#sent[i] as SentMessage;
      if (m.mobile === mobile) return m;
    }
    return undefined;
  }
}
