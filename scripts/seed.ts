import "reflect-metadata";
import { buildPlatform } from "../adapters/composition/compose.ts";
import { CompositionError } from "../adapters/composition/composition-error.ts";
import { loadDeploymentConfig } from "../adapters/composition/deployment-config.ts";
import { describeDatabase } from "../adapters/composition/open-database.ts";
import { runSeeds } from "../adapters/composition/seeds.ts";
import { printSeedResult, printStartupError } from "../adapters/composition/startup-report.ts";

/**
 * `npm run seed`: composes the platform (migrating first) and runs every demo seed contributor
 * for every configured region. Idempotent: a second run creates nothing. Refused in production
 * unless SEED_DEMO=1.
 */
async function main(): Promise<void> {
  const env = process.env;
  const config = loadDeploymentConfig(env);
  if (config.production && env.SEED_DEMO !== "1") {
    throw new CompositionError("NODE_ENV=production: demo data is not seeded (set SEED_DEMO=1 to insist)");
  }
  const platform = await buildPlatform(config, env, { migrate: true });
  try {
    const result = await runSeeds(platform);
    console.log(`database: ${describeDatabase(config)}`);
    printSeedResult(result, [...platform.regions.keys()]);
  } finally {
    await platform.close();
  }
}

main().catch((e: unknown) => {
  printStartupError(e);
  process.exit(e instanceof CompositionError ? 2 : 1);
});
