import { sql } from "kysely";
import type {
  DashboardFigures,
  DashboardQuery,
  FactorsStatistics,
  FundClaim,
  FundClaimsQuery,
} from "../../core/factors/mod.ts";
import { endOfBusinessDate, type Fen, startOfBusinessDate } from "../../core/kernel/mod.ts";
import type { AnyDb } from "../db/create-database.ts";
import { dateText } from "./sql-values.ts";

type Totals = Record<string, Fen>;

function byKey(rows: readonly { key: string; amount: number | string }[]): Totals {
  const out: Totals = {};
  for (const r of rows) out[r.key] = Number(r.amount);
  return out;
}

/**
 * The county and city dashboard figures (seed 一(三): entities financed, balance by county /
 * type / product, disposals, losses by party, products offered) computed in SQL from the
 * module's tables, for one prefecture or one of its counties and a period of business dates.
 * Balances are as of `to`: each loan booked by then counts its principal plus its dated principal
 * movements (factors.loan_movements: servicing reports, disposal proceeds applied to principal,
 * the write-off when the loss is shared) up to and including `to`, so a loan repaid or closed
 * later still counts in an earlier period. Loans, borrowers and products "with a balance" are
 * those whose balance on `to` is above zero. Products offered are the region's active products
 * defined by `to`; products with a balance are counted in the scope.
 * A loan's type is that of its first collateral unit ("bundle" for a 三权合一 bundle).
 */
export class KyselyFactorsStatistics implements FactorsStatistics {
  readonly #db: AnyDb;

  constructor(db: AnyDb) {
    this.#db = db;
  }

  async figures(q: DashboardQuery): Promise<DashboardFigures> {
    const db = this.#db;
    const county = q.countyCode;
    const scope = (alias: string) =>
      county === null
        ? sql`${sql.ref(`${alias}.region_code`)} = ${q.regionCode}`
        : sql`${sql.ref(`${alias}.region_code`)} = ${q.regionCode} and ${sql.ref(`${alias}.county_code`)} = ${county}`;
    const booked = await sql<{ entities: number | string; loans: number | string; amount: number | string | null }>`
      select count(distinct l.borrower_ref) as entities, count(*) as loans, coalesce(sum(l.principal), 0) as amount
      from factors.loans l
      where ${scope("l")} and l.started_on between ${q.from}::date and ${q.to}::date`.execute(db);

    // Each loan's balance as of `to`: its principal, when booked by then, plus its principal
    // movements dated by then (repayments, proceeds applied, write-off). Only balances above zero count.
    const balances = await sql<{ dim: string; key: string; amount: number | string }>`
      with moved as (
        select m.loan_id, sum(m.principal_change) as change
        from factors.loan_movements m
        where ${scope("m")} and m.effective_on <= ${q.to}::date
        group by m.loan_id
      ), open_loans as (
        select l.county_code, l.product_id, l.borrower_ref, l.principal + coalesce(mv.change, 0) as balance,
               case when b.id is not null then 'bundle' else coalesce(f.type_code, 'unknown') end as type_key
        from factors.loans l
        left join moved mv on mv.loan_id = l.id
        left join factors.bundles b on b.id = l.unit_ids[1]
        left join factors.factors f on f.id = l.unit_ids[1]
        where ${scope("l")} and l.started_on <= ${q.to}::date and l.principal + coalesce(mv.change, 0) > 0
      )
      select 'county' as dim, county_code as key, sum(balance) as amount from open_loans group by county_code
      union all
      select 'type', type_key, sum(balance) from open_loans group by type_key
      union all
      select 'product', product_id, sum(balance) from open_loans group by product_id
      union all
      select 'holders', '', count(distinct borrower_ref) from open_loans`.execute(db);

    const statuses = await sql<{ key: string; n: number | string }>`
      select f.status as key, count(*) as n from factors.factors f where ${scope("f")} group by f.status`.execute(db);

    const products = await db
      .selectFrom("factors.products")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("region_code", "=", q.regionCode)
      .where("status", "=", "active")
      .where("created_at", "<", endOfBusinessDate(q.to))
      .executeTakeFirstOrThrow();

    const disposals = await sql<{ n: number | string; proceeds: number | string }>`
      select count(*) as n, coalesce(sum(d.proceeds), 0) as proceeds from factors.disposals d
      where ${scope("d")} and d.status = 'completed'
        and d.completed_at >= ${startOfBusinessDate(q.from)} and d.completed_at < ${endOfBusinessDate(q.to)}`.execute(
      db,
    );

    const losses = await sql<Record<"bank" | "guarantor" | "insurer" | "fund", number | string>>`
      select coalesce(sum(a.part_bank), 0) as bank, coalesce(sum(a.part_guarantor), 0) as guarantor,
             coalesce(sum(a.part_insurer), 0) as insurer, coalesce(sum(a.part_government_fund), 0) as fund
      from factors.loss_allocations a
      where ${scope("a")} and a.allocated_on between ${q.from}::date and ${q.to}::date`.execute(db);

    const b = booked.rows[0];
    const dims = (dim: string) => byKey(balances.rows.filter((r) => r.dim === dim));
    const factorsByStatus: Record<string, number> = {};
    for (const r of statuses.rows) factorsByStatus[r.key] = Number(r.n);
    const byCounty = dims("county");
    const d = disposals.rows[0];
    const l = losses.rows[0];
    return {
      entitiesFinanced: Number(b?.entities ?? 0),
      loansBooked: Number(b?.loans ?? 0),
      amountBooked: Number(b?.amount ?? 0),
      balance: Object.values(byCounty).reduce((s, x) => s + x, 0),
      balanceByCounty: byCounty,
      balanceByType: dims("type"),
      balanceByProduct: dims("product"),
      factorsByStatus,
      entitiesWithBalance: Number(balances.rows.find((r) => r.dim === "holders")?.amount ?? 0),
      productsOffered: Number(products.n),
      productsWithBalance: Object.keys(dims("product")).length,
      disposals: { completed: Number(d?.n ?? 0), proceeds: Number(d?.proceeds ?? 0) },
      lossesByParty: {
        bank: Number(l?.bank ?? 0),
        guarantor: Number(l?.guarantor ?? 0),
        insurer: Number(l?.insurer ?? 0),
        governmentFund: Number(l?.fund ?? 0),
      },
    };
  }

  async fundClaims(q: FundClaimsQuery): Promise<readonly FundClaim[]> {
    if (q.countyCodes !== null && q.countyCodes.length === 0) return [];
    let query = this.#db
      .selectFrom("factors.loss_allocations as a")
      .innerJoin("factors.loans as l", "l.id", "a.loan_id")
      .select([
        "a.id",
        "a.loan_id",
        "a.county_code",
        "a.bank_id",
        "l.product_id",
        "a.guarantor_id",
        "a.insurer_id",
        "l.principal",
        "a.loss",
        "a.part_government_fund",
      ])
      .select([dateText("l.started_on", "started_on"), dateText("a.allocated_on", "allocated_on")])
      .where("a.region_code", "=", q.regionCode)
      .where("a.year", "=", q.year)
      .where("a.part_government_fund", ">", 0);
    if (q.countyCodes !== null) query = query.where("a.county_code", "in", [...q.countyCodes]);
    const rows = await query.orderBy("a.allocated_on").orderBy("a.created_at").orderBy("a.id").execute();
    return rows.map((r: Record<string, any>) => ({
      allocationId: r.id,
      loanId: r.loan_id,
      countyCode: r.county_code,
      bankId: r.bank_id,
      productId: r.product_id,
      guarantorId: r.guarantor_id,
      insurerId: r.insurer_id,
      principal: Number(r.principal),
      startedOn: r.started_on,
      loss: Number(r.loss),
      fundPart: Number(r.part_government_fund),
      allocatedOn: r.allocated_on,
    }));
  }
}
