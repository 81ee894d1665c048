import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyStore } from "../../adapters/auth/api-key-store.ts";
import { buildPlatform } from "../../adapters/composition/compose.ts";
import { loadDeploymentConfig } from "../../adapters/composition/deployment-config.ts";
import type { ComposedPlatform } from "../../adapters/composition/platform.ts";
import { runSeeds } from "../../adapters/composition/seeds.ts";
import { migrationsCurrent } from "../../adapters/db/migrate.ts";
import { RegionCalendar } from "../../core/kernel/mod.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import { capturingLogger, testServices } from "./fixtures.ts";

describe("the default deployment: 宁德 and 龙岩 with their region packs", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "fif-data-"));
  let platform: ComposedPlatform;
  const logger = capturingLogger();

  beforeAll(async () => {
    // Opens its own embedded database in DATA_DIR, as `npm start` does without DATABASE_URL.
    const config = loadDeploymentConfig({ DATA_DIR: dataDir });
    platform = await buildPlatform(config, {}, { ...testServices(), logger, migrate: true });
  });
  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("migrates the embedded database in <DATA_DIR>/db", async () => {
    expect(platform.database.kind).toBe("pglite");
    expect(await migrationsCurrent(platform.database.db)).toBe(true);
  });

  it.each([
    ["350900", "宁德市", 9, ["350902", "350921", "350922", "350923", "350924", "350925", "350926", "350981", "350982"]],
    ["350800", "龙岩市", 7, ["350802", "350803", "350821", "350823", "350824", "350825", "350881"]],
  ])("region %s %s carries its %i counties from GB/T 2260", (code, name, count, counties) => {
    const kernel = platform.region(code).kernel;
    expect(kernel.region.name.zh).toBe(name);
    expect(kernel.region.counties.length).toBe(count);
    expect(kernel.region.counties.map((c) => c.code).sort()).toEqual(counties);
  });

  it("carries the national 2026 working-day calendar with its source (国庆 off, 调休 weekend days worked)", () => {
    const data = platform.region("350900").kernel.calendar;
    expect(data.coversYears).toContain(2026);
    expect(data.source).toContain("国务院办公厅");
    const calendar = new RegionCalendar(data);
    expect(calendar.isWorkingDay("2026-10-01")).toBe(false);
    expect(calendar.isWorkingDay("2026-10-10")).toBe(true); // a 调休 Saturday
    expect(calendar.isWorkingDay("2026-09-20")).toBe(true); // a 调休 Sunday
    expect(calendar.isWorkingDay("2026-10-11")).toBe(false); // an ordinary Sunday
  });

  it("warns, rather than guessing, for a default year with no published arrangement", () => {
    const covered = platform.region("350800").kernel.calendar.coversYears;
    const warned = logger.lines.filter((l) =>
      l.msg.startsWith("working-day calendar: no published holiday arrangement"),
    );
    if (covered.includes(2027)) expect(warned).toEqual([]);
    else expect(warned.map((l) => l.fields?.region)).toEqual(["350900", "350800"]);
  });

  it("installs the development notifier in both regions, labelled a simulator", () => {
    for (const r of platform.regions.values()) {
      expect(r.pluginDetails.find((p) => p.id === "dev-notifier")?.simulator).toBe(true);
      expect(r.policyPackId).toBe(r.code === "350900" ? "ningde-region" : "longyan-region");
    }
  });

  it("stops when the config asks for a calendar year that has not been published", async () => {
    const config = loadDeploymentConfig({ DATA_DIR: dataDir });
    const regions = config.regions.map((r) => ({
      ...r,
      policyPack: { id: r.policyPack.id, config: { calendarYears: [1999] } },
    }));
    await expect(buildPlatform({ ...config, regions }, {}, testServices())).rejects.toThrow(
      "region 350900 (宁德): plugin ningde-region config field calendarYears.0: Invalid value",
    );
    const future = config.regions.map((r) => ({
      ...r,
      policyPack: { id: r.policyPack.id, config: { calendarYears: [2099] } },
    }));
    await expect(buildPlatform({ ...config, regions: future }, {}, testServices())).rejects.toThrow(
      "region 350900 (宁德): plugin ningde-region failed to start: the national holiday arrangement for 2099 is not available",
    );
  });
});

describe("demo seed 演示数据 (idempotent)", () => {
  let database: TestDatabase;
  let platform: ComposedPlatform;

  beforeAll(async () => {
    database = await createTestDatabase();
    platform = await buildPlatform(loadDeploymentConfig({}), {}, { ...testServices(), database });
  });
  afterAll(async () => {
    await platform?.close();
    await database?.close();
  });

  it("creates one regulator API key per region once, and nothing on the second run", async () => {
    const first = await runSeeds(platform);
    const regulators = first.secrets.filter((s) => s.label.startsWith("regulator "));
    expect(regulators.map((s) => s.label)).toEqual(["regulator 宁德 350900", "regulator 龙岩 350800"]);
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from platform.api_keys`.execute(database.db)).rows[0]?.n;
    const keysAfterFirst = await count();
    const second = await runSeeds(platform);
    expect(second).toEqual({ created: [], secrets: [] });
    expect(await count()).toBe(keysAfterFirst);

    const store = createApiKeyStore(database.db, platform.clock, platform.ids);
    const ningdeKey = regulators[0]?.value as string;
    const auth = await store.authenticate(ningdeKey);
    expect(auth?.principal.roles).toEqual(["regulator"]);
    expect(auth?.principal.regionCodes).toEqual(["350900"]);
  });
});
