import { DEFAULT_MILLION_URL } from "../seed-factors-million.ts";
import { factorsDashboardRow } from "./factors-dashboard.ts";
import { factorsHistoryRow } from "./factors-history.ts";
import { factorsRuleRows } from "./factors-rules.ts";
import { createFactorsScratch } from "./factors-scratch.ts";
import { factorsWritePathRow } from "./factors-write-path.ts";
import type { Row } from "./measure.ts";

/**
 * `npm run bench -- factors` (issue 4): FAC-R09/R07/R05+R06 rule evaluations per second on one
 * core (goal ≥ 1 M/s) against naive float versions; the 抵押登记 write path against a pgbench
 * ceiling on the same SQL at the same concurrency; a factor's history and liens with 1,000,000
 * factors in the database (goal p50 < 10 ms; the million are seeded once into FACTORS_BENCH_URL,
 * default postgres://postgres@127.0.0.1:5432/factors_bench_1m, and kept for later runs); the city
 * dashboard's figures, balance as of a period end, on the same database.
 * Environment: BENCH_DATABASE_URL (scratch server), FACTORS_BENCH_FACTORS (default 1000000),
 * FACTORS_BENCH_CLIENTS (8), FACTORS_BENCH_SECONDS (8).
 */
export async function factorsSection(): Promise<Row[]> {
  const rows: Row[] = factorsRuleRows();
  const clients = Number(process.env.FACTORS_BENCH_CLIENTS ?? 8);
  const seconds = Number(process.env.FACTORS_BENCH_SECONDS ?? 8);
  const scratch = await createFactorsScratch(Math.max(clients + 2, 10));
  try {
    rows.push(await factorsWritePathRow(scratch, clients, seconds));
  } finally {
    await scratch.drop();
  }
  const factors = Number(process.env.FACTORS_BENCH_FACTORS ?? 1_000_000);
  rows.push(await factorsHistoryRow(DEFAULT_MILLION_URL, factors));
  rows.push(await factorsDashboardRow(DEFAULT_MILLION_URL, factors));
  return rows;
}
