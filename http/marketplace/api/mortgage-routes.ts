import { createRoute } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import type { App } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, callFor, json, security, tags } from "./api-context.ts";
import { MortgageRequestBody, RegionParam, RegistrationParams, SignAtBranchBody } from "./request-schemas.ts";
import { MortgageView } from "./response-schemas.ts";
import { fen } from "./wire-money.ts";
import { mortgageWire } from "./wire-views.ts";

const LENDER = ["institution_staff", "institution_admin", "platform_admin"] as const;

/** 抵押登记云办理: request after approval, sign at a branch, file with the registry, follow to the answer. */
export function registerMortgageRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/mortgage-registrations`,
      tags,
      security,
      summary: "Open the online mortgage registration of an approved mortgage application (the lender)",
      middleware: [requireAuth(...LENDER), idempotent()] as const,
      request: { params: RegionParam, body: { required: true, ...json(MortgageRequestBody) } },
      responses: {
        201: { description: "Requested", ...json(MortgageView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      const b = c.req.valid("json");
      const reg = await uc.requestMortgageRegistration.execute(
        { ...b, securedAmount: fen(b.securedAmount, "securedAmount") },
        p,
      );
      return c.json(mortgageWire(reg, p), 201);
    },
  );

  const step = (
    verb: "sign" | "cancel" | "submit" | "sync",
    summary: string,
    run: (
      uc: ReturnType<typeof callFor>["uc"],
      input: Record<string, unknown>,
      p: ReturnType<typeof callFor>["p"],
    ) => Promise<Parameters<typeof mortgageWire>[0]>,
  ) =>
    app.openapi(
      createRoute({
        method: "post",
        path: `${API}/mortgage-registrations/{registrationId}/${verb}`,
        tags,
        security,
        summary,
        middleware: [requireAuth(...LENDER), idempotent()] as const,
        request: {
          params: RegistrationParams,
          ...(verb === "sign" ? { body: { required: true, ...json(SignAtBranchBody) } } : {}),
        },
        responses: {
          200: { description: "The registration", ...json(MortgageView) },
          ...problemResponses(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const { region, registrationId } = c.req.valid("param");
        const { uc, p } = callFor(c, platform, region);
        const body = verb === "sign" ? ((await c.req.json()) as Record<string, unknown>) : {};
        return c.json(mortgageWire(await run(uc, { ...body, registrationId }, p), p), 200);
      },
    );

  step("sign", "The borrower signed at one of the lender's branches (no trip to the registry)", (uc, i, p) =>
    uc.signMortgageAtBranch.execute(i, p),
  );
  step("cancel", "The lender cancels a registration not yet filed", (uc, i, p) => uc.signMortgageAtBranch.cancel(i, p));
  step(
    "submit",
    "File the signed registration with the real-estate registry (retry after a registry failure)",
    (uc, i, p) => uc.submitMortgageRegistration.submit(i, p),
  );
  step(
    "sync",
    "Ask the registry for its answer: registered with a certificate number, refused, or still pending",
    (uc, i, p) => uc.submitMortgageRegistration.sync(i, p),
  );
}
