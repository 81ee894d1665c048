import { describe, expect, it } from "vitest";
import { driveCase } from "../testing/drive-case.ts";
import { refusal } from "../testing/refusal.ts";
import { CHEN, createTestWorld, WU } from "../testing/test-world.ts";
import { determineLiability } from "./determine-liability.ts";
import { lookupSurveillance } from "./lookup-surveillance.ts";
import { signLetter } from "./sign-letter.ts";

const FACTS = "B车追尾A车,双方无异议。";

describe("QC-R03 在线认定 online determination and the electronic letter", () => {
  it("the officer confirms the rear-end suggestion: letter with number, facts, liability, officer, time and hash", async () => {
    const w = createTestWorld();
    const { caseId, letterHash } = await driveCase(w, "determined");
    const c = w.store.case(caseId);
    expect(c?.status).toBe("DETERMINED");
    const letter = c?.letter;
    expect(letter?.number).toBe("宁公交快〔2026〕第000001号");
    expect(letter?.decision).toEqual([
      { partyId: "A", shareBp: 0 },
      { partyId: "B", shareBp: 10_000 },
    ]);
    expect(letter?.suggestion).toEqual(letter?.decision);
    expect([letter?.officer.name, letter?.issuedAt, letter?.contentHash]).toEqual([
      "郑警官",
      "2026-03-01T05:45:00.000Z",
      letterHash,
    ]);
    expect(letter?.parties.map((x) => x.driverName)).toEqual([CHEN.name, WU.name]);
    expect(c?.determinedAt).toBe("2026-03-01T05:45:00.000Z");
  });

  it("an override with a reason is recorded next to the suggestion", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "evidence");
    const r = await determineLiability(
      w.deps,
      {
        caseId,
        form: "rear_end",
        faultPartyId: "B",
        facts: FACTS,
        override: {
          decision: [
            { partyId: "A", shareBp: 3_000 },
            { partyId: "B", shareBp: 7_000 },
          ],
          reason: "视频显示A车无故急刹",
        },
      },
      w.officer,
    );
    expect([r.letter?.suggestion?.[1]?.shareBp, r.letter?.decision[1]?.shareBp, r.letter?.overrideReason]).toEqual([
      10_000,
      7_000,
      "视频显示A车无故急刹",
    ]);
  });

  it("re-issuing the letter voids signatures already given (QC-R04): a signature on the old hash is refused", async () => {
    const w = createTestWorld();
    const { caseId, letterHash } = await driveCase(w, "determined");
    await signLetter(w.deps, { caseId, letterHash, decision: "agree" }, w.citizen(CHEN.mobile));
    const r = await determineLiability(
      w.deps,
      { caseId, form: "both_main_secondary", faultPartyId: "B", facts: FACTS },
      w.officer,
    );
    expect([r.letter?.number, r.letter?.version]).toEqual(["宁公交快〔2026〕第000001号", 2]);
    const c = w.store.case(caseId);
    expect(c?.signatures.map((s) => s.voided)).toEqual([true]);
    expect(c?.letterHistory.map((h) => h.replacedAt === null)).toEqual([false, true]);
    expect(await refusal(signLetter(w.deps, { caseId, letterHash, decision: "agree" }, w.citizen(WU.mobile)))).toEqual([
      "QC-R04",
      "conflict",
      "letterHash",
    ]);
  });

  it("the officer's finding of suspected drink-driving moves the case OFFLINE (QC-R01), no letter", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "evidence");
    const r = await determineLiability(
      w.deps,
      { caseId, form: "rear_end", faultPartyId: "B", facts: FACTS, findings: { suspectedDrinkDriving: true } },
      w.officer,
    );
    expect([r.status, r.letter, r.offlineReasons.map((x) => x.code)]).toEqual([
      "OFFLINE",
      null,
      ["suspected_drink_driving"],
    ]);
    expect(w.store.case(caseId)?.offline?.fromStatus).toBe("EVIDENCE_SUBMITTED");
  });

  it("pulls surveillance clips around the accident and records the lookup", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "evidence");
    w.video.clips = [{ clipId: "v1", cameraId: "G104-K12", from: "2026-03-01T05:35:00Z", to: "2026-03-01T05:45:00Z" }];
    const r = await lookupSurveillance(w.deps, { caseId }, w.officer);
    expect(r.clips.map((c) => c.cameraId)).toEqual(["G104-K12"]);
    expect(w.store.case(caseId)?.videoLookups.length).toBe(1);
  });

  it("a video system that does not answer leaves the case as it was (KRN-R10)", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "evidence");
    w.video.failing = true;
    const before = w.store.counts();
    expect(await refusal(lookupSurveillance(w.deps, { caseId }, w.officer))).toEqual([
      "KRN-R10",
      "unavailable",
      undefined,
    ]);
    expect(w.store.counts()).toEqual(before);
  });

  it.each([
    ["a party", (w: ReturnType<typeof createTestWorld>) => w.citizen(CHEN.mobile), "forbidden"],
    [
      "an officer of another county",
      () => ({ id: "police:xp", roles: ["police" as const], regionCodes: ["350921"] }),
      "not_found",
    ],
  ])("refuses determination by %s", async (_title, who, kind) => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "evidence");
    const [rule, k] = await refusal(
      determineLiability(w.deps, { caseId, form: "rear_end", faultPartyId: "B", facts: FACTS }, who(w)),
    );
    expect([rule, k]).toEqual(["KRN-R06", kind]);
  });

  it("refuses determination before evidence is submitted (conflict)", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "reported");
    expect(
      await refusal(
        determineLiability(w.deps, { caseId, form: "rear_end", faultPartyId: "B", facts: FACTS }, w.officer),
      ),
    ).toEqual(["QC-R03", "conflict", "status"]);
  });
});

describe("QC-R04 两步操作 step 2: every party signs the letter's hash", () => {
  it("both agree → AGREED", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "agreed");
    expect(w.store.case(caseId)?.status).toBe("AGREED");
  });

  it("one signed: the case waits for the other", async () => {
    const w = createTestWorld();
    const { caseId, letterHash } = await driveCase(w, "determined");
    const r = await signLetter(w.deps, { caseId, letterHash, decision: "agree" }, w.citizen(CHEN.mobile));
    expect(r).toEqual({ status: "DETERMINED", waitingFor: ["B"] });
  });

  it("a dispute → DISPUTED, for offline handling", async () => {
    const w = createTestWorld();
    const { caseId, letterHash } = await driveCase(w, "determined");
    const r = await signLetter(
      w.deps,
      { caseId, letterHash, decision: "dispute", disputeReason: "我没有追尾" },
      w.citizen(WU.mobile),
    );
    expect(r.status).toBe("DISPUTED");
    expect(w.store.case(caseId)?.disputedAt).toBe("2026-03-01T05:45:00.000Z");
  });

  it.each([
    ["a malformed hash", "xyz", ["QC-R04", "validation", "letterHash"]],
    ["a stale letter's hash", "0".repeat(64), ["QC-R04", "conflict", "letterHash"]],
  ])("refuses signing with %s, writing nothing", async (_title, hash, expected) => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "determined");
    const before = w.store.counts();
    expect(
      await refusal(signLetter(w.deps, { caseId, letterHash: hash, decision: "agree" }, w.citizen(CHEN.mobile))),
    ).toEqual(expected);
    expect(w.store.counts()).toEqual(before);
  });

  it("an officer cannot sign for a party", async () => {
    const w = createTestWorld();
    const { caseId, letterHash } = await driveCase(w, "determined");
    expect(await refusal(signLetter(w.deps, { caseId, letterHash, decision: "agree" }, w.officer))).toEqual([
      "KRN-R06",
      "forbidden",
      undefined,
    ]);
  });
});
