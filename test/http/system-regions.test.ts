import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nationalCalendarYears } from "../../adapters/calendar/national-calendar.ts";
import { buildPlatform } from "../../adapters/composition/compose.ts";
import { parseDeploymentConfig } from "../../adapters/composition/deployment-config.ts";
import type { ComposedPlatform } from "../../adapters/composition/platform.ts";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import { createApp } from "../../http/app.ts";
import type { App } from "../../http/env.ts";
import { provisionalYearsOf } from "../../http/system/region-summary.ts";
import { silentLogger } from "../../plugins/_framework/logger.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";

/**
 * Operators must see which outside systems are simulated and which calendar years are only
 * provisional: /ready and the home page list, per region, the installed plugins (simulators
 * marked 模拟器 / simulator) and the working-day calendar's source. Built on the real region
 * packs and plugins: 宁德 loads the last year whose State Council arrangement is published and
 * the year after it (provisional: statutory holidays only), 龙岩 the published year only.
 */
const PUBLISHED = nationalCalendarYears().at(-1) as number;

const PROVISIONAL = PUBLISHED + 1;

/** The list item of one plugin in a region's section of the home page. */
function pluginItem(section: string | undefined, id: string): string {
  return new RegExp(`<li data-plugin="${id}"[^>]*>[\\s\\S]*?</li>`).exec(section ?? "")?.[0] ?? "";
}
describe("simulators and provisional calendars are labelled on /ready and the home page", () => {
  const photos = mkdtempSync(join(tmpdir(), "fif-photos-"));
  let database: TestDatabase;
  let platform: ComposedPlatform;
  let app: App;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = parseDeploymentConfig(
      {
        regions: [
          {
            code: "350900",
            name: { zh: "宁德", en: "Ningde" },
            modules: [],
            policyPack: { id: "ningde-region", config: { calendarYears: [PUBLISHED, PROVISIONAL] } },
            plugins: [
              { id: "dev-notifier", config: {} },
              { id: "quickclaim-photo-store-local", config: { directory: photos } },
            ],
          },
          {
            code: "350800",
            name: { zh: "龙岩", en: "Longyan" },
            modules: [],
            policyPack: { id: "longyan-region", config: { calendarYears: [PUBLISHED] } },
            plugins: [{ id: "quickclaim-photo-store-local", config: { directory: photos } }],
          },
        ],
      },
      {},
      "test deployment",
    );
    const clock = new FixedClock("2026-03-02T02:00:00Z");
    platform = await buildPlatform(config, {}, { database, clock, ids: new RandomIds(clock), logger: silentLogger });
    app = createApp(platform, { env: {}, logger: createJsonLogger({ write: () => {} }), modules: [] });
  });
  afterAll(async () => {
    await platform?.close();
    await database?.close();
    rmSync(photos, { recursive: true, force: true });
  });

  it("/ready lists each region's plugins, marking the simulators, and its calendar source", async () => {
    const res = await app.request("/ready");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { regions: Record<string, any>[] };
    const [ningde, longyan] = body.regions;
    expect(ningde).toMatchObject({ code: "350900", name: { zh: "宁德", en: "Ningde" }, simulators: ["dev-notifier"] });
    const byId = new Map((ningde?.plugins as Record<string, unknown>[] | undefined)?.map((p) => [p.id, p]));
    expect(byId.get("dev-notifier")).toMatchObject({
      kind: "simulator",
      simulator: true,
      label: { zh: "模拟器", en: "simulator" },
    });
    expect(byId.get("quickclaim-photo-store-local")).toMatchObject({ kind: "adapter", simulator: false });
    expect(byId.get("quickclaim-photo-store-local")).not.toHaveProperty("label");
    expect(byId.get("ningde-region")).toMatchObject({ kind: "policy-pack", simulator: false });
    expect(ningde?.calendar).toMatchObject({ years: [PUBLISHED, PROVISIONAL], provisionalYears: [PROVISIONAL] });
    expect(ningde?.calendar.source).toContain(`国务院办公厅关于${PUBLISHED}年部分节假日安排的通知`);
    expect(ningde?.calendar.source).toContain(`PROVISIONAL ${PROVISIONAL}`);

    expect(longyan).toMatchObject({ code: "350800", simulators: [] });
    expect(longyan?.calendar).toMatchObject({ years: [PUBLISHED], provisionalYears: [] });
  });

  it("the OpenAPI document describes the regions of /ready", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as Record<string, any>;
    const schema = doc.paths["/ready"].get.responses["200"].content["application/json"].schema;
    expect(schema.properties.regions.items).toEqual({ $ref: "#/components/schemas/RegionSummary" });
    expect(Object.keys(doc.components.schemas.RegionSummary.properties)).toEqual(
      expect.arrayContaining(["plugins", "simulators", "calendar"]),
    );
  });

  it("the home page (zh) marks each simulator 模拟器 and warns of the provisional calendar year of 宁德 only", async () => {
    const html = await (await app.request("/")).text();
    const [ningde, longyan] = html.split('data-testid="region"').slice(1);
    expect(pluginItem(ningde, "dev-notifier")).toMatch(/data-simulator="true".*模拟器/s);
    expect(pluginItem(ningde, "quickclaim-photo-store-local")).toContain('data-simulator="false"');
    expect(pluginItem(ningde, "quickclaim-photo-store-local")).not.toContain("模拟器");
    expect(ningde).toContain("快处快赔照片存储（本地磁盘）");
    expect(ningde).toContain("已安装插件 3 个，其中模拟器 1 个");
    expect(ningde).toContain(`工作日历来源：国务院办公厅关于${PUBLISHED}年部分节假日安排的通知`);
    expect(ningde).toMatch(
      new RegExp(`data-testid="calendar-provisional"[\\s\\S]*临时[\\s\\S]*${PROVISIONAL} 年为临时日历`),
    );
    expect(ningde).toContain("含演示用模拟系统");

    expect(longyan).toContain("已安装插件 2 个</summary>");
    expect(longyan).toContain("工作日历来源");
    expect(longyan).not.toContain("calendar-provisional");
    expect(longyan).not.toContain("模拟器");
    expect(longyan).not.toContain("含演示用模拟系统");
  });

  it("the English home page says simulator and PROVISIONAL", async () => {
    const html = await (await app.request("/?lang=en")).text();
    const [ningde] = html.split('data-testid="region"').slice(1);
    expect(pluginItem(ningde, "dev-notifier")).toContain(
      '<span class="badge" data-testid="simulator">simulator</span>',
    );
    expect(ningde).toContain("Development notifier");
    expect(ningde).toContain("3 plugins installed, 1 of them simulators");
    expect(ningde).toContain(
      `PROVISIONAL</span> ${PROVISIONAL}: provisional calendar with the statutory holidays only`,
    );
  });

  it.each([
    ["a published calendar", "国务院办公厅关于2026年部分节假日安排的通知 (npm chinese-days 1.5.7)", [2026], []],
    ["one provisional year", "通知 2026; PROVISIONAL 2027: statutory holidays only", [2026, 2027], [2027]],
    ["two provisional years", "PROVISIONAL 2027、2028: statutory holidays only", [2027, 2028], [2027, 2028]],
    ["a year the calendar does not cover is not reported", "PROVISIONAL 2029: …", [2026], []],
  ])("provisional years of %s", (_title, source, coversYears, expected) => {
    expect(provisionalYearsOf({ source, coversYears })).toEqual(expected);
  });
});
