import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from "kysely";
import type { AnyDb } from "./create-database.ts";

/**
 * Kysely migrations from `migrations/`: files named `<yyyymmddnn>_<module>_<what>.ts`, each
 * exporting `up` (and optionally `down`). Every module owns one Postgres schema.
 */
export const MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "migrations");

class FolderMigrationProvider implements MigrationProvider {
  readonly #dir: string;
  constructor(dir: string) {
    this.#dir = dir;
  }
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.#dir)).filter((f) => /^\d{10}_.+\.ts$/.test(f)).sort();
    const out: Record<string, Migration> = {};
    for (const f of files) {
      out[f.replace(/\.ts$/, "")] = (await import(pathToFileURL(join(this.#dir, f)).href)) as Migration;
    }
    return out;
  }
}

export function migrator(db: AnyDb, dir = MIGRATIONS_DIR): Migrator {
  return new Migrator({
    db,
    provider: new FolderMigrationProvider(dir),
    migrationTableSchema: "public",
    allowUnorderedMigrations: true,
  });
}

/** Applies every pending migration; throws with the failing migration's name on error. */
export async function migrateToLatest(db: AnyDb, dir = MIGRATIONS_DIR): Promise<MigrationResultSet> {
  const result = await migrator(db, dir).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}

/** True when every migration in the folder has been applied (used by /ready). */
export async function migrationsCurrent(db: AnyDb, dir = MIGRATIONS_DIR): Promise<boolean> {
  const all = await migrator(db, dir).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
