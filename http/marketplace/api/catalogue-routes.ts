import { createRoute } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import { businessDateOf, valueAsOf } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, callFor, json, publicCall, security, tags } from "./api-context.ts";
import {
  ProductParams,
  ProductQuery,
  ProductStatusBody,
  RegionParam,
  RegisterInstitutionBody,
  RegisterProductBody,
} from "./request-schemas.ts";
import { InstitutionView, ProductDetailView, ProductPage, ProductView } from "./response-schemas.ts";
import { CreditDataCatalogueView } from "./response-schemas-report.ts";
import { fen } from "./wire-money.ts";
import { institutionWire, productWire } from "./wire-views.ts";

/** The catalogue: browsing is public and needs no consent (MKT-R01); listing is for institutions. */
export function registerCatalogueRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/products`,
      tags,
      summary:
        "Search the product marketplace: type, segment, special-action column, institution, channel, amount, term, text",
      request: { params: RegionParam, query: ProductQuery },
      responses: {
        200: { description: "A page of products in catalogue order", ...json(ProductPage) },
        ...problemResponses(400, 404, 422),
      },
    }),
    async (c) => {
      const { uc } = publicCall(c, platform, c.req.valid("param").region);
      const { amount, ...q } = c.req.valid("query");
      const page = await uc.searchProducts.execute({
        ...q,
        ...(amount !== undefined ? { amount: fen(amount, "amount") } : {}),
      });
      return c.json({ items: page.items.map(productWire), total: page.total }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/products/{productId}`,
      tags,
      summary:
        "A product with its consent screen: the recipient, each category with its department and purpose, the terms (MKT-R01/R02)",
      request: { params: ProductParams },
      responses: { 200: { description: "The product", ...json(ProductDetailView) }, ...problemResponses(400, 404) },
    }),
    async (c) => {
      const { region, productId } = c.req.valid("param");
      const { uc } = publicCall(c, platform, region);
      const d = await uc.getProduct.execute({ productId });
      return c.json(
        {
          product: productWire(d.product),
          institution: { id: d.institution.id, name: { ...d.institution.name }, kind: d.institution.kind },
          consentScreen: {
            recipient: { id: d.consentScreen.recipient.id, name: { ...d.consentScreen.recipient.name } },
            categories: d.consentScreen.categories.map((x) => ({
              ...x,
              name: { ...x.name },
              department: { code: x.department.code, name: { ...x.department.name } },
            })),
            terms: {
              dataPeriod: { ...d.consentScreen.terms.dataPeriod },
              dataLifeMonths: d.consentScreen.terms.dataLifeMonths,
              expiresAt: d.consentScreen.terms.expiresAt.toISOString(),
            },
          },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/catalogue`,
      tags,
      summary:
        "The region's public-credit data catalogue (departments, categories), special-action columns and institutions",
      request: { params: RegionParam },
      responses: {
        200: { description: "Catalogue in force today", ...json(CreditDataCatalogueView) },
        ...problemResponses(400, 404),
      },
    }),
    async (c) => {
      const { deps } = publicCall(c, platform, c.req.valid("param").region);
      const day = businessDateOf(deps.clock.now());
      const credit = valueAsOf(deps.policy.creditData, day, "creditData");
      const actions = valueAsOf(deps.policy.specialActions, day, "specialActions");
      const institutions = await deps.uow.run((tx) => tx.institutions.listByRegion(deps.regionCode));
      return c.json(
        {
          departments: credit.departments.map((d) => ({ code: d.code, kind: d.kind, name: { ...d.name } })),
          categories: credit.categories.map((x) => ({ ...x, name: { ...x.name }, subjects: [...x.subjects] })),
          specialActions: actions.map((a) => ({ code: a.code, name: { ...a.name }, description: a.description })),
          institutions: institutions
            .filter((i) => i.status === "ACTIVE")
            .map((i) => ({ id: i.id, name: { ...i.name }, kind: i.kind })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/institutions`,
      tags,
      security,
      summary: "Register a bank, government guarantor or insurer (the region's regulator or the platform)",
      middleware: [requireAuth("regulator", "platform_admin"), idempotent()] as const,
      request: { params: RegionParam, body: { required: true, ...json(RegisterInstitutionBody) } },
      responses: {
        201: { description: "Registered", ...json(InstitutionView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      return c.json(institutionWire(await uc.registerInstitution.execute(c.req.valid("json"), p)), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/products`,
      tags,
      security,
      summary: "List a product; its data request is held to the region's fair-use template (MKT-R02)",
      middleware: [requireAuth("institution_admin", "platform_admin"), idempotent()] as const,
      request: { params: RegionParam, body: { required: true, ...json(RegisterProductBody) } },
      responses: {
        201: { description: "Listed", ...json(ProductView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { uc, p } = callFor(c, platform, c.req.valid("param").region);
      const b = c.req.valid("json");
      const product = await uc.registerProduct.execute(
        { ...b, amountMin: fen(b.amountMin, "amountMin"), amountMax: fen(b.amountMax, "amountMax") },
        p,
      );
      return c.json(productWire(product), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/products/{productId}/status`,
      tags,
      security,
      summary: "Withdraw a product from the marketplace or list it again (its institution's administrator)",
      middleware: [requireAuth("institution_admin", "platform_admin"), idempotent()] as const,
      request: { params: ProductParams, body: { required: true, ...json(ProductStatusBody) } },
      responses: {
        200: { description: "The product", ...json(ProductView) },
        ...problemResponses(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { region, productId } = c.req.valid("param");
      const { uc, p } = callFor(c, platform, region);
      const product = await uc.setProductStatus.execute({ productId, status: c.req.valid("json").status }, p);
      return c.json(productWire(product), 200);
    },
  );
}
