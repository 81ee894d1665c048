import * as v from "valibot";
import { DomainError, type Principal } from "../../kernel/mod.ts";
import type { MarineBundle } from "../domain/collateral.ts";
import type { Factor } from "../domain/factor.ts";
import { bundleMembers, bundleMemberTypes } from "../rules/marine-bundle.ts";
import { assertActsForHolder } from "./support/access.ts";
import type { FactorsDeps } from "./support/deps.ts";
import { notFound } from "./support/load.ts";
import { id, parseInput } from "./support/parse-input.ts";
import { actOf, audit, recordFactorEvent } from "./support/record.ts";
import { type FactorView, factorView } from "./support/views.ts";

export const formMarineBundleInput = v.object({
  factorIds: v.pipe(v.array(id("factorId")), v.minLength(2, "name every member of the bundle")),
});

/**
 * FAC-R03 三权合一: binds the sea-area use right, the fish raft and the aquaculture right of one
 * site into a bundle that from now on is valued, mortgaged, transferred and disposed of whole.
 */
export async function formMarineBundle(
  deps: FactorsDeps,
  principal: Principal,
  input: unknown,
): Promise<{ bundle: MarineBundle; factors: FactorView[] }> {
  const i = parseInput(formMarineBundleInput, input);
  const act = actOf(principal, deps.clock.now());
  return deps.uow.run(async (tx) => {
    const factors = await tx.factors.getMany(deps.regionCode, i.factorIds, { forUpdate: true });
    if (factors.length !== new Set(i.factorIds).size) throw notFound("factor", "factorIds");
    if (factors.length !== i.factorIds.length) {
      throw new DomainError("a factor is named twice", { ruleId: "FAC-R03", field: "factorIds" });
    }
    for (const f of factors) assertActsForHolder(principal, f);
    const first = factors[0] as Factor;
    const memberIds = bundleMembers(factors, bundleMemberTypes(deps.policyFor(first.countyCode), act.today));
    const bundle: MarineBundle = {
      id: deps.ids.next("bun"),
      regionCode: first.regionCode,
      countyCode: first.countyCode,
      siteRef: first.siteRef as string,
      holderRef: first.holder.ref,
      memberIds,
      createdAt: act.at,
    };
    await tx.bundles.insert(bundle);
    await audit(tx, act, bundle.regionCode, "bundle.formed", "bundle", bundle.id, { memberIds });
    const byId = new Map(factors.map((f) => [f.id, f]));
    const out: Factor[] = [];
    for (const fid of memberIds) {
      out.push(
        await recordFactorEvent(
          tx,
          byId.get(fid) as Factor,
          "bundled",
          {
            reason: "三权合一 bundle formed",
            ruleId: "FAC-R03",
            data: { bundleId: bundle.id },
            patch: { bundleId: bundle.id },
          },
          act,
        ),
      );
    }
    return { bundle, factors: out.map((f) => factorView(principal, f)) };
  });
}
