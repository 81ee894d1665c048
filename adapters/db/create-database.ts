import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import { PostgresJSDialect } from "kysely-postgres-js";
import type postgres from "postgres";
import { connectPostgres } from "./connect-postgres.ts";

/**
 * The one place that opens a database. Postgres through postgres.js when a URL is given,
 * otherwise the embedded PGlite (in a data folder, or in memory when none is given).
 *
 * Normalisation lives here: int8 comes back as a JS number from both drivers (PGlite already
 * does; postgres.js is told to), refusing values outside the safe-integer range.
 */
export type AnyDb = Kysely<any>;

export interface DatabaseConfig {
  /** postgres://… — when set, a real Postgres server is used. */
  readonly url?: string | undefined;
  /** Folder for the embedded database; undefined keeps it in memory. */
  readonly dataDir?: string | undefined;
  /** Pool size for postgres.js. */
  readonly maxConnections?: number | undefined;
}

export interface Database {
  readonly db: AnyDb;
  readonly kind: "postgres" | "pglite";
  close(): Promise<void>;
}

function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${text} is outside the safe-integer range`);
  return n;
}

/**
 * Prefix of a statement sent without waiting for its answer (Postgres through postgres.js, inside
 * a transaction): it goes out pipelined with whatever follows on the same connection — typically
 * the next statement or the COMMIT — and the caller gets an empty result at once. Use it only for
 * writes whose outcome is "done, or the transaction fails" and whose result nobody reads (audit
 * entries, outbox events). If it fails, Postgres aborts the transaction; the failure is raised by
 * the next statement that is waited for (instead of Postgres's "current transaction is aborted"),
 * and at the latest by COMMIT, which then has not committed. Outside a transaction, and on
 * PGlite, the prefix is only a comment and the statement is waited for as usual.
 */
export const PIPELINED = "/* pipelined */ ";

const BEGIN = /^(begin|start transaction)\b/i;

type Unsafe = postgres.ReservedSql["unsafe"];

/**
 * kysely-postgres-js runs every query through `unsafe(text, params)`, which postgres.js sends
 * unprepared: a query with parameters then costs two round trips (Describe, then Bind/Execute).
 * Asking for named prepared statements — postgres.js's own default for its tagged queries —
 * costs the Describe once per connection and statement, then one round trip per query.
 *
 * Round trips are also saved by pipelining: BEGIN is not waited for (it goes out with the
 * transaction's first statement, and a failure of it is raised by that statement), nor are
 * statements marked `PIPELINED` (see there). Every statement that is waited for — COMMIT
 * included — first settles the pipelined ones before it, in order, and raises the first failure.
 */
export function preparedStatements(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop !== "reserve") return Reflect.get(target, prop, receiver);
      return async () => {
        const conn = await target.reserve();
        conn.unsafe = pipelining(conn.unsafe.bind(conn));
        return conn;
      };
    },
  });
}

function pipelining(unsafe: Unsafe): Unsafe {
  let inTransaction = false;
  let inFlight: Promise<unknown>[] = [];

  /** The first failure among the pipelined statements sent so far (all of them settled). */
  async function firstFailure(): Promise<{ error: unknown } | undefined> {
    const flights = inFlight;
    inFlight = [];
    let failure: { error: unknown } | undefined;
    for (const f of flights) {
      try {
        await f;
      } catch (error) {
        failure ??= { error };
      }
    }
    return failure;
  }

  async function afterPipelined(query: Promise<unknown>, rollback: boolean): Promise<unknown> {
    let outcome: { ok: true; result: unknown } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, result: await query };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const failure = await firstFailure();
    // A ROLLBACK ends the transaction whatever failed before it; anything else reports the
    // pipelined failure, which is what aborted the transaction.
    if (failure && !rollback) throw failure.error;
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  }

  return ((text: string, args?: unknown[], options?: object) => {
    const opts = { prepare: true, ...options };
    const begins = BEGIN.test(text);
    const pipelined = begins || (inTransaction && text.startsWith(PIPELINED));
    if (begins) inTransaction = true;
    else if (/^(commit|rollback)\b/i.test(text)) inTransaction = false;
    if (pipelined) {
      // execute() hands it to the connection now, so it is written before anything sent later.
      const sent = unsafe(begins ? text : text.slice(PIPELINED.length), args as never, opts)
        .execute()
        .then(() => undefined);
      sent.catch(() => {});
      inFlight.push(sent);
      return Promise.resolve(Object.assign([], { command: begins ? "BEGIN" : "PIPELINED", count: 0 }));
    }
    const query = unsafe(text, args as never, opts);
    if (inFlight.length === 0) return query;
    return afterPipelined(query, /^rollback\b/i.test(text));
  }) as Unsafe;
}

/**
 * The platform's postgres.js pool on `url`, int8 normalised (see above); the bench scratch
 * databases open theirs here too. Wrap it in `preparedStatements` for Kysely.
 */
export function platformPostgres(url: string, maxConnections = 10): postgres.Sql {
  return connectPostgres(url, {
    max: maxConnections,
    onnotice: () => {},
    types: {
      int8: { to: 20, from: [20], serialize: (v: unknown) => String(v), parse: parseInt8 },
    } as never,
  });
}

export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    const sql = platformPostgres(config.url, config.maxConnections ?? 10);
    const db = new Kysely<any>({ dialect: new PostgresJSDialect({ postgres: preparedStatements(sql) }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const pglite = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
  await pglite.waitReady;
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: "pglite", close: () => db.destroy() };
}
