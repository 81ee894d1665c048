import * as v from "valibot";
import { DomainError, hasRole, inRegion, type Principal, validateUscc } from "../../kernel/mod.ts";
import type { Institution } from "../domain/institution.ts";
import { institutionKindSchema } from "../domain/institution.ts";
import { CATALOGUE_RULE } from "../domain/product.ts";
import type { MarketplaceDeps } from "./deps.ts";
import { nameSchema, safeIdSchema } from "./input-schemas.ts";
import { parseInput } from "./parse-input.ts";
import { recordChange } from "./record-change.ts";

/** Catalogue: a bank, government guarantor or insurer joins the region's platform. */
export const registerInstitutionInput = v.strictObject({
  name: nameSchema,
  kind: institutionKindSchema,
  uscc: v.pipe(v.string("must be text"), v.maxLength(40)),
  branches: v.pipe(
    v.array(
      v.strictObject({
        id: safeIdSchema,
        name: nameSchema,
        regionCode: v.pipe(v.string(), v.regex(/^\d{6}$/, "must be a 6-digit GB/T 2260 code")),
      }),
    ),
    v.maxLength(500),
  ),
});

export class RegisterInstitution {
  readonly #deps: Pick<MarketplaceDeps, "uow" | "clock" | "ids" | "regionCode">;

  constructor(deps: Pick<MarketplaceDeps, "uow" | "clock" | "ids" | "regionCode">) {
    this.#deps = deps;
  }

  async execute(input: unknown, principal: Principal): Promise<Institution> {
    const d = this.#deps;
    if (
      !hasRole(principal, "platform_admin") &&
      !(hasRole(principal, "regulator") && inRegion(principal, d.regionCode))
    ) {
      throw new DomainError("only the platform or the region's regulator registers institutions", {
        ruleId: CATALOGUE_RULE,
        kind: "forbidden",
      });
    }
    const p = parseInput(registerInstitutionInput, input, CATALOGUE_RULE);
    const uscc = validateUscc(p.uscc, "uscc");
    const branchIds = new Set<string>();
    p.branches.forEach((b, i) => {
      if (branchIds.has(b.id)) {
        throw new DomainError(`branch id ${b.id} appears twice`, { ruleId: CATALOGUE_RULE, field: `branches.${i}.id` });
      }
      branchIds.add(b.id);
      if (b.regionCode.slice(0, 4) !== d.regionCode.slice(0, 4)) {
        throw new DomainError("a branch lies in the institution's region", {
          ruleId: CATALOGUE_RULE,
          field: `branches.${i}.regionCode`,
        });
      }
    });
    const now = d.clock.now();
    const institution: Institution = {
      id: d.ids.next("inst"),
      regionCode: d.regionCode,
      name: p.name,
      kind: p.kind,
      uscc,
      branches: p.branches,
      status: "ACTIVE",
      registeredAt: now,
    };
    return d.uow.run(async (tx) => {
      await tx.institutions.insert(institution);
      await recordChange(tx, {
        regionCode: d.regionCode,
        principal,
        action: "marketplace.institution.register",
        objectType: "institution",
        objectId: institution.id,
        detail: { kind: institution.kind, name: institution.name },
        event: {
          type: "marketplace.institution.registered",
          payload: { institutionId: institution.id, kind: institution.kind },
        },
      });
      return institution;
    });
  }
}
