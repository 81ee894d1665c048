import "reflect-metadata";
import { serve } from "@hono/node-server";
import { buildPlatform } from "../adapters/composition/compose.ts";
import { CompositionError } from "../adapters/composition/composition-error.ts";
import { loadDeploymentConfig } from "../adapters/composition/deployment-config.ts";
import {
  createMaintenance,
  DEFAULT_MAINTENANCE_INTERVAL_MS,
  platformMaintenanceTasks,
} from "../adapters/composition/maintenance.ts";
import { describeDatabase } from "../adapters/composition/open-database.ts";
import { createOutboxDispatcher } from "../adapters/composition/outbox-subscriptions.ts";
import { runSeeds } from "../adapters/composition/seeds.ts";
import { printSeedResult, printStartupError } from "../adapters/composition/startup-report.ts";
import { createJsonLogger, isLogLevel } from "../adapters/logging/json-logger.ts";
import { createApp, createAppServices } from "../http/app.ts";
import { provisionalYearsOf } from "../http/system/region-summary.ts";

/**
 * `npm start`: reads the deployment config (+ environment), composes the platform on PGlite in
 * DATA_DIR (default ./data) or on Postgres when DATABASE_URL is set, applies migrations, seeds
 * the demo data idempotently (not in production unless SEED_DEMO=1), serves the app on PORT
 * (default 3000) and runs the outbox dispatcher and the housekeeping (expired idempotency keys,
 * sessions and one-time codes, every MAINTENANCE_INTERVAL_MS, default 10 minutes).
 * SIGINT/SIGTERM stop it gracefully.
 */
function intervalFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1000) {
    throw new CompositionError(`${name} must be a whole number of milliseconds, at least 1000 (got "${value}")`, {
      field: name,
    });
  }
  return n;
}

async function main(): Promise<void> {
  const env = process.env;
  const config = loadDeploymentConfig(env);
  const maintenanceIntervalMs = intervalFromEnv(
    env.MAINTENANCE_INTERVAL_MS,
    DEFAULT_MAINTENANCE_INTERVAL_MS,
    "MAINTENANCE_INTERVAL_MS",
  );
  const level = env.LOG_LEVEL ?? "info";
  const logger = createJsonLogger({ level: isLogLevel(level) ? level : "info" });
  const platform = await buildPlatform(config, env, { migrate: true, logger });

  const seedDemo = env.SEED_DEMO ? env.SEED_DEMO === "1" : !config.production;
  const seeded = seedDemo ? await runSeeds(platform) : undefined;

  const services = createAppServices(platform, { env, logger });
  const app = createApp(platform, { env, ...services });
  const maintenance = createMaintenance(platformMaintenanceTasks(services), {
    clock: platform.clock,
    logger,
    intervalMs: maintenanceIntervalMs,
  });
  maintenance.start();
  const dispatcher = createOutboxDispatcher(platform, undefined, (e) =>
    logger.error("outbox dispatcher error", { error: e as Error }),
  );
  dispatcher.start(Number(env.OUTBOX_INTERVAL_MS ?? 1000));

  const server = serve({ fetch: app.fetch, port: config.server.port, hostname: config.server.host }, (info) => {
    const host = config.server.host === "0.0.0.0" || config.server.host === "::" ? "localhost" : config.server.host;
    const url = `http://${host}:${info.port}`;
    const lines = [
      "",
      `福建普惠金融平台 Fujian inclusive-finance platform is running at ${url}`,
      `  database: ${describeDatabase(config)} (${platform.database.kind}), migrations applied`,
      `  config:   ${config.source}`,
      ...[...platform.regions.values()].flatMap((r) => {
        const provisional = provisionalYearsOf(r.kernel.calendar);
        return [
          `  region ${r.code} ${r.name.zh} ${r.name.en}: modules [${r.modules.join(", ") || "kernel only"}], plugins ${r.pluginDetails
            .map((p) => (p.simulator ? `${p.id} (simulator)` : p.id))
            .join(", ")}`,
          ...(provisional.length > 0
            ? [`    working-day calendar for ${provisional.join(", ")} is PROVISIONAL (statutory holidays only)`]
            : []),
        ];
      }),
      `  API reference: ${url}/docs   OpenAPI: ${url}/openapi.json   readiness: ${url}/ready`,
      "",
      "Sign in:",
      `  citizens: ${url}/ — request a one-time code for any mobile number; in development the`,
      "            dev-notifier writes the code to this log (look for 'dev-notifier: message NOT sent').",
      "  staff:    paste an API key on the staff sign-in page.",
    ];
    console.log(lines.join("\n"));
    if (seeded) printSeedResult(seeded, [...platform.regions.keys()]);
    console.log("Press Ctrl+C to stop.\n");
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting at once`);
      process.exit(1);
    }
    stopping = true;
    logger.info("shutting down", { signal });
    const force = setTimeout(() => {
      console.error("shutdown took more than 10 s; exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dispatcher.stop();
    await maintenance.stop();
    await platform.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((e: unknown) => {
  printStartupError(e);
  process.exit(e instanceof CompositionError ? 2 : 1);
});
