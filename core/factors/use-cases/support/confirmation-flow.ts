import type { Factor, OffPlatformClaim } from "../../domain/factor.ts";
import type { FactorsTx, RegistryRecord } from "../../factors.ports.ts";
import type { FactorsPolicy } from "../../policy.ts";
import {
  type ConfirmationVerdict,
  type ConfirmingAuthority,
  confirmingAuthority,
  judgeRegistryFinding,
  type RegistryFinding,
} from "../../rules/confirmation.ts";
import { noticeClosesOn } from "../../rules/public-notice.ts";
import type { FactorsDeps } from "./deps.ts";
import { type Act, recordFactorEvent } from "./record.ts";

export interface RegistryOutcome {
  readonly authority: ConfirmingAuthority;
  /** null when the registry could not be reached (the factor then waits, KRN-R10). */
  readonly verdict: ConfirmationVerdict | null;
  readonly encumbrances: Extract<RegistryRecord, { status: "found" }>["encumbrances"];
  readonly error: string | null;
}

/**
 * FAC-R01: asks the confirming registry (or the county's department) about a factor — outside
 * any transaction — and judges the answer. The holder ID the registry returns is compared by
 * blind index only.
 */
export async function consultRegistry(
  deps: Pick<FactorsDeps, "registry" | "blindIndex">,
  policy: FactorsPolicy,
  factor: Factor,
  today: string,
): Promise<RegistryOutcome> {
  const authority = confirmingAuthority(policy, factor.typeCode, factor.countyCode, today);
  let record: RegistryRecord;
  try {
    record = await deps.registry.lookup({
      regionCode: factor.regionCode,
      countyCode: factor.countyCode,
      typeCode: factor.typeCode,
      registryKind: authority.registryKind,
      departmentId: authority.departmentId,
      certificateNo: factor.certificateNo,
      siteRef: factor.siteRef,
      location: factor.location,
      holderName: factor.holder.name,
      factorId: factor.id,
    });
  } catch (e) {
    return { authority, verdict: null, encumbrances: [], error: e instanceof Error ? e.message : String(e) };
  }
  const finding: RegistryFinding =
    record.status === "found"
      ? {
          status: "found",
          holderRef: deps.blindIndex.index(record.holderKind === "person" ? "resident-id" : "uscc", record.holderId),
          typeCode: record.typeCode,
          quantityMilli: record.quantityMilli,
          recordNo: record.recordNo,
          termEndsOn: record.termEndsOn,
        }
      : record;
  const verdict = judgeRegistryFinding({ holderRef: factor.holder.ref, typeCode: factor.typeCode }, finding);
  return { authority, verdict, encumbrances: record.status === "found" ? record.encumbrances : [], error: null };
}

/** Records CONFIRMED (with the registry's figures) and PUBLICISED (notice runs, FAC-R02). */
export async function confirmAndPublicise(
  tx: FactorsTx,
  deps: Pick<FactorsDeps, "ids">,
  policy: FactorsPolicy,
  factor: Factor,
  outcome: RegistryOutcome,
  act: Act,
): Promise<Factor> {
  const v = outcome.verdict;
  if (v?.verdict !== "confirmed") throw new Error("confirmAndPublicise needs a confirmed verdict");
  const claims: OffPlatformClaim[] = outcome.encumbrances.map((e) => ({
    id: deps.ids.next("opc"),
    creditor: e.creditor,
    amount: e.amount,
    recordedOn: e.recordedOn,
  }));
  const confirmed = await recordFactorEvent(
    tx,
    factor,
    "confirmed",
    {
      reason: `confirmed by ${outcome.authority.name.zh}`,
      ruleId: "FAC-R01",
      data: {
        registry: outcome.authority.registryKind,
        departmentId: outcome.authority.departmentId,
        recordNo: v.recordNo,
      },
      patch: {
        quantity: { ...factor.quantity, milli: v.quantityMilli },
        registryRecordNo: v.recordNo,
        termEndsOn: v.termEndsOn,
        offPlatformClaims: claims,
      },
    },
    act,
  );
  const closesOn = noticeClosesOn(policy, act.today);
  return recordFactorEvent(
    tx,
    confirmed,
    "publicised",
    {
      reason: `public notice through ${closesOn}`,
      ruleId: "FAC-R02",
      data: { closesOn },
      patch: { noticeClosesOn: closesOn },
    },
    act,
  );
}
