import { connectPostgres } from "../../adapters/db/connect-postgres.ts";
import { createDatabase } from "../../adapters/db/create-database.ts";
import { KyselyFactorsQueries } from "../../adapters/factors/kysely-queries.ts";
import { KyselyFactorsStatistics } from "../../adapters/factors/kysely-statistics.ts";
import { KyselyFactorsUnitOfWork } from "../../adapters/factors/kysely-unit-of-work.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import { SystemClock } from "../../adapters/platform/system-clock.ts";
import { type FactorsDeps, getFactorHistory, ningdeFactorsPolicy } from "../../core/factors/mod.ts";
import type { Principal } from "../../core/kernel/mod.ts";
import { benchFactorId, seedFactorsMillion } from "../seed-factors-million.ts";
import { percentile, type Row } from "./measure.ts";

const admin: Principal = { id: "staff:bench", roles: ["platform_admin"], regionCodes: ["350900"] };
const unused = () => {
  throw new Error("not used by the history query");
};

/** Deterministic pseudo-random factor numbers 1..n (a fixed LCG: the same samples every run). */
function samples(n: number, count: number): number[] {
  let x = 12345;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 1 + (x % n);
  });
}

const ms = (xs: number[], p: number) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    p,
  );

/**
 * A factor's history and liens (getFactorHistory: the factor, its events, its unit's liens by
 * rank, its objections and current valuation, in one read transaction) with `factors` factors in
 * the database, seeded once by scripts/seed-factors-million.ts and kept for later runs. Baseline:
 * the same five SELECTs sent bare through postgres.js (no transaction, no mapping, no rules).
 */
export async function factorsHistoryRow(url: string, factors: number, count = 2_000): Promise<Row> {
  await seedFactorsMillion(url, factors);
  const database = await createDatabase({ url, maxConnections: 2 });
  const clock = new SystemClock();
  const deps = {
    regionCode: "350900",
    uow: new KyselyFactorsUnitOfWork(database.db, { clock, ids: new RandomIds(clock) }),
    clock,
    ids: new RandomIds(clock),
    policyFor: () => ningdeFactorsPolicy,
    statistics: new KyselyFactorsStatistics(database.db),
    queries: new KyselyFactorsQueries(database.db),
    blindIndex: { index: unused },
    cipher: { encrypt: unused, decrypt: unused },
    registry: { lookup: unused },
    appraiser: { appraise: unused },
    collection: { requestBuyOut: unused },
  } as unknown as FactorsDeps;
  const bare = connectPostgres(url, { max: 1, onnotice: () => {} });
  try {
    const ids = samples(factors, count).map(benchFactorId);
    const useCase: number[] = [];
    const raw: number[] = [];
    let liens = 0;
    for (const id of ids.slice(0, 200)) await getFactorHistory(deps, admin, { factorId: id }); // warm-up
    for (const id of ids) {
      const t0 = performance.now();
      const h = await getFactorHistory(deps, admin, { factorId: id });
      useCase.push(performance.now() - t0);
      liens += h.liens.length;
      const t1 = performance.now();
      await bare`select * from factors.factors where id = ${id} and region_code = '350900'`;
      await bare`select * from factors.factor_events where factor_id = ${id} and region_code = '350900' order by seq`;
      await bare`select * from factors.liens where unit_id = ${id} and region_code = '350900' order by registration_seq`;
      await bare`select * from factors.objections where factor_id = ${id} and region_code = '350900' order by lodged_at, id`;
      await bare`select * from factors.valuations where unit_id = ${id} and region_code = '350900'
                 order by valued_on desc, created_at desc, id desc limit 1`;
      raw.push(performance.now() - t1);
    }
    if (liens === 0) throw new Error("factors bench: the sampled factors carry no lien; the seed is wrong");
    return {
      section: "factors",
      measure: `factor history + liens with ${factors.toLocaleString("en")} factors (p50; p95 ${ms(useCase, 95).toFixed(2)} ms, p99 ${ms(useCase, 99).toFixed(2)} ms)`,
      value: `${ms(useCase, 50).toFixed(2)} ms`,
      baseline: `${ms(raw, 50).toFixed(2)} ms bare SELECTs`,
      ratio: `${((ms(useCase, 50) / ms(raw, 50)) * 100).toFixed(1)} %`,
      goal: "p50 < 10 ms",
    };
  } finally {
    await bare.end();
    await database.close();
  }
}
