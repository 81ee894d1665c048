import fc from "fast-check";
import { type SqlBool, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figuresQuery } from "../../../adapters/marketplace/figures-query.ts";
import { addDays, divRoundHalfUp, startOfBusinessDate } from "../../../core/kernel/mod.ts";
import {
  type Application,
  computeFigures,
  type FigureLine,
  type FiguresGroupBy,
  type FiguresQuery,
  type FiguresResult,
} from "../../../core/marketplace/mod.ts";
import { application, consent, institution, product, push } from "./support/fixtures.ts";
import { createMarketplaceTestPlatform, type MarketplaceTestPlatform } from "./support/marketplace-platform.ts";

/**
 * The figures rollup (migration 2026112764, kept by triggers) must give exactly what the direct
 * query over the applications gives — after inserts, any state change, a changed amount,
 * decision time or first-loan flag, and deletes — on Postgres and on PGlite; and rebuilding it
 * from scratch must give the same rows as keeping it step by step.
 */
let t: MarketplaceTestPlatform;
let runNo = 0;
const NOW = new Date("2026-03-16T06:30:00.000Z");
const HOUR = 3_600_000;
const db = () => t.platform.database.db;

beforeAll(async () => {
  t = await createMarketplaceTestPlatform();
});
afterAll(async () => {
  await t?.close();
});

/** The figures computed the direct way: one query over the applications (the pre-rollup SQL). */
async function directFigures(q: FiguresQuery): Promise<FiguresResult> {
  const where = [
    sql<SqlBool>`a.region_code = ${q.regionCode}`,
    sql<SqlBool>`a.state in ('APPROVED', 'DISBURSED')`,
    sql<SqlBool>`a.amount_granted is not null`,
    sql<SqlBool>`a.decided_at is not null`,
  ];
  if (q.institutionId !== undefined) where.push(sql<SqlBool>`a.institution_id = ${q.institutionId}`);
  if (q.from !== undefined) where.push(sql<SqlBool>`a.decided_at >= ${startOfBusinessDate(q.from)}`);
  if (q.to !== undefined) where.push(sql<SqlBool>`a.decided_at < ${startOfBusinessDate(addDays(q.to, 1))}`);
  const filter = sql.join(where, sql` and `);
  const measures = sql`count(*) as financings,
      count(distinct a.applicant_index) filter (where a.first_loan) as borrowers, sum(a.amount_granted)::text as amount`;
  type Row = { key: string; financings: number | string; borrowers: number | string; amount: string | null };
  const line = (key: string, r: Row | undefined): FigureLine => {
    const financings = Number(r?.financings ?? 0);
    const amount = BigInt(r?.amount ?? 0);
    return {
      key,
      financings,
      firstLoanBorrowers: Number(r?.borrowers ?? 0),
      amountGranted: Number(amount),
      averagePerFinancing: financings === 0 ? null : Number(divRoundHalfUp(amount, BigInt(financings))),
    };
  };
  const total =
    await sql<Row>`select 'total' as key, ${measures} from marketplace.applications a where ${filter}`.execute(db());
  if (q.groupBy === undefined) return { total: line("total", total.rows[0]), groups: [] };
  const key =
    q.groupBy === "institution"
      ? sql`a.institution_id`
      : q.groupBy === "product"
        ? sql`a.product_id`
        : q.groupBy === "month"
          ? sql`to_char((a.decided_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`
          : sql`sa.key`;
  const from =
    q.groupBy === "special-action"
      ? sql`marketplace.applications a cross join lateral unnest(a.special_actions) as sa(key)`
      : sql`marketplace.applications a`;
  const grouped = await sql<Row>`select ${key} as key, ${measures} from ${from} where ${filter} group by 1`.execute(
    db(),
  );
  const groups = grouped.rows.map((r) => line(r.key, r)).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { total: line("total", total.rows[0]), groups };
}

const STATES = [
  "SUBMITTED",
  "CONTACTED",
  "APPROVED",
  "REJECTED",
  "DISBURSED",
  "DECLINED_BY_APPLICANT",
  "WITHDRAWN",
] as const;

const arbApp = fc.record({
  inst: fc.integer({ min: 0, max: 2 }),
  state: fc.constantFrom(...STATES),
  decidedH: fc.option(fc.integer({ min: -24 * 120, max: 0 }), { nil: null }),
  granted: fc.option(fc.integer({ min: 1, max: 5_000_000_00 }), { nil: null }),
  firstLoan: fc.boolean(),
  who: fc.integer({ min: 0, max: 5 }),
  actions: fc.subarray(["first-loan", "small-shop", "startup"]),
});

/** A later change to application k: another state, amount, decision time or flag — or its deletion. */
const arbChange = fc.record({
  k: fc.nat(),
  delete: fc.boolean(),
  state: fc.option(fc.constantFrom(...STATES), { nil: undefined }),
  granted: fc.option(fc.option(fc.integer({ min: 1, max: 5_000_000_00 }), { nil: null }), { nil: undefined }),
  decidedH: fc.option(fc.option(fc.integer({ min: -24 * 120, max: 0 }), { nil: null }), { nil: undefined }),
  firstLoan: fc.option(fc.boolean(), { nil: undefined }),
  who: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});

type Spec = typeof arbApp extends fc.Arbitrary<infer T> ? T : never;
type Change = typeof arbChange extends fc.Arbitrary<infer T> ? T : never;

async function storeAndChange(specs: readonly Spec[], changes: readonly Change[]) {
  const n = ++runNo;
  const region = `37${String(n).padStart(4, "0")}`;
  const insts = [0, 1, 2].map((i) => institution(`inst_f${n}_${i}`, { regionCode: region }));
  const products = insts.map((i) => product(`prd_f${n}_${i.id}`, i.id, { regionCode: region }));
  const consents = insts.map((i) => consent(`cns_f${n}_${i.id}`, i.id, { regionCode: region }));
  const pushes = consents.map((c) => push(`push_f${n}_${c.id}`, c));
  let apps: Application[] = specs.map((s, k) => {
    const p = products[s.inst] as (typeof products)[number];
    const c = consents[s.inst] as (typeof consents)[number];
    return application(
      `app_f${n}_${String(k).padStart(3, "0")}`,
      p,
      c,
      (pushes[s.inst] as (typeof pushes)[number]).id,
      {
        state: s.state,
        specialActions: s.actions,
        applicant: { idKind: "uscc", idIndex: `bi_who_${s.who}`, idCipher: "v1.x" },
        submittedAt: new Date(NOW.getTime() - 200 * 24 * HOUR),
        decidedAt: s.decidedH === null ? null : new Date(NOW.getTime() + s.decidedH * HOUR),
        amountGranted: s.granted,
        firstLoan: s.firstLoan,
      },
    );
  });
  await t.deps.uow.run(async (tx) => {
    for (const i of insts) await tx.institutions.insert(i);
    for (const p of products) await tx.products.insert(p);
    for (const c of consents) await tx.consents.insert(c);
    for (const p of pushes) await tx.pushes.insert(p);
    for (const a of apps) await tx.applications.insert(a);
  });
  for (const ch of changes) {
    if (apps.length === 0) break;
    const app = apps[ch.k % apps.length] as Application;
    if (ch.delete) {
      await sql`delete from marketplace.applications where id = ${app.id}`.execute(db());
      apps = apps.filter((a) => a.id !== app.id);
      continue;
    }
    const next: Application = {
      ...app,
      ...(ch.state !== undefined ? { state: ch.state } : {}),
      ...(ch.granted !== undefined ? { amountGranted: ch.granted } : {}),
      ...(ch.decidedH !== undefined
        ? { decidedAt: ch.decidedH === null ? null : new Date(NOW.getTime() + ch.decidedH * HOUR) }
        : {}),
      ...(ch.firstLoan !== undefined ? { firstLoan: ch.firstLoan } : {}),
      ...(ch.who !== undefined ? { applicant: { ...app.applicant, idIndex: `bi_who_${ch.who}` } } : {}),
    };
    await t.deps.uow.run((tx) => tx.applications.update(next));
    apps = apps.map((a) => (a.id === next.id ? next : a));
  }
  return { region, apps, ids: insts.map((i) => i.id) };
}

const ROLLUP = ["figure_cells", "figure_first_loans", "figure_borrowers", "figure_borrower_counts"] as const;

async function rollupRows(region: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const table of ROLLUP) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(`marketplace.${table}`)}
      where region_code = ${region}`.execute(db());
    out.push(
      rows.rows
        .map((r) => JSON.stringify(Object.entries(r).map(([k, v]) => [k, String(v)])))
        .sort()
        .join("\n"),
    );
  }
  return out;
}

const arbQuery = fc.record({
  groupBy: fc.constantFrom<FiguresGroupBy | undefined>(undefined, "institution", "product", "special-action", "month"),
  from: fc.option(fc.integer({ min: -130, max: 0 }), { nil: undefined }),
  span: fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }),
  wholeMonths: fc.boolean(),
  one: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
});

describe("outcome figures from the rollup agree with the direct query over the applications", () => {
  it("property: after inserts, changes and deletes, every grouping, period and institution gives the same figures", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbApp, { minLength: 1, maxLength: 25 }),
        fc.array(arbChange, { maxLength: 15 }),
        fc.array(arbQuery, { minLength: 1, maxLength: 4 }),
        async (specs, changes, queries) => {
          const { region, apps, ids } = await storeAndChange(specs, changes);
          const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
          for (const s of queries) {
            // Whole months too (the periods the rollup answers from its per-month counts).
            const from =
              s.from === undefined ? undefined : s.wholeMonths ? `${day(s.from).slice(0, 7)}-01` : day(s.from);
            const toDay = s.from !== undefined && s.span !== undefined ? day(s.from + s.span) : undefined;
            const to =
              toDay === undefined
                ? undefined
                : s.wholeMonths
                  ? addDays(`${addDays(`${toDay.slice(0, 7)}-28`, 7).slice(0, 7)}-01`, -1)
                  : toDay;
            const q: FiguresQuery = {
              regionCode: region,
              ...(s.groupBy ? { groupBy: s.groupBy } : {}),
              ...(from !== undefined ? { from } : {}),
              ...(to !== undefined ? { to } : {}),
              ...(s.one !== undefined ? { institutionId: ids[s.one] as string } : {}),
            };
            const got = await figuresQuery(db(), q);
            expect(got).toEqual(await directFigures(q));
            expect(got).toEqual(computeFigures(apps, q));
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("property: the rollup kept step by step is the rollup rebuilt from the applications", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbApp, { minLength: 1, maxLength: 20 }),
        fc.array(arbChange, { maxLength: 12 }),
        async (specs, changes) => {
          const { region } = await storeAndChange(specs, changes);
          const kept = await rollupRows(region);
          await db()
            .transaction()
            .execute((tx) => sql`select marketplace.figure_rollup_rebuild()`.execute(tx));
          expect(await rollupRows(region)).toEqual(kept);
        },
      ),
      { numRuns: 10 },
    );
  });

  it("a submitted application leaves the rollup untouched; its approval adds it, a decline after approval removes it", async () => {
    const { region, apps } = await storeAndChange(
      [
        {
          inst: 0,
          state: "SUBMITTED",
          decidedH: null,
          granted: null,
          firstLoan: true,
          who: 1,
          actions: ["small-shop"],
        },
      ],
      [],
    );
    const empty = await rollupRows(region);
    expect(empty).toEqual(["", "", "", ""]);
    const app = apps[0] as Application;
    const approved: Application = {
      ...app,
      state: "APPROVED",
      amountGranted: 300_000_00,
      decidedAt: new Date("2026-03-10T02:00:00.000Z"),
    };
    await t.deps.uow.run((tx) => tx.applications.update(approved));
    expect((await figuresQuery(db(), { regionCode: region, groupBy: "month" })).groups).toEqual([
      {
        key: "2026-03",
        financings: 1,
        firstLoanBorrowers: 1,
        amountGranted: 300_000_00,
        averagePerFinancing: 300_000_00,
      },
    ]);
    await t.deps.uow.run((tx) => tx.applications.update({ ...approved, state: "DECLINED_BY_APPLICANT" }));
    expect(await rollupRows(region)).toEqual(["", "", "", ""]);
  });
});
