import "reflect-metadata";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

/**
 * A server for the HTTP bench, in its own process: `app` is the platform exactly as `npm start`
 * builds it (fresh embedded database), `bare` is a bare hono app answering /health the same way.
 * Prints `PORT <n>` once listening.
 */
const mode = process.argv[2];
let fetchFn: (req: Request) => Response | Promise<Response>;
if (mode === "bare") {
  const bare = new Hono();
  bare.get("/health", (c) => c.json({ status: "ok" }));
  fetchFn = bare.fetch;
} else {
  const { buildPlatform } = await import("../../adapters/composition/compose.ts");
  const { loadDeploymentConfig } = await import("../../adapters/composition/deployment-config.ts");
  const { createJsonLogger } = await import("../../adapters/logging/json-logger.ts");
  const { createApp } = await import("../../http/app.ts");
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), "fif-bench-")) };
  delete env.DATABASE_URL;
  const config = loadDeploymentConfig(env);
  const logger = createJsonLogger({ level: "info" });
  const platform = await buildPlatform(config, env, { migrate: true, logger });
  fetchFn = createApp(platform, { env, logger }).fetch;
}
serve({ fetch: fetchFn, port: 0, hostname: "127.0.0.1" }, (info) => console.log(`PORT ${info.port}`));
