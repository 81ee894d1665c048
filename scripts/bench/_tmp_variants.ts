import "reflect-metadata";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
const mode = process.argv[2] ?? "app";
let fetchFn: (req: Request) => Response | Promise<Response>;
if (mode === "bare" || mode === "bare-log" || mode === "bare-mw") {
  const bare = new Hono();
  if (mode === "bare-log") {
    const { createJsonLogger } = await import("../../adapters/logging/json-logger.ts");
    const logger = createJsonLogger({ level: "info" });
    let n = 0;
    bare.use("*", async (c, next) => { const t = performance.now(); await next(); logger.info("request", { requestId: `req_${n++}`, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - t) * 10) / 10 }); });
  }
  if (mode === "bare-mw") {
    const { secureHeaders } = await import("hono/secure-headers");
    bare.use("*", secureHeaders());
  }
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
  const logger = createJsonLogger({ level: mode === "app-nolog" ? "error" : "info" });
  const platform = await buildPlatform(config, env, { migrate: true, logger });
  fetchFn = createApp(platform, { env, logger }).fetch;
}
serve({ fetch: fetchFn, port: 0, hostname: "127.0.0.1" }, (info) => console.log(`PORT ${info.port}`));
