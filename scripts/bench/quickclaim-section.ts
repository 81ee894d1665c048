import type { Row } from "./measure.ts";
import { figuresRows, seedHistory } from "./quickclaim-figures.ts";
import { payoutThroughput } from "./quickclaim-payout.ts";
import { createScratch } from "./quickclaim-scratch.ts";
import { writePathRows } from "./quickclaim-write-path.ts";

/**
 * `npm run bench -- quickclaim` (issue 5 "Performance"), every figure against a baseline of the
 * same run: payout computation vs a naive float computation; the case-step write path vs
 * pgbench on the same SQL at the same concurrency; dashboard figures over QC_BENCH_CASES
 * (default 1,000,000) seeded cases vs counting them. Uses a scratch database on
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), dropped at the end.
 * QC_BENCH_CLIENTS (8) and QC_BENCH_SECONDS (8) tune the write-path runs.
 */
export async function quickClaimSection(): Promise<Row[]> {
  const rows: Row[] = [...payoutThroughput()];
  const total = Number(process.env.QC_BENCH_CASES ?? 1_000_000);
  const clients = Number(process.env.QC_BENCH_CLIENTS ?? 8);
  const seconds = Number(process.env.QC_BENCH_SECONDS ?? 8);
  const scratch = await createScratch(Math.max(20, clients * 2));
  try {
    rows.push(...(await writePathRows(scratch, clients, seconds)));
    const seeded = await seedHistory(scratch, total);
    process.stderr.write(`bench: quickclaim seeded ${total} cases in ${seeded.toFixed(0)} s\n`);
    rows.push(...(await figuresRows(scratch, total)));
  } finally {
    await scratch.drop();
  }
  return rows;
}
