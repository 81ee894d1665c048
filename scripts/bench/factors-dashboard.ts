import { connectPostgres } from "../../adapters/db/connect-postgres.ts";
import { createDatabase } from "../../adapters/db/create-database.ts";
import { KyselyFactorsStatistics } from "../../adapters/factors/kysely-statistics.ts";
import { percentile, type Row } from "./measure.ts";

const ms = (xs: number[], p: number) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    p,
  );

/**
 * The city dashboard's figures (KyselyFactorsStatistics.figures: booked, balance as of the
 * period end by county / type / product from the dated principal movements, statuses, products,
 * disposals, losses) on the million-factor bench database (every tenth factor mortgaged; half of
 * those loans partly repaid on 10 February). Checks the balance against the rows, then times it.
 * Value: the balance SQL bare; baseline: the same aggregate over each loan's current outstanding
 * principal (how it was computed before the movements were kept), bare, in the same run.
 */
export async function factorsDashboardRow(url: string, factors: number, count = 30): Promise<Row> {
  const database = await createDatabase({ url, maxConnections: 2 });
  const statistics = new KyselyFactorsStatistics(database.db);
  const bare = connectPostgres(url, { max: 1, onnotice: () => {} });
  const query = (to: string) => ({ regionCode: "350900", countyCode: null, from: "2026-01-01", to });
  try {
    const loans = Math.floor(factors / 10);
    // The balance each date must be the principal booked by then plus the movements dated by then.
    for (const to of ["2026-01-31", "2026-02-28"]) {
      const [expected] = (await bare`select (select coalesce(sum(principal), 0) from factors.loans
          where region_code = '350900' and started_on <= ${to}::date)
        + (select coalesce(sum(principal_change), 0) from factors.loan_movements
          where region_code = '350900' and effective_on <= ${to}::date) as fen`) as unknown as [{ fen: string }];
      const got = (await statistics.figures(query(to))).balance;
      if (got !== Number(expected.fen) || got === 0) {
        throw new Error(`factors bench: dashboard balance on ${to} is ${got} fen; the rows say ${expected.fen}`);
      }
    }
    const full: number[] = [];
    const asOf: number[] = [];
    const current: number[] = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      await statistics.figures(query("2026-02-28"));
      full.push(performance.now() - t0);
      // The balance aggregate as KyselyFactorsStatistics runs it: principal plus movements by `to`.
      const t1 = performance.now();
      await bare`with moved as (
          select m.loan_id, sum(m.principal_change) as change from factors.loan_movements m
          where m.region_code = '350900' and m.effective_on <= '2026-02-28'::date group by m.loan_id
        ), open_loans as (
          select l.county_code, l.product_id, l.borrower_ref, l.principal + coalesce(mv.change, 0) as balance,
                 case when b.id is not null then 'bundle' else coalesce(f.type_code, 'unknown') end as type_key
          from factors.loans l left join moved mv on mv.loan_id = l.id
          left join factors.bundles b on b.id = l.unit_ids[1] left join factors.factors f on f.id = l.unit_ids[1]
          where l.region_code = '350900' and l.started_on <= '2026-02-28'::date and l.principal + coalesce(mv.change, 0) > 0
        )
        select 'county', county_code, sum(balance) from open_loans group by county_code
        union all select 'type', type_key, sum(balance) from open_loans group by type_key
        union all select 'product', product_id, sum(balance) from open_loans group by product_id
        union all select 'holders', '', count(distinct borrower_ref) from open_loans`;
      asOf.push(performance.now() - t1);
      // The same aggregate over each loan's current outstanding principal (what it was before the
      // movements were kept: wrong for a past date), with its separate holders count.
      const t2 = performance.now();
      await bare`with open_loans as (
          select l.county_code, l.product_id, l.outstanding_principal,
                 case when b.id is not null then 'bundle' else coalesce(f.type_code, 'unknown') end as type_key
          from factors.loans l
          left join factors.bundles b on b.id = l.unit_ids[1] left join factors.factors f on f.id = l.unit_ids[1]
          where l.region_code = '350900' and l.started_on <= '2026-02-28'::date and l.status not in ('SETTLED', 'CLOSED_WITH_LOSS')
        )
        select 'county', county_code, sum(outstanding_principal) from open_loans group by county_code
        union all select 'type', type_key, sum(outstanding_principal) from open_loans group by type_key
        union all select 'product', product_id, sum(outstanding_principal) from open_loans group by product_id`;
      await bare`select count(distinct l.borrower_ref) from factors.loans l where l.region_code = '350900'
                 and l.started_on <= '2026-02-28'::date and l.status not in ('SETTLED', 'CLOSED_WITH_LOSS')`;
      current.push(performance.now() - t2);
    }
    return {
      section: "factors",
      measure: `dashboard balance as of a period end, ${loans.toLocaleString("en")} loans (p50 of the balance SQL; whole city figures p50 ${ms(full, 50).toFixed(1)} ms, p95 ${ms(full, 95).toFixed(1)} ms)`,
      value: `${ms(asOf, 50).toFixed(1)} ms`,
      baseline: `${ms(current, 50).toFixed(1)} ms current-outstanding SQL`,
      ratio: `${((ms(asOf, 50) / ms(current, 50)) * 100).toFixed(0)} %`,
      goal: "balances as of the period end (no goal set)",
    };
  } finally {
    await bare.end();
    await database.close();
  }
}
