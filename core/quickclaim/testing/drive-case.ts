import type { AccidentForm } from "../domain/accident-form.ts";
import { acceptClaim } from "../use-cases/accept-claim.ts";
import { addPhoto } from "../use-cases/add-photo.ts";
import { assessLoss } from "../use-cases/assess-loss.ts";
import { determineLiability } from "../use-cases/determine-liability.ts";
import { openClaim } from "../use-cases/open-claim.ts";
import { reportAccident } from "../use-cases/report-accident.ts";
import { signLetter } from "../use-cases/sign-letter.ts";
import { submitEvidence } from "../use-cases/submit-evidence.ts";
import { submitPartyItems } from "../use-cases/submit-party-items.ts";
import { ACCIDENT_AT, CHEN, FUDING_POINT, JPEG, type TestWorld, WU } from "./test-world.ts";

export type Stage = "reported" | "evidence" | "determined" | "agreed" | "claimed" | "assessed" | "accepted";
const ORDER: Stage[] = ["reported", "evidence", "determined", "agreed", "claimed", "assessed", "accepted"];

export interface DriveOptions {
  readonly form?: AccidentForm;
  readonly faultPartyId?: string | null;
  readonly mutualConsent?: boolean;
  /** Assessed losses in fen: A = 陈姐, B = 吴建国. */
  readonly losses?: { readonly A: number; readonly B: number };
}

export const personOf = { A: CHEN, B: WU } as const;

/** The report input of the demo accident (福鼎, 陈姐 rear-ended by 吴建国's van). */
export function demoReport() {
  return {
    regionCode: "350982",
    accidentAt: ACCIDENT_AT,
    place: { address: "福鼎市太姥山镇 G104 国道旁", point: FUDING_POINT },
    circumstances: { anyoneInjured: false, deathOrSeriousInjury: false, vehiclesMovable: true },
    parties: [
      { plate: CHEN.plate, mobile: CHEN.mobile },
      { plate: WU.plate, mobile: WU.mobile },
    ],
  };
}

export function itemsOf(who: typeof CHEN | typeof WU) {
  return {
    plate: who.plate,
    driverName: who.name,
    driverLicenceNo: who.residentId,
    vehicleLicenceNo: who === CHEN ? "350900111111" : "350900222222",
    insurerId: who.insurerId,
    compulsoryPolicyNo: who === CHEN ? "PDZA2026350900001111" : "PDZA2026350900002221",
    commercialPolicyNo: who === CHEN ? "PDAA2026350900001112" : "PDAA2026350900002222",
    mobile: who.mobile,
  };
}

export function claimInput(caseId: string, who: typeof CHEN | typeof WU) {
  return {
    caseId,
    idCard: { name: who.name, residentId: who.residentId, photo: { contentType: "image/jpeg", bytes: JPEG } },
    bankCard: {
      number: who.card,
      holderName: who.name,
      bankName: "中国建设银行",
      photo: { contentType: "image/jpeg", bytes: JPEG },
    },
  };
}

/**
 * Drives the demo accident through the real use cases up to `until` and returns its ids: the
 * story the tests and the later end-to-end test share.
 */
export async function driveCase(
  w: TestWorld,
  until: Stage,
  o: DriveOptions = {},
): Promise<{ caseId: string; letterHash: string | null; claims: { A: string | null; B: string | null } }> {
  const reach = (s: Stage) => ORDER.indexOf(until) >= ORDER.indexOf(s);
  const chen = w.citizen(CHEN.mobile);
  const wu = w.citizen(WU.mobile);
  const { caseId } = await reportAccident(w.deps, demoReport(), chen);
  const out = {
    caseId,
    letterHash: null as string | null,
    claims: { A: null as string | null, B: null as string | null },
  };
  if (!reach("evidence")) return out;
  for (const slot of ["front", "rear", "collision"]) {
    await addPhoto(
      w.deps,
      { caseId, slot, contentType: "image/jpeg", bytes: JPEG, capturedAt: "2026-03-01T05:43:00Z", point: FUDING_POINT },
      chen,
    );
  }
  await submitPartyItems(w.deps, { caseId, partyId: "A", items: itemsOf(CHEN) }, chen);
  await submitPartyItems(w.deps, { caseId, partyId: "B", items: itemsOf(WU) }, wu);
  await submitEvidence(w.deps, { caseId }, wu);
  if (!reach("determined")) return out;
  const det = await determineLiability(
    w.deps,
    {
      caseId,
      form: o.form ?? "rear_end",
      faultPartyId: o.faultPartyId === undefined ? "B" : o.faultPartyId,
      facts: "B车(货车)在G104国道跟车距离不足,追尾前方A车。",
    },
    w.officer,
  );
  out.letterHash = det.letter?.contentHash ?? null;
  if (!reach("agreed")) return out;
  const mutualConsent = o.mutualConsent ?? false;
  await signLetter(w.deps, { caseId, letterHash: out.letterHash, decision: "agree", mutualConsent }, chen);
  await signLetter(w.deps, { caseId, letterHash: out.letterHash, decision: "agree", mutualConsent }, wu);
  if (!reach("claimed")) return out;
  out.claims.A = (await openClaim(w.deps, claimInput(caseId, CHEN), chen)).claimId;
  out.claims.B = (await openClaim(w.deps, claimInput(caseId, WU), wu)).claimId;
  if (!reach("assessed")) return out;
  const losses = o.losses ?? { A: 320_000, B: 80_000 };
  await assessLoss(
    w.deps,
    {
      caseId,
      losses: [
        { partyId: "A", vehicleFen: losses.A },
        { partyId: "B", vehicleFen: losses.B },
      ],
    },
    w.adjuster(WU.insurerId),
  );
  if (!reach("accepted")) return out;
  for (const claimId of [out.claims.A, out.claims.B]) {
    if (claimId && w.store.claim(claimId)?.status === "ASSESSED") await acceptClaim(w.deps, { claimId }, w.system);
  }
  return out;
}
