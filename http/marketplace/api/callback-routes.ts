import { createRoute, z } from "@hono/zod-openapi";
import type { Platform, RegionContext } from "../../../adapters/composition/platform.ts";
import {
  createReplayGuard,
  type DatabaseReplayGuard,
  type GatewayKeyring,
  GatewayKeyringPort,
  gatewayPrincipal,
  verifyGatewayCallback,
} from "../../../adapters/gateway/mod.ts";
import { DomainError, type PortToken } from "../../../core/kernel/mod.ts";
import type { App } from "../../env.ts";
import { problemResponses } from "../../problem/problem-response.ts";
import { API, json, publicCall, tags } from "./api-context.ts";
import { RegionParam } from "./request-schemas.ts";
import { ApplicationView } from "./response-schemas.ts";
import { applicationWire } from "./wire-views.ts";

/**
 * The outcome callback a direct-connect institution sends (数据回流, KRN-R14). Institution
 * systems speak the gateway's wire protocol: integer fen (`…Fen`), basis points, signed JSON.
 */
const Fen = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const Ref = z.string().min(1).max(100).optional();
const CallbackBody = z.discriminatedUnion("event", [
  z.strictObject({ applicationId: z.string().min(1).max(100), event: z.literal("contact"), institutionReference: Ref }),
  z.strictObject({
    applicationId: z.string().min(1).max(100),
    event: z.literal("approve"),
    amountGrantedFen: Fen,
    rateBp: z.number().int().min(0).max(100_000),
    grantedTermMonths: z.number().int().min(1).max(600),
    institutionReference: Ref,
  }),
  z.strictObject({
    applicationId: z.string().min(1).max(100),
    event: z.literal("reject"),
    reason: z.string().min(1).max(500),
    institutionReference: Ref,
  }),
  z.strictObject({ applicationId: z.string().min(1).max(100), event: z.literal("disburse"), amountDisbursedFen: Fen }),
  z.strictObject({
    applicationId: z.string().min(1).max(100),
    event: z.literal("decline"),
    reason: z.string().min(1).max(500).optional(),
  }),
]);

function keyringOf(region: RegionContext): GatewayKeyring {
  const composed = region as RegionContext & { adapter?: <A>(t: PortToken) => A };
  try {
    return composed.adapter
      ? composed.adapter<GatewayKeyring>(GatewayKeyringPort)
      : region.container.resolve<GatewayKeyring>(GatewayKeyringPort);
  } catch {
    throw new DomainError("this region has no institution gateway; callbacks are not accepted here", {
      ruleId: "KRN-R14",
      kind: "unavailable",
    });
  }
}

/** The core's outcome input from the wire body (fen names dropped; the core checks the rest). */
function outcomeInput(body: z.infer<typeof CallbackBody>): Record<string, unknown> {
  switch (body.event) {
    case "approve": {
      const { amountGrantedFen, ...rest } = body;
      return { ...rest, amountGranted: amountGrantedFen };
    }
    case "disburse": {
      const { amountDisbursedFen, ...rest } = body;
      return { ...rest, amountDisbursed: amountDisbursedFen };
    }
    default:
      return { ...body };
  }
}

export function registerCallbackRoutes(app: App, platform: Platform): void {
  const guards = new Map<string, DatabaseReplayGuard>();
  const guardFor = (regionCode: string, windowSeconds: number) => {
    let g = guards.get(regionCode);
    if (!g) {
      g = createReplayGuard(platform.database.db, { regionCode, clock: platform.clock, windowSeconds });
      guards.set(regionCode, g);
    }
    return g;
  };

  app.openapi(
    createRoute({
      method: "post",
      path: `${API}/callbacks/outcomes`,
      tags,
      summary:
        "Outcome backflow from a direct-connect institution over the signed gateway (KRN-R14): contact, approve, reject, disburse, decline",
      description: [
        "Headers X-FIF-Institution, X-FIF-Key-Id, X-FIF-Timestamp, X-FIF-Nonce, X-FIF-Signature (lower-case hex HMAC-SHA256 of `timestamp.nonce.body` with the shared secret), as in plugins/http-gateway/README.md. A missing, stale, replayed or badly signed callback is a 401 problem naming KRN-R14 and the reason; nothing is applied. The verified institution acts for itself only (MKT-R09).",
        'Body (JSON, integer fen): {"applicationId","event":"contact"|"approve"|"reject"|"disburse"|"decline", "amountGrantedFen","rateBp","grantedTermMonths" (approve), "amountDisbursedFen" (disburse), "reason" (reject, decline), "institutionReference"}.',
        "Every callback carries a new nonce; a repeated outcome the application has already passed is a 409 (MKT-LIFECYCLE).",
      ].join("\n\n"),
      request: { params: RegionParam },
      responses: {
        200: { description: "Applied; the application as the institution sees it", ...json(ApplicationView) },
        ...problemResponses(400, 401, 404, 409, 422, 503),
      },
    }),
    async (c) => {
      const { uc, region } = publicCall(c, platform, c.req.valid("param").region);
      const keyring = keyringOf(platform.region(region));
      const verified = await verifyGatewayCallback({
        headers: c.req.raw.headers,
        rawBody: await c.req.arrayBuffer(),
        secrets: keyring,
        clock: platform.clock,
        replayGuard: guardFor(region, keyring.windowSeconds),
        windowSeconds: keyring.windowSeconds,
      });
      const parsed = CallbackBody.safeParse(verified.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.join(".") || "body";
        throw new DomainError(`callback ${field}: ${issue?.message ?? "invalid"}`, {
          ruleId: "MKT-LIFECYCLE",
          kind: "validation",
          field,
        });
      }
      const principal = gatewayPrincipal(verified, region);
      const app2 = await uc.recordApplicationOutcome.execute(outcomeInput(parsed.data), principal);
      return c.json(applicationWire(app2, principal), 200);
    },
  );
}
