import { RegExpRouter } from "hono/router/reg-exp-router";
import type { SmartRouter } from "hono/router/smart-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { createApp } from "../../http/app.ts";
import type { App } from "../../http/env.ts";
import { httpModules } from "../../http/modules.ts";
import { createQuickClaimTestApp, type QuickClaimTestApp } from "../quickclaim/api/support/quickclaim-test-app.ts";

/**
 * hono's SmartRouter tries its RegExpRouter first and falls back to the slower TrieRouter for the
 * whole app as soon as one route is a pattern the RegExpRouter cannot route — e.g. a literal
 * segment and a parameter in the same place (`/quickclaim/sign-in` beside `/quickclaim/{region}/…`).
 */

/** The router the app settled on: SmartRouter picks one on the first request. */
async function activeRouterOf(app: {
  request(path: string): Response | Promise<Response>;
  readonly router: { readonly name: string };
}): Promise<string> {
  await app.request("/health");
  return (app.router as SmartRouter<unknown>).activeRouter.name;
}

/**
 * The routes the RegExpRouter refuses, as "METHOD path": routes are added in the app's order per
 * method (with the ALL routes), and one it refuses is named and left out.
 */
function routesRegExpRouterRefuses(app: App): string[] {
  const all = [...new Set(app.routes.filter((r) => r.method === "ALL").map((r) => r.path))];
  const methods = [...new Set(app.routes.map((r) => r.method))].filter((m) => m !== "ALL");
  const refused: string[] = [];
  for (const method of methods) {
    const accepted = [...all];
    for (const path of new Set(app.routes.filter((r) => r.method === method).map((r) => r.path))) {
      const router = new RegExpRouter<string>();
      try {
        for (const p of [...accepted, path]) router.add(method, p, p);
        router.match(method, "/");
        accepted.push(path);
      } catch {
        refused.push(`${method} ${path}`);
      }
    }
  }
  return refused;
}

describe("the app is routed by hono's RegExpRouter, not the TrieRouter fallback", () => {
  let t: QuickClaimTestApp;

  beforeAll(async () => {
    t = await createQuickClaimTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("the check can tell: a literal beside a parameter in the same place sends an app to the TrieRouter", async () => {
    const { Hono } = await import("hono");
    const app = new Hono();
    app.get("/health", (c) => c.text("ok"));
    app.get("/x/:region/report", (c) => c.text("report"));
    app.get("/x/sign-in", (c) => c.text("sign in"));
    expect(await activeRouterOf(app)).toBe("TrieRouter");
  });

  it("the platform's own routes and the quickclaim module's routes: every one routable, RegExpRouter in use", async () => {
    expect(routesRegExpRouterRefuses(t.app)).toEqual([]);
    expect(await activeRouterOf(t.app)).toBe("RegExpRouter");
    expect(t.app.router.name).toBe("SmartRouter + RegExpRouter");
  });

  it("every module's routes together (the whole app): every one routable, RegExpRouter in use", async () => {
    const app = createApp(t.platform, {
      env: {},
      logger: createJsonLogger({ level: "error", write: () => {} }),
      modules: httpModules,
    });
    expect(routesRegExpRouterRefuses(app)).toEqual([]);
    expect(await activeRouterOf(app)).toBe("RegExpRouter");
  });

  it("the platform's own routes alone", async () => {
    const app = createApp(t.platform, {
      env: {},
      logger: createJsonLogger({ level: "error", write: () => {} }),
      modules: [],
    });
    expect(routesRegExpRouterRefuses(app)).toEqual([]);
    expect(await activeRouterOf(app)).toBe("RegExpRouter");
  });

  it("the quickclaim sign-in pages keep their URLs; other values in their place are 404 as before", async () => {
    const signIn = await t.app.request("/quickclaim/sign-in?next=%2Fquickclaim%2F350900%2Freport");
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('action="/quickclaim/sign-in/citizen"');
    expect((await t.app.request("/quickclaim/sign-in/citizen")).status).toBe(405);
    for (const path of ["/quickclaim/350900", "/quickclaim/sign-out", "/quickclaim/sign-inx"]) {
      expect((await t.app.request(path)).status, path).toBe(404);
    }
    for (const path of ["/quickclaim/350900/citizen", "/quickclaim/x/verify", "/quickclaim/sign-up/staff"]) {
      const res = await t.app.request(path, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
        body: "mobile=13905930001",
      });
      expect(res.status, path).toBe(404);
    }
  });

  it("GET /api/quickclaim/{region}/cases/mine keeps its URL, its checks in order (401, 403, 400, 404) and its answer", async () => {
    const R = "/api/quickclaim/350900";
    expect((await t.app.request(`${R}/cases/mine`)).status).toBe(401);
    const police = await t.staffHeaders({
      roles: ["police"],
      regionCodes: ["350900"],
      institutionId: "fuan-traffic-police",
    });
    const forbidden = await t.get(`${R}/cases/mine`, police);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toContain("application/problem+json");
    expect((await t.get("/api/quickclaim/35090x/cases/mine", police)).status).toBe(403);

    const citizen = await t.citizenHeaders("13905930077");
    const badRegion = await t.get("/api/quickclaim/35090x/cases/mine", citizen);
    expect(badRegion.status).toBe(400);
    expect(((await badRegion.json()) as { field?: string }).field).toBe("path.region");
    expect((await t.get("/api/quickclaim/350800/cases/mine", citizen)).status).toBe(404);
    const mine = await t.get(`${R}/cases/mine`, citizen);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toEqual({ cases: [] });

    // Any other case id is still a case of the {caseId} route.
    expect((await t.get(`${R}/cases/no-such-case`, police)).status).toBe(404);
    const doc = (await (await t.app.request("/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/quickclaim/{region}/cases/mine", "/api/quickclaim/{region}/cases/{caseId}"]),
    );
  });
});
