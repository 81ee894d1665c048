import type { Principal } from "../../kernel/mod.ts";
import type { Product } from "../domain/product.ts";
import { createMarketplaceUseCases, type MarketplaceUseCases } from "../use-cases/create-use-cases.ts";
import type { SubmittedApplication } from "../use-cases/submit-application.ts";
import type { ConsentView } from "../use-cases/views.ts";
import type { TestWorld } from "./test-world.ts";

/** Short-hands for use-case tests: consent then apply, as the pages do. */
export interface Person {
  readonly idKind: "resident-id" | "uscc";
  readonly idNumber: string;
  readonly name: string;
  readonly mobile: string;
}

export function useCases(world: TestWorld): MarketplaceUseCases {
  return createMarketplaceUseCases(world.deps);
}

export async function consentTo(
  uc: MarketplaceUseCases,
  who: Principal,
  person: Person,
  product: Product,
  categories: readonly string[] = product.dataNeeds.map((n) => n.category),
): Promise<ConsentView> {
  return uc.grantConsent.execute(
    {
      productId: product.id,
      subject: { idKind: person.idKind, idNumber: person.idNumber },
      categories: [...categories],
    },
    who,
  );
}

export function applicationInput(
  person: Person,
  product: Product,
  consentId: string,
  extra: Record<string, unknown> = {},
) {
  return {
    productId: product.id,
    consentId,
    applicant: { idKind: person.idKind, idNumber: person.idNumber, name: person.name },
    contactMobile: person.mobile,
    amount: product.amountMin,
    termMonths: product.termMonthsMin,
    ...extra,
  };
}

export async function apply(
  uc: MarketplaceUseCases,
  who: Principal,
  person: Person,
  product: Product,
  categories?: readonly string[],
  extra: Record<string, unknown> = {},
): Promise<SubmittedApplication> {
  const consent = await consentTo(uc, who, person, product, categories);
  return uc.submitApplication.execute(applicationInput(person, product, consent.id, extra), who);
}

/** A deep copy of everything the store holds, to show that a refused call wrote nothing. */
export function footprint(world: TestWorld) {
  return structuredClone(world.store.state);
}
