import * as v from "valibot";
import { type DeploymentConfig, parseDeploymentConfig } from "../../adapters/composition/deployment-config.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import { datedParam, type ModuleDescriptor, portToken } from "../../core/kernel/mod.ts";
import { PolicyPackPort } from "../../plugins/_framework/kernel-tokens.ts";
import type { LogFields, Logger } from "../../plugins/_framework/logger.ts";
import { definePlugin } from "../../plugins/_framework/plugin-manifest.ts";
import type { AnyPluginManifest } from "../../plugins/_framework/plugin-registry.ts";
import type { PolicyPack } from "../../plugins/_framework/policy-pack.ts";
import { regionMeta } from "../../plugins/_framework/region-pack-plugin.ts";
import { manifest as devNotifier } from "../../plugins/dev-notifier/manifest.ts";

/** Test doubles for composition tests: a small module, a simulator, a county plugin, packs. */
export const PaymentGateway = portToken("quickclaim.PaymentGateway");
export const RightsRegistry = portToken("quickclaim.RightsRegistry");

export const quickclaimTestModule: ModuleDescriptor = {
  id: "quickclaim",
  title: { zh: "快处快赔", en: "Quick claim" },
  policySchema: v.object({
    propertyCapFen: datedParam(
      v.pipe(v.number(), v.integer(), v.minValue(0, "a cap is not negative")),
      "property-damage cap for a quick claim, fen",
    ),
    sharesBp: datedParam(
      v.pipe(
        v.object({ insurer: v.number(), party: v.number() }),
        v.check((s) => s.insurer + s.party === 10000, "shares must add to 100 %"),
      ),
      "loss shares in basis points",
    ),
    regionalBonus: v.record(v.string(), v.number()),
  }),
  requiredPorts: [PaymentGateway],
};

/** The quick-claim property cap: 2,000 yuan before the reform, 5,000 from 2022-01-01. */
export function quickclaimPart() {
  return {
    propertyCapFen: [
      { from: "2020-01-01", value: 200000, source: "pre-reform practice" },
      { from: "2022-01-01", value: 500000, source: "闽政办〔2022〕 快处快赔 cap" },
    ],
    sharesBp: [{ from: "2022-01-01", value: { insurer: 7000, party: 3000 }, source: "spec (default)" }],
    regionalBonus: { base: 1 },
  };
}

export const testCalendar = {
  holidays: ["2026-01-01", "2026-10-01"],
  adjustedWorkingDays: ["2026-09-27"],
  coversYears: [2026],
  source: "test calendar",
};

export function testPackPlugin(
  id: string,
  regionCode: string,
  pack: Partial<Pick<PolicyPack, "modules" | "counties">> & { kernel?: unknown } = {},
): AnyPluginManifest {
  return definePlugin({
    id,
    version: "1.0.0",
    title: { zh: `测试政策包 ${regionCode}`, en: `Test pack ${regionCode}` },
    description: "policy pack for composition tests",
    kind: "policy-pack",
    regions: [regionCode],
    provides: [PolicyPackPort],
    configSchema: v.strictObject({}),
    create: () =>
      new Map([
        [
          PolicyPackPort,
          {
            kernel: pack.kernel ?? { region: regionMeta(regionCode), calendar: testCalendar },
            modules: pack.modules ?? { quickclaim: quickclaimPart() },
            ...(pack.counties ? { counties: pack.counties } : {}),
          },
        ],
      ]),
  });
}

/** A payment simulator whose adapter remembers the region it was built for. */
export const fakePayment = definePlugin({
  id: "fake-payment",
  version: "0.1.0",
  title: { zh: "模拟支付", en: "Payment simulator" },
  description: "pays instantly; for tests",
  kind: "simulator",
  regions: "*",
  provides: [PaymentGateway],
  configSchema: v.strictObject({
    bankCode: v.pipe(v.string(), v.regex(/^[A-Z]{4}$/, "a bank code is 4 capital letters"), v.description("bank")),
    delayMs: v.pipe(v.optional(v.number(), 0), v.description("simulated latency")),
  }),
  create: (config, ctx) => new Map([[PaymentGateway, { regionCode: ctx.regionCode, bankCode: config.bankCode }]]),
});

export function countyRegistry(id: string, county: string, regions: readonly string[] | "*" = [county]) {
  return definePlugin({
    id,
    version: "0.1.0",
    title: { zh: `登记 ${county}`, en: `Registry ${county}` },
    description: "county registry simulator",
    kind: "simulator",
    regions,
    provides: [RightsRegistry],
    configSchema: v.strictObject({}),
    create: () => new Map([[RightsRegistry, { county }]]),
  });
}

export const testPlugins: AnyPluginManifest[] = [
  devNotifier,
  fakePayment,
  testPackPlugin("ningde-test-pack", "350900"),
  testPackPlugin("longyan-test-pack", "350800"),
];

export interface RegionOverrides {
  readonly plugins?: readonly { id: string; config?: Record<string, unknown> }[];
  readonly modules?: readonly string[];
  readonly policyPack?: string;
}

/** Two regions, 宁德 and 龙岩, each with the quick-claim module and a payment simulator. */
export function twoRegionConfig(ningde: RegionOverrides = {}, longyan: RegionOverrides = {}): DeploymentConfig {
  const region = (code: string, zh: string, en: string, pack: string, o: RegionOverrides) => ({
    code,
    name: { zh, en },
    modules: o.modules ?? ["quickclaim"],
    policyPack: { id: o.policyPack ?? pack },
    plugins: o.plugins ?? [{ id: "fake-payment", config: { bankCode: code === "350900" ? "NDBK" : "LYBK" } }],
  });
  return parseDeploymentConfig(
    {
      regions: [
        region("350900", "宁德", "Ningde", "ningde-test-pack", ningde),
        region("350800", "龙岩", "Longyan", "longyan-test-pack", longyan),
      ],
    },
    {},
    "test config",
  );
}

export interface CapturedLine {
  readonly level: string;
  readonly msg: string;
  readonly fields: LogFields | undefined;
}

export function capturingLogger(): Logger & { lines: CapturedLine[] } {
  const lines: CapturedLine[] = [];
  const at = (level: string) => (msg: string, fields?: LogFields) => lines.push({ level, msg, fields });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export function testServices() {
  const clock = new FixedClock("2026-03-02T02:00:00Z");
  return { clock, ids: new RandomIds(clock), logger: capturingLogger() };
}
