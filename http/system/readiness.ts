import type { Platform } from "../../adapters/composition/platform.ts";
import { migrationsCurrent } from "../../adapters/db/migrate.ts";

/**
 * Readiness of the instance: the database answers `select 1` and every migration in the folder
 * has been applied. Each check is bounded by a timeout so /ready never hangs.
 */
export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: {
    readonly database: { readonly ok: boolean; readonly engine: string; readonly error?: string };
    readonly migrations: { readonly ok: boolean; readonly error?: string };
  };
}

export type ReadinessProbe = () => Promise<ReadinessReport>;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message.slice(0, 200) : "failed";
}

export function databaseReadiness(
  platform: Platform,
  options: { readonly timeoutMs?: number; readonly migrationsDir?: string } = {},
): ReadinessProbe {
  const timeoutMs = options.timeoutMs ?? 3000;
  const { db, kind } = platform.database;
  return async () => {
    let database: ReadinessReport["checks"]["database"];
    let migrations: ReadinessReport["checks"]["migrations"];
    try {
      const rows = await withTimeout(
        db.selectNoFrom((eb) => [eb.val(1).as("one")]).execute(),
        timeoutMs,
        "the database",
      );
      database = { ok: Number((rows[0] as { one: unknown } | undefined)?.one) === 1, engine: kind };
    } catch (e) {
      database = { ok: false, engine: kind, error: reason(e) };
    }
    if (!database.ok) {
      migrations = { ok: false, error: "database not reachable" };
    } else {
      try {
        const current = await withTimeout(
          migrationsCurrent(db, options.migrationsDir),
          timeoutMs,
          "the migration check",
        );
        migrations = current ? { ok: true } : { ok: false, error: "pending migrations; run npm run migrate" };
      } catch (e) {
        migrations = { ok: false, error: reason(e) };
      }
    }
    return { ready: database.ok && migrations.ok, checks: { database, migrations } };
  };
}
