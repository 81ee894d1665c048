import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { connectPostgres, hostArgument, socketOf } from "../../adapters/db/connect-postgres.ts";

describe("database URLs: libpq's Unix-socket form (host=/dir) as well as TCP", () => {
  it.each([
    {
      title: "a plain TCP URL is left as it is",
      url: "postgres://app@db.example:5433/fin",
      bare: "postgres://app@db.example:5433/fin",
      path: undefined,
      h: "db.example",
    },
    {
      title: "a socket directory becomes the socket path on the URL's port, and leaves the URL",
      url: "postgres://app@localhost:5433/fin?host=/var/run/postgresql",
      bare: "postgres://app@localhost:5433/fin",
      path: "/var/run/postgresql/.s.PGSQL.5433",
      h: "/var/run/postgresql",
    },
    {
      title: "without a port the socket is Postgres's default 5432, a trailing slash is dropped",
      url: "postgresql://app@localhost/fin?host=/tmp/&sslmode=disable",
      bare: "postgresql://app@localhost/fin?sslmode=disable",
      path: "/tmp/.s.PGSQL.5432",
      h: "/tmp/",
    },
    {
      title: "a host parameter that is not a directory is not a socket (left for the driver)",
      url: "postgres://app@localhost/fin?host=db2",
      bare: "postgres://app@localhost/fin?host=db2",
      path: undefined,
      h: "localhost",
    },
  ])("$title", ({ url, bare, path, h }) => {
    expect(socketOf(url)).toEqual(path === undefined ? { url: bare } : { url: bare, path });
    expect(hostArgument(url)).toBe(h);
  });

  const server = process.env.DATABASE_URL;
  const dir = "/var/run/postgresql";
  it.skipIf(!server || !existsSync(`${dir}/.s.PGSQL.${new URL(server ?? "postgres://x").port || "5432"}`))(
    "connects to the same server through its socket (no TCP peer address)",
    async () => {
      const u = new URL(server as string);
      u.searchParams.set("host", dir);
      const sql = connectPostgres(u.toString(), { max: 1, onnotice: () => {} });
      try {
        const [row] = await sql<{ addr: string | null; one: number }[]>`select inet_client_addr() as addr, 1 as one`;
        expect(row).toEqual({ addr: null, one: 1 });
      } finally {
        await sql.end();
      }
    },
  );
});
