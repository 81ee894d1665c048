import { createRoute, z } from "@hono/zod-openapi";
import type { Platform } from "../../../adapters/composition/platform.ts";
import type { App } from "../../env.ts";
import { requireAuth } from "../../middleware/authenticate.ts";
import { idempotent } from "../../middleware/idempotency.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, callFor, json, publicCall, security, tags } from "./api-context.ts";
import { applyCodeLink, publicOrigin, qrPng, qrSvg, tokenOf } from "./qr-image.ts";
import { ApplyCodeParams, IssueApplyCodeBody, RegionParam, ScanBody } from "./request-schemas.ts";
import { ApplyCodeView, IssuedApplyCodeView, ScanView } from "./response-schemas-report.ts";
import { applyCodeWire } from "./wire-report.ts";

const STAFF = ["institution_staff", "institution_admin", "platform_admin"] as const;
const imagePath = (region: string, id: string, kind: "png" | "svg") =>
  `/api/marketplace/${encodeURIComponent(region)}/apply-codes/${encodeURIComponent(id)}/qr.${kind}`;

/** 码上贷 QR codes (MKT-R08): issue, count, withdraw, scan, and the QR images. */
export function registerApplyCodeRoutes(app: App, platform: Platform): void {
  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/apply-codes`,
      tags,
      security,
      summary:
        "Issue a signed, expiring 码上贷 code for one of the institution's products (optionally a branch or customer manager)",
      middleware: [requireAuth(...STAFF), idempotent()] as const,
      request: { params: RegionParam, body: { required: true, ...json(IssueApplyCodeBody) } },
      responses: {
        201: { description: "Issued", ...json(IssuedApplyCodeView) },
        ...problemResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { uc, p, region } = callFor(c, platform, c.req.valid("param").region);
      const { code, token } = await uc.issueApplyCode.execute(c.req.valid("json"), p);
      return c.json(
        {
          code: applyCodeWire(code),
          token,
          link: `${publicOrigin(c.req.url)}${applyCodeLink(region, token)}`,
          qrPng: imagePath(region, code.id, "png"),
          qrSvg: imagePath(region, code.id, "svg"),
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${API}/apply-codes/{applyCodeId}`,
      tags,
      security,
      summary: "A code's scans and the applications it led to (the issuing institution)",
      middleware: [requireAuth(...STAFF)] as const,
      request: { params: ApplyCodeParams },
      responses: { 200: { description: "The code", ...json(ApplyCodeView) }, ...problemResponses(400, 401, 403, 404) },
    }),
    async (c) => {
      const { region, applyCodeId } = c.req.valid("param");
      const { uc, p } = callFor(c, platform, region);
      return c.json(applyCodeWire(await uc.manageApplyCode.get({ applyCodeId }, p)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/apply-codes/{applyCodeId}/withdraw`,
      tags,
      security,
      summary: "Withdraw a code: later scans and applications with it are refused",
      middleware: [requireAuth(...STAFF), idempotent()] as const,
      request: { params: ApplyCodeParams },
      responses: { 200: { description: "Withdrawn", ...json(ApplyCodeView) }, ...problemResponses(401, 403, 404) },
    }),
    async (c) => {
      const { region, applyCodeId } = c.req.valid("param");
      const { uc, p } = callFor(c, platform, region);
      return c.json(applyCodeWire(await uc.manageApplyCode.withdraw({ applyCodeId }, p)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/apply-code-scans`,
      tags,
      summary:
        "Someone scanned a code: a valid one is counted and pre-fills the application; a tampered or expired one is refused (MKT-R08)",
      middleware: [idempotent({ required: false })] as const,
      request: { params: RegionParam, body: { required: true, ...json(ScanBody) } },
      responses: {
        200: { description: "What pre-fills the application", ...json(ScanView) },
        ...problemResponses(400, 404, 409, 422),
      },
    }),
    async (c) => {
      const { uc, p } = publicCall(c, platform, c.req.valid("param").region);
      return c.json(await uc.scanApplyCode.execute(c.req.valid("json"), p), 200);
    },
  );

  for (const kind of ["png", "svg"] as const) {
    app.openapi(
      createRoute({
        method: "get",
        path: `${API}/apply-codes/{applyCodeId}/qr.${kind}`,
        tags,
        security,
        summary: `The code as a QR image (${kind.toUpperCase()}) encoding the 码上贷 landing link`,
        middleware: [requireAuth(...STAFF)] as const,
        request: { params: ApplyCodeParams },
        responses: {
          200: {
            description: "QR image",
            content: {
              [kind === "png" ? "image/png" : "image/svg+xml"]: { schema: z.string().openapi({ format: "binary" }) },
            },
          },
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { region, applyCodeId } = c.req.valid("param");
        const { uc, p, deps } = callFor(c, platform, region);
        const code = await uc.manageApplyCode.get({ applyCodeId }, p);
        const link = `${publicOrigin(c.req.url)}${applyCodeLink(region, await tokenOf(deps, code))}`;
        c.header("Cache-Control", "private, max-age=300");
        if (kind === "png") return c.body(new Uint8Array(await qrPng(link)), 200, { "Content-Type": "image/png" });
        return c.body(await qrSvg(link), 200, { "Content-Type": "image/svg+xml; charset=utf-8" });
      },
    );
  }
}
