import "reflect-metadata";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";

const { buildPlatform } = await import("../../adapters/composition/compose.ts");
const { loadDeploymentConfig } = await import("../../adapters/composition/deployment-config.ts");
const { createJsonLogger } = await import("../../adapters/logging/json-logger.ts");
const { createApp } = await import("../../http/app.ts");
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), "fif-prof-")) };
delete env.DATABASE_URL;
const config = loadDeploymentConfig(env);
let bytes = 0;
const logger = createJsonLogger({ level: "info", write: (l) => { bytes += l.length; } });
const platform = await buildPlatform(config, env, { migrate: true, logger });
const app = createApp(platform, { env, logger });
const bare = new Hono();
bare.get("/health", (c) => c.json({ status: "ok" }));

async function run(name: string, f: (r: Request) => Response | Promise<Response>, headers: Record<string, string> = {}) {
  const N = 20000;
  for (let i = 0; i < 2000; i++) await (await f(new Request("http://127.0.0.1/health", { headers }))).text();
  const t = performance.now();
  for (let i = 0; i < N; i++) await (await f(new Request("http://127.0.0.1/health", { headers }))).text();
  const ms = performance.now() - t;
  console.log(name, ((N / ms) * 1000).toFixed(0), "req/s", ((ms * 1000) / N).toFixed(1), "µs/req");
}
const which = process.argv[2] ?? "all";
const { Session } = await import("node:inspector/promises");
const { writeFileSync } = await import("node:fs");
const session = new Session();
if (process.env.PROF) { session.connect(); await session.post("Profiler.enable"); await run("warm", app.fetch); await session.post("Profiler.start"); }
for (let k = 0; k < 3; k++) {
  if (which !== "app") await run("bare", bare.fetch);
  if (which !== "bare") await run("app ", app.fetch);
  if (which === "all") await run("app+cookie", app.fetch, { Cookie: "lang=en; fif_session=fis_abcdefghijklmnop" });
}
console.log("log bytes", bytes);
if (process.env.PROF) { const { profile } = await session.post("Profiler.stop"); writeFileSync(process.env.PROF, JSON.stringify(profile)); }
await platform.close();
process.exit(0);
