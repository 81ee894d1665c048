import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors.ts";
import { isValidUscc, USCC_ALPHABET, usccCheckChar, usccParts, validateUscc } from "./uscc.ts";

function failure(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return `${e.ruleId}:${e.field}:${(e.detail as { reason: string }).reason}`;
  }
  return undefined;
}

describe("KRN-ID 统一社会信用代码 unified social credit code (GB 32100-2015)", () => {
  it.each([
    ["福安市海鑫渔业专业合作社, a farmers' cooperative", "93350981MA2Y0T8Q11"],
    ["张师傅's individual business", "92350802MA31XK5R2X"],
    ["龙岩闽西茶业有限公司, an enterprise", "91350800MA2YQ3LF3C"],
  ])("the demo code of %s is valid (%s)", (_who, code) => {
    expect(validateUscc(code)).toBe(code);
  });

  it("lower case and surrounding spaces are normalised", () => {
    expect(validateUscc(" 91350800ma2yq3lf3c ")).toBe("91350800MA2YQ3LF3C");
  });

  it.each([
    ["a wrong check character", "91350800MA2YQ3LF3D", "check_digit"],
    ["17 characters", "91350800MA2YQ3LF3", "format"],
    ["a letter outside its alphabet (O)", "91350800MO2YQ3LF3C", "format"],
    ["an unknown registration authority", "B1350800MA2YQ3LF3C", "category"],
    ["a category market regulation does not use", "94350800MA2YQ3LF3C", "category"],
    ["a region part that is not a region code", "91990800MA2YQ3LF3C", "region"],
    ["letters in the region part", "913508A0MA2YQ3LF3C", "region"],
  ])("refuses %s, naming the field and the reason", (_title, code, reason) => {
    expect(failure(() => validateUscc(code, "borrower.uscc"))).toBe(`KRN-ID:borrower.uscc:${reason}`);
  });

  it("splits a code into its parts", () => {
    expect(usccParts("93350981MA2Y0T8Q11")).toEqual({
      registrationAuthority: "9",
      category: "3",
      regionCode: "350981",
      entityId: "MA2Y0T8Q1",
    });
  });

  const alphabetChar = fc.integer({ min: 0, max: 30 }).map((i) => USCC_ALPHABET[i] as string);
  const body = fc
    .tuple(
      fc.constantFrom("11", "12", "51", "52", "53", "91", "92", "93", "Y1", "N2"),
      fc.constantFrom("350900", "350981", "350802", "100000", "110105"),
      fc.array(alphabetChar, { minLength: 9, maxLength: 9 }),
    )
    .map(([head, region, id]) => `${head}${region}${id.join("")}`);

  it("any well-formed code completed with its check character is valid", () => {
    fc.assert(
      fc.property(body, (first17) => {
        expect(isValidUscc(first17 + usccCheckChar(first17))).toBe(true);
      }),
    );
  });

  it("the check character catches every single mistyped character", () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (first17, pos, delta) => {
        const changed = USCC_ALPHABET[(USCC_ALPHABET.indexOf(first17[pos] as string) + delta) % 31];
        const typo = first17.slice(0, pos) + changed + first17.slice(pos + 1);
        expect(usccCheckChar(typo)).not.toBe(usccCheckChar(first17));
      }),
    );
  });
});
