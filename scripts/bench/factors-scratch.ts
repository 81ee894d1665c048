import { connectPostgres } from "../../adapters/db/connect-postgres.ts";
import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPlatform } from "../../adapters/composition/compose.ts";
import { parseDeploymentConfig } from "../../adapters/composition/deployment-config.ts";
import type { ComposedPlatform } from "../../adapters/composition/platform.ts";
import { silentLogger } from "../../plugins/_framework/logger.ts";

/** The server the factors bench uses: BENCH_DATABASE_URL, else the local Postgres. */
export const FACTORS_BENCH_SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const PLUGINS = [
  "factors-registries-sim",
  "factors-fuan-registry-sim",
  "factors-appraiser-sim",
  "factors-collection-sim",
  "factors-lender-sim",
  "factors-guarantor-sim",
  "factors-insurer-sim",
  "factors-evidence-store-local",
];

export interface FactorsScratch {
  readonly url: string;
  readonly name: string;
  readonly platform: ComposedPlatform;
  readonly dataDir: string;
  drop(): Promise<void>;
}

/**
 * A scratch database on the bench server, migrated, with the Ningde region, the factors module
 * and its simulator plugins composed over it; dropped afterwards.
 */
export async function createFactorsScratch(maxConnections = 20): Promise<FactorsScratch> {
  const name = `fac_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = connectPostgres(FACTORS_BENCH_SERVER, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const u = new URL(FACTORS_BENCH_SERVER);
  u.pathname = `/${name}`;
  const url = u.toString();
  const dataDir = mkdtempSync(join(tmpdir(), "fac-bench-"));
  const config = parseDeploymentConfig(
    {
      dataDir,
      database: { url, maxConnections },
      regions: [
        {
          code: "350900",
          name: { zh: "宁德", en: "Ningde" },
          modules: ["factors"],
          policyPack: { id: "ningde-region", config: {} },
          plugins: PLUGINS.map((id) => ({ id, config: {} })),
        },
      ],
    },
    {},
    "factors bench",
  );
  const platform = await buildPlatform(config, {}, { migrate: true, logger: silentLogger });
  return {
    url,
    name,
    platform,
    dataDir,
    async drop() {
      await platform.close();
      const again = connectPostgres(FACTORS_BENCH_SERVER, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
