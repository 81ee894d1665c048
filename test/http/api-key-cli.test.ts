import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApiKeyCli } from "../../adapters/auth/api-key-cli.ts";
import { createApiKeyStore } from "../../adapters/auth/api-key-store.ts";
import { createDatabase } from "../../adapters/db/create-database.ts";
import { migrateToLatest } from "../../adapters/db/migrate.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

describe("the API-key command (scripts/create-api-key.ts)", () => {
  let db: TestDatabase;
  const clock = new FixedClock("2026-03-02T02:00:00Z");
  const ids = new RandomIds(clock);
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runApiKeyCli(argv, {
      db: db.db,
      clock,
      ids,
      regions: ["350900", "350800"],
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    return { code, out, err };
  }

  it("creates a key for an institution, prints it once, and the key then authenticates", async () => {
    const r = await run(
      "--institution",
      "ccb-longyan",
      "--roles",
      "institution_staff",
      "--regions",
      "350800",
      "--label",
      "建行龙岩",
    );
    expect(r.code).toBe(0);
    const key = r.out.find((l) => l.startsWith("fif_")) as string;
    expect(key).toMatch(/^fif_[A-Za-z0-9_-]{43}$/);
    const found = await createApiKeyStore(db.db, clock, ids).authenticate(key);
    expect(found?.principal).toMatchObject({
      institutionId: "ccb-longyan",
      roles: ["institution_staff"],
      regionCodes: ["350800"],
    });
  });

  it("lists keys by prefix without the secret, and revokes by id", async () => {
    const made = await run("--roles", "regulator", "--regions", "350900,350800");
    const key = made.out.find((l) => l.startsWith("fif_")) as string;
    const listed = await run("--list");
    expect(listed.out.join("\n")).toContain(key.slice(0, 12));
    expect(listed.out.join("\n")).not.toContain(key);
    const id = /created (key_\w+)/.exec(made.out[0] ?? "")?.[1] as string;
    expect((await run("--revoke", id)).code).toBe(0);
    expect((await run("--revoke", id)).code).toBe(1);
    expect(await createApiKeyStore(db.db, clock, ids).authenticate(key)).toBeUndefined();
  });

  it.each([
    [["--roles", "regulator", "--regions", "350100"], 1, "not configured"],
    [["--roles", "institution_staff", "--regions", "350800"], 1, "institutionId"],
    [["--roles", "regulator"], 2, "required"],
    [["--bogus"], 2, "usage"],
  ])("refuses %j with exit code %i", async (argv, code, says) => {
    const r = await run(...argv);
    expect(r.code).toBe(code);
    expect(r.err.join("\n")).toContain(says);
    expect(r.out.some((l) => l.startsWith("fif_"))).toBe(false);
  });

  it("runs as a script against the app's embedded database in DATA_DIR", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "fif-apikey-"));
    try {
      const embedded = await createDatabase({ dataDir: join(dataDir, "db") });
      await migrateToLatest(embedded.db);
      await embedded.close();
      const env = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "development" } as Record<string, string | undefined>;
      delete env.DATABASE_URL;
      const r = spawnSync("npx", ["tsx", "scripts/create-api-key.ts", "--roles", "regulator", "--regions", "350900"], {
        cwd: join(import.meta.dirname, "..", ".."),
        env: env as NodeJS.ProcessEnv,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const key = r.stdout.split("\n").find((l) => l.startsWith("fif_")) as string;
      const reopened = await createDatabase({ dataDir: join(dataDir, "db") });
      try {
        const found = await createApiKeyStore(reopened.db, clock, ids).authenticate(key);
        expect(found?.principal.roles).toEqual(["regulator"]);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
