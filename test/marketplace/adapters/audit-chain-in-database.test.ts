import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Tokens } from "../../../adapters/composition/tokens.ts";
import { seedCatalogue } from "../../../adapters/marketplace/demo/catalogue-seed.ts";
import {
  demoInstitutions,
  demoProducts,
  namedProducts,
} from "../../../adapters/marketplace/demo/longyan-demo-catalogue.ts";
import { KyselyMarketplaceUnitOfWork } from "../../../adapters/marketplace/kysely-unit-of-work.ts";
import { appendAuditEntriesChainedInDatabase } from "../../../adapters/platform/audit-chain-in-database.ts";
import { chainAuditRows } from "../../../adapters/platform/audit-entry.ts";
import { verifyAuditChain } from "../../../adapters/platform/verify-audit-chain.ts";
import type { AuditEntryInput, FieldCipher, Hasher, IdGenerator, Principal } from "../../../core/kernel/mod.ts";
import { createMarketplaceUseCases } from "../../../core/marketplace/mod.ts";
import {
  createMarketplaceTestPlatform,
  LONGYAN,
  type MarketplaceTestPlatform,
} from "./support/marketplace-platform.ts";

/**
 * KRN-R07 / KRN-R09 the marketplace unit of work chains its audit entries in the database: the
 * head is created-or-locked and the unit's entries chained on it (SHA-256 computed by Postgres
 * over the text auditEntryHash hashes) in statements pipelined with the COMMIT. The chain must be
 * the one JavaScript would have made, stay unbroken under concurrent units of one region, and a
 * failing statement of the tail must leave nothing of the unit behind.
 */
let t: MarketplaceTestPlatform;
const db = () => t.platform.database.db;
const shop = { idKind: "uscc" as const, idNumber: "92350802MA31XK5R2X" };
const mobile = "13859012345";
const CATEGORIES = ["tax.paid", "unionpay.acquiring-flow", "social.insurance-paid"];
let citizen: Principal;

beforeAll(async () => {
  t = await createMarketplaceTestPlatform();
  await seedCatalogue(t.deps, { institutions: demoInstitutions, products: demoProducts }, t.admin);
  citizen = { ...t.citizen(mobile), identities: [t.blindIndexer.index(shop.idKind, shop.idNumber)] };
});
afterAll(async () => {
  await t?.close();
});

function uc(ids: IdGenerator = t.deps.ids) {
  return createMarketplaceUseCases({ ...t.deps, ids });
}

async function consented() {
  const consent = await uc().grantConsent.execute(
    { productId: namedProducts.zhihuiKuaidai, subject: shop, categories: CATEGORIES },
    citizen,
  );
  return {
    productId: namedProducts.zhihuiKuaidai,
    consentId: consent.id,
    applicant: { ...shop, name: "新罗区张师傅便利店" },
    contactMobile: mobile,
    amount: 50_000_00,
    termMonths: 12,
  };
}

async function counts() {
  const n = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(db())).rows[0]?.n ?? 0);
  return {
    pushes: await n(sql<{ n: number }>`select count(*)::int as n from marketplace.pushes`),
    applications: await n(sql<{ n: number }>`select count(*)::int as n from marketplace.applications`),
    audit: await n(sql<{ n: number }>`select count(*)::int as n from platform.audit_log`),
    outbox: await n(sql<{ n: number }>`select count(*)::int as n from platform.outbox`),
    head: await n(sql<{ n: number }>`select seq::int as n from platform.audit_head where region_code = ${LONGYAN}`),
  };
}

const entry = (regionCode: string, objectId: string, detail: Record<string, unknown> = {}): AuditEntryInput => ({
  regionCode,
  actor: "citizen:test",
  action: "marketplace.test",
  objectType: "application",
  objectId,
  outcome: "ok",
  detail,
});

describe("KRN-R07 审计链在数据库中串联 audit entries chained in the database", () => {
  it("several entries of a unit are chained in order, with the hashes JavaScript computes; a new region starts at genesis", async () => {
    const head = (
      await sql<{ seq: number; hash: string }>`select seq::int as seq, hash from platform.audit_head
        where region_code = ${LONGYAN}`.execute(db())
    ).rows[0] ?? { seq: 0, hash: "0".repeat(64) };
    const a1 = entry(LONGYAN, "a1", { note: '冒号: 引号" 反斜杠\\', n: 1 });
    const a2 = entry(LONGYAN, "a2", { idNumber: "350802199001011234", nested: { b: [1, 2], a: null } });
    const a3 = entry(LONGYAN, "a3");
    const mine = [a1, a2, a3];
    const other = entry("350100", "b1", { x: 1 });
    await db()
      .transaction()
      .execute((tx) => appendAuditEntriesChainedInDatabase(tx, t.clock, [a1, other, a2, a3]));
    const expected = chainAuditRows(LONGYAN, head, mine, t.clock.now());
    const stored = await sql<{ seq: number; prev_hash: string; hash: string; object_id: string }>`
      select seq::int as seq, prev_hash, hash, object_id from platform.audit_log
      where region_code = ${LONGYAN} and seq > ${head.seq} order by seq`.execute(db());
    expect(stored.rows).toEqual(
      expected.rows.map((r) => ({ seq: r.seq, prev_hash: r.prev_hash, hash: r.hash, object_id: r.object_id })),
    );
    const fuzhou = await sql<{ seq: number; prev_hash: string; hash: string }>`
      select seq::int as seq, prev_hash, hash from platform.audit_log where region_code = '350100'`.execute(db());
    const fromGenesis = chainAuditRows("350100", { seq: 0, hash: "0".repeat(64) }, [other], t.clock.now());
    expect(fuzhou.rows).toEqual([{ seq: 1, prev_hash: "0".repeat(64), hash: fromGenesis.rows[0]?.hash }]);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
  });

  it("concurrent submissions in one region: every entry is chained, the head is the last, the chain verifies", async () => {
    const inputs = [];
    for (let i = 0; i < 8; i++) inputs.push(await consented());
    const before = await counts();
    const results = await Promise.all(inputs.map((input) => uc().submitApplication.execute(input, citizen)));
    expect(new Set(results.map((r) => r.application.id)).size).toBe(8);
    const after = await counts();
    expect(after.applications).toBe(before.applications + 8);
    expect(after.audit).toBeGreaterThanOrEqual(before.audit + 16);
    expect(after.head - before.head).toBe(after.audit - before.audit);
    const report = await verifyAuditChain(db(), { regionCode: LONGYAN });
    expect(report).toMatchObject({ ok: true });
    expect(report.checked).toBe(after.head);
  });

  it("concurrent transactions appending batches in one region never fork the chain", async () => {
    const before = await counts();
    await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        db()
          .transaction()
          .execute((tx) =>
            appendAuditEntriesChainedInDatabase(tx, t.clock, [
              entry(LONGYAN, `c${k}-1`),
              entry(LONGYAN, `c${k}-2`),
              entry(LONGYAN, `c${k}-3`),
            ]),
          ),
      ),
    );
    const after = await counts();
    expect(after.head).toBe(before.head + 24);
    expect(after.audit).toBe(before.audit + 24);
    // Each transaction's three entries are consecutive (its batch is chained under one head lock).
    const order = await sql<{ object_id: string }>`select object_id from platform.audit_log
      where region_code = ${LONGYAN} and seq > ${before.head} order by seq`.execute(db());
    const ids = order.rows.map((r) => r.object_id);
    for (let i = 0; i < ids.length; i += 3) {
      const k = ids[i]?.split("-")[0];
      expect(ids.slice(i, i + 3)).toEqual([`${k}-1`, `${k}-2`, `${k}-3`]);
    }
    expect(await verifyAuditChain(db(), { regionCode: LONGYAN })).toMatchObject({ ok: true });
  });

  it("a failing statement in the pipelined tail (a duplicate outbox event id) fails the submission: nothing is written", async () => {
    const first = await uc().submitApplication.execute(await consented(), citizen);
    const taken = (
      await sql<{ id: string }>`select id from platform.outbox where aggregate_id = ${first.push.id} limit 1`.execute(
        db(),
      )
    ).rows[0]?.id;
    expect(taken).toBeDefined();
    const input = await consented();
    const before = await counts();
    // The unit of work mints the event ids: give it one that is taken.
    const forcing: IdGenerator = { next: (p) => (p === "evt" ? (taken as string) : t.deps.ids.next(p)) };
    const root = t.platform.container;
    const uow = new KyselyMarketplaceUnitOfWork(db(), {
      clock: t.clock,
      ids: forcing,
      cipher: root.resolve<FieldCipher>(Tokens.FieldCipher),
      hasher: root.resolve<Hasher>(Tokens.Hasher),
    });
    const failing = createMarketplaceUseCases({ ...t.deps, uow }).submitApplication.execute(input, citizen);
    await expect(failing).rejects.toMatchObject({ code: "23505" });
    await expect(failing).rejects.toThrow(/outbox/);
    expect(await counts()).toEqual(before);
    expect(await verifyAuditChain(db(), { regionCode: LONGYAN })).toMatchObject({ ok: true });
    // The connection went back to the pool in a usable state: the next submission commits whole.
    const ok = await uc().submitApplication.execute(await consented(), citizen);
    expect((await counts()).applications).toBe(before.applications + 1);
    expect(ok.application.id).toBeTruthy();
    expect(await verifyAuditChain(db(), { regionCode: LONGYAN })).toMatchObject({ ok: true });
  });
});
