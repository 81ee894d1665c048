import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { sql } from "kysely";
import { DEFAULT_CONFIG_PATH, loadDeploymentConfig } from "../composition/deployment-config.ts";
import { createDatabase, type DatabaseConfig } from "../db/create-database.ts";
import { verifyAuditChain } from "./verify-audit-chain.ts";

export type Env = Readonly<Record<string, string | undefined>>;

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const USAGE = "usage: npm run audit:verify -- [--region <6-digit code>] [--batch-size <n>] [--json]";

/**
 * Which database the app would open: DATABASE_URL; else the deployment config's database URL or
 * its data folder (`<dataDir>/db`); else DATA_DIR (default ./data) + `/db`.
 */
export function resolveDatabaseTarget(env: Env): DatabaseConfig & { readonly label: string } {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, label: "DATABASE_URL" };
  const configPath = env.DEPLOYMENT_CONFIG || undefined;
  const config =
    configPath !== undefined || existsSync(DEFAULT_CONFIG_PATH) ? loadDeploymentConfig(env, configPath) : undefined;
  if (config?.database.url) return { url: config.database.url, label: `database.url of ${config.source}` };
  const dataDir = join(config?.dataDir ?? resolve(env.DATA_DIR || "./data"), "db");
  return { dataDir, label: dataDir };
}

/**
 * `npm run audit:verify`: checks every region's audit chain (KRN-R07) and prints a summary.
 * Exit code 0 when intact, 1 naming the first broken entry, 2 when it could not check.
 */
export async function runVerifyAudit(argv: readonly string[], env: Env, io: CliIo): Promise<number> {
  let regionCode: string | undefined;
  let batchSize: number | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--region" && /^\d{6}$/.test(argv[i + 1] ?? "")) regionCode = argv[++i];
    else if (a === "--batch-size" && /^[1-9]\d{0,5}$/.test(argv[i + 1] ?? "")) batchSize = Number(argv[++i]);
    else if (a === "--json") json = true;
    else {
      io.err(`unknown or incomplete argument: ${a}`);
      io.err(USAGE);
      return 2;
    }
  }

  let target: ReturnType<typeof resolveDatabaseTarget>;
  try {
    target = resolveDatabaseTarget(env);
  } catch (e) {
    io.err(`cannot work out the database: ${(e as Error).message}`);
    return 2;
  }
  if (target.dataDir !== undefined && !existsSync(target.dataDir)) {
    io.err(`no embedded database at ${target.dataDir}; set DATA_DIR or DATABASE_URL`);
    return 2;
  }

  const database = await createDatabase(target);
  try {
    const present = await sql<{ t: string | null }>`select to_regclass('platform.audit_log')::text as t`.execute(
      database.db,
    );
    if (!present.rows[0]?.t) {
      io.err(`the database at ${target.label} has no audit log (migrations not applied?)`);
      return 2;
    }
    const report = await verifyAuditChain(database.db, { regionCode, batchSize });
    if (json) io.out(JSON.stringify(report));
    if (report.ok) {
      if (!json)
        io.out(`audit chain intact: ${report.checked} entries in ${report.regions} region(s) (${target.label})`);
      return 0;
    }
    const b = report.firstBroken!;
    if (!json) {
      io.out(`audit chain BROKEN in region ${b.regionCode} at entry ${b.seq}: ${b.reason}`);
      io.out(`${report.checked} entries verified before the break (${target.label})`);
    }
    return 1;
  } catch (e) {
    io.err(`audit verification failed: ${(e as Error).message}`);
    return 2;
  } finally {
    await database.close();
  }
}
