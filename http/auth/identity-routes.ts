import { createRoute, z } from "@hono/zod-openapi";
import type { VerifiedIdentity } from "../../adapters/auth/citizen-identities.ts";
import { DomainError } from "../../core/kernel/mod.ts";
import type { App } from "../env.ts";
import { principalOf, requireAuth } from "../middleware/authenticate.ts";
import { idempotent } from "../middleware/idempotency.ts";
import { problemResponses } from "../problem/problem-response.ts";

/** 实名认证 (KRN-R06): a citizen account proves the IDs it may speak for. */
const IdentityWire = z
  .object({
    idKind: z.enum(["resident-id", "uscc"]),
    idMasked: z.string().openapi({ example: "3***************19" }),
    name: z.string(),
    verifiedAt: z.string().openapi({ format: "date-time" }),
    reference: z.string().openapi({ description: "the verifying service's reference (SIM-… from a simulator)" }),
  })
  .openapi("VerifiedIdentity");

const RegionCode = z
  .string()
  .regex(/^\d{6}$/, "a 6-digit GB/T 2260 region code")
  .openapi({ example: "350800" });

const PersonClaim = z.strictObject({
  kind: z.literal("person"),
  name: z.string().min(2).max(60).openapi({ example: "张师傅" }),
  residentId: z.string().min(1).max(40).openapi({ example: "350802198801153019" }),
  mobile: z
    .string()
    .min(1)
    .max(20)
    .openapi({ description: "the mobile this account signed in with", example: "13859012345" }),
  region: RegionCode.optional().openapi({ description: "whose verifier to use; default the session's region" }),
});

const EnterpriseClaim = z.strictObject({
  kind: z.literal("enterprise"),
  uscc: z.string().min(1).max(40).openapi({ example: "92350802MA31XK5R2X" }),
  enterpriseName: z.string().min(2).max(60).openapi({ example: "新罗区张师傅便利店" }),
  agentResidentId: z
    .string()
    .min(1)
    .max(40)
    .openapi({ description: "your own resident ID, already verified on this account" }),
  region: RegionCode.optional(),
});

const wire = (v: VerifiedIdentity) => ({ ...v, verifiedAt: v.verifiedAt.toISOString() });

const verify = createRoute({
  method: "post",
  path: "/auth/identities",
  tags: ["auth"],
  summary: "实名认证: prove a resident ID (with name and your mobile) or an enterprise you represent",
  description:
    "The region's real-name verifier checks the claim. On a match the ID is linked to the account and to its live sessions (`principal.identities`), so the citizen may give consents and apply for that data subject. A mismatch is audited and counted: after 5 a day the account waits until tomorrow (429). Nothing is recorded when the verifier does not answer (503).",
  security: [{ citizenSession: [] }],
  middleware: [requireAuth("citizen"), idempotent()] as const,
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: z.discriminatedUnion("kind", [PersonClaim, EnterpriseClaim]) } },
    },
  },
  responses: {
    201: { description: "Verified and linked", content: { "application/json": { schema: IdentityWire } } },
    ...problemResponses(400, 401, 403, 409, 422, 429, 503),
  },
});

const list = createRoute({
  method: "get",
  path: "/auth/identities",
  tags: ["auth"],
  summary: "The identities this citizen account has proved (IDs masked)",
  security: [{ citizenSession: [] }],
  middleware: [requireAuth("citizen")] as const,
  responses: {
    200: {
      description: "Newest first",
      content: { "application/json": { schema: z.object({ items: z.array(IdentityWire) }) } },
    },
    ...problemResponses(401, 403),
  },
});

export function registerIdentityRoutes(app: App): void {
  app.openapi(verify, async (c) => {
    const body = c.req.valid("json");
    const principal = principalOf(c);
    const platform = c.get("platform");
    const regionCode = body.region ?? c.get("session")?.regionCode ?? [...platform.regions.keys()][0] ?? "";
    if (!platform.regions.has(regionCode)) {
      throw new DomainError(`region ${regionCode} not found`, {
        ruleId: "KRN-R06",
        kind: "not_found",
        field: "region",
      });
    }
    const claim =
      body.kind === "person"
        ? { kind: "person" as const, name: body.name, residentId: body.residentId, mobile: body.mobile }
        : {
            kind: "enterprise" as const,
            uscc: body.uscc,
            enterpriseName: body.enterpriseName,
            agentResidentId: body.agentResidentId,
          };
    const made = await c.get("auth").identities.verify(principal, regionCode, claim);
    return c.json(wire(made), 201);
  });

  app.openapi(list, async (c) => {
    const items = await c.get("auth").identities.list(principalOf(c));
    return c.json({ items: items.map(wire) }, 200);
  });
}
