import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

describe("test database", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is migrated and returns int8 as a JS number on either engine", async () => {
    const r = await sql<{ n: number; big: number }>`select count(*) as n, 9007199254740991::int8 as big`.execute(t.db);
    expect(r.rows[0]).toEqual({ n: 1, big: 9007199254740991 });
    const schemas = await sql<{
      nspname: string;
    }>`select nspname from pg_namespace where nspname in ('platform','factors','quickclaim','marketplace') order by 1`.execute(
      t.db,
    );
    expect(schemas.rows.map((r) => r.nspname)).toEqual(["factors", "marketplace", "platform", "quickclaim"]);
  });
});
