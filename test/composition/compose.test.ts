import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlatform } from "../../adapters/composition/compose.ts";
import { CompositionError } from "../../adapters/composition/composition-error.ts";
import type { ComposedPlatform } from "../../adapters/composition/platform.ts";
import { Tokens } from "../../adapters/composition/tokens.ts";
import { valueAsOf } from "../../core/kernel/mod.ts";
import { NotifierPort } from "../../plugins/_framework/kernel-tokens.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-database.ts";
import {
  PaymentGateway,
  type quickclaimPart,
  quickclaimTestModule,
  testPackPlugin,
  testPlugins,
  testServices,
  twoRegionConfig,
} from "./fixtures.ts";

describe("KRN-R13 composition root 组合根", () => {
  let database: TestDatabase;
  let platform: ComposedPlatform;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = twoRegionConfig(
      {
        plugins: [
          { id: "fake-payment", config: { bankCode: "NDBK" } },
          { id: "dev-notifier", config: { keepLast: 5 } },
        ],
      },
      {},
    );
    platform = await buildPlatform(
      config,
      {},
      {
        ...testServices(),
        database,
        plugins: testPlugins,
        modules: [quickclaimTestModule],
      },
    );
  });

  afterAll(async () => {
    await platform?.close();
    await database?.close();
  });

  it("builds one child container per region, each resolving a port to its own region's adapter", () => {
    const ningde = platform
      .region("350900")
      .container.resolve<{ regionCode: string; bankCode: string }>(PaymentGateway);
    const longyan = platform
      .region("350800")
      .container.resolve<{ regionCode: string; bankCode: string }>(PaymentGateway);
    expect(ningde).toEqual({ regionCode: "350900", bankCode: "NDBK" });
    expect(longyan).toEqual({ regionCode: "350800", bankCode: "LYBK" });
    expect(ningde).not.toBe(longyan);
  });

  it("keeps a region's plugins out of the other region and out of the root", () => {
    expect(platform.region("350900").container.isRegistered(NotifierPort)).toBe(true);
    expect(platform.region("350800").container.isRegistered(NotifierPort)).toBe(false);
    expect(platform.container.isRegistered(PaymentGateway)).toBe(false);
  });

  it("shares the root's clock, database and logger with every region", () => {
    for (const region of platform.regions.values()) {
      expect(region.container.resolve(Tokens.Clock)).toBe(platform.clock);
      expect(region.container.resolve(Tokens.Database)).toBe(database);
      expect(region.container.resolve(Tokens.Region)).toBe(region);
    }
  });

  it("lists regions with modules and plugins, simulators flagged", () => {
    const ningde = platform.region("350900");
    expect([...platform.regions.keys()]).toEqual(["350900", "350800"]);
    expect(ningde.modules).toEqual(["quickclaim"]);
    expect(ningde.plugins).toEqual(["ningde-test-pack", "fake-payment", "dev-notifier"]);
    expect(ningde.pluginDetails.map((p) => [p.id, p.kind, p.simulator])).toEqual([
      ["ningde-test-pack", "policy-pack", false],
      ["fake-payment", "simulator", true],
      ["dev-notifier", "simulator", true],
    ]);
    expect(ningde.kernel.region.counties.map((c) => c.code)).toContain("350981");
  });

  it("refuses an unknown region as not found", () => {
    expect(() => platform.region("350100")).toThrow("region 350100 is not configured");
  });

  it.each([
    ["an accident on 2021-12-31 is judged by the pre-reform 2,000 yuan cap", "2021-12-31", 200000],
    ["an accident on 2022-01-01 is judged by the 5,000 yuan cap", "2022-01-01", 500000],
    ["an accident in 2026 still uses the 5,000 yuan cap", "2026-03-02", 500000],
  ])("KRN-R12 dated parameter: %s", (_title, caseDate, capFen) => {
    const part = platform.region("350900").policy<ReturnType<typeof quickclaimPart>>("quickclaim");
    expect(valueAsOf(part.propertyCapFen, caseDate, "propertyCapFen")).toBe(capFen);
  });

  it("refuses the policy of a module the region has not enabled", () => {
    expect(() => platform.region("350900").policy("factors")).toThrow("module factors is not enabled in region 350900");
  });
});

describe("KRN-R13 start-up refusals 启动时拒绝", () => {
  const build = (config: ReturnType<typeof twoRegionConfig>, plugins = testPlugins, env = {}) =>
    buildPlatform(config, env, { ...testServices(), plugins, modules: [quickclaimTestModule] });
  const productionKeys = {
    FIELD_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
    BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString("base64"),
  };

  it("stops when a module's port has no plugin, naming region, module and port", async () => {
    const error = await build(twoRegionConfig({ plugins: [] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompositionError);
    expect((error as CompositionError).message).toBe(
      "region 350900 (宁德): module quickclaim needs port quickclaim.PaymentGateway; no configured plugin provides it",
    );
    expect((error as CompositionError).regionCode).toBe("350900");
    expect((error as CompositionError).moduleId).toBe("quickclaim");
  });

  it("stops on an unknown plugin id, listing the installed ones", async () => {
    const config = twoRegionConfig({}, { plugins: [{ id: "longyan-bank-direct" }] });
    await expect(build(config)).rejects.toThrow(
      "region 350800 (龙岩): unknown plugin longyan-bank-direct (installed plugins: dev-notifier, fake-payment, longyan-test-pack, ningde-test-pack)",
    );
  });

  it.each([
    ["a wrong value", { bankCode: "nd" }, "config field bankCode: a bank code is 4 capital letters"],
    ["a missing field", {}, "config field bankCode: Invalid key: Expected"],
    ["an unknown field", { bankCode: "NDBK", colour: "red" }, "config field colour: Invalid key"],
  ])("stops on a plugin config with %s, naming region, plugin and field", async (_t, pluginConfig, message) => {
    const config = twoRegionConfig({ plugins: [{ id: "fake-payment", config: pluginConfig }] });
    const error = await build(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CompositionError);
    expect((error as Error).message).toContain(`region 350900 (宁德): plugin fake-payment ${message}`);
    expect((error as CompositionError).pluginId).toBe("fake-payment");
  });

  it("refuses a plugin in a region it does not serve", async () => {
    const config = twoRegionConfig({}, { policyPack: "ningde-test-pack" });
    await expect(build(config)).rejects.toThrow(
      "region 350800 (龙岩): plugin ningde-test-pack serves 350900 only; it cannot be installed in region 350800",
    );
  });

  it("refuses a module that is not installed", async () => {
    const config = twoRegionConfig({ modules: ["quickclaim", "stations"] });
    await expect(build(config)).rejects.toThrow(
      "region 350900 (宁德): module stations is not installed (installed modules: quickclaim)",
    );
  });

  it("refuses a policy pack named as an ordinary plugin, and an ordinary plugin named as the pack", async () => {
    await expect(build(twoRegionConfig({ plugins: [{ id: "ningde-test-pack" }] }))).rejects.toThrow(
      "plugin ningde-test-pack is a policy pack; name it as the region's policyPack",
    );
    await expect(build(twoRegionConfig({ policyPack: "dev-notifier" }))).rejects.toThrow(
      "region 350900 (宁德): plugin dev-notifier is not a policy pack (kind simulator)",
    );
  });

  it("refuses the development notifier when NODE_ENV=production", async () => {
    const config = {
      ...twoRegionConfig({ plugins: [{ id: "fake-payment", config: { bankCode: "NDBK" } }, { id: "dev-notifier" }] }),
      production: true,
    };
    await expect(build(config, testPlugins, productionKeys)).rejects.toThrow(
      "region 350900 (宁德): plugin dev-notifier failed to start: dev-notifier is for development only",
    );
  });

  it("refuses production without key material (KRN-R04), naming the variable", async () => {
    const error = await buildPlatform({ ...twoRegionConfig(), production: true }, {}, testServices()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CompositionError);
    expect((error as Error).message).toContain("key material: NODE_ENV=production needs FIELD_KEYS");
    expect((error as CompositionError).field).toBe("FIELD_KEYS");
  });

  it("runs the clean-up of plugins already started when a later region fails", async () => {
    let closed = 0;
    const closing = { ...testPackPlugin("ningde-test-pack", "350900") };
    const original = closing.create;
    closing.create = (config, ctx) => {
      ctx.onClose(() => {
        closed += 1;
      });
      return original(config, ctx);
    };
    const plugins = testPlugins.map((p) => (p.id === "ningde-test-pack" ? closing : p));
    await expect(build(twoRegionConfig({}, { plugins: [] }), plugins)).rejects.toThrow("region 350800 (龙岩)");
    expect(closed).toBe(1);
  });
});
