import "reflect-metadata";
import { buildPlatform } from "../adapters/composition/compose.ts";
import { loadDeploymentConfig } from "../adapters/composition/deployment-config.ts";
import { seedCatalogue } from "../adapters/marketplace/demo/catalogue-seed.ts";
import { DEMO_REGION } from "../adapters/marketplace/demo/longyan-demo-catalogue.ts";
import { seedScaleInstitutions } from "../adapters/marketplace/demo/seed-scale-institutions.ts";
import { seedScaleProducts } from "../adapters/marketplace/demo/seed-scale-products.ts";
import { marketplaceDeps } from "../adapters/marketplace/marketplace-deps.ts";
import type { Principal } from "../core/kernel/mod.ts";

/**
 * Loads 龙岩's marketplace catalogue at the seed's scale — 33 banks, 13 government guarantors,
 * 2 insurers and 447 products (notice 三(一)) — into the configured deployment's database
 * (DATA_DIR's embedded database, or DATABASE_URL), next to the demo seed. Idempotent: what
 * exists is kept; every product is held to its fair-use template first (MKT-R02).
 *
 *   npx tsx scripts/seed-marketplace-catalogue.ts
 */
const platform = await buildPlatform(loadDeploymentConfig(process.env), process.env, { migrate: true });
try {
  const region = platform.regions.get(DEMO_REGION);
  if (!region?.modules.includes("marketplace")) {
    throw new Error(`region ${DEMO_REGION} with the marketplace module is not in the deployment config`);
  }
  const system: Principal = { id: "system:seed", roles: ["platform_admin"], regionCodes: [DEMO_REGION] };
  const institutions = seedScaleInstitutions;
  const products = seedScaleProducts();
  const made = await seedCatalogue(marketplaceDeps(platform, DEMO_REGION), { institutions, products }, system);
  const kinds = (k: string) => institutions.filter((i) => i.kind === k).length;
  console.log(
    `龙岩 marketplace catalogue: ${kinds("bank")} banks, ${kinds("guarantor")} guarantors, ${kinds("insurer")} insurers, ${products.length} products (${products.filter((p) => p.channel === "direct").length} decided at once); created now: ${made.institutions} institutions, ${made.products} products`,
  );
} finally {
  await platform.close();
}
