import { existsSync } from "node:fs";
import { connectPostgres } from "../../adapters/db/connect-postgres.ts";
import { createDatabase, type Database } from "../../adapters/db/create-database.ts";
import { migrateToLatest } from "../../adapters/db/migrate.ts";

/**
 * A fresh, migrated database for one test file. Which engine:
 * - DATABASE_URL set → a new database created on that server (dropped on close);
 * - else a Docker engine reachable → @testcontainers/postgresql;
 * - else the embedded PGlite in memory.
 */
export interface TestDatabase extends Database {
  readonly label: string;
}

function dockerAvailable(): boolean {
  return Boolean(process.env.DOCKER_HOST) || existsSync("/var/run/docker.sock");
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = connectPostgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = await createDatabase({ url: u.toString(), maxConnections: 8 });
    if (migrate) await migrateToLatest(database.db);
    return {
      ...database,
      label: `postgres:${name}`,
      close: async () => {
        await database.close();
        const again = connectPostgres(url, { max: 1, onnotice: () => {} });
        await again.unsafe(`drop database if exists ${name} with (force)`);
        await again.end();
      },
    };
  }
  if (dockerAvailable()) {
    const { PostgreSqlContainer } = await import("@testcontainers/postgresql");
    const container = await new PostgreSqlContainer("postgres:15-alpine").start();
    const database = await createDatabase({ url: container.getConnectionUri() });
    if (migrate) await migrateToLatest(database.db);
    return {
      ...database,
      label: "testcontainers",
      close: async () => {
        await database.close();
        await container.stop();
      },
    };
  }
  const database = await createDatabase({});
  if (migrate) await migrateToLatest(database.db);
  return { ...database, label: "pglite:memory" };
}
