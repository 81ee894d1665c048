import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../../../core/kernel/mod.ts";
import { getCase, payClaim, type QuickClaimCase } from "../../../core/quickclaim/mod.ts";
import { CHEN, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { driveOnPlatform } from "./support/drive.ts";
import { createQuickClaimTestPlatform, type QuickClaimTestPlatform } from "./support/quickclaim-platform.ts";

describe("quickclaim persistence on kysely (cases, claims, payments; KRN-R04/R07/R09)", () => {
  let t: QuickClaimTestPlatform;
  beforeAll(async () => {
    t = await createQuickClaimTestPlatform();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a case written by the use cases reads back exactly, on either engine", async () => {
    const { caseId } = await driveOnPlatform(t, "determined");
    const c = (await t.deps.uow.run((tx) => tx.cases.get(caseId))) as QuickClaimCase;
    expect(c.status).toBe("DETERMINED");
    expect(c.parties.map((p) => [p.id, p.plate, p.mobile, p.items?.driverLicenceNo])).toEqual([
      ["A", "闽J8K627", CHEN.mobile, CHEN.residentId],
      ["B", "闽JD50213", WU.mobile, WU.residentId],
    ]);
    expect(c.photos.map((p) => p.slot).sort()).toEqual(["collision", "front", "rear"]);
    expect(c.letter?.number).toMatch(/^宁公交快〔2026〕第\d{6}号$/);
    expect(c.accidentDate).toBe("2026-03-01");
    // a save and a read are inverse: saving the same content again round-trips
    await t.deps.uow.run((tx) => tx.cases.update({ ...c, version: c.version + 1 }));
    const again = await t.deps.uow.run((tx) => tx.cases.get(caseId));
    expect(again).toEqual({ ...c, version: c.version + 1 });
  });

  it("stores C2 fields only sealed and finds a citizen's cases by the blind index of the mobile", async () => {
    const { caseId } = await driveOnPlatform(t, "claimed");
    const db = t.platform.database.db;
    const raw = await sql<{
      t: string;
    }>`select parties::text || doc::text as t from quickclaim.cases where id = ${caseId}`.execute(db);
    const claims = await sql<{
      t: string;
    }>`select row_to_json(c)::text as t from quickclaim.claims c where case_id = ${caseId}`.execute(db);
    const stored = [raw.rows[0]?.t ?? "", ...claims.rows.map((r) => r.t)].join("\n");
    for (const secret of [CHEN.mobile, WU.mobile, CHEN.residentId, WU.residentId, CHEN.card, WU.card]) {
      expect(stored.includes(secret)).toBe(false);
    }
    expect(stored).toContain("enc:v1:");
    const mine = await t.deps.queries.casesOfSubject(t.blindIndexer.index("mobile", WU.mobile));
    expect(mine.map((s) => s.caseId)).toContain(caseId);
    const view = await getCase(t.deps, { caseId }, t.citizen(WU.mobile));
    expect(view.claims[0]?.bankCard.number).toBe(WU.card);
  });

  it("refuses a save over a stale version (optimistic lock) and a second claim of a party", async () => {
    const { caseId, claims } = await driveOnPlatform(t, "claimed");
    const c = (await t.deps.uow.run((tx) => tx.cases.get(caseId))) as QuickClaimCase;
    const stale = t.deps.uow.run((tx) => tx.cases.update({ ...c, version: c.version + 5 }));
    await expect(stale).rejects.toMatchObject({ ruleId: "KRN-R09", kind: "conflict" });
    const claim = await t.deps.uow.run((tx) => tx.claims.get(claims.A as string));
    const twice = t.deps.uow.run((tx) =>
      tx.claims.insert({ ...(claim as NonNullable<typeof claim>), id: "qcclaim_dup" }),
    );
    await expect(twice).rejects.toBeInstanceOf(DomainError);
    await expect(twice).rejects.toMatchObject({ ruleId: "QC-R07", kind: "conflict" });
  });

  it("numbers letters gap-free per prefecture and year: a rolled-back number is given again", async () => {
    const next = () => t.deps.uow.run((tx) => tx.cases.nextLetterSerial("350999", 2031));
    expect(await next()).toBe(1);
    await expect(
      t.deps.uow.run(async (tx) => {
        await tx.cases.nextLetterSerial("350999", 2031);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await Promise.all([next(), next(), next()]).then((xs) => xs.sort())).toEqual([2, 3, 4]);
  });

  it("writes the audit entries and outbox events in the same transaction as the change", async () => {
    const { caseId, claims } = await driveOnPlatform(t, "accepted");
    await payClaim(t.deps, { claimId: claims.A }, t.citizen(CHEN.mobile));
    const db = t.platform.database.db;
    const audit = await db
      .selectFrom("platform.audit_log")
      .select(["action"])
      .where("object_id", "in", [caseId, claims.A as string])
      .orderBy("seq")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "quickclaim.case.report",
        "quickclaim.case.determine",
        "quickclaim.payment.start",
        "quickclaim.payment.succeeded",
      ]),
    );
    const events = await db
      .selectFrom("platform.outbox")
      .select("type")
      .where("aggregate_id", "=", claims.A as string)
      .execute();
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["quickclaim.payment.started", "quickclaim.claim.paid"]),
    );
    const paid = await db
      .selectFrom("quickclaim.claims")
      .select(["status", "payout_fen", "paid_fen"])
      .where("id", "=", claims.A as string)
      .executeTakeFirstOrThrow();
    expect(paid.status).toBe("PAID");
    expect(paid.paid_fen).toBe(paid.payout_fen);
    expect(typeof paid.paid_fen).toBe("number");
  });

  it("the database refuses a PAID claim whose paid sum differs from its payout", async () => {
    const { claims } = await driveOnPlatform(t, "accepted");
    const bad = sql`update quickclaim.claims set status = 'PAID', paid_fen = payout_fen + 1, paid_at = now() where id = ${claims.A}`;
    await expect(bad.execute(t.platform.database.db)).rejects.toThrow(/claims_paid_is_payout/);
  });
});
