import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import { PostgresJSDialect } from "kysely-postgres-js";
import postgres from "postgres";

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
 * kysely-postgres-js runs every query through `unsafe(text, params)`, which postgres.js sends
 * unprepared: a query with parameters then costs two round trips (Describe, then Bind/Execute).
 * Asking for named prepared statements — postgres.js's own default for its tagged queries —
 * costs the Describe once per connection and statement, then one round trip per query.
 */
function preparedStatements(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop !== "reserve") return Reflect.get(target, prop, receiver);
      return async () => {
        const conn = await target.reserve();
        const unsafe = conn.unsafe.bind(conn);
        conn.unsafe = ((text: string, args?: unknown[], options?: object) =>
          unsafe(text, args as never, { prepare: true, ...options })) as typeof conn.unsafe;
        return conn;
      };
    },
  });
}

export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    const sql = postgres(config.url, {
      max: config.maxConnections ?? 10,
      onnotice: () => {},
      types: {
        int8: { to: 20, from: [20], serialize: (v: unknown) => String(v), parse: parseInt8 },
      } as never,
    });
    const db = new Kysely<any>({ dialect: new PostgresJSDialect({ postgres: preparedStatements(sql) }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const pglite = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
  await pglite.waitReady;
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: "pglite", close: () => db.destroy() };
}
