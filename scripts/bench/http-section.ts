import { type ChildProcess, spawn } from "node:child_process";
import autocannon from "autocannon";
import { fmtRatio, type Row } from "./measure.ts";

/**
 * HTTP /health throughput of the platform app against a bare hono app, each in its own
 * process on this machine, loaded by autocannon from this process (same connections, duration).
 */
async function startServer(mode: "app" | "bare"): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/http-server.ts", mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${mode} server did not start`)), 120_000);
    child.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners("data");
        child.stdout?.resume();
        resolve(Number(m[1]));
      }
    });
    child.on("exit", (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return { port, child };
}

async function load(port: number): Promise<{ rps: number; p50: number; p99: number }> {
  const url = `http://127.0.0.1:${port}/health`;
  await autocannon({ url, connections: 20, duration: 2 }); // warm-up
  const r = await autocannon({ url, connections: 50, duration: 6 });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${r.non2xx} non-2xx and ${r.errors} errors from ${url}`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

export async function httpSection(): Promise<Row[]> {
  const rows: Row[] = [];
  const results: Record<string, { rps: number; p50: number; p99: number }> = {};
  for (const mode of ["bare", "app"] as const) {
    const { port, child } = await startServer(mode);
    try {
      results[mode] = await load(port);
    } finally {
      child.kill("SIGTERM");
    }
  }
  const app = results.app!;
  const bare = results.bare!;
  rows.push({
    section: "http",
    measure: "GET /health, 50 connections (request id, JSON log, problem handling)",
    value: `${app.rps.toFixed(0)} req/s p50 ${app.p50} ms p99 ${app.p99} ms`,
    baseline: `${bare.rps.toFixed(0)} req/s bare hono`,
    ratio: fmtRatio(app.rps, bare.rps),
    goal: "",
  });
  return rows;
}
