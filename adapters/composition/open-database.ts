import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { createDatabase, type Database } from "../db/create-database.ts";
import type { DeploymentConfig } from "./deployment-config.ts";

/** Where the embedded database lives inside the data folder. */
export function embeddedDatabaseDir(config: DeploymentConfig): string {
  return join(config.dataDir, "db");
}

/** Opens the configured database: Postgres when a URL is set, else PGlite in `<dataDir>/db`. */
export async function openDatabase(config: DeploymentConfig): Promise<Database> {
  if (config.database.url) {
    return createDatabase({ url: config.database.url, maxConnections: config.database.maxConnections });
  }
  const dir = embeddedDatabaseDir(config);
  mkdirSync(dir, { recursive: true });
  return createDatabase({ dataDir: dir });
}

/** "postgres 127.0.0.1:5432/app" or "embedded PGlite in /path/data/db" — never the password. */
export function describeDatabase(config: DeploymentConfig): string {
  if (!config.database.url) return `embedded PGlite in ${embeddedDatabaseDir(config)}`;
  const u = new URL(config.database.url);
  return `postgres ${u.host}${u.pathname}`;
}
