import * as v from "valibot";
import type { Principal } from "../../kernel/mod.ts";
import { requireOwnParty } from "../domain/case-access.ts";
import { type CaseStatus, caseTransition } from "../domain/case-status.ts";
import type { QuickClaimCase } from "../domain/quick-claim-case.ts";
import { addSignature } from "../rules/signatures.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockCase } from "./load.ts";
import { idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

const RULE = "QC-R04";

export const signLetterInput = v.object({
  caseId: idField,
  letterHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, "the letter's SHA-256 content hash (64 hex)")),
  decision: v.picklist(["agree", "dispute"]),
  mutualConsent: v.optional(v.boolean(), false),
  disputeReason: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(500))), null),
});
export type SignLetterInput = v.InferInput<typeof signLetterInput>;

/**
 * Step 2 签名 (自助认定): a party signs the letter's exact content hash, agreeing or disputing;
 * agreeing may include consent to 互碰自赔 (QC-R06). All parties agreed → AGREED; anyone disputes
 * → DISPUTED, for offline handling. A stale hash is refused (QC-R04).
 */
export async function signLetter(
  deps: Pick<QuickClaimDeps, "uow" | "clock">,
  rawInput: unknown,
  p: Principal,
): Promise<{ readonly status: CaseStatus; readonly waitingFor: readonly string[] }> {
  const input = parseInput(signLetterInput, rawInput, RULE);
  return deps.uow.run(async (tx) => {
    const c = await lockCase(tx, input.caseId, p);
    const party = requireOwnParty(p, c, "sign the determination letter");
    if (c.status !== "DETERMINED") caseTransition(c.status, "agree", RULE);
    const at = deps.clock.now().toISOString();
    const partyIds = c.parties.map((x) => x.id);
    const { signatures, outcome } = addSignature(c.letter, c.signatures, partyIds, party.id, input, at);
    let next: QuickClaimCase = { ...c, signatures, version: c.version + 1 };
    if (outcome === "agreed") next = { ...next, status: caseTransition(c.status, "agree", RULE), agreedAt: at };
    if (outcome === "disputed") next = { ...next, status: caseTransition(c.status, "dispute", RULE), disputedAt: at };
    await tx.cases.update(next);
    const type =
      outcome === "agreed"
        ? "quickclaim.case.agreed"
        : outcome === "disputed"
          ? "quickclaim.case.disputed"
          : "quickclaim.case.signed";
    await recordChange(tx, p, {
      regionCode: c.regionCode,
      action: `quickclaim.case.sign.${input.decision}`,
      objectType: "quickclaim.case",
      objectId: c.id,
      detail: { partyId: party.id, letterHash: input.letterHash, mutualConsent: input.mutualConsent },
      event: { type, aggregateId: c.id, payload: { caseId: c.id, partyId: party.id, centreId: c.centreId } },
    });
    const signed = new Set(
      signatures.filter((s) => !s.voided && s.letterHash === input.letterHash).map((s) => s.partyId),
    );
    return { status: next.status, waitingFor: outcome === "waiting" ? partyIds.filter((id) => !signed.has(id)) : [] };
  });
}
