import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { partyOf, requireViewer } from "../domain/case-access.ts";
import { caseTransition } from "../domain/case-status.ts";
import type { Photo, QuickClaimCase } from "../domain/quick-claim-case.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { checkPhotoFile, looksLike, photoFlags } from "../rules/photo-checks.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { readCase } from "./load.ts";
import { idField, instantField, parseInput, pointField } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

const RULE = "QC-R02";

export const addPhotoInput = v.object({
  caseId: idField,
  slot: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  contentType: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  bytes: v.instance(Uint8Array, "the photo file"),
  capturedAt: instantField,
  point: pointField,
});
export type AddPhotoInput = v.InferInput<typeof addPhotoInput>;

export interface AddPhotoResult {
  readonly photoId: string;
  readonly slot: string;
  readonly flags: Photo["flags"];
}

/** Status check shared by the evidence steps: photos and items change only before submission. */
export function assertCollectingEvidence(c: QuickClaimCase): void {
  if (c.status !== "REPORTED") caseTransition(c.status, "submitEvidence", RULE);
}

/**
 * Step 1 三张照片: a party (or a clerk helping) uploads one guided photo. Type, size and content
 * are checked (QC-R02); the file goes to the PhotoStore before the transaction, the case records
 * it with time/distance flags for the officer. A new photo in a slot replaces the earlier one.
 */
export async function addPhoto(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "ids" | "policy" | "photos">,
  rawInput: unknown,
  p: Principal,
): Promise<AddPhotoResult> {
  const input = parseInput(addPhotoInput, rawInput, RULE);
  const before = await deps.uow.run((tx) => readCase(tx, input.caseId, p));
  requireViewer(p, before, ["party", "clerk"], "add photos");
  assertCollectingEvidence(before);
  const params = paramsAsOf(deps.policy, before.accidentDate);
  if (!params.photoSlots.some((s) => s.id === input.slot)) {
    throw new DomainError(`slot must be one of ${params.photoSlots.map((s) => s.id).join(", ")}`, {
      ruleId: RULE,
      field: "slot",
    });
  }
  const contentType = input.contentType.toLowerCase().split(";")[0]?.trim() ?? "";
  checkPhotoFile(contentType, input.bytes.byteLength, params);
  if (!looksLike(contentType, input.bytes)) {
    throw new DomainError(`the file is not a ${contentType} image`, { ruleId: RULE, field: "photo.contentType" });
  }

  const photoId = deps.ids.next("qcphoto");
  const stored = await deps.photos.put({ key: `quickclaim/${before.id}/${photoId}`, contentType, bytes: input.bytes });
  const now = deps.clock.now();
  const flags = photoFlags(
    { capturedAt: new Date(input.capturedAt), point: input.point },
    { reportedAt: new Date(before.reportedAt), point: before.place.point },
    params,
  );
  const photo: Photo = {
    id: photoId,
    slot: input.slot,
    uploadedBy: p.id,
    partyId: partyOf(p, before)?.id ?? null,
    storageKey: stored.key,
    contentType,
    sizeBytes: stored.sizeBytes,
    sha256: stored.sha256,
    capturedAt: new Date(input.capturedAt).toISOString(),
    point: input.point,
    uploadedAt: now.toISOString(),
    flags,
  };

  await deps.uow.run(async (tx) => {
    const c = await tx.cases.getForUpdate(before.id);
    if (!c) throw new DomainError("case not found", { ruleId: "KRN-R06", kind: "not_found" });
    assertCollectingEvidence(c);
    await tx.cases.update({
      ...c,
      photos: [...c.photos.filter((x) => x.slot !== photo.slot), photo],
      version: c.version + 1,
    });
    await recordChange(tx, p, {
      regionCode: c.regionCode,
      action: "quickclaim.case.add_photo",
      objectType: "quickclaim.case",
      objectId: c.id,
      detail: { photoId, slot: photo.slot, flags: flags.map((f) => f.code) },
      event: {
        type: "quickclaim.case.photo_added",
        aggregateId: c.id,
        payload: { caseId: c.id, photoId, slot: photo.slot },
      },
    });
  });
  return { photoId, slot: photo.slot, flags };
}
