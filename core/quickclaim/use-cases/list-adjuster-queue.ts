import * as v from "valibot";
import { DomainError, type Principal, requireRole } from "../../kernel/mod.ts";
import type { ClaimSummary } from "../quickclaim.ports.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { parseInput } from "./parse-input.ts";

export const listAdjusterQueueInput = v.object({
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 50),
});

/** 值班查勘员 queue: claims of cases involving the adjuster's own insurer (KRN-R06), oldest first. */
export async function listAdjusterQueue(
  deps: Pick<QuickClaimDeps, "queries">,
  rawInput: unknown,
  p: Principal,
): Promise<ClaimSummary[]> {
  requireRole(p, "adjuster");
  if (p.institutionId === undefined) {
    throw new DomainError("an adjuster acts for an insurer", { ruleId: "KRN-R06", kind: "forbidden" });
  }
  const input = parseInput(listAdjusterQueueInput, rawInput ?? {}, "QC-R05");
  return deps.queries.adjusterQueue({ insurerId: p.institutionId, regionCodes: p.regionCodes, limit: input.limit });
}
