import * as v from "valibot";
import { type Principal, requireRole } from "../../kernel/mod.ts";
import type { CaseSummary } from "../quickclaim.ports.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { parseInput } from "./parse-input.ts";

export const listPoliceQueueInput = v.object({
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 50),
});

/** 交警在线认定 queue of the officer's regions: cases waiting for determination, oldest first. */
export async function listPoliceQueue(
  deps: Pick<QuickClaimDeps, "queries">,
  rawInput: unknown,
  p: Principal,
): Promise<CaseSummary[]> {
  requireRole(p, "police");
  const input = parseInput(listPoliceQueueInput, rawInput ?? {}, "QC-R03");
  return deps.queries.policeQueue({ regionCodes: p.regionCodes, limit: input.limit });
}
