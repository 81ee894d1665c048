import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import { type FundLedger, getFundLedger, listCreditProducts } from "../../../core/factors/mod.ts";
import type { App } from "../../env.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { callFor } from "./api-context.ts";
import { fundClaimsCsv, fundCountiesCsv } from "./fund-ledger-csv.ts";
import { RegionParam } from "./request-schemas.ts";
import { get, json } from "./route-kit.ts";
import { yuan, yuanOrNull } from "./wire-money.ts";

const reads = problemResponses(400, 401, 403, 404, 422);

export const FundLedgerQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(9999),
  countyCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

const FundLedgerWire = z
  .object({
    regionCode: z.string(),
    countyCode: z.string().nullable(),
    year: z.number(),
    capsAsOf: z.string(),
    totalYuan: z.string(),
    counties: z.array(
      z.object({
        countyCode: z.string(),
        annualCapYuan: z.string().nullable(),
        usedYuan: z.string(),
        remainingYuan: z.string().nullable(),
        claims: z.number(),
      }),
    ),
    claims: z.array(
      z.object({
        allocationId: z.string(),
        loanId: z.string(),
        countyCode: z.string(),
        bankId: z.string(),
        productId: z.string(),
        guarantorId: z.string().nullable(),
        insurerId: z.string().nullable(),
        principalYuan: z.string(),
        startedOn: z.string(),
        lossYuan: z.string(),
        fundPartYuan: z.string(),
        allocatedOn: z.string(),
      }),
    ),
  })
  .openapi("FactorsFundLedger", {
    description:
      "FAC-R09 the government risk-compensation fund's claims of one year and each county fund's annual cap usage (null cap = none set)",
  });

function fundLedgerWire(l: FundLedger): z.infer<typeof FundLedgerWire> {
  return {
    regionCode: l.regionCode,
    countyCode: l.countyCode,
    year: l.year,
    capsAsOf: l.capsAsOf,
    totalYuan: yuan(l.total),
    counties: l.counties.map((c) => ({
      countyCode: c.countyCode,
      annualCapYuan: yuanOrNull(c.annualCap),
      usedYuan: yuan(c.used),
      remainingYuan: yuanOrNull(c.remaining),
      claims: c.claims,
    })),
    claims: l.claims.map((c) => ({
      allocationId: c.allocationId,
      loanId: c.loanId,
      countyCode: c.countyCode,
      bankId: c.bankId,
      productId: c.productId,
      guarantorId: c.guarantorId,
      insurerId: c.insurerId,
      principalYuan: yuan(c.principal),
      startedOn: c.startedOn,
      lossYuan: yuan(c.loss),
      fundPartYuan: yuan(c.fundPart),
      allocatedOn: c.allocatedOn,
    })),
  };
}

const csvResponse = (description: string) => ({
  description,
  content: { "text/csv": { schema: z.string() } },
});

/**
 * FAC-R09 the government risk-compensation fund ledger. The fund has no system of its own in
 * Ningde: each county's finance bureau (县财政局) files the fund's claims, so its staff (a
 * regulator key of the county, or of the prefecture for all counties) read the claims and the
 * annual cap usage here and export them as CSV (UTF-8 with BOM, for Excel).
 */
export function registerFundRoutes(app: App, platform: Platform): void {
  const roles = ["regulator", "platform_admin"] as const;

  app.openapi(
    createRoute({
      ...get("/fund-ledger", "FAC-R09 government fund claims and annual cap usage per county, for one year", [
        ...roles,
      ]),
      request: { params: RegionParam, query: FundLedgerQuery },
      responses: { 200: { description: "The fund ledger", ...json(FundLedgerWire) }, ...reads },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const q = c.req.valid("query");
      return c.json(
        fundLedgerWire(await getFundLedger(deps, p, { year: q.year, countyCode: q.countyCode ?? null })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...get("/fund-ledger/claims.csv", "FAC-R09 the fund's claims of one year as CSV (风险补偿资金代偿台账)", [
        ...roles,
      ]),
      request: { params: RegionParam, query: FundLedgerQuery },
      responses: { 200: csvResponse("One line per claim"), ...reads },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const q = c.req.valid("query");
      const ledger = await getFundLedger(deps, p, { year: q.year, countyCode: q.countyCode ?? null });
      const body = fundClaimsCsv(ledger, deps.policyFor(null), await listCreditProducts(deps, p));
      return c.body(body, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="fund-claims-${ledger.countyCode ?? ledger.regionCode}-${ledger.year}.csv"`,
      });
    },
  );

  app.openapi(
    createRoute({
      ...get("/fund-ledger/counties.csv", "FAC-R09 each county fund's annual cap usage as CSV", [...roles]),
      request: { params: RegionParam, query: FundLedgerQuery },
      responses: { 200: csvResponse("One line per county"), ...reads },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const q = c.req.valid("query");
      const ledger = await getFundLedger(deps, p, { year: q.year, countyCode: q.countyCode ?? null });
      return c.body(fundCountiesCsv(ledger, deps.policyFor(null)), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="fund-counties-${ledger.countyCode ?? ledger.regionCode}-${ledger.year}.csv"`,
      });
    },
  );
}
