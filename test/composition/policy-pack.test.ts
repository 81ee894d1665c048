import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlatform } from "../../adapters/composition/compose.ts";
import { CompositionError } from "../../adapters/composition/composition-error.ts";
import { mergeOverride, resolvePolicyPack } from "../../adapters/composition/policy-resolution.ts";
import { valueAsOf } from "../../core/kernel/mod.ts";
import type { AnyPluginManifest } from "../../plugins/_framework/plugin-registry.ts";
import { regionMeta } from "../../plugins/_framework/region-pack-plugin.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import {
  countyRegistry,
  quickclaimPart,
  quickclaimTestModule,
  RightsRegistry,
  testCalendar,
  testPackPlugin,
  testPlugins,
  testServices,
  twoRegionConfig,
} from "./fixtures.ts";

const modules = new Map([["quickclaim", quickclaimTestModule]]);
const ningde = { code: "350900", name: { zh: "宁德", en: "Ningde" } };
const resolve = (pack: unknown) =>
  resolvePolicyPack(pack, { region: ningde, packId: "p", modules, enabled: ["quickclaim"] });
const pack = (extra: Record<string, unknown> = {}) => ({
  kernel: { region: regionMeta("350900"), calendar: testCalendar },
  modules: { quickclaim: quickclaimPart() },
  ...extra,
});

function withPack(packPlugin: AnyPluginManifest): AnyPluginManifest[] {
  return testPlugins.map((p) => (p.id === packPlugin.id ? packPlugin : p));
}

describe("KRN-R12 policy pack validation 政策包校验", () => {
  it.each([
    [
      "a negative cap",
      { ...quickclaimPart(), propertyCapFen: [{ from: "2022-01-01", value: -1, source: "x" }] },
      "parameter propertyCapFen.0.value: a cap is not negative",
    ],
    [
      "shares that do not add to 100 %",
      { ...quickclaimPart(), sharesBp: [{ from: "2022-01-01", value: { insurer: 7000, party: 2000 }, source: "x" }] },
      "parameter sharesBp.0.value: shares must add to 100 %",
    ],
    [
      "a value without its source document",
      { ...quickclaimPart(), propertyCapFen: [{ from: "2022-01-01", value: 1, source: "" }] },
      "parameter propertyCapFen.0.source: every value names its source document",
    ],
    [
      "dated values out of order",
      {
        ...quickclaimPart(),
        propertyCapFen: [
          { from: "2022-01-01", value: 1, source: "a" },
          { from: "2021-01-01", value: 2, source: "b" },
        ],
      },
      "parameter propertyCapFen: dated values must be in strictly increasing date order",
    ],
  ])("an invalid pack with %s stops start-up naming region, module, parameter and reason", async (_t, part, reason) => {
    const plugins = withPack(testPackPlugin("ningde-test-pack", "350900", { modules: { quickclaim: part } }));
    const error = await buildPlatform(
      twoRegionConfig(),
      {},
      { ...testServices(), plugins, modules: [quickclaimTestModule] },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompositionError);
    expect((error as Error).message).toBe(
      `region 350900 (宁德): policy pack ningde-test-pack, module quickclaim, ${reason}`,
    );
  });

  it("stops when the pack has no part for an enabled module", () => {
    expect(() => resolve(pack({ modules: {} }))).toThrow(
      "region 350900 (宁德): policy pack p has no part for module quickclaim",
    );
  });

  it("stops when the kernel part is for another prefecture or its calendar is wrong", () => {
    expect(() => resolve({ ...pack(), kernel: { region: regionMeta("350800"), calendar: testCalendar } })).toThrow(
      "policy pack p is for region 350800, not 350900",
    );
    const badCalendar = { ...testCalendar, adjustedWorkingDays: ["2026-09-28"] };
    expect(() => resolve({ ...pack(), kernel: { region: regionMeta("350900"), calendar: badCalendar } })).toThrow(
      "region 350900 (宁德): policy pack p, kernel part, parameter calendar.adjustedWorkingDays: an adjusted working day (调休) must fall on a Saturday or Sunday",
    );
  });

  it("ignores parts of modules this build does not install", () => {
    const resolved = resolve(pack({ modules: { quickclaim: quickclaimPart(), stations: { anything: 1 } } }));
    expect([...resolved.modules.keys()]).toEqual(["quickclaim"]);
  });
});

describe("KRN-R12 county overrides 县级差异", () => {
  const fuanCap = [
    { from: "2020-01-01", value: 200000, source: "pre-reform practice" },
    { from: "2022-01-01", value: 800000, source: "福安 implementing rules (test)" },
  ];

  it("merges a county's partial part over the prefecture values, replacing dated lists whole", () => {
    const resolved = resolve(
      pack({ counties: { "350981": { quickclaim: { propertyCapFen: fuanCap, regionalBonus: { fuan: 2 } } } } }),
    );
    const fuan = resolved.counties.get("350981")?.get("quickclaim") as ReturnType<typeof quickclaimPart>;
    expect(fuan.propertyCapFen).toEqual(fuanCap);
    expect(fuan.sharesBp).toEqual(quickclaimPart().sharesBp);
    expect(fuan.regionalBonus).toEqual({ base: 1, fuan: 2 });
    expect(resolved.modules.get("quickclaim")).toEqual(quickclaimPart());
  });

  it.each([
    [
      "an invalid value",
      { "350981": { quickclaim: { propertyCapFen: [{ from: "2022-01-01", value: -5, source: "x" }] } } },
      "region 350900 (宁德): policy pack p, county 350981 (福安市), module quickclaim, parameter propertyCapFen.0.value: a cap is not negative",
    ],
    [
      "a parameter the module does not have",
      { "350981": { quickclaim: { propertyCap: fuanCap } } },
      "region 350900 (宁德): policy pack p, county 350981 (福安市), module quickclaim, parameter propertyCap: no such parameter",
    ],
    [
      "a county of another prefecture",
      { "350802": { quickclaim: {} } },
      "region 350900 (宁德): policy pack p overrides county 350802, which is not a county of region 350900 (宁德)",
    ],
    [
      "a module the pack has no prefecture part for",
      { "350981": { factors: {} } },
      "region 350900 (宁德): policy pack p, county 350981 (福安市) overrides module factors, which the pack has no prefecture part for",
    ],
  ])("refuses a county override with %s", (_t, counties, message) => {
    expect(() => resolve(pack({ counties }))).toThrow(message);
  });

  it("deep-merges objects and lets lists and scalars replace", () => {
    expect(mergeOverride({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] } })).toEqual({ a: { b: 1, c: [3] }, d: 1 });
  });
});

describe("KRN-R12/R13 county policy and county plugins on a composed platform", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database?.close();
  });

  const registryModule = {
    ...quickclaimTestModule,
    requiredPorts: [...quickclaimTestModule.requiredPorts, RightsRegistry],
  };
  const fuanPack = testPackPlugin("ningde-test-pack", "350900", {
    counties: { "350981": { quickclaim: { propertyCapFen: [{ from: "2022-01-01", value: 800000, source: "test" }] } } },
  });
  const plugins = [
    ...withPack(fuanPack),
    countyRegistry("fuan-registry", "350981"),
    countyRegistry("ningde-registry", "350900", ["350900"]),
  ];
  const config = (ningdePlugins: string[]) =>
    twoRegionConfig(
      { plugins: [{ id: "fake-payment", config: { bankCode: "NDBK" } }, ...ningdePlugins.map((id) => ({ id }))] },
      { modules: [] },
    );

  it("resolves policy per county and routes a port to the county's own plugin", async () => {
    const platform = await buildPlatform(
      config(["fuan-registry", "ningde-registry"]),
      {},
      {
        ...testServices(),
        database,
        plugins,
        modules: [registryModule],
      },
    );
    try {
      const cap = (code: string, county?: string) =>
        valueAsOf(
          platform.policyFor(code, county).module<ReturnType<typeof quickclaimPart>>("quickclaim").propertyCapFen,
          "2026-03-02",
        );
      expect(cap("350900")).toBe(500000);
      expect(cap("350981")).toBe(800000);
      expect(cap("350900", "350981")).toBe(800000);
      expect(cap("350982")).toBe(500000);
      expect(() => platform.policyFor("350102")).toThrow("350102 is not in a configured region");
      expect(platform.policyFor("350802").kernel.region.code).toBe("350800");
      expect(() => platform.policyFor("350802").module("quickclaim")).toThrow("module quickclaim is not enabled");
      const region = platform.region("350900");
      expect(region.adapter(RightsRegistry, "350981")).toEqual({ county: "350981" });
      expect(region.adapter(RightsRegistry, "350982")).toEqual({ county: "350900" });
      expect(region.adapter(RightsRegistry)).toEqual({ county: "350900" });
    } finally {
      await platform.close();
    }
  });

  it("stops when county plugins leave counties of the region without the port", async () => {
    const error = await buildPlatform(
      config(["fuan-registry"]),
      {},
      { ...testServices(), plugins, modules: [registryModule] },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^region 350900 \(宁德\): module quickclaim needs port quickclaim\.RightsRegistry in every county; no configured plugin provides it for 350902 \(蕉城区\), .*350982 \(福鼎市\)$/,
    );
    expect((error as Error).message).not.toContain("350981");
  });

  it("refuses two plugins providing the same port for the same area", async () => {
    const twice = [...plugins, countyRegistry("fuan-registry-2", "350981")];
    const error = await buildPlatform(
      config(["fuan-registry", "fuan-registry-2", "ningde-registry"]),
      {},
      {
        ...testServices(),
        plugins: twice,
        modules: [registryModule],
      },
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "region 350900 (宁德): port quickclaim.RightsRegistry is provided by both plugin fuan-registry and plugin fuan-registry-2 for the same area; install only one",
    );
  });
});
