import { createApiKeyStore } from "../../../../adapters/auth/api-key-store.ts";
import { createJsonLogger } from "../../../../adapters/logging/json-logger.ts";
import { createApp } from "../../../../http/app.ts";
import type { App } from "../../../../http/env.ts";
import { quickclaimHttp } from "../../../../http/quickclaim/http-module.ts";
import { lastCode, RecordingNotifier } from "../../../http/support/test-platform.ts";
import {
  createQuickClaimTestPlatform,
  type QuickClaimTestOptions,
  type QuickClaimTestPlatform,
} from "../../adapters/support/quickclaim-platform.ts";
import { proveDemoDriver } from "./prove-demo-driver.ts";

export interface QuickClaimTestApp extends QuickClaimTestPlatform {
  readonly app: App;
  readonly sms: RecordingNotifier;
  /**
   * Signs a citizen in by one-time code — a demo driver (陈丽华, 吴建国) also does 实名认证 — and
   * gives the Authorization header of the session.
   */
  citizenHeaders(mobile: string, options?: { readonly prove?: boolean }): Promise<Record<string, string>>;
  /** Creates an API key with these roles; the Authorization header. */
  staffHeaders(k: { roles: string[]; regionCodes: string[]; institutionId?: string }): Promise<Record<string, string>>;
  /** A JSON request with an Idempotency-Key (fresh unless given). */
  post(path: string, body: unknown, headers: Record<string, string>, key?: string): Promise<Response>;
  /** A multipart request with an Idempotency-Key. */
  postForm(path: string, form: FormData, headers: Record<string, string>, key?: string): Promise<Response>;
  get(path: string, headers: Record<string, string>): Promise<Response>;
}

let keySeq = 0;

/** The app with the quickclaim module over a composed test platform (real plugins, real database). */
export async function createQuickClaimTestApp(o: QuickClaimTestOptions = {}): Promise<QuickClaimTestApp> {
  const t = await createQuickClaimTestPlatform(o);
  const sms = new RecordingNotifier("350900");
  const app = createApp(t.platform, {
    env: {},
    logger: createJsonLogger({ level: "error", write: () => {} }),
    modules: [quickclaimHttp],
    notifier: sms,
  });
  const keys = createApiKeyStore(t.platform.database.db, t.clock, t.platform.ids);
  const idem = () => `k-${Date.now().toString(36)}-${++keySeq}`;
  return {
    ...t,
    app,
    sms,
    async citizenHeaders(mobile, options = {}) {
      const asked = await app.request("/auth/otp", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ mobile, region: "350900" }),
      });
      if (asked.status !== 202 && asked.status !== 200) throw new Error(`otp: ${asked.status} ${await asked.text()}`);
      const verified = await app.request("/auth/otp/verify", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ mobile, code: lastCode([sms], mobile) }),
      });
      const { token } = (await verified.json()) as { token: string };
      if (options.prove !== false) await proveDemoDriver((path, init) => app.request(path, init), token, mobile);
      return { Authorization: `Bearer ${token}` };
    },
    async staffHeaders(k) {
      const { key } = await keys.create({ ...k, label: `test ${k.roles.join(",")}` });
      return { Authorization: `Bearer ${key}` };
    },
    post(path, body, headers, key) {
      return Promise.resolve(
        app.request(path, {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/json", "Idempotency-Key": key ?? idem() },
          body: JSON.stringify(body),
        }),
      );
    },
    postForm(path, form, headers, key) {
      return Promise.resolve(
        app.request(path, { method: "POST", headers: { ...headers, "Idempotency-Key": key ?? idem() }, body: form }),
      );
    },
    get(path, headers) {
      return Promise.resolve(app.request(path, { headers }));
    },
  };
}

/** A multipart form; files given as [bytes, type, name]. */
export function formOf(fields: Record<string, string | [Uint8Array, string, string]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") f.append(k, v);
    else f.append(k, new File([v[0] as BlobPart], v[2], { type: v[1] }));
  }
  return f;
}
