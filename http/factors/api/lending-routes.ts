import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import {
  acceptMortgage,
  applyForMortgage,
  defineCreditProduct,
  getLoan,
  getMortgageApplication,
  recordLoanServicing,
  registerLien,
  reportDefault,
} from "../../../core/factors/mod.ts";
import type { App } from "../../env.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { callFor } from "./api-context.ts";
import {
  ApplicationParams,
  ApplyBody,
  EmptyBody,
  LoanParams,
  MortgageDecisionBody,
  ProductBody,
  RegionParam,
  ServicingBody,
} from "./request-schemas.ts";
import { body, get, json, mutating, post } from "./route-kit.ts";
import {
  ApplicationWire,
  applicationWire,
  LienWire,
  LoanWire,
  LossWire,
  lienWire,
  loanWire,
  lossWire,
  ProductWire,
  productWire,
} from "./wire-lending.ts";
import { DeliveryWire, DisposalWire, deliveryWire, disposalWire } from "./wire-market.ts";
import { fenOf, fenOfOptional } from "./wire-money.ts";
import { FactorWire, factorWire } from "./wire-register.ts";

const ApplicationDetail = z
  .object({
    application: ApplicationWire,
    product: ProductWire.nullable(),
    factors: z.array(FactorWire),
    deliveries: z.array(DeliveryWire),
  })
  .openapi("MortgageApplicationDetail");
const LoanDetail = z
  .object({
    loan: LoanWire,
    application: ApplicationWire.nullable(),
    product: ProductWire.nullable(),
    liens: z.array(LienWire),
    factors: z.array(FactorWire),
    disposals: z.array(DisposalWire),
    loss: LossWire.nullable(),
    trigger: z.object({ daysOverdue: z.number(), triggerDays: z.number(), channels: z.array(z.string()) }),
    deliveries: z.array(DeliveryWire),
  })
  .openapi("LoanDetail");
const Registered = z.object({ liens: z.array(LienWire), loan: LoanWire }).openapi("LienRegistration");

/** FAC-R11 products; mortgage apply → bank decides → 抵押登记 (liens, FAC-R05/R06) → loan servicing and default (FAC-R08). */
export function registerLendingRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      ...post("/products", "FAC-R11 a bank defines a credit product (LTV never above FAC-R05; sharing adds to 100 %)", [
        "institution_admin",
        "platform_admin",
      ]),
      request: { params: RegionParam, ...body(ProductBody) },
      responses: { 201: { description: "Product on offer", ...json(ProductWire) }, ...mutating },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const b = c.req.valid("json");
      const { amountMinYuan, amountMaxYuan, sharing, ...rest } = b;
      const product = await defineCreditProduct(deps, p, {
        ...rest,
        ltvOverrideBp: b.ltvOverrideBp ?? {},
        labourBenefits: b.labourBenefits ?? {},
        maxLimitUpliftBp: b.maxLimitUpliftBp ?? 0,
        maxRateDiscountBp: b.maxRateDiscountBp ?? 0,
        amountMinFen: fenOf(amountMinYuan, "amountMinYuan"),
        amountMaxFen: fenOf(amountMaxYuan, "amountMaxYuan"),
        sharing: sharing && {
          sharesBp: sharing.sharesBp,
          perLoanCapsFen: {
            guarantor:
              sharing.perLoanCapsYuan.guarantor === null
                ? null
                : fenOf(sharing.perLoanCapsYuan.guarantor, "sharing.perLoanCapsYuan.guarantor"),
            insurer:
              sharing.perLoanCapsYuan.insurer === null
                ? null
                : fenOf(sharing.perLoanCapsYuan.insurer, "sharing.perLoanCapsYuan.insurer"),
            governmentFund:
              sharing.perLoanCapsYuan.governmentFund === null
                ? null
                : fenOf(sharing.perLoanCapsYuan.governmentFund, "sharing.perLoanCapsYuan.governmentFund"),
          },
        },
      });
      return c.json(productWire(product), 201);
    },
  );

  app.openapi(
    createRoute({
      ...post(
        "/applications",
        "Apply for a mortgage loan of a product against your collateral (FAC-R03/R04/R05/R06/R11)",
        ["citizen", "clerk", "institution_staff", "platform_admin"],
      ),
      request: { params: RegionParam, ...body(ApplyBody) },
      responses: { 201: { description: "Application made", ...json(ApplicationWire) }, ...mutating },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const { amountYuan, ...rest } = c.req.valid("json");
      const a = await applyForMortgage(deps, p, { ...rest, amountFen: fenOf(amountYuan, "amountYuan") });
      return c.json(applicationWire(a), 201);
    },
  );

  app.openapi(
    createRoute({
      ...get("/applications/{applicationId}", "A mortgage application with its product and collateral"),
      request: { params: ApplicationParams },
      responses: {
        200: { description: "Application", ...json(ApplicationDetail) },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const { region, applicationId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const d = await getMortgageApplication(deps, p, { applicationId });
      return c.json(
        {
          application: applicationWire(d.application),
          product: d.product ? productWire(d.product) : null,
          factors: d.factors.map(factorWire),
          deliveries: (await deps.deliveries([d.application.id])).map(deliveryWire),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...post(
        "/applications/{applicationId}/decision",
        "The bank accepts (with its terms) or declines an application",
        ["institution_staff", "institution_admin", "platform_admin"],
      ),
      request: { params: ApplicationParams, ...body(MortgageDecisionBody) },
      responses: { 200: { description: "Decided", ...json(ApplicationWire) }, ...mutating },
    }),
    async (c) => {
      const { region, applicationId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const b = c.req.valid("json");
      const input =
        b.decision === "decline"
          ? { applicationId, ...b }
          : {
              applicationId,
              decision: b.decision,
              rateBp: b.rateBp,
              ...(b.termMonths !== undefined ? { termMonths: b.termMonths } : {}),
              ...(b.guarantorId !== undefined ? { guarantorId: b.guarantorId } : {}),
              ...(b.insurerId !== undefined ? { insurerId: b.insurerId } : {}),
              ...(b.amountYuan !== undefined ? { amountFen: fenOfOptional(b.amountYuan, "amountYuan") } : {}),
              ...(b.securedYuan !== undefined
                ? {
                    securedFen: Object.fromEntries(
                      Object.entries(b.securedYuan).map(([unit, y]) => [unit, fenOf(y, `securedYuan.${unit}`)]),
                    ),
                  }
                : {}),
            };
      return c.json(applicationWire(await acceptMortgage(deps, p, input)), 200);
    },
  );

  app.openapi(
    createRoute({
      ...post(
        "/applications/{applicationId}/registration",
        "抵押登记: register the liens (ranked by completion, FAC-R06) and book the loan",
        ["institution_staff", "institution_admin", "platform_admin"],
      ),
      request: { params: ApplicationParams, ...body(EmptyBody) },
      responses: { 201: { description: "Liens registered, loan booked", ...json(Registered) }, ...mutating },
    }),
    async (c) => {
      const { region, applicationId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const r = await registerLien(deps, p, { applicationId });
      return c.json({ liens: r.liens.map(lienWire), loan: loanWire(r.loan) }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...get(
        "/loans/{loanId}",
        "A loan with its ranked liens, collateral, disposals, loss and deliveries to outside systems",
      ),
      request: { params: LoanParams },
      responses: { 200: { description: "Loan", ...json(LoanDetail) }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      const { region, loanId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const d = await getLoan(deps, p, { loanId });
      const ids = [d.loan.id, d.loan.applicationId, ...d.disposals.map((x) => x.id), ...(d.loss ? [d.loss.id] : [])];
      return c.json(
        {
          loan: loanWire(d.loan),
          application: d.application ? applicationWire(d.application) : null,
          product: d.product ? productWire(d.product) : null,
          liens: d.liens.map(lienWire),
          factors: d.factors.map(factorWire),
          disposals: d.disposals.map(disposalWire),
          loss: d.loss ? lossWire(d.loss) : null,
          trigger: { ...d.trigger, channels: [...d.trigger.channels] },
          deliveries: (await deps.deliveries(ids)).map(deliveryWire),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...post(
        "/loans/{loanId}/servicing",
        "The bank reports the loan's position (repayment or overdue); repaid in full releases the lien",
        ["institution_staff", "institution_admin", "platform_admin"],
      ),
      request: { params: LoanParams, ...body(ServicingBody) },
      responses: { 200: { description: "Recorded", ...json(LoanWire) }, ...mutating },
    }),
    async (c) => {
      const { region, loanId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const b = c.req.valid("json");
      const loan = await recordLoanServicing(deps, p, {
        loanId,
        outstandingPrincipalFen: fenOf(b.outstandingPrincipalYuan, "outstandingPrincipalYuan"),
        interestArrearsFen: fenOf(b.interestArrearsYuan, "interestArrearsYuan"),
        overdueSince: b.overdueSince,
      });
      return c.json(loanWire(loan), 200);
    },
  );

  app.openapi(
    createRoute({
      ...post(
        "/loans/{loanId}/default",
        "FAC-R08 report a default (allowed once overdue the pack's days, 90 by default)",
        ["institution_staff", "institution_admin", "platform_admin"],
      ),
      request: { params: LoanParams, ...body(EmptyBody) },
      responses: { 200: { description: "Defaulted", ...json(LoanWire) }, ...mutating },
    }),
    async (c) => {
      const { region, loanId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      return c.json(loanWire(await reportDefault(deps, p, { loanId })), 200);
    },
  );
}
