import { type Principal, regionContains } from "../../core/kernel/mod.ts";
import { notifyParties, reconcilePayment } from "../../core/quickclaim/mod.ts";
import type { OutboxSubscription } from "../composition/outbox-subscriptions.ts";
import type { Platform } from "../composition/platform.ts";
import type { AnyDb } from "../db/create-database.ts";
import type { OutboxEvent } from "../platform/outbox-dispatcher.ts";
import { type QuickClaimPlatformDeps, quickClaimDeps } from "./quickclaim-deps.ts";

const QC = "quickclaim";

/** The region (prefecture) whose quickclaim module owns an event of a county. */
function depsOf(platform: Platform, ev: OutboxEvent): { deps: QuickClaimPlatformDeps; region: string } {
  for (const r of platform.regions.values()) {
    if (r.modules.includes(QC) && regionContains(r.code, ev.regionCode)) {
      return { deps: quickClaimDeps(platform, r.code), region: r.code };
    }
  }
  throw new Error(`no region with the quickclaim module contains ${ev.regionCode}`);
}

const system = (region: string): Principal => ({
  id: "system:quickclaim-outbox",
  roles: ["platform_admin"],
  regionCodes: [region],
});

/**
 * Where the parties' links point: PUBLIC_BASE_URL (e.g. https://fif.example.gov.cn), else the
 * local server. The path is the party's case page (http/quickclaim/pages, `qcPath.case`).
 */
export function caseLink(platform: Platform, region: string, caseId: string): string {
  const configured = process.env.PUBLIC_BASE_URL?.replace(/\/+$/, "");
  const port = (platform as Platform & { config?: { server?: { port?: number } } }).config?.server?.port ?? 3000;
  const base = configured || `http://localhost:${port}`;
  return `${base}/quickclaim/${encodeURIComponent(region)}/cases/${encodeURIComponent(caseId)}`;
}

const str = (ev: OutboxEvent, key: string): string => {
  const v = ev.payload[key];
  if (typeof v !== "string") throw new Error(`event ${ev.id} (${ev.type}) has no ${key}`);
  return v;
};

/**
 * Runs `send` unless this consumer already handled the event (platform.inbox), then records it.
 * The outside call happens outside any transaction (it reads through the unit of work itself);
 * a crash between the call and the record repeats the call on redelivery — at least once, never
 * skipped — while ordinary redeliveries are skipped.
 */
async function atLeastOnce(db: AnyDb, consumer: string, eventId: string, send: () => Promise<void>): Promise<void> {
  const done = await db
    .selectFrom("platform.inbox")
    .select("event_id")
    .where("consumer", "=", consumer)
    .where("event_id", "=", eventId)
    .executeTakeFirst();
  if (done) return;
  await send();
  await db
    .insertInto("platform.inbox")
    .values({ consumer, event_id: eventId })
    .onConflict((oc) => oc.columns(["consumer", "event_id"]).doNothing())
    .execute();
}

/** An SMS / WeChat message to the parties, once per event (receiver dedupe by event id). */
function notify(
  type: string,
  purpose: "invite" | "sign" | "paid" | "survey" | "offline",
  partiesOf: (ev: OutboxEvent, deps: QuickClaimPlatformDeps) => Promise<string[] | undefined>,
): OutboxSubscription {
  return {
    type,
    handler: (platform) => async (ev) => {
      const { deps, region } = depsOf(platform, ev);
      const caseId = str(ev, "caseId");
      const partyIds = await partiesOf(ev, deps);
      if (partyIds !== undefined && partyIds.length === 0) return;
      await atLeastOnce(platform.database.db, `quickclaim.notify.${purpose}`, ev.id, async () => {
        const input = { caseId, purpose, link: caseLink(platform, region, caseId), ...(partyIds ? { partyIds } : {}) };
        await notifyParties(deps, input, system(region));
      });
    },
  };
}

async function claimantOf(ev: OutboxEvent, deps: QuickClaimPlatformDeps): Promise<string[]> {
  const claim = await deps.uow.run((tx) => tx.claims.get(str(ev, "claimId")));
  return claim ? [claim.partyId] : [];
}

/** Evidence complete → the police desk's determination queue. */
const policeQueue: OutboxSubscription = {
  type: "quickclaim.case.evidence_submitted",
  handler: (platform) => async (ev) => {
    const { deps } = depsOf(platform, ev);
    await deps.police.enqueue({
      caseId: str(ev, "caseId"),
      regionCode: str(ev, "regionCode"),
      centreId: str(ev, "centreId"),
      reportedAt: str(ev, "reportedAt"),
    });
  },
};

/** Claim paid → each paying insurer hears of its part (the insurer dedupes by claim id). */
const insurerPayout: OutboxSubscription = {
  type: "quickclaim.claim.paid",
  handler: (platform) => async (ev) => {
    const { deps } = depsOf(platform, ev);
    const claim = await deps.uow.run((tx) => tx.claims.get(str(ev, "claimId")));
    if (!claim) return;
    const byInsurer = new Map<string, number>();
    for (const l of claim.lines) byInsurer.set(l.insurerId, (byInsurer.get(l.insurerId) ?? 0) + l.amountFen);
    for (const [insurerId, amountFen] of byInsurer) {
      await deps.insurer.confirmPayout({
        insurerId,
        claimId: claim.id,
        requestId: str(ev, "requestId"),
        amountFen,
        paidAt: str(ev, "paidAt"),
      });
    }
  },
};

/**
 * A payment whose outcome is not known (started, re-sent, or answered "pending"): once its lease
 * has run out, ask the gateway and record the answer (QC-R07 reconciliation, never a second
 * payment). Until the outcome is final the handler fails, so the outbox retries with backoff;
 * after the last attempt the event is dead and the claim waits visibly as PAYING (KRN-R10).
 */
const paymentFollowUp = (type: string): OutboxSubscription => ({
  type,
  handler: (platform) => async (ev) => {
    const { deps, region } = depsOf(platform, ev);
    const claimId = str(ev, "claimId");
    const attempt = await deps.uow.run((tx) => tx.payments.getForClaim(claimId));
    if (!attempt || (attempt.state !== "PENDING" && attempt.state !== "UNKNOWN")) return;
    if (deps.clock.now().getTime() < Date.parse(attempt.leaseUntil)) {
      throw new Error(`payment ${attempt.requestId} is in progress; its outcome is checked after the lease`);
    }
    const r = await reconcilePayment(deps, { claimId }, system(region));
    if (r.attemptState === "PENDING" || r.attemptState === "UNKNOWN") {
      throw new Error(`payment ${r.requestId} outcome still unknown; will ask the gateway again`);
    }
  },
});

/** What the quick-claim module delivers to outside systems through the outbox (KRN-R09/R10). */
export const quickClaimOutboxSubscriptions: readonly OutboxSubscription[] = [
  policeQueue,
  insurerPayout,
  paymentFollowUp("quickclaim.payment.started"),
  paymentFollowUp("quickclaim.payment.resent"),
  paymentFollowUp("quickclaim.claim.payment_pending"),
  notify("quickclaim.case.reported", "invite", async (ev) => {
    const ids = ev.payload.invitePartyIds;
    return Array.isArray(ev.payload.invitePartyIds) && ev.payload.status === "REPORTED"
      ? (ids as unknown[]).filter((x): x is string => typeof x === "string")
      : [];
  }),
  notify("quickclaim.case.determined", "sign", async () => undefined),
  notify("quickclaim.case.offline", "offline", async () => undefined),
  notify("quickclaim.claim.paid", "paid", claimantOf),
  notify("quickclaim.claim.paid", "survey", claimantOf),
];
