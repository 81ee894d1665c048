import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors.ts";
import { FUJIAN_REGIONS } from "./fujian-regions.ts";
import {
  fujianChildren,
  fujianRegion,
  parentRegionCode,
  prefectureOf,
  regionContains,
  regionLevelOf,
  validateFujianRegionCode,
  validateRegionCode,
} from "./region-code.ts";

function failure(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return `${e.ruleId}:${e.field}:${(e.detail as { reason: string }).reason}`;
  }
  return undefined;
}

describe("KRN-ID 行政区划代码 GB/T 2260 region codes and the Fujian table", () => {
  it.each([
    ["福州", "350100"],
    ["厦门", "350200"],
    ["莆田", "350300"],
    ["三明", "350400"],
    ["泉州", "350500"],
    ["漳州", "350600"],
    ["南平", "350700"],
    ["龙岩", "350800"],
    ["宁德", "350900"],
  ])("the prefecture %s is %s", (zh, code) => {
    expect(fujianRegion(code)?.zh).toBe(`${zh}市`);
    expect(fujianRegion(code)?.level).toBe("prefecture");
  });

  it.each([
    ["蕉城区", "350902"],
    ["霞浦县", "350921"],
    ["古田县", "350922"],
    ["屏南县", "350923"],
    ["寿宁县", "350924"],
    ["周宁县", "350925"],
    ["柘荣县", "350926"],
    ["福安市", "350981"],
    ["福鼎市", "350982"],
  ])("the Ningde county %s is %s", (zh, code) => {
    expect(fujianRegion(code)?.zh).toBe(zh);
    expect(parentRegionCode(code)).toBe("350900");
  });

  it.each([
    ["新罗区", "350802"],
    ["永定区", "350803"],
    ["长汀县", "350821"],
    ["上杭县", "350823"],
    ["武平县", "350824"],
    ["连城县", "350825"],
    ["漳平市", "350881"],
  ])("the Longyan county %s is %s", (zh, code) => {
    expect(fujianRegion(code)?.zh).toBe(zh);
    expect(prefectureOf(code)).toBe("350800");
  });

  it("Ningde has 9 counties and Longyan 7; all 9 prefectures have counties with names in both languages", () => {
    expect(fujianChildren("350900").length).toBe(9);
    expect(fujianChildren("350800").length).toBe(7);
    expect(fujianChildren("350000").length).toBe(9);
    for (const r of FUJIAN_REGIONS) {
      expect(r.en.length > 0 && r.zh.length > 0).toBe(true);
      if (r.level !== "province") expect(fujianRegion(r.parent as string)).toBeDefined();
      if (r.level === "prefecture") expect(fujianChildren(r.code).length > 0).toBe(true);
    }
    expect(new Set(FUJIAN_REGIONS.map((r) => r.code)).size).toBe(FUJIAN_REGIONS.length);
  });

  it.each([
    ["350000", "province"],
    ["350900", "prefecture"],
    ["350981", "county"],
  ])("%s is a %s code", (code, level) => {
    expect(regionLevelOf(code)).toBe(level);
  });

  it.each([
    ["福安 is inside Ningde", "350900", "350981", true],
    ["福安 is inside Fujian", "350000", "350981", true],
    ["Ningde is inside Fujian", "350000", "350900", true],
    ["新罗 is not inside Ningde", "350900", "350802", false],
    ["Ningde is not inside 福安", "350981", "350900", false],
    ["a code contains itself", "350981", "350981", true],
  ])("%s", (_title, ancestor, code, inside) => {
    expect(regionContains(ancestor, code)).toBe(inside);
  });

  it.each([["350981"], ["350800"], ["110105"], ["440305"]])("%s is a valid region code", (code) => {
    expect(validateRegionCode(code)).toBe(code);
  });

  it.each([
    ["5 digits", "35098", "format"],
    ["letters", "35098A", "format"],
    ["an unknown province", "990101", "region"],
    ["a Fujian code that is not in GB/T 2260", "350999", "region"],
    ["the old 梅列区 code merged away in 2021", "350402", "region"],
    ["a residence-permit prefix", "830000", "region"],
  ])("refuses %s (%s)", (_title, code, reason) => {
    expect(failure(() => validateRegionCode(code, "case.regionCode"))).toBe(`KRN-ID:case.regionCode:${reason}`);
  });

  it("a Fujian-only check refuses a code from another province", () => {
    expect(validateFujianRegionCode("350982")).toBe("350982");
    expect(failure(() => validateFujianRegionCode("110105"))).toBe("KRN-ID:regionCode:region");
  });
});
