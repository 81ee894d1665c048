import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import { requireViewer } from "../domain/case-access.ts";
import { type CaseStatus, caseTransition } from "../domain/case-status.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { assertEvidenceComplete } from "../rules/evidence-completeness.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockCase } from "./load.ts";
import { idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

export const submitEvidenceInput = v.object({ caseId: idField });

/**
 * Step 1 done: with all photo slots and every party's five items present (QC-R02) the case
 * becomes EVIDENCE_SUBMITTED, goes to the police desk queue (through the outbox) and the parties
 * may leave the scene.
 */
export async function submitEvidence(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "policy">,
  rawInput: unknown,
  p: Principal,
): Promise<{ readonly status: CaseStatus; readonly flaggedPhotos: number }> {
  const input = parseInput(submitEvidenceInput, rawInput, "QC-R02");
  return deps.uow.run(async (tx) => {
    const c = await lockCase(tx, input.caseId, p);
    requireViewer(p, c, ["party", "clerk"], "submit evidence");
    const status = caseTransition(c.status, "submitEvidence", "QC-R02");
    assertEvidenceComplete(c, paramsAsOf(deps.policy, c.accidentDate).photoSlots);
    const at = deps.clock.now().toISOString();
    await tx.cases.update({ ...c, status, evidenceSubmittedAt: at, version: c.version + 1 });
    const flaggedPhotos = c.photos.filter((ph) => ph.flags.length > 0).length;
    await recordChange(tx, p, {
      regionCode: c.regionCode,
      action: "quickclaim.case.submit_evidence",
      objectType: "quickclaim.case",
      objectId: c.id,
      detail: { flaggedPhotos },
      event: {
        type: "quickclaim.case.evidence_submitted",
        aggregateId: c.id,
        payload: {
          caseId: c.id,
          regionCode: c.regionCode,
          centreId: c.centreId,
          reportedAt: c.reportedAt,
          flaggedPhotos,
        },
      },
    });
    return { status, flaggedPhotos };
  });
}
