import { type AuthService, createAuthService } from "../../../adapters/auth/auth-service.ts";
import { DEFAULT_AUTH_SETTINGS } from "../../../adapters/auth/auth-settings.ts";
import { createJsonLogger } from "../../../adapters/logging/json-logger.ts";
import type { Notifier } from "../../../core/kernel/mod.ts";
import type { AppOptions } from "../../../http/app.ts";
import { createApp } from "../../../http/app.ts";
import { notifierResolver } from "../../../http/auth/auth-wiring.ts";
import type { App } from "../../../http/env.ts";
import { createTestPlatform, type TestPlatform } from "./test-platform.ts";

/** A test platform plus the app over it, with log lines captured instead of printed. */
export interface TestApp extends TestPlatform {
  readonly app: App;
  readonly auth: AuthService;
  readonly logLines: string[];
  /** Parsed log lines. */
  logs(): Record<string, unknown>[];
}

export async function createTestApp(options: AppOptions & { readonly migrate?: boolean } = {}): Promise<TestApp> {
  const t = await createTestPlatform({ migrate: options.migrate ?? true });
  const logLines: string[] = [];
  const auth =
    options.auth ??
    createAuthService({
      db: t.platform.database.db,
      clock: t.clock,
      ids: t.platform.ids,
      blindIndexer: t.blindIndexer,
      notifierFor: options.notifier ? () => options.notifier as Notifier : notifierResolver(t.platform),
      citizenRegions: () => [...t.platform.regions.keys()],
      settings: options.authSettings ?? DEFAULT_AUTH_SETTINGS,
    });
  const app = createApp(t.platform, {
    env: {},
    logger: createJsonLogger({ level: "debug", write: (l) => logLines.push(l) }),
    modules: [],
    ...options,
    auth,
  });
  return { ...t, app, auth, logLines, logs: () => logLines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** JSON request helper: `send(app, "POST", "/auth/otp", { mobile })`. */
export function jsonRequest(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  };
}
