import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { portToken } from "../../core/kernel/mod.ts";
import { definePlugin } from "../../plugins/_framework/plugin-manifest.ts";
import { PluginRegistry } from "../../plugins/_framework/plugin-registry.ts";
import { coversWholeRegion, servesCounty, servesRegion } from "../../plugins/_framework/region-scope.ts";
import { manifestProblems, undescribedFields } from "../../plugins/_framework/validate-manifest.ts";
import { installedPlugins } from "../../plugins/index.ts";
import { fakePayment } from "./fixtures.ts";

const good = {
  ...fakePayment,
};

describe("KRN-R13 plugin manifests 插件清单", () => {
  it("accepts every installed plugin, each config field described", () => {
    for (const m of installedPlugins)
      expect({ id: m.id, problems: manifestProblems(m) }).toEqual({ id: m.id, problems: [] });
    expect(new PluginRegistry(installedPlugins).ids()).toEqual(installedPlugins.map((m) => m.id).sort());
  });

  it.each([
    ["a non-kebab id", { id: "Ningde_Registry" }, 'id "Ningde_Registry" must be kebab-case (a-z, 0-9, -)'],
    ["a loose version", { version: "1" }, 'version "1" must be semantic, e.g. 1.0.0'],
    ["an unknown kind", { kind: "bank" }, 'kind "bank" must be one of adapter, simulator, policy-pack, gateway'],
    ["a bad region code", { regions: ["3509"] }, 'region "3509" is not a 6-digit GB/T 2260 code'],
    ["no regions", { regions: [] }, 'regions is empty (use "*" for any region)'],
    [
      "a port not named module.Port",
      { provides: [portToken("payment")] },
      'port "payment" must be named <module>.<Port>',
    ],
    ["no ports", { provides: [] }, "provides no port"],
    ["a policy pack without the pack port", { kind: "policy-pack" }, "a policy-pack plugin provides kernel.PolicyPack"],
    [
      "an undescribed config field",
      { configSchema: v.strictObject({ url: v.string(), token: v.pipe(v.string(), v.description("API token")) }) },
      "config field url has no v.description",
    ],
  ])("refuses a manifest with %s", (_t, change, problem) => {
    const manifest = { ...good, ...change } as typeof good;
    expect(manifestProblems(manifest)).toContain(problem);
    expect(() => new PluginRegistry([manifest])).toThrow(problem);
  });

  it("finds undescribed fields in nested and optional config objects", () => {
    const schema = v.object({
      a: v.pipe(v.optional(v.string()), v.description("described outside optional")),
      b: v.optional(v.pipe(v.string(), v.description("described inside optional"))),
      c: v.pipe(v.object({ d: v.number() }), v.description("nested")),
    });
    expect(undescribedFields(schema)).toEqual(["c.d"]);
  });

  it("refuses a plugin installed twice", () => {
    expect(() => new PluginRegistry([good, good])).toThrow("plugin fake-payment: installed twice");
  });

  it("types create's config from the schema", () => {
    const m = definePlugin({
      ...good,
      configSchema: v.strictObject({ n: v.pipe(v.number(), v.description("n")) }),
      create: (config) => new Map([[good.provides[0] as symbol, { doubled: config.n * 2 }]]),
    });
    expect(m.id).toBe("fake-payment");
  });
});

describe("KRN-R13 which regions a plugin serves 插件服务地区", () => {
  it.each([
    ["any region", "*", "350900", true, true],
    ["its own prefecture", ["350900"], "350900", true, true],
    ["the province's prefectures", ["350000"], "350800", true, true],
    ["a county plugin in its prefecture (part of it)", ["350981"], "350900", true, false],
    ["not another prefecture", ["350900"], "350800", false, false],
    ["not a county of another prefecture", ["350802"], "350900", false, false],
  ] as const)("a plugin for %s", (_t, served, region, serves, whole) => {
    expect(servesRegion(served, region)).toBe(serves);
    expect(coversWholeRegion(served, region)).toBe(whole);
  });

  it.each([
    [["350981"], "350981", true],
    [["350981"], "350982", false],
    [["350900"], "350982", true],
    ["*", "350802", true],
  ] as const)("plugin regions %j serve county %s: %s", (served, county, expected) => {
    expect(servesCounty(served, county)).toBe(expected);
  });
});
