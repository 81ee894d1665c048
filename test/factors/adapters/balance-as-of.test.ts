import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDashboard } from "../../../core/factors/mod.ts";
import {
  type BalanceStory,
  balanceCases,
  balanceStory,
  type FactorsTestbed,
  factorsTestbed,
  demoPrincipals as who,
} from "../../../core/factors/testing/mod.ts";
import * as loanMovements from "../../../migrations/2026112743_factors_loan_movements.ts";
import { kyselyTestbed } from "./kysely-testbed.ts";

type StoredMove = { loan_id: string; kind: string; change: string; on: string; loan_version: number | null };

/**
 * The dashboard's balance as of a past period end, computed in SQL from factors.loan_movements,
 * agrees with the in-memory reference and the case table on every case, per county; and the
 * migration's backfill rebuilds the same dated movements from what was stored before it.
 */
describe("factors dashboard balance as of the period end on the SQL store", () => {
  let memory: FactorsTestbed;
  let sqlTb: Awaited<ReturnType<typeof kyselyTestbed>>;
  let story: BalanceStory;

  const figures = (tb: FactorsTestbed, countyCode: string | null, to: string) =>
    getDashboard(tb.deps, who.regulator, { countyCode, from: "2026-01-01", to });
  const moves = async (): Promise<StoredMove[]> =>
    (
      await sql<StoredMove>`select loan_id, kind, principal_change::text as change, effective_on::text as on, loan_version
        from factors.loan_movements order by effective_on, id`.execute(sqlTb.database.db)
    ).rows;

  beforeAll(async () => {
    memory = factorsTestbed();
    await balanceStory(memory);
    sqlTb = await kyselyTestbed();
    story = await balanceStory(sqlTb);
  });
  afterAll(async () => {
    await sqlTb?.database.close();
  });

  it.each(balanceCases)("$title", async (c) => {
    const stored = await figures(sqlTb, c.countyCode, c.to);
    expect(stored).toEqual(await figures(memory, c.countyCode, c.to));
    expect(stored).toMatchObject({
      balance: c.balance,
      balanceByCounty: c.balanceByCounty,
      entitiesWithBalance: c.entitiesWithBalance,
      productsWithBalance: c.productsWithBalance,
    });
  });

  it("agrees with the reference for every county on every month end of 2026", async () => {
    const counties = [null, "350981", "350921", "350902"];
    for (let month = 1; month <= 12; month++) {
      const to = new Date(Date.UTC(2026, month, 0)).toISOString().slice(0, 10);
      for (const county of counties) {
        expect(await figures(sqlTb, county, to), `${county} ${to}`).toEqual(await figures(memory, county, to));
      }
    }
  });

  it("stores each movement with the loan version it produced, and refuses to change one", async () => {
    expect(await moves()).toEqual([
      { loan_id: story.linLoanId, kind: "serviced", change: "-5000000", on: "2026-04-20", loan_version: 2 },
      { loan_id: story.linLoanId, kind: "serviced", change: "-10000000", on: "2026-06-15", loan_version: 3 },
      { loan_id: story.huangLoanId, kind: "proceeds", change: "-10850000", on: "2026-10-01", loan_version: 5 },
      { loan_id: story.huangLoanId, kind: "written_off", change: "-4150000", on: "2026-10-20", loan_version: 6 },
    ]);
    const db = sqlTb.database.db;
    await expect(sql`update factors.loan_movements set principal_change = -1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from factors.loan_movements`.execute(db)).rejects.toThrow(/append-only/);
  });

  it("the migration's backfill rebuilds the same dated movements from disposals, servicing audit entries and losses", async () => {
    const db = sqlTb.database.db;
    const written = (await moves()).map(({ loan_version: _v, ...m }) => m);
    await loanMovements.down(db);
    await loanMovements.up(db);
    const rebuilt = await moves();
    expect(rebuilt.map(({ loan_version: _v, ...m }) => m)).toEqual(written);
    expect(rebuilt.every((m) => m.loan_version === null)).toBe(true);
    for (const c of balanceCases) {
      expect(await figures(sqlTb, c.countyCode, c.to), c.title).toEqual(await figures(memory, c.countyCode, c.to));
    }
  });

  it("the backfill dates a change no audit entry explains on the loan's last update", async () => {
    const db = sqlTb.database.db;
    // A loan written outside the use cases (as the bench seed writes them): booked 5 May for
    // 200,000 yuan, 30,000 repaid by its last update on 1 July, no servicing audit entry.
    const copy = (table: string, id: string, patch: Record<string, unknown>) =>
      sql`insert into ${sql.table(table)} select * from jsonb_populate_record(null::${sql.table(table)},
            (select to_jsonb(x) || ${JSON.stringify(patch)}::text::jsonb from ${sql.table(table)} x where x.id = ${id}))`.execute(
        db,
      );
    const linApplication = (
      await sql<{
        application_id: string;
      }>`select application_id from factors.loans where id = ${story.linLoanId}`.execute(db)
    ).rows[0]?.application_id as string;
    await copy("factors.applications", linApplication, { id: "bf-app" });
    await copy("factors.loans", story.linLoanId, {
      id: "bf-loan",
      application_id: "bf-app",
      principal: 200_000_00,
      outstanding_principal: 170_000_00,
      status: "PERFORMING",
      started_on: "2026-05-05",
      updated_at: "2026-07-01T02:00:00Z",
    });
    await loanMovements.down(db);
    await loanMovements.up(db);
    const added = (await moves()).filter((m) => m.loan_id === "bf-loan");
    expect(added.map((m) => [m.kind, m.change, m.on])).toEqual([["serviced", "-3000000", "2026-07-01"]]);
    const fuan = async (to: string) => (await figures(sqlTb, "350981", to)).balance;
    expect([
      await fuan("2026-05-04"),
      await fuan("2026-05-05"),
      await fuan("2026-06-30"),
      await fuan("2026-07-01"),
    ]).toEqual([100_000_00, 300_000_00, 200_000_00, 170_000_00]);
  });
});
