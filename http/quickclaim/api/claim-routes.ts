import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import { acceptClaim, openClaim, payClaim, reconcileStalePayments } from "../../../core/quickclaim/mod.ts";
import type { App } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { allowBodyUpTo } from "../../middleware/body-limit.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, callFor, fileBytes } from "./api-context.ts";
import { CaseParams, ClaimForm, ClaimParams, ReconcileBody, RegionParam } from "./request-schemas.ts";
import { ClaimResultView, PaymentResultView } from "./response-schemas.ts";
import { uploadLimit } from "./upload-limits.ts";
import { yuanView } from "./yuan-view.ts";

const tags = ["quickclaim"];
const security: Record<string, string[]>[] = [{ citizenSession: [] }, { apiKey: [] }];
const json = <T>(schema: T) => ({ content: { "application/json": { schema } } });

/** 一键理赔: open a claim with ID and bank card, insurer acceptance, payment (exactly once, QC-R07). */
export function registerClaimRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/cases/{caseId}/claims`,
      tags,
      security,
      summary: "一键理赔: a party who signed uploads ID card and bank card (holder = driver, QC-R07)",
      description:
        "The ID card must be the party's driver's, the bank card held by the same person, and that person proved on the account by 实名认证 (`POST /auth/identities`, KRN-R06): otherwise 403 QC-R07 (field `idCard.residentId`) and nothing is stored.",
      middleware: [requireAuth("citizen"), allowBodyUpTo(uploadLimit(platform, 2)), idempotent()] as const,
      request: {
        params: CaseParams,
        body: { required: true, content: { "multipart/form-data": { schema: ClaimForm } } },
      },
      responses: {
        201: { description: "Claim opened", ...json(ClaimResultView) },
        ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
      },
    }),
    async (c) => {
      const { region, caseId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const f = c.req.valid("form");
      const r = await openClaim(
        deps,
        {
          caseId,
          idCard: { name: f.name, residentId: f.residentId, photo: await fileBytes(f.idCardPhoto, "idCard.photo") },
          bankCard: {
            number: f.cardNumber,
            holderName: f.holderName,
            bankName: f.bankName ?? null,
            photo: await fileBytes(f.bankCardPhoto, "bankCard.photo"),
          },
        },
        p,
      );
      return c.json(yuanView(r) as z.infer<typeof ClaimResultView>, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/claims/{claimId}/acceptance`,
      tags,
      security,
      summary: "Ask the paying insurers to accept their lines of an assessed claim (repeatable)",
      middleware: [requireAuth("adjuster", "platform_admin"), idempotent()] as const,
      request: { params: ClaimParams },
      responses: {
        200: {
          description: "The insurers' answers",
          ...json(
            z.object({
              status: z.string(),
              acceptances: z.array(z.looseObject({ insurerId: z.string(), state: z.string() })),
            }),
          ),
        },
        ...problemResponses(401, 403, 404, 409, 503),
      },
    }),
    async (c) => {
      const { region, claimId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      const r = await acceptClaim(deps, { claimId }, p);
      return c.json({ status: r.status, acceptances: [...r.acceptances] }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/claims/{claimId}/payment`,
      tags,
      security,
      summary:
        "Pay an accepted claim to the claimant's bank card — exactly once whatever retries, duplicate clicks, concurrent requests or crashes (QC-R07)",
      description:
        "A repeat after payment answers with the first result; while a payment is under way the answer is 409; an outcome the gateway has not given yet leaves the claim PAYING (the reconciliation job finishes it).",
      middleware: [requireAuth("citizen", "adjuster", "platform_admin"), idempotent()] as const,
      request: { params: ClaimParams },
      responses: {
        200: { description: "Payment state", ...json(PaymentResultView) },
        ...problemResponses(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { region, claimId } = c.req.valid("param");
      const { deps, p } = callFor(c, platform, region);
      return c.json(yuanView(await payClaim(deps, { claimId }, p)) as z.infer<typeof PaymentResultView>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/payments/reconcile`,
      tags,
      security,
      summary: "System job: finish payments whose outcome is unknown and whose lease ran out (KRN-R10)",
      middleware: [requireAuth("platform_admin"), idempotent()] as const,
      request: {
        params: RegionParam,
        body: { required: false, content: { "application/json": { schema: ReconcileBody } } },
      },
      responses: {
        200: { description: "Reconciled", ...json(z.object({ results: z.array(PaymentResultView) })) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { deps, p } = callFor(c, platform, c.req.valid("param").region);
      const limit = c.req.valid("json").limit ?? 50;
      const results = await reconcileStalePayments(deps, limit, p);
      return c.json({ results: yuanView(results) as z.infer<typeof PaymentResultView>[] }, 200);
    },
  );
}
