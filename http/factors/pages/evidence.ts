import { EVIDENCE_MAX_BYTES } from "../../../adapters/factors/evidence-store.ts";
import type { FactorsPlatformDeps } from "../../../adapters/factors/factors-deps.ts";
import { DomainError, type Principal } from "../../../core/kernel/mod.ts";

/** Evidence files one form may carry (photos or scans of certificates, village attestations). */
export const EVIDENCE_FILES_PER_FORM = 3;

/** The body a form with evidence may send: its files plus the fields. */
export const EVIDENCE_FORM_BYTES = EVIDENCE_FILES_PER_FORM * EVIDENCE_MAX_BYTES + 256 * 1024;

/**
 * FAC-R01 evidence: each file is checked, sealed and recorded by the evidence store under the
 * caller's name; the factor then names it by id (only the uploader may attach an upload).
 */
export async function uploadEvidence(
  deps: FactorsPlatformDeps,
  principal: Principal,
  files: readonly File[],
): Promise<string[]> {
  if (files.length > EVIDENCE_FILES_PER_FORM) {
    throw new DomainError(`attach at most ${EVIDENCE_FILES_PER_FORM} files at a time`, {
      ruleId: "FAC-R01",
      field: "evidence",
    });
  }
  const ids: string[] = [];
  for (const f of files) {
    const record = await deps.evidence.upload({
      regionCode: deps.regionCode,
      uploadedBy: principal.id,
      fileName: f.name,
      contentType: f.type,
      bytes: new Uint8Array(await f.arrayBuffer()),
    });
    ids.push(record.id);
  }
  return ids;
}
