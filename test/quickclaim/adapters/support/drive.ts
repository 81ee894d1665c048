import {
  acceptClaim,
  addPhoto,
  assessLoss,
  determineLiability,
  openClaim,
  reportAccident,
  signLetter,
  submitEvidence,
  submitPartyItems,
} from "../../../../core/quickclaim/mod.ts";
import { claimInput, demoReport, itemsOf } from "../../../../core/quickclaim/testing/drive-case.ts";
import { CHEN, FUDING_POINT, JPEG, WU } from "../../../../core/quickclaim/testing/test-world.ts";
import type { QuickClaimTestPlatform } from "./quickclaim-platform.ts";

export type Stage = "reported" | "evidence" | "determined" | "agreed" | "claimed" | "assessed" | "accepted";
const ORDER: Stage[] = ["reported", "evidence", "determined", "agreed", "claimed", "assessed", "accepted"];

export interface Driven {
  readonly caseId: string;
  readonly letterHash: string | null;
  readonly claims: { A: string | null; B: string | null };
}

/**
 * The demo accident (福鼎, 陈姐's car rear-ended by 吴建国's van) driven through the real use
 * cases on the real platform (database, plugins, pack) up to `until`. Losses in fen.
 */
export async function driveOnPlatform(
  t: QuickClaimTestPlatform,
  until: Stage,
  losses: { A: number; B: number } = { A: 320_000, B: 80_000 },
): Promise<Driven> {
  const reach = (s: Stage) => ORDER.indexOf(until) >= ORDER.indexOf(s);
  const { deps } = t;
  const chen = t.citizen(CHEN.mobile);
  const wu = t.citizen(WU.mobile);
  const { caseId } = await reportAccident(deps, demoReport(), chen);
  const out: Driven = { caseId, letterHash: null, claims: { A: null, B: null } };
  if (!reach("evidence")) return out;
  for (const slot of ["front", "rear", "collision"]) {
    const photo = { contentType: "image/jpeg", bytes: JPEG, capturedAt: "2026-03-01T05:43:00Z", point: FUDING_POINT };
    await addPhoto(deps, { caseId, slot, ...photo }, chen);
  }
  await submitPartyItems(deps, { caseId, partyId: "A", items: itemsOf(CHEN) }, chen);
  await submitPartyItems(deps, { caseId, partyId: "B", items: itemsOf(WU) }, wu);
  await submitEvidence(deps, { caseId }, wu);
  if (!reach("determined")) return out;
  const det = await determineLiability(
    deps,
    { caseId, form: "rear_end", faultPartyId: "B", facts: "B车(货车)在G104国道跟车距离不足,追尾前方A车。" },
    t.officer,
  );
  const letterHash = det.letter?.contentHash ?? null;
  const driven = { ...out, letterHash };
  if (!reach("agreed") || letterHash === null) return driven;
  await signLetter(deps, { caseId, letterHash, decision: "agree" }, chen);
  await signLetter(deps, { caseId, letterHash, decision: "agree" }, wu);
  if (!reach("claimed")) return driven;
  driven.claims.A = (await openClaim(deps, claimInput(caseId, CHEN), chen)).claimId;
  driven.claims.B = (await openClaim(deps, claimInput(caseId, WU), wu)).claimId;
  if (!reach("assessed")) return driven;
  await assessLoss(
    deps,
    {
      caseId,
      losses: [
        { partyId: "A", vehicleFen: losses.A },
        { partyId: "B", vehicleFen: losses.B },
      ],
    },
    t.adjuster(WU.insurerId),
  );
  if (!reach("accepted")) return driven;
  for (const claimId of [driven.claims.A, driven.claims.B]) {
    const r = await t.deps.uow.run((tx) => tx.claims.get(claimId as string));
    if (r?.status === "ASSESSED") await acceptClaim(deps, { claimId }, t.system);
  }
  return driven;
}
