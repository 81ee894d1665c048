import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostArgument } from "../../adapters/db/connect-postgres.ts";
import { pgbenchTps } from "./marketplace-pgbench-script.ts";

export interface PgbenchRun {
  readonly clients: number;
  readonly seconds: number;
  /** Transactions per second to schedule (`-R`); unset runs as fast as it can. */
  readonly rate?: number;
  /** With a rate: leave the transactions of the first this many seconds out of the latencies. */
  readonly settleSeconds?: number;
}

export interface PgbenchResult {
  readonly tps: number;
  /** With a rate: each transaction's latency from its scheduled start, ms, sorted. */
  readonly latenciesMs: readonly number[];
}

/**
 * Runs `pgbench -n -M prepared` with `script` against `url` (the same server and database the
 * application side uses). With a rate, the per-transaction log gives latencies measured from the
 * scheduled start (latency + schedule lag), as the application side measures its own.
 */
export function runPgbench(url: string, script: string, run: PgbenchRun): PgbenchResult {
  const dir = mkdtempSync(join(tmpdir(), "mkt-pgbench-"));
  try {
    const file = join(dir, "script.sql");
    writeFileSync(file, script);
    if (process.env.MARKETPLACE_BENCH_KEEP_SCRIPT) writeFileSync(process.env.MARKETPLACE_BENCH_KEEP_SCRIPT, script);
    const u = new URL(url);
    const args = ["-n", "-M", "prepared", "-c", String(run.clients), "-j", "2", "-T", String(run.seconds), "-f", file];
    if (run.rate !== undefined) args.push("-R", String(run.rate), "--log", `--log-prefix=${join(dir, "log")}`);
    args.push(
      "-h",
      hostArgument(url),
      "-p",
      u.port || "5432",
      "-U",
      decodeURIComponent(u.username || "postgres"),
      u.pathname.slice(1),
    );
    const env = { ...process.env, ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}) };
    const r = spawnSync("pgbench", args, { encoding: "utf8", env, cwd: dir });
    if (r.status !== 0) throw new Error(`pgbench failed (${r.status}): ${r.stderr}\n${r.stdout}`);
    const entries: { at: number; ms: number }[] = [];
    if (run.rate !== undefined) {
      // client, transaction, latency µs, script, epoch s, µs, schedule lag µs
      for (const f of readdirSync(dir).filter((x) => x.startsWith("log"))) {
        for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
          const cols = line.trim().split(/\s+/).map(Number);
          if (cols.length < 7) continue;
          entries.push({
            at: (cols[4] as number) + (cols[5] as number) / 1e6,
            ms: ((cols[2] as number) + (cols[6] as number)) / 1000,
          });
        }
      }
    }
    const first = Math.min(...entries.map((e) => e.at));
    const latenciesMs = entries
      .filter((e) => e.at >= first + (run.settleSeconds ?? 0))
      .map((e) => e.ms)
      .sort((a, b) => a - b);
    return { tps: pgbenchTps(r.stdout), latenciesMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
