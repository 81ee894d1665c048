import type { CapturedQuery } from "./marketplace-scratch.ts";

/**
 * Turns the statements one use-case call sent (captured from Kysely, with their parameters)
 * into a pgbench script that sends the same statements in the same transactions: parameters
 * become literals, except what must differ per transaction or client —
 * - ids minted during the call (application, push, outbox event) → unique per transaction;
 * - the consent → one per client (as the application side gives each worker its own);
 * - the audit chain chained in the database (the marketplace unit of work with the node hasher,
 *   audit-writer's `appendAuditEntriesChainedInDatabase`): nothing to substitute — the head
 *   upsert-lock and the chaining statement are sent as they are, pipelined with the rest of the
 *   tail and the COMMIT, so pgbench holds the head lock exactly as long as the application does
 *   (the hashed text keeps the call's ids literally; only its length matters to the work);
 * - otherwise the audit chain's head: `select … for update` keeps `\gset`, and the entries (one or a
 *   multi-row batch, alone or inside a data-modifying CTE) and the head move use `:seq + n` and
 *   `:hash` from it, as the audit writer does in JavaScript.
 * Round trips as the application makes them: statements it sent without waiting (BEGIN, and those
 * marked `PIPELINED`, see adapters/db/create-database.ts) open a `\startpipeline`, which the next
 * statement it waited for closes (`\endpipeline` after it) — one round trip for the lot, as
 * postgres.js sends them. pgbench refuses `\gset` inside a pipeline, so when the head lock is
 * such a closing statement it is sent as is (same statement, same lock) and the statements after
 * it take the head's seq and hash from the head row itself, which this transaction holds locked
 * (`(select seq from platform.audit_head where region_code = …)`: a primary-key lookup more per use,
 * a little more work for pgbench than for the application).
 * Run it with `pgbench -M prepared` (variables are sent as parameters).
 */
export type CapturedStep = { readonly kind: "begin" | "commit" } | ({ readonly kind: "query" } & CapturedQuery);

export interface ScriptContext {
  /** Ids the call minted (IdGenerator.next), e.g. "app_01J…". */
  readonly mintedIds: readonly string[];
  /** The consent the call used; replaced by `<consentPrefix><client_id>`. */
  readonly consentId: string;
  readonly consentPrefix: string;
  /** Other parameter values to send as an SQL expression instead (e.g. a random row's id). */
  readonly substitutions?: ReadonlyMap<string, string>;
  /** Extra `\\set` lines at the top (the variables those expressions use). */
  readonly preamble?: readonly string[];
}

function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "NULL";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return quote(v.toISOString());
  if (typeof v === "string") return quote(v);
  if (Array.isArray(v))
    return quote(`{${v.map((x) => `"${String(x).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`);
  return quote(JSON.stringify(v));
}

/**
 * A string literal. pgbench reads ":name" anywhere in a statement as a variable, so a colon
 * (in a timestamp or a JSON text) is written as the escape \x3a inside an E'' string.
 */
function quote(text: string): string {
  const body = text.replaceAll("'", "''");
  if (!body.includes(":")) return `'${body}'`;
  return `E'${body.replaceAll("\\", "\\\\").replaceAll(":", "\\x3a")}'`;
}

/** Where a parameter sits in an insert: its table, column and row (0-based). */
interface InsertSlot {
  readonly table: string;
  readonly column: string;
  readonly row: number;
}

/**
 * The slot of every parameter of the `insert into <table> (cols) values ($…), ($…)` parts of a
 * statement — a plain (multi-row) insert or the inserts inside data-modifying CTEs.
 */
function insertSlots(sql: string): Map<number, InsertSlot> {
  const slots = new Map<number, InsertSlot>();
  const head = /insert into ((?:"[^"]+"\.)?"[^"]+") \(([^)]*)\) values /gi;
  for (let m = head.exec(sql); m; m = head.exec(sql)) {
    const table = (m[1] as string).replaceAll('"', "");
    const columns = (m[2] as string).split(",").map((c) => c.trim().replaceAll('"', ""));
    const tuple = /\((\$\d+(?:, \$\d+)*)\)(?:, )?/y;
    tuple.lastIndex = head.lastIndex;
    let row = 0;
    for (let t = tuple.exec(sql); t; t = tuple.exec(sql), row++) {
      (t[1] as string).split(", ").forEach((p, i) => {
        slots.set(Number(p.slice(1)) - 1, { table, column: columns[i] as string, row });
      });
    }
  }
  return slots;
}

/** The prefix the platform puts on statements it sends without waiting (adapters/db/create-database.ts). */
const PIPELINED_PREFIX = "/* pipelined */ ";

export function pgbenchScript(steps: readonly CapturedStep[], ctx: ScriptContext): string {
  const lines: string[] = [...(ctx.preamble ?? [])];
  const ids = new Map(ctx.mintedIds.map((id, i) => [id, i + 1]));
  for (const n of ids.values()) lines.push(`\\set r${n} random(1, 999999999999)`);
  let auditRows = 1;
  let inPipeline = false;
  // How the statements after the head lock refer to the head's seq and hash.
  let seq = ":seq";
  let hash = ":hash";
  for (const step of steps) {
    if (step.kind !== "query") {
      lines.push(step.kind === "begin" ? "BEGIN;" : "COMMIT;");
      continue;
    }
    const pipelined = /^(begin|start transaction)\b/i.test(step.sql) || step.sql.startsWith(PIPELINED_PREFIX);
    const sql = step.sql.startsWith(PIPELINED_PREFIX) ? step.sql.slice(PIPELINED_PREFIX.length) : step.sql;
    const headLock = /^select "seq", "hash" from "platform"\."audit_head" .* for update$/.test(sql);
    const slots = insertSlots(sql);
    const auditSlots = [...slots.values()].filter((x) => x.table === "platform.audit_log");
    if (auditSlots.length > 0) auditRows = Math.max(...auditSlots.map((x) => x.row)) + 1;
    // The head move (alone, or as the main statement after the entries' CTE): its new seq.
    const headMove = /update "platform"\."audit_head" set "seq" = \$(\d+)/.exec(sql);
    const headSeq = headMove ? Number(headMove[1]) - 1 : -1;
    const text = sql
      .replace(/\s+/g, " ")
      .trim()
      .replace(/\$(\d+)/g, (_m, digits: string) => {
        const i = Number(digits) - 1;
        const value = step.parameters[i];
        // Audit entry r is seq + r + 1, the first chained on the head's hash (as the writer does).
        const slot = slots.get(i);
        if (slot?.table === "platform.audit_log" && slot.column === "seq") return `(${seq} + ${slot.row + 1})`;
        if (slot?.table === "platform.audit_log" && slot.column === "prev_hash" && slot.row === 0) return hash;
        if (i === headSeq) return `(${seq} + ${auditRows})`;
        if (typeof value === "string" && ids.has(value)) {
          return `('${value.split("_")[0]}_pgb' || :client_id || 'x' || :r${ids.get(value)})`;
        }
        if (value === ctx.consentId) return `('${ctx.consentPrefix}' || :client_id)`;
        if (typeof value === "string" && ctx.substitutions?.has(value)) return ctx.substitutions.get(value) as string;
        return literal(value);
      });
    if (pipelined) {
      if (!inPipeline) lines.push("\\startpipeline");
      inPipeline = true;
      lines.push(`${text};`);
    } else if (inPipeline) {
      lines.push(`${text};`, "\\endpipeline");
      inPipeline = false;
      if (headLock) {
        const region = literal(step.parameters[0]);
        seq = `(select seq from platform.audit_head where region_code = ${region})`;
        hash = `(select hash from platform.audit_head where region_code = ${region})`;
      }
    } else {
      lines.push(headLock ? `${text} \\gset` : `${text};`);
    }
  }
  if (inPipeline) lines.push("\\endpipeline");
  return `${lines.join("\n")}\n`;
}

/** pgbench's "tps = … (without initial connection time)". */
export function pgbenchTps(output: string): number {
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!m) throw new Error(`pgbench printed no tps:\n${output}`);
  return Number(m[1]);
}
