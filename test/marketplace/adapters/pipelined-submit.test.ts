import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "../../../adapters/marketplace/demo/catalogue-seed.ts";
import {
  demoInstitutions,
  demoProducts,
  namedProducts,
} from "../../../adapters/marketplace/demo/longyan-demo-catalogue.ts";
import { verifyAuditChain } from "../../../adapters/platform/verify-audit-chain.ts";
import type { IdGenerator, Principal } from "../../../core/kernel/mod.ts";
import { createMarketplaceUseCases, type MarketplaceUseCases } from "../../../core/marketplace/mod.ts";
import {
  createMarketplaceTestPlatform,
  LONGYAN,
  type MarketplaceTestPlatform,
} from "./support/marketplace-platform.ts";

/**
 * KRN-R09 on the pipelined write path: the submission's push and application inserts (and the
 * audit/outbox tail) are sent without waiting for them (PIPELINED, on Postgres; on PGlite they
 * are waited for as usual). A failure of any of them must still fail the submission with the
 * database's own error — what the API has always turned into its problem details — and leave
 * nothing of it behind: no push, application, audit entry, outbox event, nor a moved audit head.
 */
let t: MarketplaceTestPlatform;
let uc: MarketplaceUseCases;
const shop = { idKind: "uscc" as const, idNumber: "92350802MA31XK5R2X" };
const mobile = "13859012345";
const CATEGORIES = ["tax.paid", "unionpay.acquiring-flow", "social.insurance-paid"];
const db = () => t.platform.database.db;

let citizen: Principal;

beforeAll(async () => {
  t = await createMarketplaceTestPlatform();
  await seedCatalogue(t.deps, { institutions: demoInstitutions, products: demoProducts }, t.admin);
  uc = createMarketplaceUseCases(t.deps);
  // The citizen has proved the shop's ID on the account (实名认证), as a consent needs.
  citizen = { ...t.citizen(mobile), identities: [t.blindIndexer.index(shop.idKind, shop.idNumber)] };
});
afterAll(async () => {
  await t?.close();
});

/** The platform's ids, except that `prefix` gets `id` (an id already taken, to force a duplicate). */
function forcing(prefix: string, id: string): IdGenerator {
  return { next: (p) => (p === prefix ? id : t.deps.ids.next(p)) };
}

async function counts() {
  const n = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(db())).rows[0]?.n);
  return {
    pushes: await n(sql<{ n: number }>`select count(*)::int as n from marketplace.pushes`),
    applications: await n(sql<{ n: number }>`select count(*)::int as n from marketplace.applications`),
    audit: await n(sql<{ n: number }>`select count(*)::int as n from platform.audit_log`),
    outbox: await n(sql<{ n: number }>`select count(*)::int as n from platform.outbox`),
    head: await n(sql<{ n: number }>`select seq::int as n from platform.audit_head where region_code = ${LONGYAN}`),
  };
}

/** A fresh consent for the shop (its own unit of work), and the submission input under it. */
async function consented() {
  const consent = await uc.grantConsent.execute(
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

function submit(input: Record<string, unknown>, ids: IdGenerator = t.deps.ids) {
  return createMarketplaceUseCases({ ...t.deps, ids }).submitApplication.execute(input, citizen);
}

describe("KRN-R09 pipelined submission writes: a failing insert fails the whole submission", () => {
  it("a duplicate application id: the unique violation is raised, nothing of the submission is stored", async () => {
    const first = await submit(await consented());
    const input = await consented();
    const before = await counts();
    const failing = submit(input, forcing("app", first.application.id));
    await expect(failing).rejects.toMatchObject({ code: "23505" });
    await expect(failing).rejects.toThrow(/applications/);
    expect(await counts()).toEqual(before);
    expect((await verifyAuditChain(db(), { regionCode: LONGYAN })).ok).toBe(true);
  });

  it("a duplicate push id: the unique violation is raised, no application, audit entry or event", async () => {
    const first = await submit(await consented());
    const input = await consented();
    const before = await counts();
    const failing = submit(input, forcing("push", first.push.id));
    await expect(failing).rejects.toMatchObject({ code: "23505" });
    await expect(failing).rejects.toThrow(/pushes/);
    expect(await counts()).toEqual(before);
    expect((await verifyAuditChain(db(), { regionCode: LONGYAN })).ok).toBe(true);
  });

  it("after a failed submission the next one commits whole, its audit entries chained on the same head", async () => {
    const input = await consented();
    const before = await counts();
    const ok = await submit(input);
    const after = await counts();
    expect(after.pushes).toBe(before.pushes + 1);
    expect(after.applications).toBe(before.applications + 1);
    expect(after.audit).toBeGreaterThanOrEqual(before.audit + 2);
    expect(after.head).toBe(after.audit);
    const stored = await sql<{ id: string; push_id: string }>`select id, push_id from marketplace.applications
      where id = ${ok.application.id}`.execute(db());
    expect(stored.rows).toEqual([{ id: ok.application.id, push_id: ok.push.id }]);
    expect((await verifyAuditChain(db(), { regionCode: LONGYAN })).ok).toBe(true);
  });
});
