import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figureInputs } from "../../../adapters/quickclaim/figure-inputs-query.ts";
import { businessDateOf } from "../../../core/kernel/mod.ts";
import { aggregateFigureInputs, type FigureQuery } from "../../../core/quickclaim/mod.ts";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.ts";

interface Fact {
  caseId: string;
  county: string;
  centre: string;
  reportedMs: number;
  determinedAfterMs: number | null;
  disputed: boolean;
  claims: { openedAfterMs: number; paidAfterMs: number | null }[];
  surveys: { satisfied: boolean; suggestion: string | null }[];
}

const BASE = Date.parse("2026-02-28T15:00:00Z"); // 23:00 in 福鼎, just before 2026-03-01 begins there
const counties = ["350982", "350981", "350802"] as const; // the last is in 龙岩: outside the region asked
const centres = ["fuding", "fuan", "longyan-x"] as const;

const factArb = fc.record({
  county: fc.integer({ min: 0, max: 2 }),
  reportedMs: fc.integer({ min: 0, max: 3 * 86_400_000 }),
  determinedAfterMs: fc.option(fc.integer({ min: 0, max: 7_200_000 }), { nil: null }),
  disputed: fc.boolean(),
  claims: fc.array(
    fc.record({
      openedAfterMs: fc.integer({ min: 0, max: 10_000_000 }),
      paidAfterMs: fc.option(fc.integer({ min: 0, max: 900_999 }), { nil: null }),
    }),
    { maxLength: 2 },
  ),
  surveys: fc.array(
    fc.record({
      satisfied: fc.boolean(),
      suggestion: fc.option(fc.constantFrom("夜间也要值班", "  ", "快"), { nil: null }),
    }),
    { maxLength: 2 },
  ),
});

async function load(db: TestDatabase, facts: Fact[]): Promise<void> {
  for (const table of ["surveys", "claims", "cases"]) {
    await sql`delete from ${sql.table(`quickclaim.${table}`)}`.execute(db.db);
  }
  for (const f of facts) {
    const reportedAt = new Date(BASE + f.reportedMs);
    const determinedAt = f.determinedAfterMs === null ? null : new Date(reportedAt.getTime() + f.determinedAfterMs);
    await db.db
      .insertInto("quickclaim.cases")
      .values({
        id: f.caseId,
        region_code: f.county,
        centre_id: f.centre,
        status: "REPORTED",
        version: 1,
        reported_at: reportedAt,
        accident_at: reportedAt,
        accident_date: "2026-03-01",
        determined_at: determinedAt,
        disputed_at: f.disputed ? reportedAt : null,
        plates: [],
        parties: [],
        doc: {},
        updated_at: reportedAt,
      })
      .execute();
    for (const [i, c] of f.claims.entries()) {
      const opened = new Date(reportedAt.getTime() + c.openedAfterMs);
      await db.db
        .insertInto("quickclaim.claims")
        .values({
          id: `${f.caseId}-c${i}`,
          case_id: f.caseId,
          region_code: f.county,
          centre_id: f.centre,
          party_id: String.fromCharCode(65 + i),
          status: c.paidAfterMs === null ? "OPEN" : "PAID",
          version: 1,
          opened_at: opened,
          paid_at: c.paidAfterMs === null ? null : new Date(opened.getTime() + c.paidAfterMs),
          case_reported_at: reportedAt,
          payout_fen: 100,
          paid_fen: c.paidAfterMs === null ? 0 : 100,
          resident_id: "x",
          resident_id_bidx: "x",
          card_number: "x",
          card_bidx: "x",
          doc: {},
          updated_at: opened,
        })
        .execute();
    }
    for (const [i, s] of f.surveys.entries()) {
      await db.db
        .insertInto("quickclaim.surveys")
        .values({
          id: `${f.caseId}-s${i}`,
          case_id: f.caseId,
          party_id: String.fromCharCode(65 + i),
          region_code: f.county,
          centre_id: f.centre,
          satisfied: s.satisfied,
          suggestion: s.suggestion,
          at: new Date(reportedAt.getTime() + 3_600_000 + i),
          case_reported_at: reportedAt,
        })
        .execute();
    }
  }
}

/** The reference: core's aggregateFigureInputs over the same facts, grouped like the query. */
function reference(facts: Fact[], q: FigureQuery) {
  const inPeriod = (f: Fact) => {
    const d = businessDateOf(new Date(BASE + f.reportedMs));
    return d >= q.from && d <= q.to && f.county.startsWith("3509");
  };
  const keyOf = (f: Fact) => (q.groupBy === "centre" ? f.centre : q.groupBy === "county" ? f.county : q.regionCode);
  const mine = facts.filter(inPeriod);
  const keys = [...new Set(mine.map(keyOf))].sort();
  return keys.map((key) => {
    const group = mine.filter((f) => keyOf(f) === key);
    const at = (ms: number) => new Date(ms).toISOString();
    const inputs = aggregateFigureInputs(
      group.map((f) => ({
        centreId: f.centre,
        countyCode: f.county,
        reportedAt: at(BASE + f.reportedMs),
        determinedAt: f.determinedAfterMs === null ? null : at(BASE + f.reportedMs + f.determinedAfterMs),
        disputed: f.disputed,
      })),
      group.flatMap((f) =>
        f.claims.map((c) => ({
          centreId: f.centre,
          countyCode: f.county,
          openedAt: at(BASE + f.reportedMs + c.openedAfterMs),
          paidAt: c.paidAfterMs === null ? null : at(BASE + f.reportedMs + c.openedAfterMs + c.paidAfterMs),
        })),
      ),
      group.flatMap((f) => f.surveys.map((s) => ({ centreId: f.centre, countyCode: f.county, ...s }))),
    );
    return { key, inputs };
  });
}

describe("QC-R08 figure inputs from the database equal the reference definition (aggregateFigureInputs)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("for any cases, claims and surveys, per region, centre and county, across the Asia/Shanghai day boundary", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(factArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<FigureQuery["groupBy"]>("region", "centre", "county"),
        fc.constantFrom(["2026-03-01", "2026-03-01"], ["2026-02-28", "2026-03-02"], ["2026-03-02", "2026-03-03"]),
        async (raw, groupBy, [from, to]) => {
          const facts: Fact[] = raw.map((r, i) => ({
            ...r,
            caseId: `case${i}`,
            county: counties[r.county] as string,
            centre: centres[r.county] as string,
          }));
          await load(db, facts);
          const q: FigureQuery = { regionCode: "350900", from: from as string, to: to as string, groupBy };
          const got = await figureInputs(db.db, q);
          expect(got.map(({ key, inputs }) => ({ key, inputs }))).toEqual(reference(facts, q));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("lists the latest suggestions of a group, newest first, at most 20", async () => {
    const facts: Fact[] = Array.from({ length: 12 }, (_, i) => ({
      caseId: `s${String(i).padStart(2, "0")}`,
      county: "350982",
      centre: "fuding",
      reportedMs: 86_400_000 + i * 60_000,
      determinedAfterMs: 60_000,
      disputed: false,
      claims: [],
      surveys: [
        { satisfied: true, suggestion: `建议${i}a` },
        { satisfied: false, suggestion: i % 2 === 0 ? null : `建议${i}b` },
      ],
    }));
    await load(db, facts);
    const [g] = await figureInputs(db.db, {
      regionCode: "350900",
      from: "2026-03-01",
      to: "2026-03-01",
      groupBy: "centre",
    });
    expect(g?.recentSuggestions.length).toBe(18);
    expect(g?.recentSuggestions.slice(0, 3)).toEqual(["建议11b", "建议11a", "建议10a"]);
    expect(g?.inputs.suggestions).toBe(18);
  });
});
