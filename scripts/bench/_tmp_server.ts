import "reflect-metadata";
import { mkdtempSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
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
const session = new Session();
session.connect();
await session.post("Profiler.enable");
serve({ fetch: fetchFn, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" }, (info) => console.error(`PORT ${info.port}`));
process.on("SIGUSR2", async () => { await session.post("Profiler.start"); console.error("profiling"); });
process.on("SIGTERM", async () => {
  try { const { profile } = await session.post("Profiler.stop"); writeFileSync(process.env.PROF ?? "/tmp/prof/server.cpuprofile", JSON.stringify(profile)); } catch {}
  process.exit(0);
});
