import { createApiKeyStore } from "../../../../adapters/auth/api-key-store.ts";
import { createJsonLogger } from "../../../../adapters/logging/json-logger.ts";
import type { Role } from "../../../../core/kernel/mod.ts";
import { createApp } from "../../../../http/app.ts";
import type { App } from "../../../../http/env.ts";
import type { HttpModule } from "../../../../http/modules.ts";
import { registerQuickClaimPages } from "../../../../http/quickclaim/pages/register-pages.tsx";
import { lastCode, RecordingNotifier } from "../../../http/support/test-platform.ts";
import {
  createQuickClaimTestPlatform,
  type QuickClaimTestOptions,
  type QuickClaimTestPlatform,
} from "../../adapters/support/quickclaim-platform.ts";
import { proveDemoDriver } from "../../api/support/prove-demo-driver.ts";

/** The pages alone, mounted the way http-module.ts mounts them (no JSON API needed here). */
export const quickClaimPagesModule: HttpModule = {
  id: "quickclaim",
  title: { zh: "快处快赔121", en: "Quick claims 121" },
  registerApi() {},
  registerPages: registerQuickClaimPages,
};

export interface PageApp extends QuickClaimTestPlatform {
  readonly app: App;
  /** Receives the one-time sign-in codes. */
  readonly codes: RecordingNotifier;
  /** A staff API key (Bearer) with these roles. */
  staffKey(roles: Role[], regionCodes: string[], institutionId?: string): Promise<string>;
  /** A citizen session token (Bearer) after signing in by one-time code (a demo driver also does 实名认证). */
  citizenToken(mobile: string): Promise<string>;
}

/** The real platform (database, plugins, Ningde pack) with the app and the quick-claim pages. */
export async function createPageApp(o: QuickClaimTestOptions = {}): Promise<PageApp> {
  const t = await createQuickClaimTestPlatform(o);
  const codes = new RecordingNotifier("350900");
  const app = createApp(t.platform, {
    env: {},
    logger: createJsonLogger({ write: () => {} }),
    modules: [quickClaimPagesModule],
    blindIndexer: t.blindIndexer,
    notifier: codes,
  });
  const keys = createApiKeyStore(t.platform.database.db, t.clock, t.platform.ids);
  return {
    ...t,
    app,
    codes,
    async staffKey(roles, regionCodes, institutionId) {
      const { key } = await keys.create({
        roles,
        regionCodes,
        ...(institutionId ? { institutionId } : {}),
        label: `test ${roles.join(",")}`,
      });
      return key;
    },
    async citizenToken(mobile) {
      const json = { "Content-Type": "application/json" };
      const sent = await app.request("/auth/otp", { method: "POST", headers: json, body: JSON.stringify({ mobile }) });
      if (sent.status >= 300) throw new Error(`OTP request failed: ${sent.status} ${await sent.text()}`);
      const code = lastCode([codes], mobile);
      const res = await app.request("/auth/otp/verify", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ mobile, code }),
      });
      const body = (await res.json()) as { token?: string };
      if (!body.token) throw new Error(`OTP verify failed: ${res.status}`);
      await proveDemoDriver((path, init) => app.request(path, init), body.token, mobile);
      return body.token;
    },
  };
}

const ORIGIN = "http://localhost";

/** GET a page as `token`'s holder. */
export function getPage(app: App, path: string, token?: string): Promise<Response> {
  return Promise.resolve(app.request(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} }));
}

/** POST a form (multipart when there are files) from our own origin, as a browser would. */
export function postForm(
  app: App,
  path: string,
  token: string | undefined,
  fields: Readonly<Record<string, string>>,
  files: Readonly<Record<string, { name: string; type: string; bytes: Uint8Array }>> = {},
): Promise<Response> {
  const headers: Record<string, string> = { Origin: ORIGIN };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: FormData | URLSearchParams;
  if (Object.keys(files).length > 0) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    for (const [k, f] of Object.entries(files)) fd.append(k, new File([f.bytes.slice()], f.name, { type: f.type }));
    body = fd;
  } else {
    body = new URLSearchParams(fields as Record<string, string>);
  }
  return Promise.resolve(app.request(path, { method: "POST", headers, body }));
}

/**
 * The single-use key of the form in `html` posting to `action` (see form-once.tsx); with
 * `containing`, the first such form whose markup contains that text (e.g. a slot's hidden field).
 */
export function onceFor(html: string, action: string, containing?: string): string {
  let from = 0;
  for (;;) {
    const at = html.indexOf(`action="${action}"`, from);
    if (at < 0) throw new Error(`no form posts to ${action}${containing ? ` containing ${containing}` : ""}`);
    const form = html.slice(at, html.indexOf("</form>", at));
    if (containing === undefined || form.includes(containing)) {
      const m = /name="_once" value="([^"]+)"/.exec(form);
      if (!m) throw new Error(`the form posting to ${action} has no _once field`);
      return m[1] as string;
    }
    from = at + 1;
  }
}
