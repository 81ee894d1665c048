import { runApiKeyCli } from "../adapters/auth/api-key-cli.ts";
import { loadDeploymentConfig } from "../adapters/composition/deployment-config.ts";
import { openDatabase } from "../adapters/composition/open-database.ts";
import { RandomIds } from "../adapters/platform/random-ids.ts";
import { SystemClock } from "../adapters/platform/system-clock.ts";

/**
 * `npx tsx scripts/create-api-key.ts --institution X --roles institution_staff --regions 350800`
 * creates an API key in the database the app uses (DATABASE_URL, else the embedded one under
 * DATA_DIR) and prints it once. Also `--list` and `--revoke <key id>`; `--help` for all options.
 */
const config = loadDeploymentConfig(process.env);
const database = await openDatabase(config);
const clock = new SystemClock();
try {
  process.exitCode = await runApiKeyCli(process.argv.slice(2), {
    db: database.db,
    clock,
    ids: new RandomIds(clock),
    regions: config.regions.map((r) => r.code),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} catch (e) {
  const message = (e as Error).message;
  const hint = /does not exist/.test(message) ? " (run `npm run migrate` first)" : "";
  console.error(`create-api-key failed: ${message}${hint}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
