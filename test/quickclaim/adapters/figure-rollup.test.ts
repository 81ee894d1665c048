import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyDb } from "../../../adapters/db/create-database.ts";
import { migrator } from "../../../adapters/db/migrate.ts";
import { figureInputs } from "../../../adapters/quickclaim/figure-inputs-query.ts";
import {
  FIGURE_BUCKET_SECONDS,
  figureInputsFromRollup,
  rollupSlices,
} from "../../../adapters/quickclaim/figure-rollup-query.ts";
import {
  acceptClaim,
  addPhoto,
  assessLoss,
  determineLiability,
  type FigureGroup,
  type FigureQuery,
  getFigures,
  moveOffline,
  openClaim,
  payClaim,
  signLetter,
  submitEvidence,
  submitPartyItems,
  submitSurvey,
} from "../../../core/quickclaim/mod.ts";
import { claimInput, itemsOf } from "../../../core/quickclaim/testing/drive-case.ts";
import { CHEN, FUDING_POINT, JPEG, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.ts";
import { driveOnPlatform } from "./support/drive.ts";
import { createQuickClaimTestPlatform, type QuickClaimTestPlatform } from "./support/quickclaim-platform.ts";

const GROUPINGS: FigureQuery["groupBy"][] = ["region", "centre", "county"];

/**
 * The rollup's figures equal the exact query's: every count, share, sum-based average and
 * fastest time, and the suggestions; the median only to the bucket (at most one minute below).
 */
function expectSameFigures(rollup: FigureGroup[], exact: FigureGroup[]): void {
  const withoutMedian = (gs: FigureGroup[]) =>
    gs.map((g) => ({
      ...g,
      inputs: {
        ...g.inputs,
        handling: { ...g.inputs.handling, medianSeconds: 0, medianPrecisionSeconds: 0 },
        payout: { ...g.inputs.payout, medianSeconds: 0, medianPrecisionSeconds: 0 },
      },
    }));
  expect(withoutMedian(rollup)).toEqual(withoutMedian(exact));
  for (const [i, g] of rollup.entries()) {
    for (const kind of ["handling", "payout"] as const) {
      const got = g.inputs[kind];
      const want = (exact[i] as FigureGroup).inputs[kind];
      expect(got.medianPrecisionSeconds).toBe(FIGURE_BUCKET_SECONDS);
      expect(want.medianPrecisionSeconds).toBe(1);
      if (want.medianSeconds === null) {
        expect(got.medianSeconds).toBeNull();
      } else {
        const gap = want.medianSeconds - (got.medianSeconds as number);
        expect(
          gap >= 0 && gap < FIGURE_BUCKET_SECONDS,
          `${kind} median ${got.medianSeconds} vs ${want.medianSeconds}`,
        ).toBe(true);
      }
    }
  }
}

async function compareAll(db: AnyDb, periods: readonly (readonly [string, string])[]): Promise<number> {
  let groups = 0;
  for (const [from, to] of periods) {
    for (const groupBy of GROUPINGS) {
      const q: FigureQuery = { regionCode: "350900", from, to, groupBy };
      const exact = await figureInputs(db, q);
      expectSameFigures(await figureInputsFromRollup(db, q), exact);
      groups += exact.length;
    }
  }
  return groups;
}

describe("QC-R08 figures rollup (kept in the writing transaction) equals the exact query", () => {
  it.each([
    ["a day", "2026-03-05", "2026-03-05", null, [["2026-03-05", "2026-03-05"]]],
    ["a whole month", "2026-02-01", "2026-02-28", ["2026-02-01", "2026-02-01"], []],
    ["a business year", "2025-03-01", "2026-02-28", ["2025-03-01", "2026-02-01"], []],
    [
      "days, whole months, days",
      "2025-12-30",
      "2026-03-02",
      ["2026-01-01", "2026-02-01"],
      [
        ["2025-12-30", "2025-12-31"],
        ["2026-03-01", "2026-03-02"],
      ],
    ],
    ["part of two months", "2026-01-15", "2026-02-10", null, [["2026-01-15", "2026-02-10"]]],
    ["a leap February", "2028-02-01", "2028-02-29", ["2028-02-01", "2028-02-01"], []],
  ])("reads %s from month and day rows, each date once", (_t, from, to, months, days) => {
    expect(rollupSlices(from, to)).toEqual({ months, days });
  });

  describe("through the real use cases", () => {
    let t: QuickClaimTestPlatform;
    beforeAll(async () => {
      t = await createQuickClaimTestPlatform();
    });
    afterAll(async () => {
      await t?.close();
    });

    it("cases paid (with follow-ups), disputed, taken offline and still open give the same figures", async () => {
      const { deps } = t;
      const chen = t.citizen(CHEN.mobile);
      const wu = t.citizen(WU.mobile);
      const outcomes = ["paid", "disputed", "offline", "open", "paid", "claiming", "paid", "offline-determined"];
      for (const [i, outcome] of outcomes.entries()) {
        t.clock.set(Date.parse("2026-03-01T05:45:00Z") + i * 7 * 60_000);
        const { caseId } = await driveOnPlatform(t, "reported");
        if (outcome === "offline") {
          t.clock.advance(90_000);
          await moveOffline(deps, { caseId, reason: "当事人要求线下处理" }, t.clerk);
          continue;
        }
        for (const slot of ["front", "rear", "collision"]) {
          const photo = {
            contentType: "image/jpeg",
            bytes: JPEG,
            capturedAt: "2026-03-01T05:43:00Z",
            point: FUDING_POINT,
          };
          await addPhoto(deps, { caseId, slot, ...photo }, chen);
        }
        await submitPartyItems(deps, { caseId, partyId: "A", items: itemsOf(CHEN) }, chen);
        await submitPartyItems(deps, { caseId, partyId: "B", items: itemsOf(WU) }, wu);
        await submitEvidence(deps, { caseId }, wu);
        t.clock.advance((3 + i * 11) * 60_000 + i * 17_000); // handling times 3 min … 80 min, odd seconds
        const det = await determineLiability(
          deps,
          { caseId, form: "rear_end", faultPartyId: "B", facts: "B车(货车)在G104国道跟车距离不足,追尾前方A车。" },
          t.officer,
        );
        const letterHash = det.letter?.contentHash as string;
        if (outcome === "open") continue;
        if (outcome === "offline-determined") {
          await moveOffline(deps, { caseId, reason: "需现场查勘" }, t.officer);
          continue;
        }
        if (outcome === "disputed") {
          await signLetter(deps, { caseId, letterHash, decision: "agree" }, chen);
          await signLetter(deps, { caseId, letterHash, decision: "dispute" }, wu);
          continue;
        }
        await signLetter(deps, { caseId, letterHash, decision: "agree" }, chen);
        await signLetter(deps, { caseId, letterHash, decision: "agree" }, wu);
        const claimA = (await openClaim(deps, claimInput(caseId, CHEN), chen)).claimId;
        const claimB = (await openClaim(deps, claimInput(caseId, WU), wu)).claimId;
        await driveAssessAndAccept(t, caseId, [claimA, claimB]);
        t.clock.advance((1 + i) * 60_000 + 29_000);
        expect((await payClaim(deps, { claimId: claimA }, chen)).status).toBe("PAID");
        if (outcome === "claiming") continue;
        t.clock.advance(i * 45_000);
        expect((await payClaim(deps, { claimId: claimB }, wu)).status).toBe("PAID");
        await submitSurvey(
          deps,
          { caseId, satisfied: i !== 4, suggestion: i === 0 ? "希望夜间也有查勘员" : null },
          chen,
        );
        if (i === 6) await submitSurvey(deps, { caseId, satisfied: true, suggestion: "  " }, wu);
      }

      const statuses = await sql<{ status: string; n: number }>`
        select status, count(*)::int8 as n from quickclaim.cases group by 1 order by 1`.execute(t.platform.database.db);
      expect(Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]))).toEqual({
        CLAIMING: 1,
        DETERMINED: 1,
        DISPUTED: 1,
        OFFLINE: 2,
        PAID: 3,
      });
      const groups = await compareAll(t.platform.database.db, [
        ["2026-03-01", "2026-03-01"],
        ["2026-02-01", "2026-03-31"],
        ["2026-03-02", "2026-03-02"],
        ["2026-03-01", "2026-03-31"],
      ]);
      expect(groups).toBeGreaterThan(0);

      // and the use case serves the rollup's figures, the median said to be to the minute
      const [row] = await getFigures(
        deps,
        { regionCode: "350900", from: "2026-03-01", to: "2026-03-01", groupBy: "region" },
        t.regulator,
      );
      expect([row?.accidents, row?.handledRemotely, row?.noDispute, row?.payout.count, row?.surveys]).toEqual([
        8, 7, 6, 7, 4,
      ]);
      // a blank suggestion is stored as none
      expect([row?.handling.medianPrecisionSeconds, row?.suggestions, row?.recentSuggestions]).toEqual([
        60,
        1,
        ["希望夜间也有查勘员"],
      ]);
    });
  });

  describe("for any inserts, updates and deletes (single rows and bulk statements)", () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(async () => {
      await db?.close();
    });

    it("matches the exact query per region, centre and county across the Asia/Shanghai day boundary", async () => {
      const BASE = Date.parse("2026-02-28T15:00:00Z");
      const counties = [
        ["350982", "fuding"],
        ["350981", "fuan"],
        ["350802", "longyan-x"],
      ] as const;
      const caseArb = fc.record({
        county: fc.integer({ min: 0, max: 2 }),
        reportedMs: fc.integer({ min: 0, max: 3 * 86_400_000 }),
        determinedAfterMs: fc.option(fc.integer({ min: 0, max: 7_200_000 }), { nil: null }),
        disputed: fc.boolean(),
        claims: fc.array(fc.option(fc.integer({ min: 0, max: 900_999 }), { nil: null }), { maxLength: 2 }),
        surveys: fc.array(
          fc.record({ satisfied: fc.boolean(), suggestion: fc.option(fc.constantFrom("快", " "), { nil: null }) }),
          {
            maxLength: 2,
          },
        ),
        later: fc.constantFrom("none", "determine", "dispute", "pay", "redo-survey", "delete", "move-day"),
        laterMs: fc.integer({ min: 0, max: 5_000_000 }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(caseArb, { minLength: 1, maxLength: 10 }), fc.boolean(), async (cases, bulk) => {
          for (const table of ["surveys", "claims", "cases"]) {
            await sql`delete from ${sql.table(`quickclaim.${table}`)}`.execute(db.db);
          }
          const rows = cases.map((c, i) => {
            const [county, centre] = counties[c.county] as readonly [string, string];
            const reportedAt = new Date(BASE + c.reportedMs);
            const determinedAt =
              c.determinedAfterMs === null ? null : new Date(BASE + c.reportedMs + c.determinedAfterMs);
            return {
              id: `c${i}`,
              county,
              centre,
              reportedAt,
              determinedAt,
              disputedAt: c.disputed && determinedAt ? determinedAt : null,
            };
          });
          const caseValues = rows.map((r) => ({
            id: r.id,
            region_code: r.county,
            centre_id: r.centre,
            status: "REPORTED",
            version: 1,
            reported_at: r.reportedAt,
            accident_at: r.reportedAt,
            accident_date: "2026-03-01",
            determined_at: r.determinedAt,
            disputed_at: r.disputedAt,
            plates: [],
            parties: [],
            doc: {},
            updated_at: r.reportedAt,
          }));
          const claimValues = rows.flatMap((r, i) =>
            (cases[i]?.claims ?? []).map((paidAfter, j) => ({
              id: `${r.id}-c${j}`,
              case_id: r.id,
              region_code: r.county,
              centre_id: r.centre,
              party_id: String.fromCharCode(65 + j),
              status: paidAfter === null ? "OPEN" : "PAID",
              version: 1,
              opened_at: r.reportedAt,
              paid_at: paidAfter === null ? null : new Date(r.reportedAt.getTime() + paidAfter),
              case_reported_at: r.reportedAt,
              payout_fen: 100,
              paid_fen: paidAfter === null ? 0 : 100,
              resident_id: "x",
              resident_id_bidx: "x",
              card_number: "x",
              card_bidx: "x",
              doc: {},
              updated_at: r.reportedAt,
            })),
          );
          const surveyValues = rows.flatMap((r, i) =>
            (cases[i]?.surveys ?? []).map((s, j) => ({
              id: `${r.id}-s${j}`,
              case_id: r.id,
              party_id: String.fromCharCode(65 + j),
              region_code: r.county,
              centre_id: r.centre,
              satisfied: s.satisfied,
              suggestion: s.suggestion,
              at: new Date(r.reportedAt.getTime() + 3_600_000 + j),
              case_reported_at: r.reportedAt,
            })),
          );
          const insert = async (table: string, values: Record<string, unknown>[]) => {
            if (values.length === 0) return;
            if (bulk)
              await db.db
                .insertInto(table as "quickclaim.cases")
                .values(values as never)
                .execute();
            else
              for (const v of values)
                await db.db
                  .insertInto(table as "quickclaim.cases")
                  .values(v as never)
                  .execute();
          };
          await insert("quickclaim.cases", caseValues);
          await insert("quickclaim.claims", claimValues);
          await insert("quickclaim.surveys", surveyValues);

          // later steps: each an update or delete through its own statement
          for (const [i, c] of cases.entries()) {
            const id = `c${i}`;
            const at = new Date(BASE + c.reportedMs + c.laterMs);
            if (c.later === "determine") {
              await sql`update quickclaim.cases set determined_at = ${at} where id = ${id} and determined_at is null`.execute(
                db.db,
              );
            } else if (c.later === "dispute") {
              await sql`update quickclaim.cases set disputed_at = ${at} where id = ${id} and determined_at is not null`.execute(
                db.db,
              );
            } else if (c.later === "pay") {
              await sql`update quickclaim.claims set status = 'PAID', paid_fen = 100, paid_at = opened_at + make_interval(secs => ${c.laterMs / 1000})
                        where case_id = ${id} and paid_at is null`.execute(db.db);
            } else if (c.later === "redo-survey") {
              await sql`update quickclaim.surveys set satisfied = not satisfied, suggestion = '再快一点' where case_id = ${id}`.execute(
                db.db,
              );
            } else if (c.later === "delete") {
              await sql`delete from quickclaim.surveys where case_id = ${id}`.execute(db.db);
              await sql`delete from quickclaim.claims where case_id = ${id}`.execute(db.db);
              await sql`delete from quickclaim.cases where id = ${id}`.execute(db.db);
            } else if (c.later === "move-day") {
              await sql`update quickclaim.cases set reported_at = reported_at + interval '1 day',
                          determined_at = determined_at + interval '1 day' where id = ${id}`.execute(db.db);
            }
          }
          await compareAll(db.db, [
            ["2026-03-01", "2026-03-01"],
            ["2026-02-28", "2026-03-02"],
            ["2026-03-02", "2026-03-04"],
            ["2026-02-01", "2026-03-31"], // whole months: the month rows
            ["2026-02-15", "2026-03-31"], // days of February, then the month row of March
            ["2026-02-01", "2026-03-02"], // the month row of February, then days of March
          ]);
        }),
        { numRuns: 30 },
      );
      // after everything is deleted (statement triggers on delete), nothing is left to count
      for (const table of ["surveys", "claims", "cases"]) {
        await sql`delete from ${sql.table(`quickclaim.${table}`)}`.execute(db.db);
      }
      const left = await sql<{ n: number }>`
        select count(*)::int8 as n from quickclaim.figure_rollup
        where accidents <> 0 or remote <> 0 or no_dispute <> 0 or handling_sum <> 0 or handling_min is not null
           or handling_hist <> '{}' or payouts <> 0 or payout_sum <> 0 or payout_min is not null
           or payout_hist <> '{}' or surveys <> 0 or satisfied <> 0 or suggestions <> 0`.execute(db.db);
      expect(left.rows[0]?.n).toBe(0);
    });

    it("the migration backfills the rollup from cases already there", async () => {
      const m = migrator(db.db);
      await db.db
        .insertInto("quickclaim.cases")
        .values(
          [0, 1, 2, 3].map((i) => ({
            id: `b${i}`,
            region_code: "350981",
            centre_id: "fuan",
            status: "PAID",
            version: 1,
            reported_at: new Date(Date.parse("2026-03-01T02:00:00Z") + i * 600_000),
            accident_at: new Date("2026-03-01T02:00:00Z"),
            accident_date: "2026-03-01",
            determined_at: new Date(Date.parse("2026-03-01T02:30:00Z") + i * 601_000),
            disputed_at: i === 3 ? new Date("2026-03-01T03:00:00Z") : null,
            plates: [],
            parties: [],
            doc: {},
            updated_at: new Date("2026-03-01T04:00:00Z"),
          })) as never,
        )
        .execute();
      const q: FigureQuery = { regionCode: "350900", from: "2026-03-01", to: "2026-03-01", groupBy: "centre" };
      const before = await figureInputsFromRollup(db.db, q);
      const down = await m.migrateTo("2026112752_quickclaim_figure_columns");
      expect(down.error).toBeUndefined();
      const gone = await sql<{ t: string | null }>`select to_regclass('quickclaim.figure_rollup')::text as t`.execute(
        db.db,
      );
      expect(gone.rows[0]?.t).toBeNull();
      const up = await m.migrateToLatest();
      expect(up.error).toBeUndefined();
      const after = await figureInputsFromRollup(db.db, q);
      expect(after).toEqual(before);
      expectSameFigures(after, await figureInputs(db.db, q));
      expect(after[0]?.inputs.accidents).toBe(4);
    });
  });
});

async function driveAssessAndAccept(t: QuickClaimTestPlatform, caseId: string, claimIds: string[]): Promise<void> {
  await assessLoss(
    t.deps,
    {
      caseId,
      losses: [
        { partyId: "A", vehicleFen: 320_000 },
        { partyId: "B", vehicleFen: 80_000 },
      ],
    },
    t.adjuster(WU.insurerId),
  );
  for (const claimId of claimIds) {
    const r = await t.deps.uow.run((tx) => tx.claims.get(claimId));
    if (r?.status === "ASSESSED") await acceptClaim(t.deps, { claimId }, t.system);
  }
}
