import * as v from "valibot";
import {
  businessDateOf,
  DomainError,
  hasRole,
  inRegion,
  type Principal,
  prefectureOf,
  validateFujianRegionCode,
  validateLicencePlate,
  validateMobile,
} from "../../kernel/mod.ts";
import type { CaseStatus } from "../domain/case-status.ts";
import type { Circumstances, Party, QuickClaimCase } from "../domain/quick-claim-case.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { asRule } from "../rules/as-rule.ts";
import { checkRemoteHandling, type RemoteHandlingReason } from "../rules/remote-handling-limits.ts";
import { assignServiceCentre } from "../rules/service-centre.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { instantField, parseInput, pointField } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

const RULE = "QC-R01";
/** A report may carry a timestamp slightly ahead of the server clock (phone clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

export const reportAccidentInput = v.object({
  regionCode: v.pipe(v.string(), v.regex(/^\d{6}$/, "a 6-digit county code (GB/T 2260)")),
  accidentAt: instantField,
  place: v.object({ address: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(200)), point: pointField }),
  circumstances: v.object({
    anyoneInjured: v.boolean(),
    deathOrSeriousInjury: v.boolean(),
    vehiclesMovable: v.boolean(),
    suspectedDrinkDriving: v.optional(v.boolean(), false),
    suspectedUnlicensedDriving: v.optional(v.boolean(), false),
    suspectedHitAndRun: v.optional(v.boolean(), false),
  }),
  parties: v.pipe(
    v.array(v.object({ plate: v.pipe(v.string(), v.maxLength(20)), mobile: v.pipe(v.string(), v.maxLength(20)) })),
    v.minLength(1, "name the vehicles involved"),
    v.maxLength(9, "at most 9 vehicles"),
  ),
});
export type ReportAccidentInput = v.InferInput<typeof reportAccidentInput>;

export interface ReportAccidentResult {
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly centreId: string;
  readonly accidentDate: string;
  readonly reporterPartyId: string;
  readonly parties: readonly { readonly partyId: string; readonly plate: string }[];
  /** QC-R01 reasons when the case went straight to offline handling. */
  readonly offlineReasons: readonly RemoteHandlingReason[];
}

/**
 * 一次关注 report: a party (signed in by one-time code), or an insurance assistant / warden
 * (clerk) or officer helping them, reports an accident. The case starts REPORTED — or OFFLINE
 * at once when a QC-R01 exclusion already holds — and every other party is invited by message.
 */
export async function reportAccident(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "ids" | "blindIndex" | "policy">,
  rawInput: unknown,
  p: Principal,
): Promise<ReportAccidentResult> {
  const input = parseInput(reportAccidentInput, rawInput, RULE);
  const now = deps.clock.now();
  const regionCode = asRule(RULE, () => validateFujianRegionCode(input.regionCode, "regionCode"));
  if (prefectureOf(regionCode) !== deps.policy.regionCode || regionCode === deps.policy.regionCode) {
    throw new DomainError("regionCode must be a county of the region", { ruleId: RULE, field: "regionCode" });
  }
  const accidentAt = new Date(input.accidentAt);
  if (accidentAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new DomainError("accidentAt is in the future", { ruleId: RULE, field: "accidentAt" });
  }
  const accidentDate = businessDateOf(accidentAt, "accidentAt");
  const params = paramsAsOf(deps.policy, accidentDate);

  const seenPlates = new Set<string>();
  const parties: Party[] = input.parties.map((raw, i) => {
    const plate = asRule("QC-R02", () => validateLicencePlate(raw.plate, `parties.${i}.plate`));
    if (seenPlates.has(plate)) {
      throw new DomainError("the same vehicle is listed twice", { ruleId: "QC-R02", field: `parties.${i}.plate` });
    }
    seenPlates.add(plate);
    const mobile = asRule("QC-R02", () => validateMobile(raw.mobile, `parties.${i}.mobile`));
    return {
      id: String.fromCharCode(65 + i),
      plate,
      mobile,
      subjectRef: deps.blindIndex.index("mobile", mobile),
      items: null,
    };
  });

  let reporter: Party | undefined;
  if (hasRole(p, "clerk", "police", "platform_admin")) {
    if (!hasRole(p, "platform_admin") && !inRegion(p, regionCode)) {
      throw new DomainError("this accident is outside your region", { ruleId: "KRN-R06", kind: "forbidden" });
    }
    reporter = parties[0];
  } else if (hasRole(p, "citizen")) {
    reporter = parties.find((party) => party.subjectRef === p.subjectRef);
    if (!reporter) {
      throw new DomainError("report with the mobile number you signed in with as one of the parties", {
        ruleId: "KRN-R06",
        kind: "forbidden",
        field: "parties",
      });
    }
  } else {
    throw new DomainError("this needs one of the roles: citizen, clerk, police", {
      ruleId: "KRN-R06",
      kind: "forbidden",
    });
  }

  const circumstances: Circumstances = { ...input.circumstances };
  const verdict = checkRemoteHandling(
    { partyCount: parties.length, circumstances },
    params.remoteLimits,
    params.maxParties,
  );
  const centre = assignServiceCentre(deps.policy.serviceCentres, regionCode, input.place.point);
  const at = now.toISOString();
  const theCase: QuickClaimCase = {
    id: deps.ids.next("qccase"),
    regionCode,
    centreId: centre.id,
    status: verdict.remote ? "REPORTED" : "OFFLINE",
    version: 1,
    reportedAt: at,
    accidentAt: accidentAt.toISOString(),
    accidentDate,
    place: { address: input.place.address, point: input.place.point },
    circumstances,
    reporterPartyId: (reporter as Party).id,
    parties,
    photos: [],
    evidenceSubmittedAt: null,
    videoLookups: [],
    determination: null,
    letter: null,
    letterHistory: [],
    signatures: [],
    determinedAt: null,
    agreedAt: null,
    disputedAt: null,
    assessment: null,
    offline: verdict.remote
      ? null
      : { at, by: p.id, ruleId: RULE, reasons: verdict.reasons.map((r) => r.message), fromStatus: "REPORTED" },
    paidAt: null,
  };

  await deps.uow.run(async (tx) => {
    await tx.cases.insert(theCase);
    await recordChange(tx, p, {
      regionCode,
      action: "quickclaim.case.report",
      objectType: "quickclaim.case",
      objectId: theCase.id,
      detail: { status: theCase.status, centreId: centre.id, parties: parties.length },
      event: {
        type: "quickclaim.case.reported",
        aggregateId: theCase.id,
        payload: {
          caseId: theCase.id,
          regionCode,
          centreId: centre.id,
          status: theCase.status,
          invitePartyIds: parties.filter((x) => x.id !== theCase.reporterPartyId).map((x) => x.id),
        },
      },
    });
  });

  return {
    caseId: theCase.id,
    status: theCase.status,
    centreId: centre.id,
    accidentDate,
    reporterPartyId: theCase.reporterPartyId,
    parties: parties.map((x) => ({ partyId: x.id, plate: x.plate })),
    offlineReasons: verdict.reasons,
  };
}
