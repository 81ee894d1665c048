import * as v from "valibot";
import { businessDateOf, DomainError, type Principal } from "../../kernel/mod.ts";
import { ACCIDENT_FORMS } from "../domain/accident-form.ts";
import { requireViewer } from "../domain/case-access.ts";
import { type CaseStatus, caseTransition } from "../domain/case-status.ts";
import { type DeterminationLetter, type LetterContent, letterContent } from "../domain/determination-letter.ts";
import type { Circumstances, QuickClaimCase } from "../domain/quick-claim-case.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { decideLiability, suggestLiability } from "../rules/liability-suggestion.ts";
import { checkRemoteHandling, type RemoteHandlingReason } from "../rules/remote-handling-limits.ts";
import { voidStaleSignatures } from "../rules/signatures.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockCase, readCase } from "./load.ts";
import { takeCaseOffline } from "./move-offline.ts";
import { idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

const RULE = "QC-R03";

export const determineLiabilityInput = v.object({
  caseId: idField,
  form: v.picklist(ACCIDENT_FORMS, "an accident form such as rear_end"),
  faultPartyId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(2))), null),
  facts: v.pipe(v.string(), v.trim(), v.minLength(5, "describe the facts"), v.maxLength(2000)),
  override: v.optional(
    v.nullable(
      v.object({
        decision: v.array(v.object({ partyId: v.pipe(v.string(), v.maxLength(2)), shareBp: v.number() })),
        reason: v.pipe(v.string(), v.maxLength(500)),
      }),
    ),
    null,
  ),
  /** The officer's findings; any QC-R01 exclusion found moves the case offline. */
  findings: v.optional(
    v.object({
      anyoneInjured: v.optional(v.boolean()),
      deathOrSeriousInjury: v.optional(v.boolean()),
      vehiclesMovable: v.optional(v.boolean()),
      suspectedDrinkDriving: v.optional(v.boolean()),
      suspectedUnlicensedDriving: v.optional(v.boolean()),
      suspectedHitAndRun: v.optional(v.boolean()),
    }),
    {},
  ),
});
export type DetermineLiabilityInput = v.InferInput<typeof determineLiabilityInput>;

export interface DetermineLiabilityResult {
  readonly status: CaseStatus;
  readonly letter: DeterminationLetter | null;
  readonly offlineReasons: readonly RemoteHandlingReason[];
}

function withFindings(c: Circumstances, f: Partial<Record<keyof Circumstances, boolean | undefined>>): Circumstances {
  const out: Record<string, boolean> = { ...c };
  for (const [k, val] of Object.entries(f)) if (val !== undefined) out[k] = val;
  return out as unknown as Circumstances;
}

/**
 * 在线认定 online determination (QC-R03): the officer picks the accident form; the rule engine
 * suggests the split, the officer confirms or overrides with a reason, and an electronic
 * determination letter is issued with its content hash → DETERMINED. Re-issuing while parties
 * are still signing makes a new version and voids earlier signatures (QC-R04). Findings that
 * break QC-R01 (e.g. suspected drink-driving) move the case OFFLINE instead.
 */
export async function determineLiability(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "hasher" | "policy" | "police">,
  rawInput: unknown,
  p: Principal,
): Promise<DetermineLiabilityResult> {
  const input = parseInput(determineLiabilityInput, rawInput, RULE);
  const peek = await deps.uow.run((tx) => readCase(tx, input.caseId, p));
  requireViewer(p, peek, ["police"], "determine liability");
  const officer = await deps.police.officer(p.id);
  if (!officer) {
    throw new DomainError("the police desk does not know you as an officer on duty", {
      ruleId: RULE,
      kind: "forbidden",
    });
  }

  return deps.uow.run(async (tx) => {
    const c = await lockCase(tx, input.caseId, p);
    const event = c.status === "DETERMINED" ? "redetermine" : "determine";
    const status = caseTransition(c.status, event, RULE);
    const now = deps.clock.now();
    const at = now.toISOString();
    const params = paramsAsOf(deps.policy, c.accidentDate);
    const circumstances = withFindings(c.circumstances, input.findings);
    const verdict = checkRemoteHandling(
      { partyCount: c.parties.length, circumstances },
      params.remoteLimits,
      params.maxParties,
    );
    if (!verdict.remote) {
      const reasons = verdict.reasons.map((r) => r.message);
      await takeCaseOffline(tx, p, { ...c, circumstances }, { at, by: p.id, ruleId: "QC-R01", reasons });
      return { status: "OFFLINE", letter: null, offlineReasons: verdict.reasons };
    }

    const partyIds = c.parties.map((x) => x.id);
    const suggestion = suggestLiability(
      { form: input.form, partyIds, faultPartyId: input.faultPartyId },
      params.liabilityShares,
    );
    const { decision, overrideReason } = decideLiability(partyIds, suggestion, input.override);
    const number =
      c.letter?.number ?? (await newLetterNumber(tx, deps.policy.regionCode, params.letterNumberPrefix, now));
    const content: LetterContent = {
      number,
      version: (c.letter?.version ?? 0) + 1,
      caseId: c.id,
      regionCode: c.regionCode,
      issuedAt: at,
      accidentAt: c.accidentAt,
      address: c.place.address,
      facts: input.facts,
      form: input.form,
      parties: c.parties.map((x) => ({ partyId: x.id, plate: x.plate, driverName: x.items?.driverName ?? "" })),
      suggestion,
      decision,
      overrideReason,
      officer,
    };
    const letter: DeterminationLetter = { ...content, contentHash: deps.hasher.sha256Hex(letterContent(content)) };
    const next: QuickClaimCase = {
      ...c,
      status,
      circumstances,
      determination: {
        form: input.form,
        faultPartyId: input.faultPartyId,
        suggestion,
        decision,
        overrideReason,
        officerId: officer.id,
        at,
      },
      letter,
      letterHistory: [
        ...c.letterHistory.map((h) => (h.replacedAt === null ? { ...h, replacedAt: at } : h)),
        { number, version: letter.version, contentHash: letter.contentHash, issuedAt: at, replacedAt: null },
      ],
      signatures: voidStaleSignatures(c.signatures, letter.contentHash),
      determinedAt: c.determinedAt ?? at,
      version: c.version + 1,
    };
    await tx.cases.update(next);
    await recordChange(tx, p, {
      regionCode: c.regionCode,
      action: event === "determine" ? "quickclaim.case.determine" : "quickclaim.case.redetermine",
      objectType: "quickclaim.case",
      objectId: c.id,
      detail: { letterNumber: number, version: letter.version, form: input.form, overridden: overrideReason !== null },
      event: {
        type: "quickclaim.case.determined",
        aggregateId: c.id,
        payload: { caseId: c.id, letterNumber: number, version: letter.version, contentHash: letter.contentHash },
      },
    });
    return { status, letter, offlineReasons: [] };
  });
}

async function newLetterNumber(
  tx: { cases: { nextLetterSerial(prefecture: string, year: number): Promise<number> } },
  prefecture: string,
  prefix: string,
  now: Date,
): Promise<string> {
  const year = Number(businessDateOf(now).slice(0, 4));
  const serial = await tx.cases.nextLetterSerial(prefecture, year);
  return `${prefix}〔${year}〕第${String(serial).padStart(6, "0")}号`;
}
