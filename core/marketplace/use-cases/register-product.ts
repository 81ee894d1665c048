import * as v from "valibot";
import { businessDateOf, DomainError, hasRole, type Principal, valueAsOf } from "../../kernel/mod.ts";
import { codeSchema } from "../domain/credit-data.ts";
import { CATALOGUE_RULE, channelSchema, type Product, productTypeSchema, segmentSchema } from "../domain/product.ts";
import { assertWithinFairUse } from "../rules/fair-use.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { bpSchema, fenSchema, idSchema, monthsSchema, nameSchema, textSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

/**
 * Catalogue: an institution lists a product. Its data request is held to the region's fair-use
 * template for the product type (MKT-R02): more categories, a longer period or a longer data
 * life than allowed is refused here, naming the parameter.
 */
export const registerProductInput = v.strictObject({
  institutionId: idSchema,
  name: nameSchema,
  type: productTypeSchema,
  description: textSchema(2000),
  amountMin: fenSchema,
  amountMax: fenSchema,
  termMonthsMin: monthsSchema,
  termMonthsMax: monthsSchema,
  rateMinBp: bpSchema,
  rateMaxBp: bpSchema,
  segments: v.pipe(v.array(segmentSchema), v.minLength(1, "name at least one segment")),
  specialActions: v.optional(v.array(codeSchema), []),
  channel: channelSchema,
  dataNeeds: v.pipe(
    v.array(v.strictObject({ category: codeSchema, purpose: textSchema(300), required: v.boolean() })),
    v.minLength(1, "declare at least one data category"),
    v.maxLength(60),
  ),
  dataPeriodMonths: v.optional(monthsSchema),
  dataLifeMonths: v.optional(monthsSchema),
});

function refuse(message: string, field: string): never {
  throw new DomainError(message, { ruleId: CATALOGUE_RULE, field });
}

export class RegisterProduct {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "ids" | "policy" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "ids" | "policy" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<Product> {
    const d = this.#deps;
    const p = parseInput(registerProductInput, input, CATALOGUE_RULE);
    const mayAct =
      hasRole(principal, "platform_admin") ||
      (hasRole(principal, "institution_admin") && principal.institutionId === p.institutionId);
    if (!mayAct) {
      throw new DomainError("only the institution's administrator lists its products", {
        ruleId: CATALOGUE_RULE,
        kind: "forbidden",
      });
    }
    if (p.amountMin > p.amountMax) refuse("amountMin is above amountMax", "amountMin");
    if (p.amountMax === 0) refuse("amountMax must be more than zero", "amountMax");
    if (p.termMonthsMin > p.termMonthsMax) refuse("termMonthsMin is above termMonthsMax", "termMonthsMin");
    if (p.rateMinBp > p.rateMaxBp) refuse("rateMinBp is above rateMaxBp", "rateMinBp");
    const now = d.clock.now();
    const day = businessDateOf(now);
    const actions = valueAsOf(d.policy.specialActions, day, "specialActions");
    p.specialActions.forEach((code, i) => {
      if (!actions.some((a) => a.code === code))
        refuse(`special action ${code} is not one of the region's`, `specialActions.${i}`);
    });
    const product: Product = {
      id: d.ids.next("prd"),
      regionCode: d.regionCode,
      institutionId: p.institutionId,
      name: p.name,
      type: p.type,
      description: p.description,
      amountMin: p.amountMin,
      amountMax: p.amountMax,
      termMonthsMin: p.termMonthsMin,
      termMonthsMax: p.termMonthsMax,
      rateMinBp: p.rateMinBp,
      rateMaxBp: p.rateMaxBp,
      segments: p.segments,
      specialActions: p.specialActions,
      channel: p.channel,
      dataNeeds: p.dataNeeds,
      dataPeriodMonths:
        p.dataPeriodMonths ?? valueAsOf(d.policy.consent.dataPeriodMonths, day, "consent.dataPeriodMonths"),
      dataLifeMonths: p.dataLifeMonths ?? valueAsOf(d.policy.consent.dataLifeMonths, day, "consent.dataLifeMonths"),
      status: "ACTIVE",
      registeredAt: now,
    };
    assertWithinFairUse(
      product,
      valueAsOf(d.policy.fairUse, day, "fairUse"),
      valueAsOf(d.policy.creditData, day, "creditData"),
    );
    return d.uow.run(async (tx) => {
      const institution = await tx.institutions.get(p.institutionId);
      if (!institution || institution.regionCode !== d.regionCode || institution.status !== "ACTIVE") {
        throw new DomainError("institution not found", {
          ruleId: CATALOGUE_RULE,
          kind: "not_found",
          field: "institutionId",
        });
      }
      await tx.products.insert(product);
      await recordChange(tx, {
        regionCode: d.regionCode,
        principal,
        action: "marketplace.product.register",
        objectType: "product",
        objectId: product.id,
        detail: {
          institutionId: product.institutionId,
          type: product.type,
          categories: product.dataNeeds.map((n) => n.category),
        },
        event: {
          type: "marketplace.product.registered",
          payload: {
            productId: product.id,
            institutionId: product.institutionId,
            type: product.type,
            channel: product.channel,
          },
        },
      });
      return product;
    });
  }
}
