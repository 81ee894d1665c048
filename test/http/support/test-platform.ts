import { container } from "tsyringe";
import type { Platform, RegionContext } from "../../../adapters/composition/platform.ts";
import { HmacBlindIndexer } from "../../../adapters/crypto/hmac-blind-indexer.ts";
import { FixedClock } from "../../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../../adapters/platform/random-ids.ts";
import { type Clock, DomainError, type Notifier } from "../../../core/kernel/mod.ts";
import { NOTIFIER_TOKEN } from "../../../http/auth/auth-wiring.ts";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.ts";

/**
 * A small but real Platform for HTTP tests: a fresh migrated database (PGlite, or Postgres when
 * DATABASE_URL is set), a settable clock, and two regions — 宁德 350900 and 龙岩 350800 — each
 * with its own tsyringe child container holding a notifier that records what it was asked to send.
 */
export interface SentMessage {
  readonly regionCode: string;
  readonly mobile: string;
  readonly text: string;
  readonly purpose: string;
}

export class RecordingNotifier implements Notifier {
  readonly sent: SentMessage[] = [];
  failing = false;
  constructor(readonly regionCode: string) {}
  async send(m: { mobile: string; text: string; purpose: string }): Promise<void> {
    if (this.failing) throw new Error("SMS gateway down");
    this.sent.push({ regionCode: this.regionCode, ...m });
  }
}

/** The last 6-digit code sent to `mobile` by any of the notifiers. */
export function lastCode(notifiers: Iterable<RecordingNotifier>, mobile: string): string {
  const all = [...notifiers].flatMap((n) => n.sent).filter((m) => m.mobile === mobile);
  const text = all.at(-1)?.text ?? "";
  const m = /(\d{6})/.exec(text);
  if (!m) throw new Error(`no code was sent to ${mobile}`);
  return m[1] as string;
}

export interface TestPlatform {
  readonly platform: Platform;
  readonly database: TestDatabase;
  readonly clock: FixedClock;
  readonly notifiers: ReadonlyMap<string, RecordingNotifier>;
  readonly blindIndexer: HmacBlindIndexer;
  close(): Promise<void>;
}

export const TEST_REGIONS = [
  { code: "350900", name: { zh: "宁德市", en: "Ningde" }, modules: ["factors", "quickclaim"] },
  { code: "350800", name: { zh: "龙岩市", en: "Longyan" }, modules: ["marketplace"] },
] as const;

export async function createTestPlatform(
  options: { readonly migrate?: boolean; readonly clock?: FixedClock } = {},
): Promise<TestPlatform> {
  const database = await createTestDatabase({ migrate: options.migrate ?? true });
  const clock = options.clock ?? new FixedClock("2026-03-02T02:00:00Z");
  const ids = new RandomIds(clock as Clock);
  const root = container.createChildContainer();
  const notifiers = new Map<string, RecordingNotifier>();
  const regions = new Map<string, RegionContext>();
  for (const r of TEST_REGIONS) {
    const child = root.createChildContainer();
    const notifier = new RecordingNotifier(r.code);
    child.register(NOTIFIER_TOKEN, { useValue: notifier });
    notifiers.set(r.code, notifier);
    regions.set(r.code, {
      code: r.code,
      name: r.name,
      modules: [...r.modules],
      container: child,
      plugins: ["test-notifier"],
      policy: () => {
        throw new Error("no policy packs in HTTP tests");
      },
    });
  }
  const platform: Platform = {
    database,
    clock,
    ids,
    container: root,
    regions,
    region(code) {
      const r = regions.get(code);
      if (!r) throw new DomainError(`region ${code} is not configured`, { ruleId: "KRN-R13", kind: "not_found" });
      return r;
    },
    close: () => database.close(),
  };
  const blindIndexer = new HmacBlindIndexer(new Uint8Array(32).fill(7));
  return { platform, database, clock, notifiers, blindIndexer, close: () => database.close() };
}
