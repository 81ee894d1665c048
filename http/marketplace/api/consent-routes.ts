import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import type { App } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, callFor, json, security, tags } from "./api-context.ts";
import { ConsentParams, GrantConsentBody, PushParams, PushQuery, RegionParam } from "./request-schemas.ts";
import { ConsentView, MyDataView, PushedDataView, PushView } from "./response-schemas.ts";
import { consentWire, pushWire } from "./wire-views.ts";

/** Consent, "my data" and the push log (MKT-R01..R03, MKT-R09). */
export function registerConsentRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/consents`,
      tags,
      security,
      summary: "Give consent for one product: its institution receives exactly the ticked categories (MKT-R01/R02)",
      description:
        "Consent is its own act: the recipient is the product's institution, the purpose the application, the categories only among those the product declares; period, data life and expiry come from the region's pack (or shorter ones asked for).",
      middleware: [requireAuth("citizen"), idempotent()] as const,
      request: { params: RegionParam, body: { required: true, ...json(GrantConsentBody) } },
      responses: {
        201: { description: "Consent recorded", ...json(ConsentView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      return c.json(consentWire(await uc.grantConsent.execute(c.req.valid("json"), p)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/consents/{consentId}/revoke`,
      tags,
      security,
      summary: "Revoke a consent, effective at once: no later push under it (MKT-R01)",
      middleware: [requireAuth("citizen"), idempotent()] as const,
      request: { params: ConsentParams },
      responses: {
        200: { description: "Revoked", ...json(ConsentView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { region, consentId } = c.req.valid("param");
      const { uc, p } = callFor(c, platform, region);
      return c.json(consentWire(await uc.revokeConsent.execute({ consentId }, p)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/my-data`,
      tags,
      security,
      summary:
        "My data: my consents and every push under them — who received which categories, when, with the content hash (MKT-R03)",
      middleware: [requireAuth("citizen")] as const,
      request: { params: RegionParam },
      responses: {
        200: { description: "Consents and pushes, newest first", ...json(MyDataView) },
        ...problemResponses(401, 403, 404),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      const mine = await uc.listMyData.execute({}, p);
      return c.json({ consents: mine.consents.map(consentWire), pushes: mine.pushes.map(pushWire) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/pushes`,
      tags,
      security,
      summary: "What was pushed to my institution, and only to it (MKT-R09); optionally for one application",
      middleware: [requireAuth("institution_staff", "institution_admin")] as const,
      request: { params: RegionParam, query: PushQuery },
      responses: {
        200: { description: "Push log entries, newest first", ...json(z.object({ items: z.array(PushView) })) },
        ...problemResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      const items = await uc.listReceivedPushes.execute(c.req.valid("query"), p);
      return c.json({ items: items.map(pushWire) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/pushes/{pushId}`,
      tags,
      security,
      summary:
        "The pushed records, for the recipient institution or the subject, while the data life lasts; checked against the logged hash",
      middleware: [requireAuth()] as const,
      request: { params: PushParams },
      responses: {
        200: { description: "The push and its records", ...json(PushedDataView) },
        ...problemResponses(400, 401, 404, 409),
      },
    }),
    async (c) => {
      const { region, pushId } = c.req.valid("param");
      const { uc, p } = callFor(c, platform, region);
      const r = await uc.readPushedData.execute({ pushId }, p);
      return c.json(
        { push: pushWire(r.push), records: r.records.map((x) => ({ ...x, fields: { ...x.fields } })) },
        200,
      );
    },
  );
}
