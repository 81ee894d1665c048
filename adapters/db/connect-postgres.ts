import postgres from "postgres";

/**
 * Opens postgres.js on a URL, reading libpq's way to name a Unix-domain socket too:
 * `postgres://user@localhost/db?host=/var/run/postgresql` (a `host` parameter holding a
 * directory), which postgres.js does not read from a URL itself — it would send `host` to the
 * server as a setting. On the database's own machine the socket saves the TCP loopback's work on
 * every message. Every connection the platform, its scripts and its tests open goes through here.
 */
export function connectPostgres(url: string, options: postgres.Options<never> = {}): postgres.Sql {
  const { url: bare, path } = socketOf(url);
  return postgres(bare, { ...(path ? { path } : {}), ...options });
}

/** The URL without a socket `host` parameter, and the socket's path when it named one. */
export function socketOf(url: string): { url: string; path?: string } {
  const u = new URL(url);
  const dir = u.searchParams.get("host");
  if (!dir?.startsWith("/")) return { url };
  u.searchParams.delete("host");
  return { url: u.toString(), path: `${dir.replace(/\/$/, "")}/.s.PGSQL.${u.port || "5432"}` };
}

/** What pgbench and psql take as `-h`: the socket directory when the URL names one, else the host. */
export function hostArgument(url: string): string {
  const u = new URL(url);
  const dir = u.searchParams.get("host");
  return dir?.startsWith("/") ? dir : u.hostname;
}
