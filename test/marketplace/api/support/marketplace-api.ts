import { createApiKeyStore } from "../../../../adapters/auth/api-key-store.ts";
import { createJsonLogger } from "../../../../adapters/logging/json-logger.ts";
import { seedCatalogue } from "../../../../adapters/marketplace/demo/catalogue-seed.ts";
import { demoInstitutions, demoProducts } from "../../../../adapters/marketplace/demo/longyan-demo-catalogue.ts";
import type { Role } from "../../../../core/kernel/mod.ts";
import { createApp } from "../../../../http/app.ts";
import type { App } from "../../../../http/env.ts";
import { marketplaceHttp } from "../../../../http/marketplace/http-module.ts";
import { lastCode, RecordingNotifier } from "../../../http/support/test-platform.ts";
import {
  createMarketplaceTestPlatform,
  type MarketplaceRegionOptions,
  type MarketplaceTestPlatform,
} from "../../adapters/support/marketplace-platform.ts";
import { proveDemoIdentities } from "../../support/prove-identities.ts";

export const REGION = "350800";
export const BASE = `/api/marketplace/${REGION}`;

export interface MarketplaceApi extends MarketplaceTestPlatform {
  readonly app: App;
  /** A signed-in citizen's bearer token (OTP sign-in through the API). */
  signIn(mobile: string): Promise<string>;
  /** A staff API key of an institution (or of a regulator / platform admin without one). */
  staffKey(roles: Role[], institutionId?: string, regionCodes?: string[]): Promise<string>;
  call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

let keyNo = 0;

/**
 * The app with only the marketplace module over a composed platform (the real plugins and the
 * 龙岩 pack) on a fresh test database, the demo catalogue loaded, and helpers to sign in.
 */
export async function createMarketplaceApi(o: MarketplaceRegionOptions = {}): Promise<MarketplaceApi> {
  const t = await createMarketplaceTestPlatform(o);
  await seedCatalogue(t.deps, { institutions: demoInstitutions, products: demoProducts }, t.admin);
  const notifier = new RecordingNotifier(REGION);
  const app = createApp(t.platform, {
    env: {},
    logger: createJsonLogger({ level: "error", write: () => {} }),
    modules: [marketplaceHttp],
    notifier,
  });
  const keys = createApiKeyStore(t.platform.database.db, t.clock, t.platform.ids);
  const call = async (
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method,
      headers: {
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(method === "POST" && !("Idempotency-Key" in headers) ? { "Idempotency-Key": `k-${++keyNo}` } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
  return {
    ...t,
    app,
    call,
    async signIn(mobile) {
      const sent = await call("POST", "/auth/otp", undefined, { mobile, region: REGION });
      if (sent.status !== 202 && sent.status !== 200)
        throw new Error(`otp request failed: ${sent.status} ${await sent.text()}`);
      const verified = await call("POST", "/auth/otp/verify", undefined, {
        mobile,
        code: lastCode([notifier], mobile),
      });
      if (verified.status !== 200) throw new Error(`otp verify failed: ${verified.status} ${await verified.text()}`);
      const token = ((await verified.json()) as { token: string }).token;
      await proveDemoIdentities((path, init) => app.request(path, init), token, mobile);
      return token;
    },
    async staffKey(roles, institutionId, regionCodes = [REGION]) {
      const { key } = await keys.create({ roles, regionCodes, ...(institutionId ? { institutionId } : {}) }, "test");
      return key;
    },
  };
}

/** The JSON body of a response (with its status for failure messages). */
export async function body<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}
