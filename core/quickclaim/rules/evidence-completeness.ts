import { DomainError } from "../../kernel/mod.ts";
import type { QuickClaimCase } from "../domain/quick-claim-case.ts";
import type { PhotoSlot } from "../policy.ts";

export interface MissingEvidence {
  readonly field: string;
  readonly message: string;
}

/**
 * QC-R02 三张照片、五项信息: what is still missing before evidence can be submitted — every
 * guided photo slot of the case, and the five items of every party.
 */
export function missingEvidence(
  c: Pick<QuickClaimCase, "photos" | "parties">,
  slots: readonly PhotoSlot[],
): MissingEvidence[] {
  const missing: MissingEvidence[] = [];
  for (const slot of slots) {
    if (!c.photos.some((p) => p.slot === slot.id)) {
      missing.push({ field: `photos.${slot.id}`, message: `照片 ${slot.label.zh} (${slot.label.en}) is missing` });
    }
  }
  for (const party of c.parties) {
    if (party.items === null) {
      missing.push({
        field: `parties.${party.id}.items`,
        message: `party ${party.id} (${party.plate}) has not given the five items`,
      });
    }
  }
  return missing;
}

/** Refuses (QC-R02, naming the first missing slot or item and listing all) unless complete. */
export function assertEvidenceComplete(
  c: Pick<QuickClaimCase, "photos" | "parties">,
  slots: readonly PhotoSlot[],
): void {
  const missing = missingEvidence(c, slots);
  const first = missing[0];
  if (first) {
    throw new DomainError(`evidence is incomplete: ${missing.map((m) => m.message).join("; ")}`, {
      ruleId: "QC-R02",
      field: first.field,
      detail: { missing: missing.map((m) => m.field) },
    });
  }
}
