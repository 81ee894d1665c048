import * as v from "valibot";
import { DomainError, type Principal, validateBankCard, validateResidentId } from "../../kernel/mod.ts";
import { requireOwnParty } from "../domain/case-access.ts";
import { type CaseStatus, caseTransition } from "../domain/case-status.ts";
import type { Claim } from "../domain/claim.ts";
import { type ClaimStatus, claimTransition } from "../domain/claim-status.ts";
import type { PartyItems, QuickClaimCase } from "../domain/quick-claim-case.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { asRule } from "../rules/as-rule.ts";
import { assertClaimantMatches, assertClaimantProved } from "../rules/claimant-match.ts";
import { checkPhotoFile, looksLike } from "../rules/photo-checks.ts";
import { isBinding } from "../rules/signatures.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockCase, readCase } from "./load.ts";
import { idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

const RULE = "QC-R07";
const file = v.object({
  contentType: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  bytes: v.instance(Uint8Array, "the photo file"),
});

export const openClaimInput = v.object({
  caseId: idField,
  idCard: v.object({
    name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40)),
    residentId: v.pipe(v.string(), v.maxLength(30)),
    photo: file,
  }),
  bankCard: v.object({
    number: v.pipe(v.string(), v.maxLength(30)),
    holderName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40)),
    bankName: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(60))), null),
    photo: file,
  }),
});
export type OpenClaimInput = v.InferInput<typeof openClaimInput>;

export interface OpenClaimResult {
  readonly claimId: string;
  readonly status: ClaimStatus;
  readonly caseStatus: CaseStatus;
  readonly payoutFen: number | null;
}

/** Refuses a claim before every party agreed (QC-R04), a second claim of a party (QC-R07). */
async function assertMayClaim(
  tx: { claims: { findByParty(caseId: string, partyId: string): Promise<Claim | undefined> } },
  c: QuickClaimCase,
  partyId: string,
): Promise<PartyItems> {
  const agreed =
    (c.status === "AGREED" || c.status === "CLAIMING") &&
    isBinding(
      c.letter,
      c.signatures,
      c.parties.map((x) => x.id),
    );
  if (!agreed) {
    throw new DomainError("a claim can be made only after every party has signed the determination", {
      ruleId: "QC-R04",
      kind: "conflict",
      field: "status",
      detail: { status: c.status },
    });
  }
  if (await tx.claims.findByParty(c.id, partyId)) {
    throw new DomainError("this party has already made its claim", { ruleId: RULE, kind: "conflict", field: "caseId" });
  }
  const items = c.parties.find((x) => x.id === partyId)?.items;
  if (!items) throw new DomainError("the party's five items are missing", { ruleId: "QC-R02", field: "items" });
  return items;
}

/**
 * 一键理赔 one-click claim: a party who signed uploads ID card and bank card. The ID must be the
 * party's driver's and the card held by the same person (QC-R07); numbers are checked (QC-R02).
 * The claim is OPEN for the adjuster, or assessed at once if the case already is.
 */
export async function openClaim(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "ids" | "policy" | "photos" | "blindIndex">,
  rawInput: unknown,
  p: Principal,
): Promise<OpenClaimResult> {
  const input = parseInput(openClaimInput, rawInput, RULE);
  const peek = await deps.uow.run((tx) => readCase(tx, input.caseId, p));
  const party = requireOwnParty(p, peek, "claim");
  const items = await deps.uow.run((tx) => assertMayClaim(tx, peek, party.id));
  const residentId = asRule("QC-R02", () =>
    validateResidentId(input.idCard.residentId, { asOf: peek.accidentDate, field: "idCard.residentId" }),
  );
  const cardNumber = asRule("QC-R02", () => validateBankCard(input.bankCard.number, "bankCard.number"));
  assertClaimantMatches(items, { name: input.idCard.name, residentId }, { holderName: input.bankCard.holderName });
  assertClaimantProved(p.identities, deps.blindIndex.index("resident-id", residentId));
  const params = paramsAsOf(deps.policy, peek.accidentDate);
  const photos = [
    ["idCard.photo", input.idCard.photo],
    ["bankCard.photo", input.bankCard.photo],
  ] as const;
  for (const [field, ph] of photos) {
    const type = ph.contentType.toLowerCase().split(";")[0]?.trim() ?? "";
    asRule("QC-R02", () => checkPhotoFile(type, ph.bytes.byteLength, params));
    if (!looksLike(type, ph.bytes))
      throw new DomainError(`the file is not a ${type} image`, { ruleId: "QC-R02", field });
  }

  const claimId = deps.ids.next("qcclaim");
  const [idKey, cardKey] = await Promise.all(
    photos.map(async ([field, ph]) => {
      const stored = await deps.photos.put({
        key: `quickclaim/${peek.id}/${claimId}/${field.split(".")[0]}`,
        contentType: ph.contentType.toLowerCase().split(";")[0]?.trim() ?? "",
        bytes: ph.bytes,
      });
      return stored.key;
    }),
  );

  return deps.uow.run(async (tx) => {
    const c = await lockCase(tx, input.caseId, p);
    await assertMayClaim(tx, c, party.id);
    const at = deps.clock.now().toISOString();
    const victim = c.assessment?.plan.victims.find((x) => x.partyId === party.id);
    const payoutFen = victim ? victim.insurerPaidFen : null;
    const status: ClaimStatus =
      payoutFen === null ? "OPEN" : claimTransition("OPEN", payoutFen > 0 ? "assess" : "assessNothing");
    const claim: Claim = {
      id: claimId,
      caseId: c.id,
      regionCode: c.regionCode,
      centreId: c.centreId,
      partyId: party.id,
      status,
      version: 1,
      openedAt: at,
      openedBy: p.id,
      claimant: { name: input.idCard.name, residentId, idCardPhotoKey: idKey as string },
      bankCard: {
        number: cardNumber,
        holderName: input.bankCard.holderName,
        bankName: input.bankCard.bankName,
        photoKey: cardKey as string,
      },
      payoutFen,
      lines: victim ? victim.lines : [],
      acceptances: [],
      assessedAt: victim ? at : null,
      acceptedAt: null,
      paidAt: null,
      paidFen: 0,
    };
    await tx.claims.insert(claim);
    const caseStatus = caseTransition(c.status, "openClaim", RULE);
    await tx.cases.update({ ...c, status: caseStatus, version: c.version + 1 });
    await recordChange(tx, p, {
      regionCode: c.regionCode,
      action: "quickclaim.claim.open",
      objectType: "quickclaim.claim",
      objectId: claimId,
      detail: { caseId: c.id, partyId: party.id, status },
      event: {
        type: "quickclaim.claim.opened",
        aggregateId: claimId,
        payload: { claimId, caseId: c.id, partyId: party.id, status },
      },
    });
    return { claimId, status, caseStatus, payoutFen };
  });
}
