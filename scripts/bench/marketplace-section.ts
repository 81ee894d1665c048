import { seedMarketplaceBench } from "../seed-marketplace-bench.ts";
import { instantDecisionRows } from "./marketplace-instant.ts";
import { reportRows } from "./marketplace-report.ts";
import { createMarketplaceScratch } from "./marketplace-scratch.ts";
import { writePathRows } from "./marketplace-write-path.ts";
import type { Row } from "./measure.ts";

/**
 * The marketplace's performance items of issue 3, on a scratch database of the bench server
 * (BENCH_DATABASE_URL, default the local Postgres): the institution report over 1,000,000
 * applications (MARKETPLACE_BENCH_APPS), the submit write path against pgbench with the same
 * statements (MARKETPLACE_BENCH_CONCURRENCY clients, MARKETPLACE_BENCH_SECONDS each), and the
 * instant decision at 200 req/s (MARKETPLACE_BENCH_RATE).
 */
export async function marketplaceSection(): Promise<Row[]> {
  const env = process.env;
  const apps = Number(env.MARKETPLACE_BENCH_APPS ?? 1_000_000);
  const clients = Number(env.MARKETPLACE_BENCH_CONCURRENCY ?? 8);
  const seconds = Number(env.MARKETPLACE_BENCH_SECONDS ?? 10);
  const rate = Number(env.MARKETPLACE_BENCH_RATE ?? 200);
  const scratch = await createMarketplaceScratch(clients + 4);
  try {
    // Latency first, while the process is fresh; the bulk load of the report's million rows last.
    await seedMarketplaceBench(scratch.platform.database.db, 0); // the bench catalogue only
    const instant = await instantDecisionRows(scratch, rate, seconds);
    const write = await writePathRows(scratch, clients, seconds);
    const report = await reportRows(scratch, apps);
    return [...report, ...write, ...instant];
  } finally {
    await scratch.drop();
  }
}
