import "reflect-metadata";
import { Kysely, type LogEvent } from "kysely";
import { PostgresJSDialect } from "kysely-postgres-js";
import { buildPlatform } from "../../adapters/composition/compose.ts";
import { parseDeploymentConfig } from "../../adapters/composition/deployment-config.ts";
import type { ComposedPlatform } from "../../adapters/composition/platform.ts";
import { connectPostgres } from "../../adapters/db/connect-postgres.ts";
import { type Database, platformPostgres, preparedStatements } from "../../adapters/db/create-database.ts";
import { migrateToLatest } from "../../adapters/db/migrate.ts";
import { silentLogger } from "../../plugins/_framework/logger.ts";

/** The server the marketplace bench uses: BENCH_DATABASE_URL, else the local Postgres. */
export const BENCH_SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface CapturedQuery {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

export interface MarketplaceScratch {
  readonly url: string;
  readonly name: string;
  readonly platform: ComposedPlatform;
  /** While set, every query the platform runs is handed to it (the write path's statements). */
  onQuery: ((q: CapturedQuery) => void) | undefined;
  drop(): Promise<void>;
}

/**
 * A scratch database on the bench server, migrated, with the 龙岩 region, the marketplace module
 * and its simulators at zero latency composed over it; dropped afterwards. Its Kysely reports
 * each query to `onQuery`, so the bench can replay exactly the statements a use case sent.
 */
export async function createMarketplaceScratch(maxConnections: number): Promise<MarketplaceScratch> {
  const name = `mkt_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = connectPostgres(BENCH_SERVER, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const u = new URL(BENCH_SERVER);
  u.pathname = `/${name}`;
  const url = u.toString();
  const scratch = { onQuery: undefined as ((q: CapturedQuery) => void) | undefined };
  const pg = platformPostgres(url, maxConnections);
  const db = new Kysely<any>({
    // As adapters/db/create-database.ts opens the platform's database: named prepared statements,
    // BEGIN and `PIPELINED` statements sent without waiting (the write path's round trips).
    dialect: new PostgresJSDialect({ postgres: preparedStatements(pg) }),
    log: (e: LogEvent) => {
      if (e.level === "query") scratch.onQuery?.({ sql: e.query.sql, parameters: e.query.parameters });
    },
  });
  await migrateToLatest(db);
  const database: Database = { db, kind: "postgres", close: () => db.destroy() };
  const config = parseDeploymentConfig(
    {
      regions: [
        {
          code: "350800",
          name: { zh: "龙岩", en: "Longyan" },
          modules: ["marketplace"],
          policyPack: { id: "longyan-region", config: {} },
          plugins: [
            { id: "dev-notifier", config: { keepLast: 0 } },
            { id: "marketplace-credit-data-sim", config: { latencyMs: 0 } },
            { id: "marketplace-lender-sim", config: { latencyMs: 0 } },
            { id: "marketplace-estate-registry-sim", config: { processingMs: 0 } },
          ],
        },
      ],
    },
    {},
    "marketplace bench",
  );
  const platform = await buildPlatform(config, {}, { database, logger: silentLogger });
  return Object.assign(scratch, {
    url,
    name,
    platform,
    async drop() {
      await platform.close();
      await db.destroy();
      const again = connectPostgres(BENCH_SERVER, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  });
}
