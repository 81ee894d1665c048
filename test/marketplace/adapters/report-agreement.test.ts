import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Application,
  buildInstitutionReport,
  computeFigures,
  type FiguresGroupBy,
  inReportColumn,
  type ReportColumn,
} from "../../../core/marketplace/mod.ts";
import { application, consent, institution, product, push } from "./support/fixtures.ts";
import { createMarketplaceTestPlatform, type MarketplaceTestPlatform } from "./support/marketplace-platform.ts";

/**
 * The adapter's SQL (report counts, report lists, figures) must say what the core's pure rules
 * say (core/marketplace/README.md): random applications are stored in a region of their own and
 * every answer is compared with rules/institution-report.ts and rules/figures.ts.
 */
let t: MarketplaceTestPlatform;
let runNo = 0;
const NOW = new Date("2026-03-16T06:30:00.000Z");
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createMarketplaceTestPlatform();
});
afterAll(async () => {
  await t?.close();
});

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
  contactDueH: fc.integer({ min: -200, max: 200 }),
  concludeDueH: fc.integer({ min: -400, max: 400 }),
  submittedH: fc.integer({ min: -2000, max: 0 }),
  decidedH: fc.option(fc.integer({ min: -24 * 120, max: 0 }), { nil: null }),
  granted: fc.option(fc.integer({ min: 1, max: 5_000_000_00 }), { nil: null }),
  firstLoan: fc.boolean(),
  who: fc.integer({ min: 0, max: 5 }),
  actions: fc.subarray(["first-loan", "small-shop", "startup"]),
  fellBack: fc.boolean(),
});

/** Stores the generated applications in a fresh region; returns them and the region's institution ids. */
type Spec = typeof arbApp extends fc.Arbitrary<infer T> ? T : never;

async function store(specs: readonly Spec[]) {
  const n = ++runNo;
  const region = `36${String(n).padStart(4, "0")}`;
  const insts = [0, 1, 2].map((i) => institution(`inst_r${n}_${i}`, { regionCode: region }));
  const products = insts.map((i) => product(`prd_r${n}_${i.id}`, i.id, { regionCode: region }));
  const consents = insts.map((i) => consent(`cns_r${n}_${i.id}`, i.id, { regionCode: region }));
  const pushes = consents.map((c) => push(`push_r${n}_${c.id}`, c));
  const apps: Application[] = specs.map((s, k) => {
    const p = products[s.inst] as (typeof products)[number];
    const c = consents[s.inst] as (typeof consents)[number];
    const decided = s.decidedH === null ? null : new Date(NOW.getTime() + s.decidedH * HOUR);
    return application(
      `app_r${n}_${String(k).padStart(3, "0")}`,
      p,
      c,
      (pushes[s.inst] as (typeof pushes)[number]).id,
      {
        state: s.state,
        specialActions: s.actions,
        applicant: { idKind: "uscc", idIndex: `bi_who_${s.who}`, idCipher: "v1.x" },
        submittedAt: new Date(NOW.getTime() + s.submittedH * HOUR),
        contactDueAt: new Date(NOW.getTime() + s.contactDueH * HOUR),
        concludeDueAt: new Date(NOW.getTime() + s.concludeDueH * HOUR),
        decidedAt: decided,
        amountGranted: s.granted,
        firstLoan: s.firstLoan,
        fellBackToManual: s.fellBack,
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
  return { region, apps, ids: insts.map((i) => i.id) };
}

describe("MKT-R04/R05/R09 the institution report in SQL agrees with the pure rule", () => {
  it("property: counts per institution, totals and order, region-wide and for one institution", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbApp, { maxLength: 30 }), fc.integer({ min: 0, max: 2 }), async (specs, one) => {
        const { region, apps, ids } = await store(specs);
        expect(await t.deps.queries.institutionReport({ regionCode: region, now: NOW })).toEqual(
          buildInstitutionReport(region, apps, NOW, ids),
        );
        const only = ids[one] as string;
        expect(await t.deps.queries.institutionReport({ regionCode: region, now: NOW, institutionId: only })).toEqual(
          buildInstitutionReport(region, apps, NOW, [only]),
        );
      }),
      { numRuns: 20 },
    );
  });

  it("property: each column's list is the rule's selection, oldest first, paged, with its total", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbApp, { maxLength: 30 }),
        fc.constantFrom<ReportColumn>("pending", "overdue-for-contact", "long-unfinished", "open"),
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 12 }),
        async (specs, column, one, limit, offset) => {
          const { region, apps, ids } = await store(specs);
          const institutionId = one === undefined ? undefined : (ids[one] as string);
          const want = apps
            .filter(
              (a) =>
                (institutionId === undefined || a.institutionId === institutionId) && inReportColumn(a, column, NOW),
            )
            .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : 1));
          const got = await t.deps.queries.reportList({
            regionCode: region,
            now: NOW,
            column,
            limit,
            offset,
            ...(institutionId !== undefined ? { institutionId } : {}),
          });
          expect(got.total).toBe(want.length);
          expect(got.items).toEqual(want.slice(offset, offset + limit));
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe("outcome figures in SQL agree with rules/figures.ts", () => {
  it("property: totals and groups by institution, product, special action and month, for any period", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbApp, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<FiguresGroupBy | undefined>(undefined, "institution", "product", "special-action", "month"),
        fc.option(fc.integer({ min: -130, max: 0 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        async (specs, groupBy, fromDays, spanDays, one) => {
          const { region, apps, ids } = await store(specs);
          const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
          const q = {
            regionCode: region,
            ...(groupBy ? { groupBy } : {}),
            ...(fromDays !== undefined ? { from: day(fromDays) } : {}),
            ...(fromDays !== undefined && spanDays !== undefined ? { to: day(fromDays + spanDays) } : {}),
            ...(one !== undefined ? { institutionId: ids[one] as string } : {}),
          };
          expect(await t.deps.queries.figures(q)).toEqual(computeFigures(apps, q));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("a decision at 23:30 Beijing time on the last day of a month counts in that month, not the next", async () => {
    const { region, apps } = await store([
      {
        inst: 0,
        state: "APPROVED",
        contactDueH: 0,
        concludeDueH: 0,
        submittedH: -100,
        decidedH: null,
        granted: 100_000,
        firstLoan: true,
        who: 1,
        actions: [],
        fellBack: false,
      },
    ]);
    const late = { ...(apps[0] as Application), decidedAt: new Date("2026-02-28T15:30:00.000Z") };
    await t.deps.uow.run((tx) => tx.applications.update(late));
    const f = await t.deps.queries.figures({ regionCode: region, groupBy: "month" });
    expect(f.groups.map((g) => g.key)).toEqual(["2026-02"]);
    expect(f).toEqual(computeFigures([late], { regionCode: region, groupBy: "month" }));
  });
});
