import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AuthService } from "../adapters/auth/auth-service.ts";
import type { SessionInfo } from "../adapters/auth/session-store.ts";
import type { Platform } from "../adapters/composition/platform.ts";
import type { JsonLogger } from "../adapters/logging/json-logger.ts";
import type { Principal } from "../core/kernel/mod.ts";
import type { IdempotencyStore } from "./middleware/idempotency.ts";
import type { Lang } from "./pages/i18n.ts";

/** What every request's context carries (`c.get(…)` / `c.var.…`). */
export interface AppVariables {
  requestId: string;
  platform: Platform;
  auth: AuthService;
  logger: JsonLogger;
  idempotency: IdempotencyStore;
  /** The authenticated caller, if any (set by the authenticate middleware). */
  principal: Principal | undefined;
  /** The session behind the principal, when it came from a session token or cookie. */
  session: SessionInfo | undefined;
  /** A credential was presented but is not valid (unknown, expired or revoked). */
  credentialsRejected: boolean;
  /** Largest request body this route accepts, in bytes (see middleware/body-limit.ts). */
  bodyLimit: number;
  bodyLimitExceeded: boolean;
  /** Page language (zh first; `?lang=en` switches and remembers it in a cookie). */
  lang: Lang;
}

export type AppEnv = { Variables: AppVariables };
export type App = OpenAPIHono<AppEnv>;
