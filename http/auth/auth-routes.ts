import { createRoute, z } from "@hono/zod-openapi";
import { DomainError } from "../../core/kernel/mod.ts";
import type { App } from "../env.ts";
import { principalOf, requireAuth } from "../middleware/authenticate.ts";
import { problemResponses } from "../problem/problem-response.ts";
import { clearSessionCookie, presentedSessionToken, setSessionCookie } from "./session-cookie.ts";

/** JSON API of authentication: citizen one-time codes, sign-out, and "who am I". */
const Mobile = z
  .string()
  .regex(/^1[3-9]\d{9}$/, "a mainland mobile number: 11 digits starting 13–19")
  .openapi({ example: "13800138000" });
const RegionCode = z
  .string()
  .regex(/^\d{6}$/, "a 6-digit GB/T 2260 region code")
  .openapi({ example: "350900" });

const PrincipalSchema = z
  .object({
    id: z.string(),
    roles: z.array(z.string()),
    institutionId: z.string().optional(),
    regionCodes: z.array(z.string()),
  })
  .openapi("Principal");

const requestCode = createRoute({
  method: "post",
  path: "/auth/otp",
  tags: ["auth"],
  summary: "Send a one-time sign-in code to a citizen's mobile",
  description:
    "Rate-limited per mobile. The code is valid for 5 minutes and 5 attempts (defaults). In development the code appears in the server log instead of an SMS.",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            mobile: Mobile,
            region: RegionCode.optional().openapi({
              description: "The region the citizen signs in to; default the first configured.",
            }),
          }),
        },
      },
    },
  },
  responses: {
    202: {
      description: "The code was sent",
      content: { "application/json": { schema: z.object({ expiresAt: z.string().openapi({ format: "date-time" }) }) } },
    },
    ...problemResponses(400, 404, 429, 503),
  },
});

const verifyCode = createRoute({
  method: "post",
  path: "/auth/otp/verify",
  tags: ["auth"],
  summary: "Exchange a one-time code for a citizen session",
  description: "Returns the session token as JSON (for apps: `Authorization: Bearer fis_…`) and as an HttpOnly cookie.",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.strictObject({
            mobile: Mobile,
            code: z
              .string()
              .regex(/^\d{6}$/, "6 digits")
              .openapi({ example: "123456" }),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: "Signed in",
      content: {
        "application/json": {
          schema: z.object({
            token: z.string(),
            expiresAt: z.string().openapi({ format: "date-time" }),
            principal: PrincipalSchema,
          }),
        },
      },
    },
    ...problemResponses(400, 401),
  },
});

const logout = createRoute({
  method: "post",
  path: "/auth/logout",
  tags: ["auth"],
  summary: "End the current session",
  security: [{ citizenSession: [] }, { apiKey: [] }],
  responses: { 204: { description: "Signed out (also when there was no session)" } },
});

const me = createRoute({
  method: "get",
  path: "/auth/me",
  tags: ["auth"],
  summary: "The signed-in caller",
  security: [{ apiKey: [] }, { citizenSession: [] }],
  middleware: [requireAuth()] as const,
  responses: {
    200: {
      description: "The principal",
      content: {
        "application/json": { schema: z.object({ principal: PrincipalSchema, via: z.enum(["api-key", "session"]) }) },
      },
    },
    ...problemResponses(401),
  },
});

function publicPrincipal(p: {
  id: string;
  roles: readonly string[];
  institutionId?: string;
  regionCodes: readonly string[];
}) {
  return {
    id: p.id,
    roles: [...p.roles],
    ...(p.institutionId ? { institutionId: p.institutionId } : {}),
    regionCodes: [...p.regionCodes],
  };
}

export function registerAuthRoutes(app: App): void {
  app.openapi(requestCode, async (c) => {
    const { mobile, region } = c.req.valid("json");
    const platform = c.get("platform");
    const regionCode = region ?? [...platform.regions.keys()][0];
    if (!regionCode || !platform.regions.has(regionCode)) {
      throw new DomainError(`region ${region ?? ""} not found`, {
        ruleId: "KRN-R06",
        kind: "not_found",
        field: "region",
      });
    }
    const { expiresAt } = await c.get("auth").otp.request({ mobile, regionCode });
    return c.json({ expiresAt: expiresAt.toISOString() }, 202);
  });

  app.openapi(verifyCode, async (c) => {
    const { mobile, code } = c.req.valid("json");
    const { token, session } = await c.get("auth").otp.verify({ mobile, code });
    setSessionCookie(c, token, session.expiresAt);
    c.header("Cache-Control", "no-store");
    return c.json(
      { token, expiresAt: session.expiresAt.toISOString(), principal: publicPrincipal(session.principal) },
      200,
    );
  });

  app.openapi(logout, async (c) => {
    const token = presentedSessionToken(c);
    if (token) await c.get("auth").signOut(token);
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.openapi(me, (c) => {
    const principal = principalOf(c);
    return c.json(
      { principal: publicPrincipal(principal), via: c.get("session") ? ("session" as const) : ("api-key" as const) },
      200,
    );
  });
}
