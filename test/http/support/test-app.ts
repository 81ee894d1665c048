import { createJsonLogger } from "../../../adapters/logging/json-logger.ts";
import type { AppOptions } from "../../../http/app.ts";
import { createApp } from "../../../http/app.ts";
import type { App } from "../../../http/env.ts";
import { createTestPlatform, type TestPlatform } from "./test-platform.ts";

/** A test platform plus the app over it, with log lines captured instead of printed. */
export interface TestApp extends TestPlatform {
  readonly app: App;
  readonly logLines: string[];
  /** Parsed log lines. */
  logs(): Record<string, unknown>[];
}

export async function createTestApp(options: AppOptions & { readonly migrate?: boolean } = {}): Promise<TestApp> {
  const t = await createTestPlatform({ migrate: options.migrate ?? true });
  const logLines: string[] = [];
  const app = createApp(t.platform, {
    env: {},
    blindIndexer: t.blindIndexer,
    logger: createJsonLogger({ level: "debug", write: (l) => logLines.push(l) }),
    modules: [],
    ...options,
  });
  return { ...t, app, logLines, logs: () => logLines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** JSON request helper: `send(app, "POST", "/auth/otp", { mobile })`. */
export function jsonRequest(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { ...(body !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
  };
}
