import { sql } from "kysely";
import { figureInputs } from "../../adapters/quickclaim/figure-inputs-query.ts";
import { quickClaimDeps } from "../../adapters/quickclaim/quickclaim-deps.ts";
import type { Principal } from "../../core/kernel/mod.ts";
import { getFigures } from "../../core/quickclaim/mod.ts";
import { percentile, type Row } from "./measure.ts";
import type { Scratch } from "./quickclaim-scratch.ts";

/** The 10 Ningde service centres and their counties (core/quickclaim/policy-defaults.ts). */
const CENTRES = [
  ["jiaocheng", "350902"],
  ["dongqiao", "350902"],
  ["xiapu", "350921"],
  ["gutian", "350922"],
  ["pingnan", "350923"],
  ["shouning", "350924"],
  ["zhouning", "350925"],
  ["zherong", "350926"],
  ["fuan", "350981"],
  ["fuding", "350982"],
] as const;
const YEAR_START = "2025-02-28T16:00:00Z"; // 2025-03-01 00:00 in Asia/Shanghai
const YEAR_SECONDS = 365 * 86_400;

/**
 * One chunk of synthetic history [lo, hi] in a single statement: cases spread evenly over the
 * year 2025-03-01…2026-02-28 across the 10 centres; 85 % handled remotely (determined 2–60 min
 * after the report), 3 % of those disputed, the rest paid with two claims each (paid 1–16 min
 * after the claim) and a follow-up from every other paid case (95 % satisfied, 1 in 10 with a
 * suggestion). Deterministic: everything derives from a multiplicative hash of the row number.
 */
function chunkSql(lo: number, hi: number, total: number) {
  const centres = sql.raw(`ARRAY[${CENTRES.map(([c]) => `'${c}'`).join(",")}]`);
  const counties = sql.raw(`ARRAY[${CENTRES.map(([, k]) => `'${k}'`).join(",")}]`);
  return sql`
    with g as (
      select n, (n * 2654435761) % 4294967296 as h,
             ${YEAR_START}::timestamptz + make_interval(secs => n::float8 * ${YEAR_SECONDS} / ${total}) as at
      from generate_series(${lo}::int8, ${hi}::int8) n
    ), f as (
      select n, h, at, (${centres})[(n % 10) + 1] as centre, (${counties})[(n % 10) + 1] as county,
             case when h % 100 < 85 then at + make_interval(secs => 120 + h % 3480) end as determined,
             h % 100 < 85 and (h / 100) % 100 < 3 as disputed
      from g
    ), c as (
      insert into quickclaim.cases (id, region_code, centre_id, status, version, reported_at, accident_at,
        accident_date, determined_at, disputed_at, paid_at, plates, parties, doc, updated_at)
      select 'qcb' || n, county, centre,
             case when determined is null then 'OFFLINE' when disputed then 'DISPUTED' else 'PAID' end,
             6, at, at - interval '5 minutes', (at + interval '8 hours')::date, determined,
             case when disputed then determined + interval '5 minutes' end,
             case when determined is not null and not disputed then determined + make_interval(secs => 1800 + h % 1800) end,
             ARRAY['闽J·8K627', '闽J·D50213'],
             '[{"id":"A","plate":"闽J8K627"},{"id":"B","plate":"闽JD50213"}]'::jsonb,
             '{"place":{"address":"宁德市","point":{"lat":26.66,"lng":119.52}},"photos":[],"signatures":[]}'::jsonb,
             at
      from f
      returning id, region_code, centre_id, status, reported_at, determined_at, paid_at
    ), cl as (
      insert into quickclaim.claims (id, case_id, region_code, centre_id, party_id, status, version, opened_at,
        paid_at, case_reported_at, payout_fen, paid_fen, resident_id, resident_id_bidx, card_number, card_bidx, doc, updated_at)
      select c.id || p.pid, c.id, c.region_code, c.centre_id, p.pid, 'PAID', 4,
             c.determined_at + interval '10 minutes',
             c.determined_at + interval '10 minutes' + make_interval(secs => 60 + (abs(hashtext(c.id || p.pid)) % 900)),
             c.reported_at, 100000, 100000, 'sealed', 'bidx', 'sealed', 'bidx', '{}'::jsonb, c.paid_at
      from c cross join (values ('A'), ('B')) p(pid)
      where c.status = 'PAID'
      returning 1
    )
    insert into quickclaim.surveys (id, case_id, party_id, region_code, centre_id, satisfied, suggestion, at, case_reported_at)
    select c.id || 'S', c.id, 'A', c.region_code, c.centre_id, abs(hashtext(c.id)) % 100 < 95,
           case when abs(hashtext(c.id || 's')) % 10 = 0 then '希望夜间也有查勘员值班' end,
           c.paid_at + interval '1 hour', c.reported_at
    from c where c.status = 'PAID' and abs(hashtext(c.id)) % 2 = 0`;
}

/**
 * Seeds `total` cases with a progress line on stderr, then VACUUM ANALYZE. The figures rollup
 * (quickclaim.figure_rollup) fills as production fills it: the insert statements fire its
 * statement triggers (migration 2026112753), which add each chunk's rows per day and centre.
 */
export async function seedHistory(s: Scratch, total: number): Promise<number> {
  const db = s.platform.database.db;
  const chunk = 50_000;
  const started = performance.now();
  for (let lo = 1; lo <= total; lo += chunk) {
    const hi = Math.min(total, lo + chunk - 1);
    await chunkSql(lo, hi, total).execute(db);
    const secs = (performance.now() - started) / 1000;
    process.stderr.write(
      `\rbench: quickclaim seeding ${hi.toLocaleString("en")} / ${total.toLocaleString("en")} cases (${secs.toFixed(0)} s)   `,
    );
  }
  process.stderr.write("\n");
  for (const t of ["cases", "claims", "surveys", "figure_rollup"]) {
    await sql`vacuum analyze ${sql.table(`quickclaim.${t}`)}`.execute(db);
  }
  return (performance.now() - started) / 1000;
}

async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 2; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b);
}

/**
 * QC-R08 dashboard figures over the seeded history through the core use case and the kysely
 * reader (the rollup, medians to the minute), for the whole year (every case) and for one month,
 * against the exact query over the base tables (medians to the second) in the same run. Before
 * timing, the rollup's figures are checked against the exact query's (all but the median equal,
 * the median at most one minute below).
 */
export async function figuresRows(s: Scratch, total: number, runs = 15): Promise<Row[]> {
  const deps = quickClaimDeps(s.platform, "350900");
  const regulator: Principal = { id: "staff:bench-regulator", roles: ["regulator"], regionCodes: ["350900"] };
  const db = s.platform.database.db;
  const rollupRows = await sql<{ n: number }>`select count(*)::int8 as n from quickclaim.figure_rollup`.execute(db);
  const rows: Row[] = [];
  for (const [label, from, to, groupBy] of [
    [`whole year, ${total.toLocaleString("en")} cases, per centre`, "2025-03-01", "2026-02-28", "centre"],
    [`whole year, ${total.toLocaleString("en")} cases, per county`, "2025-03-01", "2026-02-28", "county"],
    ["one month (2026-01), per centre", "2026-01-01", "2026-01-31", "centre"],
  ] as const) {
    const q = { regionCode: "350900", from, to, groupBy } as const;
    checkAgainstExact(label, await getFigures(deps, q, regulator), await figureInputs(db, q));
    const ms = await timeRuns(runs, () => getFigures(deps, q, regulator));
    const exact = await timeRuns(Math.min(runs, 5), () => figureInputs(db, q));
    const p50 = percentile(ms, 50);
    rows.push({
      section: "quickclaim",
      measure: `QC-R08 dashboard figures, ${label} (rollup table: ${rollupRows.rows[0]?.n} day and month rows in all, filled by its insert triggers during the seed; medians to the minute)`,
      value: `p50 ${p50.toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms`,
      baseline: `p50 ${percentile(exact, 50).toFixed(1)} ms exact query over the base tables`,
      ratio: `${(percentile(exact, 50) / p50).toFixed(1)} × faster`,
      goal: "p50 < 100 ms",
    });
  }
  return rows;
}

/** The rollup's figures must be the exact query's (the median at most one minute below), or the bench stops. */
function checkAgainstExact(
  label: string,
  got: Awaited<ReturnType<typeof getFigures>>,
  exact: Awaited<ReturnType<typeof figureInputs>>,
): void {
  const same =
    got.length === exact.length &&
    got.every((g, i) => {
      const e = exact[i];
      if (!e || e.key !== g.key) return false;
      const x = e.inputs;
      const scalars = (
        ["accidents", "handledRemotely", "noDispute", "surveys", "satisfied", "suggestions"] as const
      ).every((k) => g[k] === x[k]);
      const durations = (["handling", "payout"] as const).every((k) => {
        const a = g[k];
        const b = x[k];
        const gap = (b.medianSeconds ?? 0) - (a.medianSeconds ?? 0);
        return (
          a.count === b.count &&
          a.averageSeconds === b.averageSeconds &&
          a.fastestSeconds === b.fastestSeconds &&
          gap >= 0 &&
          gap < 60
        );
      });
      return scalars && durations && JSON.stringify(g.recentSuggestions) === JSON.stringify(e.recentSuggestions);
    });
  if (!same) throw new Error(`bench: QC-R08 rollup figures differ from the exact query (${label})`);
}
