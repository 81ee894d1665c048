import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiKeyStore } from "../../../../adapters/auth/api-key-store.ts";
import { buildPlatform } from "../../../../adapters/composition/compose.ts";
import { parseDeploymentConfig } from "../../../../adapters/composition/deployment-config.ts";
import type { ComposedPlatform } from "../../../../adapters/composition/platform.ts";
import { createJsonLogger } from "../../../../adapters/logging/json-logger.ts";
import { FixedClock } from "../../../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../../../adapters/platform/random-ids.ts";
import type { Role } from "../../../../core/kernel/mod.ts";
import { createApp } from "../../../../http/app.ts";
import type { App } from "../../../../http/env.ts";
import { factorsHttp } from "../../../../http/factors/http-module.ts";
import { capturingLogger } from "../../../composition/fixtures.ts";
import { lastCode, RecordingNotifier } from "../../../http/support/test-platform.ts";
import { createTestDatabase, type TestDatabase } from "../../../support/test-database.ts";
import { proveDemoPerson } from "./prove-demo-person.ts";

/** The factors plugins of the default deployment, with their configs (overridable per test). */
export const FACTORS_PLUGINS = [
  "factors-registries-sim",
  "factors-fuan-registry-sim",
  "factors-appraiser-sim",
  "factors-collection-sim",
  "factors-lender-sim",
  "factors-guarantor-sim",
  "factors-insurer-sim",
  "factors-evidence-store-local",
] as const;

export interface FactorsTestApp {
  readonly app: App;
  readonly platform: ComposedPlatform;
  readonly database: TestDatabase;
  readonly clock: FixedClock;
  readonly notifier: RecordingNotifier;
  readonly dataDir: string;
  /** `Authorization` header of a new staff API key. */
  staff(roles: Role[], institutionId: string | null, regionCodes?: string[]): Promise<string>;
  /** `Authorization` header of a citizen signed in by one-time code (re-used while the session lasts). */
  citizen(mobile: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real composed platform for the factors API tests: a fresh migrated database (PGlite, or
 * Postgres when DATABASE_URL is set), the Ningde region pack with the factors module and its
 * simulator plugins (configs overridable), a settable clock, and the app with the factors
 * routes. Staff sign in with API keys, citizens by one-time code (codes captured).
 */
export async function createFactorsTestApp(
  options: {
    readonly now?: string;
    readonly pluginConfig?: Partial<Record<(typeof FACTORS_PLUGINS)[number], Record<string, unknown>>>;
  } = {},
): Promise<FactorsTestApp> {
  const database = await createTestDatabase();
  const clock = new FixedClock(options.now ?? "2026-03-02T02:00:00Z");
  const ids = new RandomIds(clock);
  const dataDir = mkdtempSync(join(tmpdir(), "factors-api-"));
  const config = parseDeploymentConfig(
    {
      dataDir,
      regions: [
        {
          code: "350900",
          name: { zh: "宁德", en: "Ningde" },
          modules: ["factors"],
          policyPack: { id: "ningde-region", config: {} },
          plugins: [
            { id: "dev-notifier", config: { keepLast: 0 } },
            { id: "identity-verifier-sim", config: { unlisted: "match" } },
            ...FACTORS_PLUGINS.map((id) => ({ id, config: options.pluginConfig?.[id] ?? {} })),
          ],
        },
        {
          code: "350800",
          name: { zh: "龙岩", en: "Longyan" },
          modules: [],
          policyPack: { id: "longyan-region", config: {} },
          plugins: [{ id: "dev-notifier", config: { keepLast: 0 } }],
        },
      ],
    },
    {},
    "factors API test",
  );
  const platform = await buildPlatform(config, {}, { database, clock, ids, logger: capturingLogger() });
  const notifier = new RecordingNotifier("350900");
  const app = createApp(platform, {
    env: {},
    logger: createJsonLogger({ level: "error", write: () => {} }),
    modules: [factorsHttp],
    notifier,
  });
  const keys = createApiKeyStore(database.db, clock, ids);
  const sessions = new Map<string, { auth: string; at: number }>();
  return {
    app,
    platform,
    database,
    clock,
    notifier,
    dataDir,
    async staff(roles, institutionId, regionCodes = ["350900"]) {
      const { key } = await keys.create({ roles, regionCodes, institutionId: institutionId ?? undefined });
      return `Bearer ${key}`;
    },
    async citizen(mobile) {
      // A session lasts two hours of the (test) clock; one code a minute may be asked for.
      const known = sessions.get(mobile);
      if (known && clock.now().getTime() - known.at < 3_600_000) return known.auth;
      const ask = await app.request("/auth/otp", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ mobile, region: "350900" }),
      });
      if (ask.status !== 202) throw new Error(`otp request: ${ask.status} ${await ask.text()}`);
      const res = await app.request("/auth/otp/verify", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ mobile, code: lastCode([notifier], mobile) }),
      });
      if (res.status !== 200) throw new Error(`otp verify: ${res.status} ${await res.text()}`);
      const { token } = (await res.json()) as { token: string };
      await proveDemoPerson((path, init) => app.request(path, init), token, mobile);
      sessions.set(mobile, { auth: `Bearer ${token}`, at: clock.now().getTime() });
      return `Bearer ${token}`;
    },
    async close() {
      await platform.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let keyCounter = 0;

/** A JSON request through app.request(); POSTs get a fresh Idempotency-Key unless one is given. */
export async function call(
  t: Pick<FactorsTestApp, "app">,
  method: "GET" | "POST",
  path: string,
  auth: string | null,
  body?: unknown,
  idempotencyKey?: string,
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (auth) headers.Authorization = auth;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method === "POST") headers["Idempotency-Key"] = idempotencyKey ?? `k-${Date.now()}-${++keyCounter}`;
  const res = await t.app.request(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
