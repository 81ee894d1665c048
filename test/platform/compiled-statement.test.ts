import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompiledStatement } from "../../adapters/db/compiled-statement.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("compiled statements: built and compiled once, run with new values (quick-claim hot path)", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrate: true });
  });
  afterAll(async () => {
    await db?.close();
  });

  it("puts the values where the slots were, in kysely's own text, on either engine", async () => {
    const st = new CompiledStatement<"region" | "seq">((d, slot) =>
      d
        .selectFrom("platform.audit_head")
        .select("seq")
        .where("region_code", "=", slot("region"))
        .where("seq", ">=", slot("seq")),
    );
    const built = db.db
      .selectFrom("platform.audit_head")
      .select("seq")
      .where("region_code", "=", "350902")
      .where("seq", ">=", 0)
      .compile();
    expect(st.text(db.db)).toBe(built.sql);
    const q = st.bind(db.db, { seq: 0, region: "350902" });
    expect(q.parameters).toEqual(["350902", 0]);
    await db.db
      .insertInto("platform.audit_head")
      .values({ region_code: "350902", seq: 3, hash: "0".repeat(64) })
      .execute();
    const { rows } = await db.db.executeQuery(q);
    expect(rows).toEqual([{ seq: 3 }]);
    const none = await db.db.executeQuery(st.bind(db.db, { seq: 4, region: "350902" }));
    expect(none.rows).toEqual([]);
  });

  it("refuses a statement with a value frozen into it instead of a slot", () => {
    const st = new CompiledStatement<"region">((d, slot) =>
      d.selectFrom("platform.audit_head").select("seq").where("region_code", "=", slot("region")).where("seq", ">", 1),
    );
    expect(() => st.bind(db.db, { region: "350902" })).toThrow(/not a slot/);
  });
});
