import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiKeyStore } from "../../../../adapters/auth/api-key-store.ts";
import { buildPlatform } from "../../../../adapters/composition/compose.ts";
import { parseDeploymentConfig } from "../../../../adapters/composition/deployment-config.ts";
import type { ComposedPlatform } from "../../../../adapters/composition/platform.ts";
import { Tokens } from "../../../../adapters/composition/tokens.ts";
import { DEMO_PEOPLE } from "../../../../adapters/factors/demo/ningde-demo-book.ts";
import { type FactorsPlatformDeps, factorsDeps } from "../../../../adapters/factors/factors-deps.ts";
import { createJsonLogger } from "../../../../adapters/logging/json-logger.ts";
import { FixedClock } from "../../../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../../../adapters/platform/random-ids.ts";
import { defineCreditProduct, NINGDE_DEMO_INSTITUTIONS, ningdeDemoProducts } from "../../../../core/factors/mod.ts";
import type { BlindIndexer, Principal, Role } from "../../../../core/kernel/mod.ts";
import { createApp } from "../../../../http/app.ts";
import type { App } from "../../../../http/env.ts";
import { factorsHttp } from "../../../../http/factors/http-module.ts";
import { silentLogger } from "../../../../plugins/_framework/logger.ts";
import { lastCode, RecordingNotifier } from "../../../http/support/test-platform.ts";
import { createTestDatabase, type TestDatabase } from "../../../support/test-database.ts";
import { proveDemoPerson } from "../../api/support/prove-demo-person.ts";

export const NINGDE = "350900";
export const LIN_MOBILE = "13905930001";
export const RURAL_BANK = NINGDE_DEMO_INSTITUTIONS.ruralBank.id;

/** The factors simulators of the default deployment (registries, appraiser, companies, institutions, evidence). */
const FACTORS_PLUGINS = [
  "factors-registries-sim",
  "factors-fuan-registry-sim",
  "factors-appraiser-sim",
  "factors-collection-sim",
  "factors-lender-sim",
  "factors-guarantor-sim",
  "factors-insurer-sim",
  "factors-evidence-store-local",
];

export interface PageApp {
  readonly app: App;
  readonly platform: ComposedPlatform;
  readonly database: TestDatabase;
  readonly clock: FixedClock;
  readonly codes: RecordingNotifier;
  readonly deps: FactorsPlatformDeps;
  /** A staff API key (the raw `fif_…` key, for the sign-in form or a Bearer header). */
  staffKey(roles: Role[], institutionId?: string, regionCodes?: string[]): Promise<string>;
  /** A citizen's session token after signing in by one-time code. */
  citizenToken(mobile: string): Promise<string>;
  /** The principal behind a token, as the app sees it (GET /auth/me; a citizen's subject ref from the mobile). */
  principal(token: string, mobile?: string): Promise<Principal>;
  /** The last one-time code sent to a mobile. */
  lastCode(mobile: string): string;
  /** Puts the demo catalogue's products on offer; returns their ids by demo id. */
  offerDemoProducts(ids?: readonly string[]): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/**
 * The real composed platform (buildPlatform, the Ningde pack, the factors simulators) on a fresh
 * migrated database — Postgres when DATABASE_URL is set, else PGlite — with a settable clock and
 * the app with the factors module (API and pages). Codes sent by OTP are captured.
 */
export async function createPageApp(
  now = "2026-03-02T02:00:00Z",
  pluginConfig: Readonly<Record<string, Record<string, unknown>>> = {},
): Promise<PageApp> {
  const database = await createTestDatabase();
  const clock = new FixedClock(now);
  const ids = new RandomIds(clock);
  const dataDir = mkdtempSync(join(tmpdir(), "factors-pages-"));
  const config = parseDeploymentConfig(
    {
      dataDir,
      regions: [
        {
          code: NINGDE,
          name: { zh: "宁德", en: "Ningde" },
          modules: ["factors"],
          policyPack: { id: "ningde-region", config: {} },
          plugins: [
            { id: "dev-notifier", config: { keepLast: 0 } },
            { id: "identity-verifier-sim", config: { unlisted: "match" } },
            ...FACTORS_PLUGINS.map((id) => ({ id, config: pluginConfig[id] ?? {} })),
          ],
        },
      ],
    },
    {},
    "factors pages test",
  );
  const platform = await buildPlatform(config, {}, { database, clock, ids, logger: silentLogger });
  const codes = new RecordingNotifier(NINGDE);
  const app = createApp(platform, {
    env: {},
    logger: createJsonLogger({ level: "error", write: () => {} }),
    modules: [factorsHttp],
    notifier: codes,
  });
  const keys = createApiKeyStore(database.db, clock, ids);
  const deps = factorsDeps(platform, NINGDE);
  const admin: Principal = { id: "admin:test", roles: ["platform_admin"], regionCodes: [NINGDE] };
  return {
    app,
    platform,
    database,
    clock,
    codes,
    deps,
    async staffKey(roles, institutionId, regionCodes = [NINGDE]) {
      const { key } = await keys.create({
        roles,
        regionCodes,
        ...(institutionId ? { institutionId } : {}),
        label: "page test",
      });
      return key;
    },
    async citizenToken(mobile) {
      const json = { "Content-Type": "application/json" };
      const sent = await app.request("/auth/otp", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ mobile, region: NINGDE }),
      });
      if (sent.status >= 300) throw new Error(`OTP request failed: ${sent.status} ${await sent.text()}`);
      const res = await app.request("/auth/otp/verify", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ mobile, code: lastCode([codes], mobile) }),
      });
      const body = (await res.json()) as { token?: string };
      if (!body.token) throw new Error(`OTP verify failed: ${res.status}`);
      await proveDemoPerson((path, init) => app.request(path, init), body.token, mobile);
      return body.token;
    },
    lastCode: (mobile) => lastCode([codes], mobile),
    async principal(token, mobile) {
      const res = await app.request("/auth/me", { headers: { Authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`/auth/me: ${res.status}`);
      const p = ((await res.json()) as { principal: Principal }).principal;
      if (!mobile) return p;
      const blind = platform.container.resolve<BlindIndexer>(Tokens.BlindIndexer);
      return {
        ...p,
        subjectRef: blind.index("mobile", mobile),
        // what citizenToken's 实名认证 proved on the account (/auth/me does not show blind indexes)
        identities: DEMO_PEOPLE.filter((x) => x.mobile === mobile).map((x) => blind.index("resident-id", x.idNumber)),
      };
    },
    async offerDemoProducts(wanted = ningdeDemoProducts.map((p) => p.id)) {
      const out: Record<string, string> = {};
      for (const demo of ningdeDemoProducts.filter((p) => wanted.includes(p.id))) {
        const { id, ...terms } = demo;
        out[id] = (await defineCreditProduct(deps, admin, terms)).id;
      }
      return out;
    },
    async close() {
      await platform.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const ORIGIN = "http://localhost";

/** GET a page as the holder of a Bearer token (staff key or citizen session). */
export function getPage(app: App, path: string, token?: string): Promise<Response> {
  return Promise.resolve(app.request(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} }));
}

/** POST a form from our own origin, as a browser would (multipart when there are files). */
export function postForm(
  app: App,
  path: string,
  token: string | undefined,
  fields: Readonly<Record<string, string | readonly string[]>>,
  files: readonly { field: string; name: string; type: string; bytes: Uint8Array }[] = [],
): Promise<Response> {
  const headers: Record<string, string> = { Origin: ORIGIN };
  if (token) headers.Authorization = `Bearer ${token}`;
  const entries = Object.entries(fields).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : v.map((x) => [k, x])));
  let body: FormData | URLSearchParams;
  if (files.length > 0) {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k as string, v as string);
    for (const f of files) fd.append(f.field, new File([f.bytes.slice()], f.name, { type: f.type }));
    body = fd;
  } else {
    body = new URLSearchParams(entries as [string, string][]);
  }
  return Promise.resolve(app.request(path, { method: "POST", headers, body }));
}

/** The single-use key of the (first) form in `html` that posts to `action`. */
export function onceFor(html: string, action: string): string {
  const at = html.indexOf(`action="${action}"`);
  if (at < 0) throw new Error(`no form posts to ${action}`);
  const form = html.slice(at, html.indexOf("</form>", at));
  const m = /name="_once" value="([^"]+)"/.exec(form);
  if (!m) throw new Error(`the form posting to ${action} has no _once field`);
  return m[1] as string;
}

/** A tiny valid PNG (1×1), for evidence uploads. */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);
