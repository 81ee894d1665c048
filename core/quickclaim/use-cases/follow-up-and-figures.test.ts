import { describe, expect, it } from "vitest";
import { demoReport, driveCase } from "../testing/drive-case.ts";
import { refusal } from "../testing/refusal.ts";
import { CHEN, createTestWorld, type TestWorld, WU } from "../testing/test-world.ts";
import { getFigures } from "./get-figures.ts";
import { listAdjusterQueue } from "./list-adjuster-queue.ts";
import { listPoliceQueue } from "./list-police-queue.ts";
import { moveOffline } from "./move-offline.ts";
import { notifyParties } from "./notify-parties.ts";
import { payClaim } from "./pay-claim.ts";
import { reportAccident } from "./report-accident.ts";
import { signLetter } from "./sign-letter.ts";
import { submitSurvey } from "./submit-survey.ts";

async function paidCase(w: TestWorld): Promise<string> {
  const { caseId, claims } = await driveCase(w, "accepted");
  w.clock.advance(120); // claim opened → paid takes two minutes
  await payClaim(w.deps, { claimId: claims.A }, w.citizen(CHEN.mobile));
  await payClaim(w.deps, { claimId: claims.B }, w.citizen(WU.mobile));
  return caseId;
}

describe("回访 follow-up and QC-R08 figures", () => {
  it("after payment each party answers the follow-up once", async () => {
    const w = createTestWorld();
    const caseId = await paidCase(w);
    await submitSurvey(
      w.deps,
      { caseId, satisfied: true, suggestion: "希望夜间也有查勘员值班" },
      w.citizen(CHEN.mobile),
    );
    expect(await refusal(submitSurvey(w.deps, { caseId, satisfied: false }, w.citizen(CHEN.mobile)))).toEqual([
      "QC-R08",
      "conflict",
      "caseId",
    ]);
  });

  it("refuses a follow-up before payment", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "agreed");
    expect(await refusal(submitSurvey(w.deps, { caseId, satisfied: true }, w.citizen(CHEN.mobile)))).toEqual([
      "QC-R08",
      "conflict",
      "status",
    ]);
  });

  it("the regulator sees share handled remotely, handling and payout times, no-dispute share, satisfaction and suggestions per centre", async () => {
    const w = createTestWorld();
    const caseId = await paidCase(w);
    await submitSurvey(
      w.deps,
      { caseId, satisfied: true, suggestion: "希望夜间也有查勘员值班" },
      w.citizen(CHEN.mobile),
    );
    await submitSurvey(w.deps, { caseId, satisfied: true }, w.citizen(WU.mobile));
    // a second accident the same day goes offline at once (a vehicle cannot move)
    const offline = { ...demoReport(), circumstances: { ...demoReport().circumstances, vehiclesMovable: false } };
    await reportAccident(w.deps, offline, w.clerk);
    const [row] = await getFigures(
      w.deps,
      { regionCode: "350900", from: "2026-03-01", to: "2026-03-31", groupBy: "centre" },
      w.regulator,
    );
    expect(row?.key).toBe("fuding");
    expect([row?.accidents, row?.handledRemotely, row?.remoteShareBp]).toEqual([2, 1, 5_000]);
    expect([row?.noDisputeShareBp, row?.satisfactionBp, row?.suggestions]).toEqual([10_000, 10_000, 1]);
    expect(row?.payout.count).toBe(2);
    expect(row?.payout.fastestSeconds).toBe(120);
    expect(row?.recentSuggestions).toEqual(["希望夜间也有查勘员值班"]);
  });

  it.each([
    ["a citizen", (w: TestWorld) => w.citizen(CHEN.mobile), ["KRN-R06", "forbidden", undefined]],
    [
      "a regulator of another prefecture",
      () => ({ id: "r:ly", roles: ["regulator" as const], regionCodes: ["350800"] }),
      ["KRN-R06", "not_found", undefined],
    ],
  ])("refuses figures to %s", async (_title, who, expected) => {
    const w = createTestWorld();
    expect(
      await refusal(getFigures(w.deps, { regionCode: "350900", from: "2026-03-01", to: "2026-03-31" }, who(w))),
    ).toEqual(expected);
  });

  it("refuses a period that ends before it starts", async () => {
    const w = createTestWorld();
    expect(
      await refusal(getFigures(w.deps, { regionCode: "350900", from: "2026-03-31", to: "2026-03-01" }, w.regulator)),
    ).toEqual(["QC-R08", "validation", "to"]);
  });
});

describe("queues, offline hand-over and messages", () => {
  it("the police desk queue lists submitted cases of the officer's county; the adjuster sees claims of his insurer", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "claimed");
    const other = await driveCase(w, "evidence");
    expect((await listPoliceQueue(w.deps, {}, w.officer)).map((x) => x.caseId)).toEqual([other.caseId]);
    expect((await listAdjusterQueue(w.deps, {}, w.adjuster(WU.insurerId))).map((x) => x.caseId)).toEqual([
      caseId,
      caseId,
    ]);
    expect(await listAdjusterQueue(w.deps, {}, w.adjuster("cpic-ningde"))).toEqual([]);
  });

  it("a disputed case is handed to the service centre with its reason, signatures kept", async () => {
    const w = createTestWorld();
    const { caseId, letterHash } = await driveCase(w, "determined");
    await signLetter(
      w.deps,
      { caseId, letterHash, decision: "dispute", disputeReason: "对责任有异议" },
      w.citizen(WU.mobile),
    );
    await moveOffline(w.deps, { caseId, reason: "当事人对认定有异议,转服务中心调解" }, w.clerk);
    const c = w.store.case(caseId);
    expect([c?.status, c?.offline?.fromStatus, c?.signatures.length]).toEqual(["OFFLINE", "DISPUTED", 1]);
  });

  it("the outbox handler invites the other party by SMS with the case link", async () => {
    const w = createTestWorld();
    const { caseId } = await driveCase(w, "reported");
    const r = await notifyParties(
      w.deps,
      { caseId, purpose: "invite", partyIds: ["B"], link: "https://qc.example.cn/qc/c/1" },
      w.system,
    );
    expect(r.sent).toBe(1);
    expect(w.notifier.sent[0]?.mobile).toBe(WU.mobile);
    expect(w.notifier.sent[0]?.text).toContain("https://qc.example.cn/qc/c/1");
  });
});
