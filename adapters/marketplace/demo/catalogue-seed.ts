import { businessDateOf, type Principal, valueAsOf } from "../../../core/kernel/mod.ts";
import {
  assertWithinFairUse,
  type Institution,
  type MarketplaceDeps,
  type Product,
} from "../../../core/marketplace/mod.ts";

/**
 * Loads a catalogue into a region idempotently: each institution and product is looked up by
 * its id and created only when missing, with an audit entry and the same outbox event the
 * registration use cases write. Every product is held to the region's fair-use template
 * (MKT-R02) first, so demo data can never ask for more than a real product may.
 */
export async function seedCatalogue(
  deps: Pick<MarketplaceDeps, "uow" | "policy" | "regionCode" | "clock">,
  catalogue: { readonly institutions: readonly Institution[]; readonly products: readonly Product[] },
  actor: Principal,
): Promise<{ institutions: number; products: number }> {
  const day = businessDateOf(deps.clock.now());
  const templates = valueAsOf(deps.policy.fairUse, day, "fairUse");
  const credit = valueAsOf(deps.policy.creditData, day, "creditData");
  for (const p of catalogue.products) assertWithinFairUse(p, templates, credit);
  return deps.uow.run(async (tx) => {
    let institutions = 0;
    let products = 0;
    for (const i of catalogue.institutions) {
      if (i.regionCode !== deps.regionCode || (await tx.institutions.get(i.id))) continue;
      await tx.institutions.insert(i);
      institutions++;
      await tx.audit.append({
        regionCode: deps.regionCode,
        actor: actor.id,
        action: "marketplace.institution.register",
        objectType: "institution",
        objectId: i.id,
        outcome: "ok",
        detail: { kind: i.kind, name: i.name, seeded: true },
      });
      await tx.outbox.enqueue({
        regionCode: deps.regionCode,
        type: "marketplace.institution.registered",
        aggregateId: i.id,
        payload: { institutionId: i.id, kind: i.kind },
      });
    }
    for (const p of catalogue.products) {
      if (p.regionCode !== deps.regionCode || (await tx.products.get(p.id))) continue;
      await tx.products.insert(p);
      products++;
      await tx.audit.append({
        regionCode: deps.regionCode,
        actor: actor.id,
        action: "marketplace.product.register",
        objectType: "product",
        objectId: p.id,
        outcome: "ok",
        detail: {
          institutionId: p.institutionId,
          type: p.type,
          categories: p.dataNeeds.map((n) => n.category),
          seeded: true,
        },
      });
      await tx.outbox.enqueue({
        regionCode: deps.regionCode,
        type: "marketplace.product.registered",
        aggregateId: p.id,
        payload: { productId: p.id, institutionId: p.institutionId, type: p.type, channel: p.channel },
      });
    }
    return { institutions, products };
  });
}
