import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Smoke start: runs `npm start` on a fresh embedded database, waits for /ready, fetches
 * /openapi.json and the home page, then stops the server. Exit code 0 only if all answered.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      s.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), "fif-smoke-"));
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
delete env.DATABASE_URL;
const child = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
let output = "";
child.stdout.on("data", (b) => (output += b));
child.stderr.on("data", (b) => (output += b));

const base = `http://127.0.0.1:${port}`;
const deadline = Date.now() + 120_000;
let failure: string | null = null;
try {
  let ready = false;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const r = await fetch(`${base}/ready`);
      if (r.status === 200) {
        ready = true;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!ready) throw new Error("/ready never answered 200");
  const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { openapi?: string; paths?: object };
  if (!doc.openapi?.startsWith("3.1")) throw new Error(`/openapi.json is not OpenAPI 3.1: ${doc.openapi}`);
  const paths = Object.keys(doc.paths ?? {}).length;
  const home = await fetch(`${base}/`);
  if (home.status !== 200) throw new Error(`home page answered ${home.status}`);
  console.log(`smoke: /ready 200, /openapi.json ${doc.openapi} with ${paths} paths, / 200 on port ${port}`);
} catch (e) {
  failure = (e as Error).message;
} finally {
  try {
    process.kill(-(child.pid as number), "SIGTERM");
  } catch {
    // already gone
  }
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dataDir, { recursive: true, force: true });
}
if (failure) {
  console.error(`smoke: FAILED — ${failure}\n--- server output ---\n${output.slice(-4000)}`);
  process.exit(1);
}
