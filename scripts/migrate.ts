import { CompositionError } from "../adapters/composition/composition-error.ts";
import { loadDeploymentConfig } from "../adapters/composition/deployment-config.ts";
import { describeDatabase, openDatabase } from "../adapters/composition/open-database.ts";
import { printStartupError } from "../adapters/composition/startup-report.ts";
import { migrateToLatest } from "../adapters/db/migrate.ts";

/**
 * `npm run migrate`: applies every pending migration to the configured database (Postgres when
 * DATABASE_URL is set, else the embedded PGlite in DATA_DIR) and lists what it applied.
 */
async function main(): Promise<void> {
  const config = loadDeploymentConfig(process.env);
  const database = await openDatabase(config);
  try {
    const result = await migrateToLatest(database.db);
    const applied = (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
    console.log(`database: ${describeDatabase(config)}`);
    console.log(
      applied.length === 0 ? "migrations: already current" : `migrations applied:\n  ${applied.join("\n  ")}`,
    );
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  printStartupError(e);
  process.exit(e instanceof CompositionError ? 2 : 1);
});
