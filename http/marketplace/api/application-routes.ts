import { createRoute } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import type { App } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, callFor, json, security, tags } from "./api-context.ts";
import { ApplicationParams, OutcomeBody, RegionParam, SubmitApplicationBody, WithdrawBody } from "./request-schemas.ts";
import { ApplicationDetailView, ApplicationView, SubmittedView } from "./response-schemas.ts";
import { fen } from "./wire-money.ts";
import { applicationWire, mortgageWire } from "./wire-views.ts";

/** Applications: submit with consent, read, withdraw, outcomes (数据回流), instant-decision retry. */
export function registerApplicationRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/applications`,
      tags,
      security,
      summary:
        "Apply for a product (on the web or with a 码上贷 token): consent checked, data minimised and pushed, first-loan flag; direct-connect products decided at once",
      description:
        "In one transaction: the consent re-checked under lock (MKT-R01), the minimised push logged with its content hash (MKT-R02/R03), the application with its contact and conclusion deadlines (MKT-R04/R05), the QR conversion (MKT-R08), audit and outbox. A direct-connect product then asks its bank within the budget (MKT-R06); a timeout or failure leaves it in the manual queue, counted against the bank.",
      middleware: [requireAuth("citizen"), idempotent()] as const,
      request: { params: RegionParam, body: { required: true, ...json(SubmitApplicationBody) } },
      responses: {
        201: { description: "Submitted (and decided, for a direct-connect product)", ...json(SubmittedView) },
        ...problemResponses(400, 401, 403, 404, 409, 422, 503),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      const b = c.req.valid("json");
      const r = await uc.submitApplication.execute({ ...b, amount: fen(b.amount, "amount") }, p);
      return c.json(
        { application: applicationWire(r.application, p), push: { ...r.push, categories: [...r.push.categories] } },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/applications/{applicationId}`,
      tags,
      security,
      summary:
        "One application (its applicant, the institution it is addressed to, or the region's regulators — MKT-R09)",
      middleware: [requireAuth()] as const,
      request: { params: ApplicationParams },
      responses: {
        200: { description: "The application", ...json(ApplicationDetailView) },
        ...problemResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { region, applicationId } = c.req.valid("param");
      const { uc, p } = callFor(c, platform, region);
      const r = await uc.getApplication.execute({ applicationId }, p);
      return c.json(
        {
          application: applicationWire(r.application, p),
          mortgageRegistration: r.mortgageRegistration ? mortgageWire(r.mortgageRegistration, p) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/applications/{applicationId}/withdraw`,
      tags,
      security,
      summary: "The applicant withdraws an open application; a concluded one cannot be withdrawn (409, MKT-LIFECYCLE)",
      middleware: [requireAuth("citizen"), idempotent()] as const,
      request: { params: ApplicationParams, body: { required: true, ...json(WithdrawBody) } },
      responses: {
        200: { description: "Withdrawn", ...json(ApplicationView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { region, applicationId } = c.req.valid("param");
      const { uc, p } = callFor(c, platform, region);
      const app2 = await uc.withdrawApplication.execute({ applicationId, ...c.req.valid("json") }, p);
      return c.json(applicationWire(app2, p), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/applications/{applicationId}/outcome`,
      tags,
      security,
      summary:
        "Outcome backflow (数据回流) by the institution's staff: contact, approve, reject, disburse, or the applicant declined",
      middleware: [requireAuth("institution_staff", "institution_admin", "platform_admin"), idempotent()] as const,
      request: { params: ApplicationParams, body: { required: true, ...json(OutcomeBody) } },
      responses: {
        200: { description: "The application after the outcome", ...json(ApplicationView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { region, applicationId } = c.req.valid("param");
      const { uc, p } = callFor(c, platform, region);
      const b = c.req.valid("json");
      const input =
        b.event === "approve"
          ? { ...b, applicationId, amountGranted: fen(b.amountGranted, "amountGranted") }
          : b.event === "disburse"
            ? { ...b, applicationId, amountDisbursed: fen(b.amountDisbursed, "amountDisbursed") }
            : { ...b, applicationId };
      return c.json(applicationWire(await uc.recordApplicationOutcome.execute(input, p), p), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/applications/{applicationId}/instant-decision`,
      tags,
      security,
      summary: "Operators: ask a direct-connect bank again for a submitted application without an answer (MKT-R06)",
      middleware: [requireAuth("platform_admin"), idempotent()] as const,
      request: { params: ApplicationParams },
      responses: {
        200: { description: "The application after the attempt", ...json(ApplicationView) },
        ...problemResponses(401, 403, 404, 409),
      },
    }),
    async (c) => {
      const { region, applicationId } = c.req.valid("param");
      const { uc, p } = callFor(c, platform, region);
      return c.json(applicationWire(await uc.requestInstantDecision.execute({ applicationId }, p), p), 200);
    },
  );
}
