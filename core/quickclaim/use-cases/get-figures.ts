import * as v from "valibot";
import { DomainError, hasRole, inRegion, type Principal, requireRole } from "../../kernel/mod.ts";
import { figuresFrom, type QuickClaimFigures } from "../rules/figures.ts";
import type { QuickClaimDeps } from "./deps.ts";
import { parseInput } from "./parse-input.ts";

const date = v.pipe(v.string(), v.isoDate("a date YYYY-MM-DD"));

export const getFiguresInput = v.pipe(
  v.object({
    regionCode: v.pipe(v.string(), v.regex(/^\d{6}$/, "a 6-digit region code")),
    from: date,
    to: date,
    groupBy: v.optional(v.picklist(["region", "centre", "county"]), "region"),
  }),
  v.forward(
    v.check((x) => x.from <= x.to, "from must not be after to"),
    ["to"],
  ),
);

export interface FiguresRow extends QuickClaimFigures {
  readonly key: string;
  readonly recentSuggestions: readonly string[];
}

/**
 * QC-R08 成效指标 for the regulator dashboard: per region, centre or county, for accidents
 * reported between two business dates — share handled remotely, handling and payout times,
 * no-dispute share, satisfaction and suggestions.
 */
export async function getFigures(
  deps: Pick<QuickClaimDeps, "queries">,
  rawInput: unknown,
  p: Principal,
): Promise<FiguresRow[]> {
  requireRole(p, "regulator", "clerk", "platform_admin");
  const input = parseInput(getFiguresInput, rawInput, "QC-R08");
  if (!hasRole(p, "platform_admin") && !inRegion(p, input.regionCode)) {
    throw new DomainError("region not found", { ruleId: "KRN-R06", kind: "not_found" });
  }
  const groups = await deps.queries.figureInputs(input);
  return groups.map((g) => ({ key: g.key, ...figuresFrom(g.inputs), recentSuggestions: g.recentSuggestions }));
}
