import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../adapters/db/migrate.ts";
import { createTestApp, type TestApp } from "./support/test-app.ts";
import { newControl, testModule } from "./support/test-module.ts";

describe("health, readiness and the API description", () => {
  describe("on a database that has not been migrated yet", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ migrate: false });
    });
    afterAll(async () => {
      await t?.close();
    });

    it("/health answers while /ready is a 503 problem until the migrations are applied, then 200", async () => {
      const health = await t.app.request("/health");
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: "ok" });

      const before = await t.app.request("/ready");
      expect(before.status).toBe(503);
      expect(before.headers.get("content-type")).toBe("application/problem+json");
      const problem = (await before.json()) as Record<string, any>;
      expect(problem).toMatchObject({ type: "/problems/unavailable", status: 503 });
      expect(problem.checks.database.ok).toBe(true);
      expect(problem.checks.migrations.ok).toBe(false);

      await migrateToLatest(t.database.db);
      const after = await t.app.request("/ready");
      expect(after.status).toBe(200);
      expect(await after.json()).toMatchObject({
        status: "ready",
        checks: { database: { ok: true, engine: t.database.kind }, migrations: { ok: true } },
      });
    });
  });

  describe("when the database does not answer", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    it("/ready is a 503 problem saying the database is not reachable", async () => {
      await t.database.close();
      const res = await t.app.request("/ready");
      expect(res.status).toBe(503);
      const body = (await res.json()) as Record<string, any>;
      expect(body.detail).toBe("the database is not reachable");
      expect(body.checks.database.ok).toBe(false);
    });
  });

  describe("the OpenAPI document and the reference page", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ modules: [testModule(newControl())] });
    });
    afterAll(async () => {
      await t?.close();
    });

    it("/openapi.json is OpenAPI 3.1 listing the platform's and the modules' routes and both security schemes", async () => {
      const res = await t.app.request("/openapi.json");
      expect(res.status).toBe(200);
      const doc = (await res.json()) as Record<string, any>;
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/health",
          "/ready",
          "/auth/otp",
          "/auth/otp/verify",
          "/auth/logout",
          "/auth/me",
          "/testing/echo",
        ]),
      );
      expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
      expect(doc.components.securitySchemes.citizenSession).toMatchObject({
        type: "apiKey",
        in: "cookie",
        name: "fif_session",
      });
      expect(doc.components.schemas.Problem).toBeDefined();
      const otpBody = doc.paths["/auth/otp"].post.requestBody.content["application/json"].schema;
      expect(otpBody.additionalProperties).toBe(false);
      expect(doc.paths["/auth/otp"].post.responses["429"].content["application/problem+json"]).toBeDefined();
    });

    it("/docs serves the browsable reference pointing at /openapi.json", async () => {
      const res = await t.app.request("/docs");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain("/openapi.json");
      // Everything it loads comes from this server (see docs.test.ts).
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self';");
    });
  });
});
