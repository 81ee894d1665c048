import * as v from "valibot";
import { hasRole, type Principal } from "../../kernel/mod.ts";
import type { MortgageApplication } from "../domain/lending.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { parseInput } from "./support/parse-input.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const listMyWorkInput = v.object({
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)), 50),
});

export interface MyWork {
  /** Factors this person (or this institution, for a clerk or bank acting for holders) registered. */
  readonly factors: readonly FactorView[];
  /** Mortgage applications this person made. */
  readonly applications: readonly MortgageApplication[];
}

/**
 * "我的要素": what the caller registered and applied for — a citizen by their subject ref, a
 * clerk or institution by the institution they act for. Nothing of anyone else's.
 */
export async function listMyWork(deps: FactorsDeps, principal: Principal, input: unknown = {}): Promise<MyWork> {
  const { limit } = parseInput(listMyWorkInput, input);
  const regionCode = deps.regionCode;
  const citizen = hasRole(principal, "citizen") && principal.subjectRef !== undefined;
  const institution = !citizen && principal.institutionId !== undefined ? principal.institutionId : undefined;
  if (!citizen && institution === undefined) return { factors: [], applications: [] };
  const [factors, applications] = await Promise.all([
    deps.queries.factors(
      citizen
        ? { regionCode, registrantRef: principal.subjectRef, limit }
        : { regionCode, registrantInstitutionId: institution, limit },
    ),
    deps.queries.applications({ regionCode, applicantRef: principal.subjectRef ?? principal.id, limit }),
  ]);
  return { factors: factors.map((f) => factorView(principal, f)), applications };
}
