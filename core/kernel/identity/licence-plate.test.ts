import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors.ts";
import { formatLicencePlate, isValidLicencePlate, plateKind, validateLicencePlate } from "./licence-plate.ts";

function failure(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return `${e.ruleId}:${e.field}:${(e.detail as { reason: string }).reason}`;
  }
  return undefined;
}

describe("KRN-ID 机动车号牌 licence plate (GA 36-2018)", () => {
  it.each([
    ["a Ningde car with a middle dot", "闽J·12345", "闽J12345", "ordinary"],
    ["a Longyan car without separator", "闽F8A88B", "闽F8A88B", "ordinary"],
    ["lower case and a space", "闽j 1234a", "闽J1234A", "ordinary"],
    ["a small pure-electric car (D)", "闽J·D12345", "闽JD12345", "new_energy_small"],
    ["a small hybrid car (F) with a letter second", "闽JFA1234", "闽JFA1234", "new_energy_small"],
    ["a small pure-electric car with an extended letter (A)", "粤BA12345", "粤BA12345", "new_energy_small"],
    ["a large new-energy vehicle ending in D", "闽J·12345D", "闽J12345D", "new_energy_large"],
  ])("accepts %s: %s → %s", (_title, text, normalised, kind) => {
    expect(validateLicencePlate(text)).toBe(normalised);
    expect(plateKind(text)).toBe(kind);
  });

  it.each([
    ["no province abbreviation", "AJ12345", "region"],
    ["a character that is not a province", "中J12345", "region"],
    ["only 4 characters after the letter", "闽J1234", "format"],
    ["an I in the serial", "闽J1234I", "format"],
    ["an O in the serial", "闽JO1234", "format"],
    ["a new-energy serial starting with a letter other than A–K", "闽JL12345", "format"],
    ["a small new-energy plate with letters among the last four", "闽JD1234A", "format"],
    ["a large new-energy plate ending in a letter other than D/F", "闽J12345A", "format"],
    ["an empty value", "", "region"],
  ])("refuses %s (%s)", (_title, text, reason) => {
    expect(failure(() => validateLicencePlate(text, "parties[0].plate"))).toBe(`KRN-ID:parties[0].plate:${reason}`);
    expect(isValidLicencePlate(text)).toBe(false);
  });

  it("writes a plate for display with a middle dot", () => {
    expect(formatLicencePlate("闽J12345")).toBe("闽J·12345");
    expect(formatLicencePlate("闽JD12345")).toBe("闽J·D12345");
  });
});
