import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import { PoliceDeskPort } from "../../core/quickclaim/mod.ts";
import { silentLogger } from "../_framework/logger.ts";
import type { PluginContext } from "../_framework/plugin-manifest.ts";
import { manifest } from "./manifest.ts";
import type { SimulatedPoliceDesk } from "./simulated-police-desk.ts";

const clock = new FixedClock("2026-03-01T05:45:00Z");
const ctx: PluginContext = {
  clock,
  ids: new RandomIds(clock),
  logger: silentLogger,
  regionCode: "350900",
  regionName: { zh: "宁德", en: "Ningde" },
  production: false,
  onClose: () => {},
};
const desk = async (config: unknown = {}) =>
  (await manifest.create(v.parse(manifest.configSchema, config), ctx)).get(PoliceDeskPort) as SimulatedPoliceDesk;

describe("quickclaim-police-desk-sim 交警在线认定平台（模拟）", () => {
  it("knows a police key of a unit as an officer of that unit, always the same one", async () => {
    const d = await desk();
    const o = await d.officer("inst:fuding-traffic-police/key_01ABC");
    expect(o?.unit).toBe("福鼎市公安局交通警察大队");
    expect(o?.id).toBe("inst:fuding-traffic-police/key_01ABC");
    expect(["郑警官", "蔡警官"]).toContain(o?.name);
    expect(await d.officer("inst:fuding-traffic-police/key_01ABC")).toEqual(o);
  });

  it.each([
    ["a key of an institution that is no police unit", "inst:picc-ningde/key_1"],
    ["a citizen", "citizen:1234"],
  ])("is no officer for %s", async (_t, id) => {
    expect(await (await desk()).officer(id)).toBe(undefined);
  });

  it("gives police keys without an institution to the configured unit, or to none", async () => {
    expect((await (await desk()).officer("staff:key_9"))?.unit).toBe("宁德市公安局交通警察支队");
    expect(await (await desk({ staffKeysUnit: null })).officer("staff:key_9")).toBe(undefined);
  });

  it("records each case handed to the desk once", async () => {
    const d = await desk();
    const item = {
      caseId: "qccase_1",
      regionCode: "350982",
      centreId: "fuding",
      reportedAt: "2026-03-01T05:45:00.000Z",
    };
    await d.enqueue(item);
    await d.enqueue(item);
    expect(d.queued()).toEqual([item]);
  });

  it("refuses a staffKeysUnit that is not in the roster, and is labelled a simulator of 宁德", async () => {
    await expect(desk({ staffKeysUnit: "nowhere" })).rejects.toThrow("not one of the configured units");
    expect([manifest.kind, manifest.regions]).toEqual(["simulator", ["350900"]]);
  });
});
