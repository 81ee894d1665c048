import { describe, expect, it } from "vitest";
import { connectPostgres } from "../../adapters/db/connect-postgres.ts";
import { bareDriverReplay, parseScript } from "./bare-driver-replay.ts";

describe("bare-driver replay of a pgbench script (the write paths' driver ceiling)", () => {
  it("sends pgbench variables as parameters and leaves casts and quoted text alone", () => {
    const [set, start, stmt, end] = parseScript(
      [
        "\\set k :client_id % 9",
        "\\startpipeline",
        "SELECT 'a:b' || :client_id || CAST(:k AS int)::text, '{}'::jsonb, :client_id;",
        "\\endpipeline",
      ].join("\n"),
    );
    expect(set?.kind).toBe("set");
    expect(start).toEqual({ kind: "pipeline", on: true });
    expect(stmt).toEqual({
      kind: "sql",
      gset: false,
      text: "SELECT 'a:b' || $1 || CAST($2 AS int)::text, '{}'::jsonb, $1",
      names: ["client_id", "k"],
    });
    expect(end).toEqual({ kind: "pipeline", on: false });
  });

  it.each([
    ["a meta-command it does not know", "\\sleep 1 ms"],
    ["a \\set expression it does not know", "\\set n :client_id * 2"],
  ])("refuses %s rather than run less than pgbench would", (_title, line) => {
    expect(() => parseScript(line)).toThrow(/unsupported/);
  });

  const server = process.env.DATABASE_URL;
  it.skipIf(!server)("runs every statement of every transaction, per client, with \\gset carrying values", async () => {
    const sql = connectPostgres(server as string, { max: 1, onnotice: () => {} });
    const table = `replay_${Date.now().toString(36)}`;
    try {
      await sql.unsafe(`create table ${table} (client int, r int, seen int)`);
      const script = [
        "\\set r random(1, 5)",
        "SELECT 41 + 1 AS answer \\gset",
        "BEGIN;",
        `INSERT INTO ${table} VALUES (:client_id, :r, :answer);`,
        "\\startpipeline",
        `INSERT INTO ${table} VALUES (:client_id, :r, :answer);`,
        "COMMIT;",
        "\\endpipeline",
      ].join("\n");
      const result = await bareDriverReplay(server as string, script, { clients: 3, seconds: 1 });
      const rows = await sql.unsafe<{ client: number; n: string; bad: string }[]>(
        `select client, count(*) as n, count(*) filter (where r not between 1 and 5 or seen <> 42) as bad from ${table} group by client order by client`,
      );
      expect(rows.map((r) => r.client)).toEqual([0, 1, 2]);
      for (const r of rows) {
        expect(Number(r.n) % 2).toBe(0); // both inserts of every transaction
        expect(Number(r.bad)).toBe(0);
      }
      expect(result.tps).toBeGreaterThan(0);
    } finally {
      await sql.unsafe(`drop table if exists ${table}`);
      await sql.end();
    }
  });
});
