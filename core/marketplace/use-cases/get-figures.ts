import * as v from "valibot";
import { assertIsoDate, type Principal } from "../../kernel/mod.ts";
import type { FiguresResult } from "../rules/figures.ts";
import { ISOLATION_RULE, reportScope } from "../rules/institution-isolation.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { parseInput } from "./parse-input.ts";

/**
 * Outcome figures for the board: financings, first-loan borrowers, amount granted and average
 * per financing, by institution, product, special action or month — regulators over the whole
 * region, an institution over its own applications (MKT-R09).
 */
export const figuresInput = v.strictObject({
  from: v.optional(v.pipe(v.string(), v.maxLength(10))),
  to: v.optional(v.pipe(v.string(), v.maxLength(10))),
  groupBy: v.optional(v.picklist(["institution", "product", "special-action", "month"])),
  institutionId: v.optional(v.pipe(v.string(), v.maxLength(100))),
});

export class GetFigures {
  readonly #deps: Pick<MarketplaceDeps, "queries" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "queries" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<FiguresResult> {
    const d = this.#deps;
    const q = parseInput(figuresInput, input ?? {}, ISOLATION_RULE);
    if (q.from !== undefined) assertIsoDate(q.from, "from");
    if (q.to !== undefined) assertIsoDate(q.to, "to");
    const scope = reportScope(principal, d.regionCode);
    const institutionId = scope.institutionId ?? q.institutionId;
    return d.queries.figures({
      regionCode: d.regionCode,
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
      ...(q.groupBy !== undefined ? { groupBy: q.groupBy } : {}),
      ...(institutionId !== undefined ? { institutionId } : {}),
    });
  }
}
