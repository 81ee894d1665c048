import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { requireViewer } from "../domain/case-access.ts";
import { caseTransition } from "../domain/case-status.ts";
import { claimTransition } from "../domain/claim-status.ts";
import type { OfflineRecord, QuickClaimCase } from "../domain/quick-claim-case.ts";
import type { QuickClaimTx } from "../quickclaim.ports.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockCase } from "./load.ts";
import { idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

export const moveOfflineInput = v.object({
  caseId: idField,
  reason: v.pipe(v.string(), v.trim(), v.minLength(2, "give the reason"), v.maxLength(500)),
});

/**
 * Moves a case to OFFLINE handling at its service centre, keeping everything already given or
 * signed; open claims are withdrawn. Refused while a payment is under way or done (QC-R07).
 * Shared by the QC-R01 cap check of the assessment.
 */
export async function takeCaseOffline(
  tx: QuickClaimTx,
  p: Principal,
  c: QuickClaimCase,
  record: Omit<OfflineRecord, "fromStatus">,
): Promise<QuickClaimCase> {
  const status = caseTransition(c.status, "moveOffline", record.ruleId);
  const claims = await tx.claims.listByCase(c.id);
  if (claims.some((cl) => cl.status === "PAYING" || cl.status === "PAID")) {
    throw new DomainError("a payment is under way or made: the case cannot leave remote handling now", {
      ruleId: "QC-R07",
      kind: "conflict",
      field: "status",
    });
  }
  for (const cl of claims) {
    if (cl.status === "WITHDRAWN") continue;
    await tx.claims.update({ ...cl, status: claimTransition(cl.status, "withdraw"), version: cl.version + 1 });
  }
  const next: QuickClaimCase = { ...c, status, offline: { ...record, fromStatus: c.status }, version: c.version + 1 };
  await tx.cases.update(next);
  await recordChange(tx, p, {
    regionCode: c.regionCode,
    action: "quickclaim.case.move_offline",
    objectType: "quickclaim.case",
    objectId: c.id,
    detail: { ruleId: record.ruleId, fromStatus: c.status, withdrawnClaims: claims.length },
    event: {
      type: "quickclaim.case.offline",
      aggregateId: c.id,
      payload: { caseId: c.id, centreId: c.centreId, ruleId: record.ruleId, fromStatus: c.status },
    },
  });
  return next;
}

/** 转线下: an officer or centre staff sends a case to offline handling with a reason. */
export async function moveOffline(
  deps: Pick<QuickClaimDeps, "uow" | "clock">,
  rawInput: unknown,
  p: Principal,
): Promise<{ readonly status: "OFFLINE" }> {
  const input = parseInput(moveOfflineInput, rawInput, "QC-R01");
  return deps.uow.run(async (tx) => {
    const c = await lockCase(tx, input.caseId, p);
    requireViewer(p, c, ["police", "clerk", "platform"], "move a case offline");
    await takeCaseOffline(tx, p, c, {
      at: deps.clock.now().toISOString(),
      by: p.id,
      ruleId: "QC-R01",
      reasons: [input.reason],
    });
    return { status: "OFFLINE" as const };
  });
}
