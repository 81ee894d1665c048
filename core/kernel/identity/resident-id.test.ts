import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors.ts";
import { isValidResidentId, residentIdCheckChar, residentIdParts, validateResidentId } from "./resident-id.ts";

const AS_OF = "2026-06-01";

function failure(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return `${e.ruleId}:${e.field}:${(e.detail as { reason: string }).reason}`;
  }
  return undefined;
}

describe("KRN-ID 居民身份证号 resident ID (GB 11643-1999)", () => {
  it.each([
    ["林阿伯 of 福安", "350981196803121039"],
    ["黄先生 of 霞浦", "350921198204205030"],
    ["陈姐 of 福鼎", "350982197509082025"],
    ["张师傅 of 新罗", "350802198801153019"],
    ["王女士 of 长汀", "350821199007024029"],
    ["a number whose check character is X", "35090219900101108X"],
    ["someone born on 29 February 2000", "35082120000229106X"],
  ])("the demo ID of %s is valid (%s)", (_who, id) => {
    expect(validateResidentId(id, { asOf: AS_OF })).toBe(id);
  });

  it("a lower-case x and surrounding spaces are normalised", () => {
    expect(validateResidentId(" 35090219900101108x ", { asOf: AS_OF })).toBe("35090219900101108X");
  });

  it.each([
    ["a wrong check character", "350981196803121038", "check_digit"],
    ["17 characters", "35098119680312103", "format"],
    ["a letter among the digits", "3509811968O3121039", "format"],
    ["X anywhere but last", "3509811968031210X9", "format"],
    ["an unknown province prefix", "990902199001011230", "region"],
    ["30 February as birth date", "350902199002301230", "birth_date"],
    ["a birth date after the day it is checked", "350902202612011235", "birth_date"],
    ["a birth date before 1900", "350902189912311236", "birth_date"],
  ])("refuses %s, naming the field and the reason", (_title, id, reason) => {
    expect(failure(() => validateResidentId(id, { asOf: AS_OF, field: "applicant.residentId" }))).toBe(
      `KRN-ID:applicant.residentId:${reason}`,
    );
  });

  it("never repeats the ID number in its error message (it is C2 personal data)", () => {
    try {
      validateResidentId("350981196803121038", { asOf: AS_OF });
    } catch (e) {
      expect((e as Error).message).not.toContain("350981196803121038");
    }
    expect(isValidResidentId("350981196803121038", AS_OF)).toBe(false);
  });

  it("reads the birth date, sex and address code of a valid ID", () => {
    expect(residentIdParts("350981196803121039")).toEqual({
      regionCode: "350981",
      birthDate: "1968-03-12",
      sex: "male",
    });
    expect(residentIdParts("350821199007024029").sex).toBe("female");
  });

  const body = fc
    .tuple(
      fc.constantFrom("350981", "350802", "110101", "440305"),
      fc.integer({ min: 1900, max: 2025 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(
      ([region, y, m, d, seq]) =>
        `${region}${y}${`${m}`.padStart(2, "0")}${`${d}`.padStart(2, "0")}${`${seq}`.padStart(3, "0")}`,
    );

  it("any well-formed number completed with its check character is valid", () => {
    fc.assert(
      fc.property(body, (first17) => {
        const id = first17 + residentIdCheckChar(first17);
        expect(validateResidentId(id, { asOf: AS_OF })).toBe(id);
      }),
    );
  });

  it("the check character catches every single mistyped digit", () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (first17, pos, delta) => {
        const changed = String((Number(first17[pos]) + delta) % 10);
        const typo = first17.slice(0, pos) + changed + first17.slice(pos + 1);
        expect(residentIdCheckChar(typo)).not.toBe(residentIdCheckChar(first17));
      }),
    );
  });

  it("the check character catches every swap of two different neighbouring digits", () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 15 }), (first17, pos) => {
        fc.pre(first17[pos] !== first17[pos + 1]);
        const swapped = first17.slice(0, pos) + first17[pos + 1] + first17[pos] + first17.slice(pos + 2);
        expect(residentIdCheckChar(swapped)).not.toBe(residentIdCheckChar(first17));
      }),
    );
  });
});
