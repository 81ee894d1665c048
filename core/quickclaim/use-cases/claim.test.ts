import { describe, expect, it } from "vitest";
import { claimInput, driveCase } from "../testing/drive-case.ts";
import { refusal } from "../testing/refusal.ts";
import { CHEN, createTestWorld, WU } from "../testing/test-world.ts";
import { acceptClaim } from "./accept-claim.ts";
import { assessLoss } from "./assess-loss.ts";
import { openClaim } from "./open-claim.ts";

const losses = (caseId: string, a: number, b: number, change: Record<string, number> = {}) => ({
  caseId,
  losses: [
    { partyId: "A", vehicleFen: a, ...change },
    { partyId: "B", vehicleFen: b },
  ],
});

describe("一键理赔 one-click claim, assessment and insurer acceptance (QC-R05/R06/R07)", () => {
  it("rear-end: 陈姐's 3,200 yuan is paid by 吴建国's insurer (交强险 2,000 + 三者险 1,200); his 800 gets 100 from hers", async () => {
    const w = createTestWorld();
    const { caseId, claims } = await driveCase(w, "assessed");
    const a = w.store.claim(claims.A as string);
    const b = w.store.claim(claims.B as string);
    expect([a?.status, a?.payoutFen, b?.status, b?.payoutFen]).toEqual(["ASSESSED", 320_000, "ASSESSED", 10_000]);
    expect(a?.lines.map((l) => [l.insurerId, l.cover, l.amountFen])).toEqual([
      ["pingan-ningde", "compulsory", 200_000],
      ["pingan-ningde", "commercial", 120_000],
    ]);
    expect(w.store.case(caseId)?.status).toBe("CLAIMING");
    expect(w.store.case(caseId)?.assessment?.plan.victims[1]?.selfBorneFen).toBe(70_000);
  });

  it("互碰自赔: 50/50 scrape within 2,000 yuan each, both consented → each insurer pays its own insured", async () => {
    const w = createTestWorld();
    const { claims } = await driveCase(w, "assessed", {
      form: "both_equal",
      faultPartyId: null,
      mutualConsent: true,
      losses: { A: 150_000, B: 180_000 },
    });
    const a = w.store.claim(claims.A as string);
    const b = w.store.claim(claims.B as string);
    expect(a?.lines).toEqual([
      { payerPartyId: "A", insurerId: CHEN.insurerId, cover: "mutual", head: "property", amountFen: 150_000 },
    ]);
    expect(b?.lines).toEqual([
      { payerPartyId: "B", insurerId: WU.insurerId, cover: "mutual", head: "property", amountFen: 180_000 },
    ]);
  });

  it("the same 50/50 scrape without consent falls back to 交强险 first (QC-R05)", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "assessed", {
      form: "both_equal",
      faultPartyId: null,
      mutualConsent: false,
      losses: { A: 150_000, B: 180_000 },
    });
    expect(w.store.case(caseId)?.assessment?.plan.mode).toBe("compulsory-first");
  });

  it("a claim opened after the assessment gets its payout at once", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "agreed");
    await openClaim(w.deps, claimInput(caseId, CHEN), w.citizen(CHEN.mobile));
    await assessLoss(w.deps, losses(caseId, 320_000, 80_000), w.adjuster(WU.insurerId));
    const r = await openClaim(w.deps, claimInput(caseId, WU), w.citizen(WU.mobile));
    expect([r.status, r.payoutFen]).toEqual(["ASSESSED", 10_000]);
  });

  it("insurers accept → ACCEPTED; a decline keeps the claim ASSESSED and visible", async () => {
    const w = createTestWorld();
    const { claims } = await driveCase(w, "assessed");
    w.insurer.declining.add(CHEN.insurerId);
    const a = await acceptClaim(w.deps, { claimId: claims.A }, w.system);
    const b = await acceptClaim(w.deps, { claimId: claims.B }, w.system);
    expect([a.status, b.status, b.acceptances[0]?.state]).toEqual(["ACCEPTED", "ASSESSED", "declined"]);
    expect(w.insurer.accepted).toEqual([{ insurerId: WU.insurerId, claimId: claims.A, amountFen: 320_000 }]);
  });

  it("an insurer not answering leaves the claim ASSESSED, nothing written (KRN-R10)", async () => {
    const w = createTestWorld();
    const { claims } = await driveCase(w, "assessed");
    w.insurer.failing = true;
    const before = w.store.counts();
    expect(await refusal(acceptClaim(w.deps, { claimId: claims.A }, w.system))).toEqual([
      "KRN-R10",
      "unavailable",
      undefined,
    ]);
    expect(w.store.counts()).toEqual(before);
  });

  describe("QC-R01 caps at assessment", () => {
    it("a loss of 5,000 yuan or more moves the case OFFLINE: refused naming QC-R01, signatures kept, claims withdrawn, nothing paid", async () => {
      const w = createTestWorld();
      const { caseId, claims } = await driveCase(w, "claimed");
      const signedBefore = w.store.case(caseId)?.signatures;
      const r = await refusal(assessLoss(w.deps, losses(caseId, 420_000, 80_000), w.adjuster(WU.insurerId)));
      expect(r).toEqual(["QC-R01", "validation", "losses.property"]);
      const c = w.store.case(caseId);
      expect([c?.status, c?.offline?.fromStatus, c?.signatures]).toEqual(["OFFLINE", "CLAIMING", signedBefore]);
      expect([w.store.claim(claims.A as string)?.status, w.store.claim(claims.B as string)?.status]).toEqual([
        "WITHDRAWN",
        "WITHDRAWN",
      ]);
      expect(w.gateway.transfers).toEqual([]);
    });

    it("an injury of 2,000 yuan is over the injury cap: OFFLINE", async () => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "claimed");
      expect(
        await refusal(
          assessLoss(w.deps, losses(caseId, 100_000, 0, { medicalFen: 200_000 }), w.adjuster(WU.insurerId)),
        ),
      ).toEqual(["QC-R01", "validation", "losses.medical"]);
    });
  });

  describe("bad input: a clear refusal naming the rule, nothing written", () => {
    it("claiming before every party agreed (QC-R04)", async () => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "determined");
      const before = w.store.counts();
      expect(await refusal(openClaim(w.deps, claimInput(caseId, CHEN), w.citizen(CHEN.mobile)))).toEqual([
        "QC-R04",
        "conflict",
        "status",
      ]);
      expect([w.store.counts(), w.photos.objects.size]).toEqual([before, 3]); // only the 3 scene photos
    });

    it("claiming twice (QC-R07)", async () => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "claimed");
      const before = w.store.counts();
      expect(await refusal(openClaim(w.deps, claimInput(caseId, CHEN), w.citizen(CHEN.mobile)))).toEqual([
        "QC-R07",
        "conflict",
        "caseId",
      ]);
      expect(w.store.counts()).toEqual(before);
    });

    it.each([
      [
        "an invalid bank card (Luhn)",
        (i: ReturnType<typeof claimInput>) => ({ ...i, bankCard: { ...i.bankCard, number: "6222021234567890127" } }),
        ["QC-R02", "validation", "bankCard.number"],
      ],
      [
        "an invalid ID number",
        (i: ReturnType<typeof claimInput>) => ({ ...i, idCard: { ...i.idCard, residentId: "35098219750908202X" } }),
        ["QC-R02", "validation", "idCard.residentId"],
      ],
      [
        "someone else's ID card",
        (i: ReturnType<typeof claimInput>) => ({
          ...i,
          idCard: { ...i.idCard, name: WU.name, residentId: WU.residentId },
        }),
        ["QC-R07", "validation", "idCard.residentId"],
      ],
      [
        "a card held by someone else",
        (i: ReturnType<typeof claimInput>) => ({ ...i, bankCard: { ...i.bankCard, holderName: WU.name } }),
        ["QC-R07", "validation", "bankCard.holderName"],
      ],
      [
        "an ID photo that is a PDF",
        (i: ReturnType<typeof claimInput>) => ({
          ...i,
          idCard: { ...i.idCard, photo: { contentType: "application/pdf", bytes: new Uint8Array([1]) } },
        }),
        ["QC-R02", "validation", "photo.contentType"],
      ],
    ])("%s", async (_title, change, expected) => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "agreed");
      const before = w.store.counts();
      expect(await refusal(openClaim(w.deps, change(claimInput(caseId, CHEN)), w.citizen(CHEN.mobile)))).toEqual(
        expected,
      );
      expect([w.store.counts(), w.photos.objects.size]).toEqual([before, 3]);
    });

    it.each([
      ["a party whose account has not done 实名认证 (KRN-R06)", []],
      ["a party whose account proved another person's ID", [WU.residentId]],
    ])("%s gets no payout: QC-R07 refuses before anything is stored", async (_title, provedIds) => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "agreed");
      const before = w.store.counts();
      const unproved = {
        ...w.citizen(CHEN.mobile),
        identities: provedIds.map((id) => w.deps.blindIndex.index("resident-id", id)),
      };
      expect(await refusal(openClaim(w.deps, claimInput(caseId, CHEN), unproved))).toEqual([
        "QC-R07",
        "forbidden",
        "idCard.residentId",
      ]);
      expect([w.store.counts(), w.photos.objects.size]).toEqual([before, 3]);
    });

    it.each([
      ["a negative loss", (id: string) => losses(id, -1, 100), ["QC-R05", "validation", "losses.0.vehicleFen"]],
      [
        "a loss in yuan with decimals instead of fen",
        (id: string) => losses(id, 3200.5, 100),
        ["QC-R05", "validation", "losses.0.vehicleFen"],
      ],
      [
        "a party missing",
        (id: string) => ({
          caseId: id,
          losses: [
            { partyId: "A", vehicleFen: 1 },
            { partyId: "C", vehicleFen: 1 },
          ],
        }),
        ["QC-R05", "validation", "losses"],
      ],
    ])("assessment with %s", async (_title, input, expected) => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "claimed");
      const before = w.store.counts();
      expect(await refusal(assessLoss(w.deps, input(caseId), w.adjuster(WU.insurerId)))).toEqual(expected);
      expect(w.store.counts()).toEqual(before);
    });

    it("assessment by an adjuster of an insurer not in the case: not found", async () => {
      const w = createTestWorld();
      const { caseId } = await driveCase(w, "claimed");
      expect(await refusal(assessLoss(w.deps, losses(caseId, 1, 1), w.adjuster("cpic-ningde")))).toEqual([
        "KRN-R06",
        "not_found",
        undefined,
      ]);
    });
  });
});
