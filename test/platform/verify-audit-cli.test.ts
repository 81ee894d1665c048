import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../adapters/db/create-database.ts";
import { migrateToLatest } from "../../adapters/db/migrate.ts";
import { createAuditWriter } from "../../adapters/platform/audit-writer.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { resolveDatabaseTarget, runVerifyAudit } from "../../adapters/platform/verify-audit-cli.ts";

/** The command runs against the embedded database in a data folder, like the app's. */
describe("KRN-R07 audit verification command", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "fif-audit-cli-"));
  const env = { DATA_DIR: dataDir, DEPLOYMENT_CONFIG: undefined, DATABASE_URL: undefined };

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runVerifyAudit(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  async function withDb(fn: (db: Awaited<ReturnType<typeof createDatabase>>["db"]) => Promise<void>) {
    const database = await createDatabase({ dataDir: join(dataDir, "db") });
    try {
      await fn(database.db);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    const clock = new FixedClock("2026-11-27T08:00:00Z");
    await withDb(async (db) => {
      await migrateToLatest(db);
      for (const regionCode of ["350900", "350800"]) {
        for (let i = 1; i <= 3; i++) {
          clock.advance(1000);
          await db.transaction().execute((tx) =>
            createAuditWriter(tx, clock).append({
              regionCode,
              actor: "system",
              action: "seed.demo",
              objectType: "region",
              objectId: regionCode,
              outcome: "ok",
              detail: { i },
            }),
          );
        }
      }
    });
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("opens the embedded database under DATA_DIR, or DATABASE_URL when set", () => {
    expect(resolveDatabaseTarget(env).dataDir).toBe(join(dataDir, "db"));
    expect(resolveDatabaseTarget({ ...env, DATABASE_URL: "postgres://x@h/db" }).url).toBe("postgres://x@h/db");
  });

  it("reports an intact chain and exits 0", async () => {
    const r = await run();
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toMatch(/audit chain intact: 6 entries in 2 region\(s\)/);
    const one = await run("--region", "350900", "--json");
    expect(JSON.parse(one.out)).toEqual({ ok: true, checked: 3, regions: 1 });
  });

  it("names the first broken entry and exits 1", async () => {
    await withDb(async (db) => {
      await sql`update platform.audit_log set detail = '{"i": 7}'::jsonb where region_code = '350900' and seq = 2`.execute(
        db,
      );
    });
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN in region 350900 at entry 2: .*edited/);
    expect((await run("--region", "350800")).code).toBe(0);
  });

  it.each([[["--region"]], [["--region", "35"]], [["--bogus"]]])("exits 2 on the arguments %j", async (argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage/);
  });

  it("exits 2 when there is no database to check", async () => {
    const out: string[] = [];
    const code = await runVerifyAudit(
      [],
      { DATA_DIR: join(dataDir, "nowhere") },
      { out: () => {}, err: (l) => out.push(l) },
    );
    expect(code).toBe(2);
    expect(out.join()).toMatch(/no embedded database/);
  });
});
