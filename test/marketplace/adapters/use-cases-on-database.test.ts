import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "../../../adapters/marketplace/demo/catalogue-seed.ts";
import {
  demoInstitutions,
  demoProducts,
  namedProducts,
} from "../../../adapters/marketplace/demo/longyan-demo-catalogue.ts";
import { runMarketplaceJobs } from "../../../adapters/marketplace/marketplace-jobs.ts";
import {
  mortgageAnswerSubscription,
  mortgageFilingSubscription,
} from "../../../adapters/marketplace/marketplace-subscriptions.ts";
import type { OutboxEvent } from "../../../adapters/platform/outbox-dispatcher.ts";
import { verifyAuditChain } from "../../../adapters/platform/verify-audit-chain.ts";
import { DomainError } from "../../../core/kernel/mod.ts";
import { createMarketplaceUseCases, type MarketplaceUseCases } from "../../../core/marketplace/mod.ts";
import {
  createMarketplaceTestPlatform,
  LONGYAN,
  type MarketplaceTestPlatform,
} from "./support/marketplace-platform.ts";

/**
 * The core's use cases on the kysely adapters, the real plugins (simulators) and a real database:
 * one transaction per use case with its audit entries and outbox events, C2 data sealed at rest,
 * row locks that serialise a revocation with a push, the registry reached through the outbox.
 */
let t: MarketplaceTestPlatform;
let uc: MarketplaceUseCases;
const zhang = { mobile: "13859012345", shop: { idKind: "uscc" as const, idNumber: "92350802MA31XK5R2X" } };
const db = () => t.platform.database.db;

beforeAll(async () => {
  t = await createMarketplaceTestPlatform({ registry: { processingMs: 60_000 } });
  await seedCatalogue(t.deps, { institutions: demoInstitutions, products: demoProducts }, t.admin);
  uc = createMarketplaceUseCases(t.deps);
});
afterAll(async () => {
  await t?.close();
});

async function apply(productId: string, categories: string[], over: Record<string, unknown> = {}) {
  const citizen = t.citizen(zhang.mobile);
  const consent = await uc.grantConsent.execute({ productId, subject: zhang.shop, categories }, citizen);
  return uc.submitApplication.execute(
    {
      productId,
      consentId: consent.id,
      applicant: { ...zhang.shop, name: "新罗区张师傅便利店" },
      contactMobile: zhang.mobile,
      amount: 50_000_00,
      termMonths: 12,
      ...over,
    },
    citizen,
  );
}

function event(type: string, payload: Record<string, unknown>): OutboxEvent {
  return {
    id: `evt_${type}`,
    regionCode: LONGYAN,
    type,
    aggregateId: "x",
    payload,
    createdAt: t.clock.now(),
    attempt: 1,
  };
}

describe("submitting an application on the database (MKT-R01..R03, R06, R07, KRN-R07/R09)", () => {
  it("张师傅's 智慧快贷 from a 码上贷 code: push logged, decided at once, first loan, code conversion counted", async () => {
    const issued = await uc.issueApplyCode.execute(
      { productId: namedProducts.zhihuiKuaidai, branchId: "inst_ccb_xinluo" },
      t.staff("inst_ccb"),
    );
    await uc.scanApplyCode.execute({ token: issued.token });
    const r = await apply(
      namedProducts.zhihuiKuaidai,
      ["tax.paid", "unionpay.acquiring-flow", "social.insurance-paid"],
      {
        applyCodeToken: issued.token,
      },
    );
    expect(r.application).toMatchObject({
      state: "APPROVED",
      firstLoan: true,
      source: "qr",
      branchId: "inst_ccb_xinluo",
    });
    expect(r.application.instantDecision?.outcome).toBe("approved");
    expect([...r.push.categories].sort()).toEqual(["social.insurance-paid", "tax.paid", "unionpay.acquiring-flow"]);
    const code = await uc.manageApplyCode.get({ applyCodeId: issued.code.id }, t.staff("inst_ccb"));
    expect({ scans: code.scans, applications: code.applications }).toEqual({ scans: 1, applications: 1 });

    const audit = await sql<{ action: string }>`select action from platform.audit_log
      where object_id in (${r.application.id}, ${r.push.id}) order by seq`.execute(db());
    expect(audit.rows.map((x) => x.action)).toEqual([
      "marketplace.data.push",
      "marketplace.application.submit",
      "marketplace.application.instant-decision",
    ]);
    const events = await sql<{ type: string }>`select type from platform.outbox
      where aggregate_id in (${r.application.id}, ${r.push.id}) order by created_at, id`.execute(db());
    expect(events.rows.map((x) => x.type).sort()).toEqual([
      "marketplace.application.approved",
      "marketplace.application.submitted",
      "marketplace.data.pushed",
    ]);
    expect((await verifyAuditChain(db(), { regionCode: LONGYAN })).ok).toBe(true);
  });

  it("KRN-R04: identity numbers, mobiles and pushed data are never stored or logged in plaintext", async () => {
    const rows = await sql<{ t: string }>`
      select row_to_json(a)::text as t from marketplace.applications a
      union all select row_to_json(c)::text from marketplace.consents c
      union all select row_to_json(p)::text from marketplace.pushes p
      union all select row_to_json(o)::text from platform.outbox o where o.type like 'marketplace.%'
      union all select row_to_json(l)::text from platform.audit_log l where l.action like 'marketplace.%'`.execute(
      db(),
    );
    const all = rows.rows.map((r) => r.t).join("\n");
    expect(all.length).toBeGreaterThan(1000);
    for (const secret of [zhang.shop.idNumber, zhang.mobile, "turnoverFen"]) expect(all).not.toContain(secret);
  });

  it("MKT-R01 a revoked consent pushes nothing; no application, push, audit entry or event is written", async () => {
    const citizen = t.citizen(zhang.mobile);
    const consent = await uc.grantConsent.execute(
      {
        productId: namedProducts.longyanEloan,
        subject: zhang.shop,
        categories: ["social.insurance-paid", "court.dishonest"],
      },
      citizen,
    );
    await uc.revokeConsent.execute({ consentId: consent.id }, citizen);
    const before = await counts();
    const refused = await uc.submitApplication
      .execute(
        {
          productId: namedProducts.longyanEloan,
          consentId: consent.id,
          applicant: { ...zhang.shop, name: "x" },
          contactMobile: zhang.mobile,
          amount: 20_000_00,
          termMonths: 12,
        },
        citizen,
      )
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).ruleId).toBe("MKT-R01");
    expect(await counts()).toEqual(before);
  });

  it("a revocation waits for a push holding the consent's row lock, and then takes effect (Postgres row locks)", async () => {
    const citizen = t.citizen(zhang.mobile);
    const consent = await uc.grantConsent.execute(
      {
        productId: namedProducts.longyanEloan,
        subject: zhang.shop,
        categories: ["social.insurance-paid", "court.dishonest"],
      },
      citizen,
    );
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const push = t.deps.uow.run(async (tx) => {
      await tx.consents.getForUpdate(consent.id);
      locked();
      await held;
      order.push("push committed");
    });
    await isLocked;
    const revoke = uc.revokeConsent.execute({ consentId: consent.id }, citizen).then(() => order.push("revoked"));
    await new Promise((r) => setTimeout(r, 150));
    order.push("released");
    release();
    await Promise.all([push, revoke]);
    expect(order).toEqual(["released", "push committed", "revoked"]);
  });
});

async function counts() {
  return (
    await sql<{ a: number; p: number; o: number; l: number }>`select
      (select count(*) from marketplace.applications) as a, (select count(*) from marketplace.pushes) as p,
      (select count(*) from platform.outbox) as o, (select count(*) from platform.audit_log) as l`.execute(db())
  ).rows[0];
}

describe("抵押登记云办理 through the outbox to the real-estate registry (KRN-R09/R10)", () => {
  it("signed at the branch → filed by the outbox handler → pending while the registry works → registered", async () => {
    const r = await apply("prd_ccb_diyakuaidai", ["estate.registration", "estate.mortgage"], { amount: 300_000_00 });
    const staff = t.staff("inst_ccb");
    const id = r.application.id;
    await uc.recordApplicationOutcome.execute(
      { applicationId: id, event: "approve", amountGranted: 300_000_00, rateBp: 420, grantedTermMonths: 12 },
      staff,
    );
    const reg = await uc.requestMortgageRegistration.execute(
      {
        applicationId: id,
        titleCertificateNo: "闽(2023)龙岩市不动产权第0007788号",
        address: "新罗区西陂街道",
        securedAmount: 300_000_00,
      },
      staff,
    );
    await uc.signMortgageAtBranch.execute({ registrationId: reg.id, branchId: "inst_ccb_xinluo" }, staff);
    await mortgageFilingSubscription.handler(t.platform)(
      event("marketplace.mortgage-registration.signed", { registrationId: reg.id }),
    );
    const answer = mortgageAnswerSubscription.handler(t.platform);
    const submitted = event("marketplace.mortgage-registration.submitted", { registrationId: reg.id });
    await expect(answer(submitted)).rejects.toThrow("has not answered");
    t.clock.advance(61_000);
    await answer(submitted);
    const done = await uc.getApplication.execute({ applicationId: id }, staff);
    expect(done.mortgageRegistration).toMatchObject({ state: "REGISTERED", attempts: 1 });
    expect(done.mortgageRegistration?.registrationCertificateNo).toMatch(/^闽\(2026\)龙岩市不动产证明第\d{7}号$/);
    // A redelivered event changes nothing.
    await mortgageFilingSubscription.handler(t.platform)(
      event("marketplace.mortgage-registration.signed", { registrationId: reg.id }),
    );
    await answer(submitted);
    expect((await uc.getApplication.execute({ applicationId: id }, staff)).mortgageRegistration?.state).toBe(
      "REGISTERED",
    );
  });
});

describe("housekeeping: consent expiry and the end of a push's data life (MKT-R01)", () => {
  it("after the data life the pushed content is dropped and the log line stays; expired consents are marked", async () => {
    t.clock.advance(1_150 * 86_400_000); // past the longest data life (a mortgage product: 36 months)
    const [result] = await runMarketplaceJobs(t.platform);
    expect(result?.regionCode).toBe(LONGYAN);
    expect(result?.expired).toBeGreaterThan(0);
    expect(result?.purged).toBeGreaterThan(0);
    const left = await sql<{
      held: number;
      lines: number;
    }>`select count(*) filter (where payload_cipher is not null) as held,
      count(*) as lines from marketplace.pushes`.execute(db());
    expect(left.rows[0]).toMatchObject({ held: 0 });
    expect(left.rows[0]?.lines).toBeGreaterThan(0);
    const active = await sql<{
      n: number;
    }>`select count(*) as n from marketplace.consents where status = 'ACTIVE'`.execute(db());
    expect(active.rows[0]?.n).toBe(0);
  });
});
