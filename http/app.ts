import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { type AuthService, createAuthService } from "../adapters/auth/auth-service.ts";
import { type AuthSettings, authSettingsFromEnv } from "../adapters/auth/auth-settings.ts";
import type { Platform } from "../adapters/composition/platform.ts";
import { createJsonLogger, isLogLevel, type JsonLogger } from "../adapters/logging/json-logger.ts";
import {
  createIdempotencyStore,
  type IdempotencyStore as PlatformIdempotencyStore,
} from "../adapters/platform/idempotency-store.ts";
import type { BlindIndexer, Notifier } from "../core/kernel/mod.ts";
import { registerAuthRoutes } from "./auth/auth-routes.ts";
import { blindIndexerFor, fieldCipherOf, identityVerifierResolver, notifierResolver } from "./auth/auth-wiring.ts";
import { registerIdentityRoutes } from "./auth/identity-routes.ts";
import type { App, AppEnv } from "./env.ts";
import { authenticate } from "./middleware/authenticate.ts";
import { bodyLimit, DEFAULT_BODY_LIMIT } from "./middleware/body-limit.ts";
import type { IdempotencyStore } from "./middleware/idempotency.ts";
import { methodNotAllowed } from "./middleware/method-not-allowed.ts";
import { requestContext } from "./middleware/request-context.ts";
import { type HttpModule, httpModules } from "./modules.ts";
import { language } from "./pages/i18n.ts";
import { pageHeaders, registerPageRoutes } from "./pages/page-routes.tsx";
import { handleError } from "./problem/error-handler.ts";
import { notFound } from "./problem/not-found.tsx";
import { validationHook } from "./problem/validation-hook.ts";
import { registerDocsRoutes } from "./system/docs-routes.ts";
import { registerHealthRoute } from "./system/health-route.ts";
import { databaseReadiness, type ReadinessProbe } from "./system/readiness.ts";
import { registerSystemRoutes } from "./system/system-routes.ts";

/**
 * The HTTP application: problem details for every error (KRN-R11), request ids and JSON logs,
 * body limits, authentication (KRN-R06), /health, /ready, /openapi.json, /docs, the pages
 * shell, and every module in `httpModules`. See http/README.md.
 */
export interface AppOptions {
  /** Modules to mount; default `httpModules`. */
  readonly modules?: readonly HttpModule[];
  /** Default: a JSON logger on stdout at LOG_LEVEL (default info). */
  readonly logger?: JsonLogger;
  /** Environment for settings and keys; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A ready-made auth service (else built from the platform, the settings and the keyring). */
  readonly auth?: AuthService;
  readonly authSettings?: AuthSettings;
  /** Blind index for citizens' mobiles (default: from the platform's keyring). */
  readonly blindIndexer?: BlindIndexer;
  /** One notifier for every region (tests); default: each region's `kernel.Notifier` plugin. */
  readonly notifier?: Notifier;
  readonly idempotency?: IdempotencyStore;
  /** Default request body limit in bytes (1 MiB); routes raise theirs with `allowBodyUpTo`. */
  readonly bodyLimitBytes?: number;
  readonly readiness?: ReadinessProbe;
  readonly title?: string;
  readonly version?: string;
}

/**
 * The body limit for requests that can carry a body. GET and HEAD never do (the server does not
 * read one), so they skip the stream wrapping, which would also turn the server's lightweight
 * request into a full `Request` on every page view.
 */
function limitBodies(defaultBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit(defaultBytes);
  return (c, next) => {
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD") return limit(c, next);
    c.set("bodyLimit", defaultBytes);
    c.set("bodyLimitExceeded", false);
    return next();
  };
}

/** The services an app runs on; `npm start` builds them once to share them with housekeeping. */
export interface AppServices {
  readonly logger: JsonLogger;
  readonly auth: AuthService;
  readonly idempotency: PlatformIdempotencyStore;
}

/** The logger, auth service and idempotency store `createApp` uses unless given its own. */
export function createAppServices(
  platform: Platform,
  options: Pick<AppOptions, "logger" | "env" | "auth" | "authSettings" | "blindIndexer" | "notifier"> = {},
): AppServices {
  const env = options.env ?? process.env;
  const logLevel = env.LOG_LEVEL ?? "info";
  const logger = options.logger ?? createJsonLogger({ level: isLogLevel(logLevel) ? logLevel : "info" });
  const auth =
    options.auth ??
    createAuthService({
      db: platform.database.db,
      clock: platform.clock,
      ids: platform.ids,
      blindIndexer: options.blindIndexer ?? blindIndexerFor(platform, env, logger),
      notifierFor: options.notifier ? () => options.notifier as Notifier : notifierResolver(platform),
      cipher: fieldCipherOf(platform),
      identityVerifierFor: identityVerifierResolver(platform),
      citizenRegions: () => [...platform.regions.keys()],
      settings: options.authSettings ?? authSettingsFromEnv(env),
    });
  return { logger, auth, idempotency: createIdempotencyStore(platform.database.db, platform.clock) };
}

export function createApp(platform: Platform, options: AppOptions = {}): App {
  const services = createAppServices(platform, options);
  const { logger, auth } = services;
  const idempotency = options.idempotency ?? services.idempotency;
  const modules = options.modules ?? httpModules;

  const app: App = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("*", (c, next) => {
    c.set("platform", platform);
    c.set("auth", auth);
    c.set("logger", logger);
    c.set("idempotency", idempotency);
    return next();
  });
  app.use("*", requestContext({ newId: () => platform.ids.next("req") }));
  app.use("*", secureHeaders({ strictTransportSecurity: auth.settings.secureCookies ? "max-age=15552000" : false }));
  app.use("*", methodNotAllowed(app));

  // Routes that need no request body, page language or caller answer here, before that work.
  const title = options.title ?? "Fujian inclusive-finance platform";
  registerHealthRoute(app);
  registerDocsRoutes(app, { title });

  app.use("*", limitBodies(options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT));
  app.use("*", language());
  app.use("*", authenticate());
  app.use("*", pageHeaders());

  registerSystemRoutes(app, {
    readiness: options.readiness ?? databaseReadiness(platform),
    title,
    version: options.version ?? "0.1.0",
  });
  registerAuthRoutes(app);
  registerIdentityRoutes(app);
  const titles = new Map(modules.flatMap((m) => (m.title ? [[m.id, m.title] as const] : [])));
  registerPageRoutes(app, titles);
  for (const m of modules) {
    m.registerApi(app, platform);
    m.registerPages?.(app, platform);
  }

  app.notFound(notFound);
  app.onError(handleError);
  return app;
}
