import type { BlindIndexer, Principal } from "../../core/kernel/mod.ts";
import { createApiKeyStore } from "../auth/api-key-store.ts";
import type { SeedContributor } from "../composition/seeds.ts";
import { Tokens } from "../composition/tokens.ts";
import { seedCatalogue } from "./demo/catalogue-seed.ts";
import { seedDemoHistory } from "./demo/demo-history.ts";
import { seedTeaCompanyStory, seedZhangStory } from "./demo/demo-story.ts";
import { DEMO_REGION, demoInstitutions, demoProducts } from "./demo/longyan-demo-catalogue.ts";
import { marketplaceDeps } from "./marketplace-deps.ts";

/** Institutions whose demo staff get an API key (the named products' banks). */
export const demoStaffInstitutions = ["inst_abc", "inst_ccb", "inst_cib", "inst_lyrcb"] as const;

export function demoStaffLabel(institutionId: string): string {
  return `demo:marketplace:${institutionId}`;
}

/** Size of the demo history (MARKETPLACE_DEMO_HISTORY, default 48 applications; 0 for none). */
function historySize(): number {
  const raw = process.env.MARKETPLACE_DEMO_HISTORY;
  const n = raw === undefined || raw === "" ? 48 : Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? Math.min(n, 2000) : 48;
}

/**
 * Marketplace demo seed for 龙岩 (when the region enables the module): the demo catalogue
 * (banks, guarantors, insurers and the seed's named products), one API key per named bank for
 * its staff (institution_staff + institution_admin, shown once), the demo story of spec
 * 90-demo-story.md — 张师傅's QR-code first loan decided at once, and 龙岩闽西茶业 left waiting by
 * 兴业 until it is overdue on the board — and a deterministic history of applications so the
 * report and figures have something to show. Idempotent: everything is found again by its
 * natural key (ids, key labels, the applicants' accounts) and made only when missing.
 */
export const marketplaceDemoSeed: SeedContributor = {
  id: "marketplace.demo",
  async run(platform, regionCode, report) {
    const region = platform.region(regionCode);
    if (regionCode !== DEMO_REGION || !region.modules.includes("marketplace")) return;
    const deps = marketplaceDeps(platform, regionCode);
    const system: Principal = { id: "system:seed", roles: ["platform_admin"], regionCodes: [regionCode] };
    const made = await seedCatalogue(deps, { institutions: demoInstitutions, products: demoProducts }, system);
    if (made.institutions + made.products > 0) {
      report.created(
        `marketplace catalogue of ${region.name.zh}: ${made.institutions} institutions, ${made.products} products`,
      );
    }

    const keys = createApiKeyStore(platform.database.db, platform.clock, platform.ids);
    const existing = await keys.list();
    for (const institutionId of demoStaffInstitutions) {
      const label = demoStaffLabel(institutionId);
      if (existing.some((k) => k.label === label && k.revokedAt === null)) continue;
      const { key } = await keys.create(
        { institutionId, roles: ["institution_staff", "institution_admin"], regionCodes: [regionCode], label },
        "system:seed",
      );
      const name = demoInstitutions.find((i) => i.id === institutionId)?.name.zh ?? institutionId;
      report.created(`API key for the demo staff of ${name} (${institutionId})`);
      report.secret(`marketplace staff ${name} ${institutionId}`, key);
    }

    const blindIndex = platform.container.resolve<BlindIndexer>(Tokens.BlindIndexer);
    const actors = {
      citizen: (mobile: string, ...subjects: readonly { idKind: string; idNumber: string }[]): Principal => ({
        id: `citizen:seed-${mobile.slice(-4)}`,
        roles: ["citizen"],
        regionCodes: [regionCode],
        subjectRef: blindIndex.index("mobile", mobile),
        identities: subjects.map((s) => blindIndex.index(s.idKind, s.idNumber)).sort(),
      }),
      staff: (institutionId: string): Principal => ({
        id: `inst:${institutionId}/seed`,
        roles: ["institution_staff"],
        institutionId,
        regionCodes: [regionCode],
      }),
    };
    const db = platform.database.db;
    if (await seedZhangStory(deps, db, actors))
      report.created("demo story: 张师傅's 码上贷 application (instant decision)");
    if (await seedTeaCompanyStory(deps, db, actors)) {
      report.created("demo story: 龙岩闽西茶业's 兴闪贷 application, waiting three working days");
    }
    const history = await seedDemoHistory(deps, db, actors, demoProducts, historySize());
    if (history > 0) report.created(`marketplace demo history: ${history} applications over the last months`);
  },
};
