import * as v from "valibot";
import { CollectionCompanyPort, ningdeFactorsPolicy } from "../../core/factors/mod.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { type SimCompany, SimulatedCollectionCompanies } from "./simulated-collection-companies.ts";

/** Demo offers: 福宁海投 buys 黄先生's raft at 75 % (spec 90-demo-story.md); the others near the 70 % floor. */
const DEMO_OFFER_BP: Readonly<Record<string, number>> = {
  "xiapu-funing-haitou": 7500,
  "pingnan-babai": 7300,
  "jiaocheng-collection": 7200,
  "fuan-collection": 7100,
};

/** The six companies of the Ningde default pack (seed: 6 of 9 counties), with demo offers. */
function demoCompanies(): SimCompany[] {
  const out: SimCompany[] = [];
  for (const [countyCode, county] of Object.entries(ningdeFactorsPolicy.counties)) {
    const company = county.collectionCompany.at(-1)?.value;
    if (!company) continue;
    out.push({
      institutionId: company.institutionId,
      countyCode,
      name: company.name.zh,
      offerBp: DEMO_OFFER_BP[company.institutionId] ?? 7000,
      offline: false,
    });
  }
  return out;
}

const companySchema = v.strictObject({
  institutionId: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._:-]{1,63}$/), v.description("id as in the county pack")),
  countyCode: v.pipe(v.string(), v.regex(/^\d{6}$/), v.description("the county it buys in")),
  name: v.pipe(v.string(), v.minLength(1), v.description("company name")),
  offerBp: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(0),
    v.maxValue(10_000),
    v.description("its offer as a share of the current valuation, basis points (the pack's floor decides)"),
  ),
  offline: v.pipe(v.optional(v.boolean(), false), v.description("the company does not answer")),
});

const configSchema = v.strictObject({
  companies: v.pipe(
    v.optional(v.array(companySchema), demoCompanies),
    v.check((cs) => new Set(cs.map((c) => c.institutionId)).size === cs.length, "company ids must be unique"),
    v.description("the simulated companies (default: the six of the Ningde pack; 3 counties have none)"),
  ),
});

/** SIMULATOR of Ningde's county asset collection-storage companies (FAC-R08 buy-out). */
export const manifest = definePlugin({
  id: "factors-collection-sim",
  version: "1.0.0",
  title: { zh: "县级资产收储公司（模拟：霞浦福宁海投、屏南八百等6家）", en: "County collection companies (simulator)" },
  description:
    "Simulator of the asset collection-storage companies of the 6 Ningde counties that have one (霞浦 福宁海投, 屏南 八百 and four demo placeholders): each offers a configured share of the current valuation for a disposal's collateral, deterministically. The other three counties offer listing and auction only.",
  kind: "simulator",
  regions: ["350900"],
  provides: [CollectionCompanyPort],
  configSchema,
  create(config) {
    return new Map([[CollectionCompanyPort, new SimulatedCollectionCompanies(config.companies)]]);
  },
});
