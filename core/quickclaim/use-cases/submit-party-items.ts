import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { partyOf, requireViewer } from "../domain/case-access.ts";
import { validatePartyItems } from "../rules/party-items.ts";
import { assertCollectingEvidence } from "./add-photo.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockCase } from "./load.ts";
import { idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

const RULE = "QC-R02";
const text = v.pipe(v.string(), v.maxLength(60));

export const submitPartyItemsInput = v.object({
  caseId: idField,
  partyId: v.pipe(v.string(), v.regex(/^[A-I]$/, "a party letter A–I")),
  items: v.object({
    plate: text,
    driverName: text,
    driverLicenceNo: text,
    vehicleLicenceNo: text,
    insurerId: text,
    compulsoryPolicyNo: text,
    commercialPolicyNo: v.optional(v.nullable(text), null),
    mobile: text,
  }),
});
export type SubmitPartyItemsInput = v.InferInput<typeof submitPartyItemsInput>;

/**
 * Step 1 五项信息: a party gives its five items (a clerk may type them for any party). Each item
 * is validated (QC-R02): plate, driver name and licence (resident ID check character), vehicle
 * licence, insurer and policy number, mobile. Giving them again replaces the earlier ones.
 */
export async function submitPartyItems(
  deps: Pick<QuickClaimDeps, "uow" | "policy">,
  rawInput: unknown,
  p: Principal,
): Promise<{ readonly partyId: string }> {
  const input = parseInput(submitPartyItemsInput, rawInput, RULE);
  const insurerIds = new Set(deps.policy.insurers.map((i) => i.id));
  return deps.uow.run(async (tx) => {
    const c = await lockCase(tx, input.caseId, p);
    const viewer = requireViewer(p, c, ["party", "clerk"], "give a party's items");
    const party = c.parties.find((x) => x.id === input.partyId);
    if (!party) throw new DomainError("no such party in the case", { ruleId: RULE, field: "partyId" });
    if (viewer === "party" && partyOf(p, c)?.id !== party.id) {
      throw new DomainError("a party gives only its own items", {
        ruleId: "KRN-R06",
        kind: "forbidden",
        field: "partyId",
      });
    }
    assertCollectingEvidence(c);
    const items = validatePartyItems(input.items, {
      reportedPlate: party.plate,
      insurerIds,
      asOf: c.accidentDate,
      prefix: "items",
    });
    const parties = c.parties.map((x) => (x.id === party.id ? { ...x, items } : x));
    await tx.cases.update({ ...c, parties, version: c.version + 1 });
    await recordChange(tx, p, {
      regionCode: c.regionCode,
      action: "quickclaim.case.party_items",
      objectType: "quickclaim.case",
      objectId: c.id,
      detail: { partyId: party.id, insurerId: items.insurerId },
      event: {
        type: "quickclaim.case.party_items_given",
        aggregateId: c.id,
        payload: { caseId: c.id, partyId: party.id },
      },
    });
    return { partyId: party.id };
  });
}
