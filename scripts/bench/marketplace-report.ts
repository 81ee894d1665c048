import { sql } from "kysely";
import { marketplaceDeps } from "../../adapters/marketplace/marketplace-deps.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import type { Principal } from "../../core/kernel/mod.ts";
import { createMarketplaceUseCases } from "../../core/marketplace/mod.ts";
import { BENCH_INSTITUTIONS, BENCH_NOW, progressBar, seedMarketplaceBench } from "../seed-marketplace-bench.ts";
import type { MarketplaceScratch } from "./marketplace-scratch.ts";
import { fmtRatio, percentile, type Row } from "./measure.ts";

/**
 * Issue 3: "Institution report over 1,000,000 applications and 50 institutions: goal p50 < 50
 * ms". The regulator's GetInstitutionReport use case end to end (counts in SQL from the partial
 * index over open applications, fallbacks, institution names), against the same counts written
 * the obvious way — one GROUP BY over every application of the region — in the same run; and
 * the regulator's figures by month from the rollup against one GROUP BY over the financings.
 */
async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

export async function reportRows(s: MarketplaceScratch, applications: number): Promise<Row[]> {
  const db = s.platform.database.db;
  const seedStart = performance.now();
  await seedMarketplaceBench(db, applications, progressBar("bench: marketplace applications"));
  const seedSecs = (performance.now() - seedStart) / 1000;
  // Write the bulk load out now, so that no checkpoint of it lands inside a later measurement.
  await sql`checkpoint`.execute(db).catch(() => {});
  const deps = { ...marketplaceDeps(s.platform, "350800"), clock: new FixedClock(BENCH_NOW) };
  const uc = createMarketplaceUseCases(deps);
  const regulator: Principal = { id: "staff:bench-regulator", roles: ["regulator"], regionCodes: ["350800"] };
  const report = await timed(100, () => uc.getInstitutionReport.execute({}, regulator));
  const queue = await timed(100, () =>
    uc.getInstitutionReport.execute(
      { column: "overdue-for-contact", institutionId: "inst_bench_07", limit: 50 },
      regulator,
    ),
  );
  const figures = await timed(30, () => uc.getFigures.execute({ groupBy: "month" }, regulator));
  // The same figures written the obvious way: one GROUP BY over the region's financings.
  const figuresDirect = await timed(5, () =>
    sql`select to_char((decided_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as month, count(*) as financings,
          count(distinct applicant_index) filter (where first_loan) as first_loan_borrowers, sum(amount_granted) as amount
        from marketplace.applications
        where region_code = '350800' and state in ('APPROVED', 'DISBURSED') and amount_granted is not null
          and decided_at is not null
        group by 1`.execute(db),
  );
  const naive = await timed(20, () =>
    sql`select institution_id,
          count(*) filter (where state = 'SUBMITTED') as pending,
          count(*) filter (where state = 'SUBMITTED' and contact_due_at <= ${BENCH_NOW}) as overdue,
          count(*) filter (where state in ('SUBMITTED', 'CONTACTED') and conclude_due_at <= ${BENCH_NOW}) as long_unfinished,
          count(*) filter (where state in ('SUBMITTED', 'CONTACTED')) as open,
          count(*) filter (where fell_back_to_manual) as fallbacks
        from marketplace.applications where region_code = '350800' group by institution_id`.execute(db),
  );
  const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
  const size = `${(applications / 1e6).toFixed(applications % 1e6 === 0 ? 0 : 2)} M applications, ${BENCH_INSTITUTIONS} institutions`;
  return [
    {
      section: "marketplace",
      measure: `institution report (MKT-R04/R05), regulator, ${size} (seeded in ${seedSecs.toFixed(0)} s)`,
      value: `p50 ${p(report, 50)} ms p99 ${p(report, 99)} ms`,
      baseline: `p50 ${p(naive, 50)} ms one GROUP BY over all rows`,
      ratio: `${fmtRatio(percentile(report, 50), percentile(naive, 50))} of the time`,
      goal: "p50 < 50 ms",
    },
    {
      section: "marketplace",
      measure: `an institution's overdue queue (50 oldest + report), ${size}`,
      value: `p50 ${p(queue, 50)} ms p99 ${p(queue, 99)} ms`,
      baseline: "",
      ratio: "",
      goal: "",
    },
    {
      section: "marketplace",
      measure: `regulator's figures by month (rollup kept by triggers), ${size}`,
      value: `p50 ${p(figures, 50)} ms p99 ${p(figures, 99)} ms`,
      baseline: `p50 ${p(figuresDirect, 50)} ms one GROUP BY over all financings`,
      ratio: `${fmtRatio(percentile(figures, 50), percentile(figuresDirect, 50))} of the time`,
      goal: "p50 < 100 ms",
    },
  ];
}
