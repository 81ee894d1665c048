import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FACTORS_NOTICE_EVENTS } from "../../../adapters/factors/outbox/factors-subscriptions.ts";
import { routeNotice } from "../../../adapters/factors/outbox/notice-recipients.ts";
import { verifyAuditChain } from "../../../adapters/platform/verify-audit-chain.ts";
import { factorsTestbed } from "../../../core/factors/testing/mod.ts";
import { portName } from "../../../core/kernel/mod.ts";
import { demoStory } from "./demo-story.ts";
import { kyselyTestbed } from "./kysely-testbed.ts";

describe("the kysely factors store agrees with the in-memory reference", () => {
  let memory: Record<string, unknown>;
  let stored: Record<string, unknown>;
  let sqlTb: Awaited<ReturnType<typeof kyselyTestbed>>;

  beforeAll(async () => {
    memory = await demoStory(factorsTestbed());
    sqlTb = await kyselyTestbed();
    stored = await demoStory(sqlTb);
  });
  afterAll(async () => {
    await sqlTb?.database.close();
  });

  it("answers every read of the demo story exactly as the reference does (history, liens, loans, lists, dashboards)", () => {
    for (const key of Object.keys(memory)) expect(stored[key], key).toEqual(memory[key]);
    // the disposal completed at 04:30 on 1 October in 福安 (20:30 UTC on 30 September) counts in October
    expect(stored.xiapuOctober).toMatchObject({ disposals: { completed: 1, proceeds: 115_500_00 } });
    expect(stored.xiapuSeptember).toMatchObject({ disposals: { completed: 0, proceeds: 0 } });
  });

  it("chains every audit entry of the story (KRN-R07)", async () => {
    const report = await verifyAuditChain(sqlTb.database.db, { regionCode: "350900" });
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(50);
  });

  it("routes each outside-system event of the story to the institutions it concerns", async () => {
    const db = sqlTb.database.db;
    const events = await db
      .selectFrom("platform.outbox")
      .select(["id", "region_code", "type", "aggregate_id", "payload", "created_at", "attempts"])
      .where("type", "in", [...FACTORS_NOTICE_EVENTS])
      .orderBy("created_at")
      .execute();
    const routed = new Map<string, string[]>();
    for (const e of events) {
      const r = await routeNotice(db, {
        id: e.id,
        regionCode: e.region_code,
        type: e.type,
        aggregateId: e.aggregate_id,
        payload: e.payload,
        createdAt: e.created_at,
        attempt: 1,
      });
      expect(r.countyCode, e.type).toMatch(/^3509\d\d$/);
      const list = r.recipients.map((x) => `${portName(x.port)}:${x.institutionId}`);
      routed.set(e.type, [...new Set([...(routed.get(e.type) ?? []), ...list])].sort());
    }
    expect(Object.fromEntries(routed)).toEqual({
      "factors.mortgage.accepted": ["factors.Guarantor:nd-gov-guarantor", "factors.Insurer:nd-agri-insurer"],
      "factors.loan.booked": [
        "factors.Guarantor:nd-gov-guarantor",
        "factors.Insurer:nd-agri-insurer",
        "factors.LenderGateway:nd-rural-bank",
      ],
      "factors.loan.defaulted": ["factors.Guarantor:nd-gov-guarantor", "factors.Insurer:nd-agri-insurer"],
      "factors.disposal.completed": ["factors.LenderGateway:nd-rural-bank"],
      "factors.loss.claim": ["factors.Guarantor:nd-gov-guarantor", "factors.Insurer:nd-agri-insurer"],
      "factors.loss.allocated": ["factors.LenderGateway:nd-rural-bank"],
      "factors.transfer.consent_requested": ["factors.LenderGateway:nd-rural-bank"],
      "factors.transfer.awarded": ["factors.LenderGateway:nd-rural-bank"],
    });
  });
});
