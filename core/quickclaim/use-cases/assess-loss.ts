import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { requireViewer } from "../domain/case-access.ts";
import { caseTransition } from "../domain/case-status.ts";
import { type ClaimStatus, claimTransition } from "../domain/claim-status.ts";
import type { PayoutPlan } from "../domain/payout-plan.ts";
import type { PartyCoverage, PartyLoss, QuickClaimCase } from "../domain/quick-claim-case.ts";
import { paramsAsOf } from "../params-as-of.ts";
import type { MutualVerdict } from "../rules/mutual-self-compensation.ts";
import { planPayout } from "../rules/plan-payout.ts";
import { checkRemoteHandling, type RemoteHandlingReason } from "../rules/remote-handling-limits.ts";
import { currentSignatures, isBinding } from "../rules/signatures.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockCase, readCase } from "./load.ts";
import { takeCaseOffline } from "./move-offline.ts";
import { fenField, idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

const RULE = "QC-R05";

export const assessLossInput = v.object({
  caseId: idField,
  losses: v.pipe(
    v.array(
      v.object({
        partyId: v.pipe(v.string(), v.maxLength(2)),
        vehicleFen: fenField,
        otherPropertyFen: v.optional(fenField, 0),
        medicalFen: v.optional(fenField, 0),
      }),
    ),
    v.minLength(2),
    v.maxLength(9),
  ),
});
export type AssessLossInput = v.InferInput<typeof assessLossInput>;

export interface AssessLossResult {
  readonly plan: PayoutPlan;
  readonly mutual: MutualVerdict;
  readonly claims: readonly {
    readonly claimId: string;
    readonly partyId: string;
    readonly status: ClaimStatus;
    readonly payoutFen: number;
  }[];
}

function assertAssessable(c: QuickClaimCase): void {
  caseTransition(c.status, "assess", RULE);
  if (
    !isBinding(
      c.letter,
      c.signatures,
      c.parties.map((x) => x.id),
    )
  ) {
    throw new DomainError("the determination is not signed by every party", {
      ruleId: "QC-R04",
      kind: "conflict",
      field: "status",
    });
  }
}

async function lookupCoverage(deps: Pick<QuickClaimDeps, "insurer">, c: QuickClaimCase): Promise<PartyCoverage[]> {
  try {
    return await Promise.all(
      c.parties.map(async (party) => {
        const items = party.items;
        if (!items) return { partyId: party.id, compulsory: null, commercialThirdParty: null };
        const cover = await deps.insurer.lookupCover({
          insurerId: items.insurerId,
          plate: items.plate,
          compulsoryPolicyNo: items.compulsoryPolicyNo,
          commercialPolicyNo: items.commercialPolicyNo,
          date: c.accidentDate,
        });
        return { partyId: party.id, compulsory: cover.compulsory, commercialThirdParty: cover.commercialThirdParty };
      }),
    );
  } catch (e) {
    throw new DomainError("an insurer is not answering the policy lookup; the case waits for assessment", {
      ruleId: "KRN-R10",
      kind: "unavailable",
      detail: { cause: e instanceof Error ? e.message : String(e) },
    });
  }
}

/**
 * 定损 and payout: the adjuster enters each party's assessed loss. If the totals cross the QC-R01
 * caps in force on the accident date, the case moves OFFLINE (everything signed is kept) and
 * the adjuster gets a QC-R01 refusal saying so. Otherwise the payout is computed — 互碰自赔 when
 * QC-R06 holds, else 交强险 first and commercial cover by liability (QC-R05) — and every claim of
 * the case gets its payout. Re-assessing is possible until an insurer has accepted a claim.
 */
export async function assessLoss(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "policy" | "insurer">,
  rawInput: unknown,
  p: Principal,
): Promise<AssessLossResult> {
  const input = parseInput(assessLossInput, rawInput, RULE);
  const peek = await deps.uow.run((tx) => readCase(tx, input.caseId, p));
  requireViewer(p, peek, ["adjuster", "platform"], "assess the loss");
  assertAssessable(peek);
  const losses: PartyLoss[] = peek.parties.map((party) => {
    const found = input.losses.filter((l) => l.partyId === party.id);
    if (found.length !== 1) {
      throw new DomainError(`give party ${party.id}'s loss exactly once`, { ruleId: RULE, field: "losses" });
    }
    const l = found[0] as (typeof input.losses)[number];
    return {
      partyId: party.id,
      vehicleFen: l.vehicleFen,
      otherPropertyFen: l.otherPropertyFen,
      medicalFen: l.medicalFen,
    };
  });
  if (input.losses.length !== peek.parties.length) {
    throw new DomainError("losses name a party that is not in the case", { ruleId: RULE, field: "losses" });
  }
  const coverage = await lookupCoverage(deps, peek);
  const params = paramsAsOf(deps.policy, peek.accidentDate);
  const totalPropertyFen = losses.reduce((s, l) => s + l.vehicleFen + l.otherPropertyFen, 0);
  const totalInjuryFen = losses.reduce((s, l) => s + l.medicalFen, 0);

  const result = await deps.uow.run(async (tx) => {
    const c = await lockCase(tx, input.caseId, p);
    assertAssessable(c);
    const at = deps.clock.now().toISOString();
    const claims = await tx.claims.listByCase(c.id);
    for (const cl of claims) if (cl.status !== "WITHDRAWN") claimTransition(cl.status, "assess");
    const verdict = checkRemoteHandling(
      { partyCount: c.parties.length, circumstances: c.circumstances, totalPropertyFen, totalInjuryFen },
      params.remoteLimits,
      params.maxParties,
    );
    if (!verdict.remote) {
      await takeCaseOffline(tx, p, c, {
        at,
        by: p.id,
        ruleId: "QC-R01",
        reasons: verdict.reasons.map((r) => r.message),
      });
      return { offline: verdict.reasons };
    }
    const current = currentSignatures(c.signatures, (c.letter as { contentHash: string }).contentHash);
    const { plan, mutual } = planPayout(
      c.parties.map((party) => {
        const loss = losses.find((l) => l.partyId === party.id) as PartyLoss;
        const cov = coverage.find((x) => x.partyId === party.id) as PartyCoverage;
        const share = c.letter?.decision.find((d) => d.partyId === party.id)?.shareBp ?? 0;
        return {
          partyId: party.id,
          liabilityBp: share,
          compulsoryInsurerId: cov.compulsory?.insurerId ?? null,
          commercial: cov.commercialThirdParty
            ? { insurerId: cov.commercialThirdParty.insurerId, limitFen: cov.commercialThirdParty.limitFen }
            : null,
          vehicleLossFen: loss.vehicleFen,
          otherPropertyLossFen: loss.otherPropertyFen,
          medicalLossFen: loss.medicalFen,
          consented: current.some((s) => s.partyId === party.id && s.mutualConsent),
        };
      }),
      params,
      c.circumstances.anyoneInjured,
    );
    await tx.cases.update({
      ...c,
      status: caseTransition(c.status, "assess", RULE),
      assessment: { by: p.id, at, losses, coverage, plan },
      version: c.version + 1,
    });
    const claimResults: AssessLossResult["claims"][number][] = [];
    for (const cl of claims) {
      if (cl.status === "WITHDRAWN") continue;
      const victim = plan.victims.find((x) => x.partyId === cl.partyId);
      const payoutFen = victim?.insurerPaidFen ?? 0;
      const status = claimTransition(cl.status, payoutFen > 0 ? "assess" : "assessNothing");
      await tx.claims.update({
        ...cl,
        status,
        payoutFen,
        lines: victim?.lines ?? [],
        acceptances: [],
        assessedAt: at,
        version: cl.version + 1,
      });
      claimResults.push({ claimId: cl.id, partyId: cl.partyId, status, payoutFen });
    }
    await recordChange(tx, p, {
      regionCode: c.regionCode,
      action: "quickclaim.case.assess",
      objectType: "quickclaim.case",
      objectId: c.id,
      detail: {
        mode: plan.mode,
        totalPropertyFen,
        totalInjuryFen,
        claims: claimResults.map((x) => [x.claimId, x.payoutFen]),
      },
      event: {
        type: "quickclaim.case.assessed",
        aggregateId: c.id,
        payload: {
          caseId: c.id,
          mode: plan.mode,
          claims: claimResults.map((x) => ({ claimId: x.claimId, status: x.status, payoutFen: x.payoutFen })),
        },
      },
    });
    return { plan, mutual, claims: claimResults };
  });

  if ("offline" in result && result.offline !== undefined) {
    const reasons = result.offline;
    const first = reasons[0] as RemoteHandlingReason;
    throw new DomainError(`the case has moved to offline handling: ${reasons.map((r) => r.message).join("; ")}`, {
      ruleId: "QC-R01",
      kind: "validation",
      field: first.field,
      detail: { movedOffline: true, caseId: peek.id, reasons: reasons.map((r) => r.code) },
    });
  }
  return result;
}
