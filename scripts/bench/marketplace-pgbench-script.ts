import type { CapturedQuery } from "./marketplace-scratch.ts";

/**
 * Turns the statements one use-case call sent (captured from Kysely, with their parameters)
 * into a pgbench script that sends the same statements in the same transactions: parameters
 * become literals, except what must differ per transaction or client —
 * - ids minted during the call (application, push, outbox event) → unique per transaction;
 * - the consent → one per client (as the application side gives each worker its own);
 * - the audit chain's head: `select … for update` keeps `\gset`, and the entries (one or a
 *   multi-row batch) and the head move use `:seq + n` and `:hash` from it, as the audit writer
 *   does in JavaScript.
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

/** The column names of `insert into … (cols) values ($1, …)`, in order, or undefined. */
function insertColumns(sql: string): string[] | undefined {
  const m = /^insert into [^(]+\(([^)]*)\) values \(([^)]*)\)/i.exec(sql);
  if (!m) return undefined;
  return (m[1] as string).split(",").map((c) => c.trim().replaceAll('"', ""));
}

export function pgbenchScript(steps: readonly CapturedStep[], ctx: ScriptContext): string {
  const lines: string[] = [...(ctx.preamble ?? [])];
  const ids = new Map(ctx.mintedIds.map((id, i) => [id, i + 1]));
  for (const n of ids.values()) lines.push(`\\set r${n} random(1, 999999999999)`);
  let auditRows = 1;
  for (const step of steps) {
    if (step.kind !== "query") {
      lines.push(step.kind === "begin" ? "BEGIN;" : "COMMIT;");
      continue;
    }
    const auditInsert = /^insert into "platform"\."audit_log"/.test(step.sql);
    const headMove = /^update "platform"\."audit_head" set "seq" = \$1/.test(step.sql);
    const headLock = /^select "seq", "hash" from "platform"\."audit_head" .* for update$/.test(step.sql);
    const columns = auditInsert ? insertColumns(step.sql) : undefined;
    if (columns) auditRows = step.parameters.length / columns.length;
    const text = step.sql
      .replace(/\s+/g, " ")
      .trim()
      .replace(/\$(\d+)/g, (_m, digits: string) => {
        const i = Number(digits) - 1;
        const value = step.parameters[i];
        // A multi-row audit insert: row r is entry seq + r + 1, the first chained on the head's hash.
        const row = columns ? Math.floor(i / columns.length) : 0;
        const column = columns?.[i % columns.length];
        if (column === "seq") return `(:seq + ${row + 1})`;
        if (column === "prev_hash" && row === 0) return ":hash";
        if (headMove && i === 0) return `(:seq + ${auditRows})`;
        if (typeof value === "string" && ids.has(value)) {
          return `('${value.split("_")[0]}_pgb' || :client_id || 'x' || :r${ids.get(value)})`;
        }
        if (value === ctx.consentId) return `('${ctx.consentPrefix}' || :client_id)`;
        if (typeof value === "string" && ctx.substitutions?.has(value)) return ctx.substitutions.get(value) as string;
        return literal(value);
      });
    lines.push(headLock ? `${text} \\gset` : `${text};`);
  }
  return `${lines.join("\n")}\n`;
}

/** pgbench's "tps = … (without initial connection time)". */
export function pgbenchTps(output: string): number {
  const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!m) throw new Error(`pgbench printed no tps:\n${output}`);
  return Number(m[1]);
}
