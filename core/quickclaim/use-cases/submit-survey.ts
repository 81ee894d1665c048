import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import { requireOwnParty } from "../domain/case-access.ts";
import type { Survey } from "../domain/survey.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { lockCase } from "./load.ts";
import { idField, parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

const RULE = "QC-R08";

export const submitSurveyInput = v.object({
  caseId: idField,
  satisfied: v.boolean(),
  suggestion: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(500))), null),
});

/** 回访 follow-up: after payment each party may answer once — satisfied or not, and a suggestion. */
export async function submitSurvey(
  deps: Pick<QuickClaimDeps, "uow" | "clock" | "ids">,
  rawInput: unknown,
  p: Principal,
): Promise<{ readonly surveyId: string }> {
  const input = parseInput(submitSurveyInput, rawInput, RULE);
  return deps.uow.run(async (tx) => {
    const c = await lockCase(tx, input.caseId, p);
    const party = requireOwnParty(p, c, "answer the follow-up");
    if (c.status !== "PAID") {
      throw new DomainError("the follow-up opens once the claim is paid", {
        ruleId: RULE,
        kind: "conflict",
        field: "status",
      });
    }
    if (await tx.surveys.findByParty(c.id, party.id)) {
      throw new DomainError("this party has already answered the follow-up", {
        ruleId: RULE,
        kind: "conflict",
        field: "caseId",
      });
    }
    const suggestion = input.suggestion === null || input.suggestion === "" ? null : input.suggestion;
    const survey: Survey = {
      id: deps.ids.next("qcsurvey"),
      caseId: c.id,
      partyId: party.id,
      regionCode: c.regionCode,
      centreId: c.centreId,
      satisfied: input.satisfied,
      suggestion,
      at: deps.clock.now().toISOString(),
    };
    await tx.surveys.insert(survey);
    await recordChange(tx, p, {
      regionCode: c.regionCode,
      action: "quickclaim.survey.submit",
      objectType: "quickclaim.survey",
      objectId: survey.id,
      detail: { caseId: c.id, satisfied: survey.satisfied, hasSuggestion: suggestion !== null },
      event: {
        type: "quickclaim.survey.submitted",
        aggregateId: c.id,
        payload: { caseId: c.id, surveyId: survey.id, centreId: c.centreId, satisfied: survey.satisfied },
      },
    });
    return { surveyId: survey.id };
  });
}
