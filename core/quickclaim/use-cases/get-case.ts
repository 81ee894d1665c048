import * as v from "valibot";
import { DomainError, maskBankCard, maskMobile, maskResidentId, type Principal } from "../../kernel/mod.ts";
import { assertCanSeeCase, type CaseViewer, partyOf } from "../domain/case-access.ts";
import type { Claim } from "../domain/claim.ts";
import type { PaymentAttempt } from "../domain/payment-attempt.ts";
import type { QuickClaimCase } from "../domain/quick-claim-case.ts";
import { paramsAsOf } from "../params-as-of.ts";
import { type MissingEvidence, missingEvidence } from "../rules/evidence-completeness.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { idField, parseInput } from "./parse-input.ts";

export const getCaseInput = v.object({ caseId: idField });

export interface ClaimView extends Omit<Claim, "claimant" | "bankCard"> {
  readonly claimant: { readonly name: string; readonly residentId: string };
  readonly bankCard: { readonly number: string; readonly holderName: string; readonly bankName: string | null };
  readonly payment: {
    readonly state: PaymentAttempt["state"];
    readonly attemptNo: number;
    readonly requestId: string;
  } | null;
}

export interface CaseView extends Omit<QuickClaimCase, "parties"> {
  readonly viewer: CaseViewer;
  /** The citizen's own party, if the viewer is a party. */
  readonly myPartyId: string | null;
  readonly parties: QuickClaimCase["parties"];
  /** QC-R02: what is still missing before evidence can be submitted. */
  readonly missingEvidence: readonly MissingEvidence[];
  readonly claims: readonly ClaimView[];
}

/**
 * The case as its viewer may see it (KRN-R06). C2 data — mobiles, licence and ID numbers, bank
 * cards — is masked for everyone but its subject (KRN-R04): a party sees its own in full.
 */
export async function getCase(
  deps: Pick<QuickClaimDeps, "uow" | "policy">,
  rawInput: unknown,
  p: Principal,
): Promise<CaseView> {
  const input = parseInput(getCaseInput, rawInput, "KRN-R06");
  return deps.uow.run(async (tx) => {
    const c = await tx.cases.get(input.caseId);
    if (!c) throw new DomainError("case not found", { ruleId: "KRN-R06", kind: "not_found" });
    const viewer = assertCanSeeCase(p, c);
    const mine = partyOf(p, c)?.id ?? null;
    const parties = c.parties.map((party) => {
      if (party.id === mine) return party;
      return {
        ...party,
        mobile: maskMobile(party.mobile),
        items: party.items && {
          ...party.items,
          driverLicenceNo: maskResidentId(party.items.driverLicenceNo),
          mobile: maskMobile(party.items.mobile),
        },
      };
    });
    const claims = await tx.claims.listByCase(c.id);
    const visible = viewer === "party" ? claims.filter((cl) => cl.partyId === mine) : claims;
    const claimViews: ClaimView[] = [];
    for (const cl of visible) {
      const own = cl.partyId === mine;
      const attempt = await tx.payments.getForClaim(cl.id);
      claimViews.push({
        ...cl,
        claimant: {
          name: cl.claimant.name,
          residentId: own ? cl.claimant.residentId : maskResidentId(cl.claimant.residentId),
        },
        bankCard: {
          number: own ? cl.bankCard.number : maskBankCard(cl.bankCard.number),
          holderName: cl.bankCard.holderName,
          bankName: cl.bankCard.bankName,
        },
        payment: attempt ? { state: attempt.state, attemptNo: attempt.attemptNo, requestId: attempt.requestId } : null,
      });
    }
    const slots = paramsAsOf(deps.policy, c.accidentDate).photoSlots;
    return {
      ...c,
      viewer,
      myPartyId: mine,
      parties,
      missingEvidence: c.status === "REPORTED" ? missingEvidence(c, slots) : [],
      claims: claimViews,
    };
  });
}
