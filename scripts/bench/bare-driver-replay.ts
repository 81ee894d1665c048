import { connectPostgres } from "../../adapters/db/connect-postgres.ts";

/**
 * The driver's own ceiling: a pgbench script replayed through postgres.js alone — the same
 * statements, the same variables sent as parameters of named prepared statements (as `pgbench -M
 * prepared` sends them), the same pipelines (`\startpipeline` … `\endpipeline`: every statement
 * handed to the connection at once, the answers awaited together, as the platform's pipelining
 * does) — with no application code at all. Its rate against pgbench's on the same script says how
 * much of a write path's shortfall is the Node driver's per-message work, which no application
 * code can win back; the application's rate against it says what the application itself costs.
 *
 * Understood: `\set v random(a, b)`, `\set v :w % n`, `:name` variables (`client_id` is the client's
 * number, 0-based, as in pgbench), `\startpipeline`/`\endpipeline`, and `… \gset` after a statement
 * outside a pipeline. Anything else is refused, so the replay never quietly runs less than pgbench.
 */
type Command =
  | { readonly kind: "set"; readonly name: string; readonly value: (vars: Vars) => number }
  | { readonly kind: "pipeline"; readonly on: boolean }
  | { readonly kind: "sql"; readonly text: string; readonly names: readonly string[]; readonly gset: boolean };

type Vars = Map<string, string | number>;

export interface ReplayResult {
  readonly tps: number;
  /** This process's CPU (user + system) per transaction, µs. */
  readonly cpuMicrosPerTx: number;
}

function expression(expr: string): (vars: Vars) => number {
  const random = /^random\(\s*(-?\d+)\s*,\s*(-?\d+)\s*\)$/.exec(expr);
  if (random) {
    const lo = Number(random[1]);
    const hi = Number(random[2]);
    return () => lo + Math.floor(Math.random() * (hi - lo + 1));
  }
  const mod = /^:(\w+)\s*%\s*(\d+)$/.exec(expr);
  if (mod) {
    const name = mod[1] as string;
    const n = Number(mod[2]);
    return (vars) => Number(vars.get(name)) % n;
  }
  throw new Error(`bare-driver replay: unsupported \\set expression "${expr}"`);
}

/** A statement's `:name` variables become `$1…` in order of first use; quoted text is left alone. */
function parameterise(statement: string): { text: string; names: string[] } {
  const names: string[] = [];
  let text = "";
  let quoted = false;
  for (let i = 0; i < statement.length; i++) {
    const ch = statement[i] as string;
    if (ch === "'") quoted = !quoted;
    const m = !quoted && ch === ":" && statement[i - 1] !== ":" ? /^:([a-zA-Z_]\w*)/.exec(statement.slice(i)) : null;
    if (m && statement[i + 1] !== ":") {
      const name = m[1] as string;
      if (!names.includes(name)) names.push(name);
      text += `$${names.indexOf(name) + 1}`;
      i += name.length;
    } else text += ch;
  }
  return { text, names };
}

export function parseScript(script: string): Command[] {
  const commands: Command[] = [];
  for (const raw of script.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("--")) continue;
    const set = /^\\set\s+(\w+)\s+(.+)$/.exec(line);
    if (set) commands.push({ kind: "set", name: set[1] as string, value: expression((set[2] as string).trim()) });
    else if (line === "\\startpipeline" || line === "\\endpipeline")
      commands.push({ kind: "pipeline", on: line === "\\startpipeline" });
    else if (line.startsWith("\\")) throw new Error(`bare-driver replay: unsupported meta-command "${line}"`);
    else {
      const gset = line.endsWith("\\gset");
      const body = gset ? line.slice(0, -"\\gset".length).trim() : line.replace(/;$/, "");
      commands.push({ kind: "sql", gset, ...parameterise(body) });
    }
  }
  return commands;
}

/** Runs `script` with `clients` connections for `seconds`, as pgbench -M prepared would. */
export async function bareDriverReplay(
  url: string,
  script: string,
  run: { readonly clients: number; readonly seconds: number },
): Promise<ReplayResult> {
  const commands = parseScript(script);
  const sql = connectPostgres(url, { max: run.clients, onnotice: () => {} });
  try {
    const conns = await Promise.all(Array.from({ length: run.clients }, () => sql.reserve()));
    const once = async (client: number) => {
      const conn = conns[client] as (typeof conns)[number];
      const vars: Vars = new Map([["client_id", client]]);
      let pending: Promise<unknown>[] | null = null;
      for (const c of commands) {
        if (c.kind === "set") vars.set(c.name, c.value(vars));
        else if (c.kind === "pipeline") {
          if (c.on) pending = [];
          else {
            await Promise.all(pending ?? []);
            pending = null;
          }
        } else {
          const args = c.names.map((n) => {
            const v = vars.get(n);
            if (v === undefined) throw new Error(`bare-driver replay: variable :${n} is not set`);
            return String(v);
          });
          const q = conn.unsafe(c.text, args, { prepare: true });
          if (pending) pending.push(q.execute());
          else {
            const rows = await q;
            if (c.gset) for (const [k, v] of Object.entries(rows[0] ?? {})) vars.set(k, v as string | number);
          }
        }
      }
    };
    const drive = async (ms: number) => {
      const end = performance.now() + ms;
      let done = 0;
      const cpu = process.cpuUsage();
      const start = performance.now();
      await Promise.all(
        conns.map(async (_, client) => {
          while (performance.now() < end) {
            await once(client);
            done++;
          }
        }),
      );
      const used = process.cpuUsage(cpu);
      return {
        tps: (done * 1000) / (performance.now() - start),
        cpuMicrosPerTx: (used.user + used.system) / Math.max(1, done),
      };
    };
    await drive(1000); // warm-up: connections prepared
    const result = await drive(run.seconds * 1000);
    for (const c of conns) c.release();
    return result;
  } finally {
    await sql.end();
  }
}
