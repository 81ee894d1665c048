import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors.ts";
import { isValidBankCard, luhnValid, validateBankCard } from "./bank-card.ts";
import { isValidMobile, validateMobile } from "./mobile.ts";

function failure(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return `${e.ruleId}:${e.field}:${(e.detail as { reason: string }).reason}`;
  }
  return undefined;
}

describe("KRN-ID 手机号 mobile number", () => {
  it.each([
    ["13800138000", "13800138000"],
    ["199 1234 5678", "19912345678"],
    ["+86 138-0013-8000", "13800138000"],
    ["0086 15012345678", "15012345678"],
  ])('"%s" is the mobile number %s', (text, mobile) => {
    expect(validateMobile(text)).toBe(mobile);
  });

  it.each([["12800138000"], ["1380013800"], ["138001380001"], ["10086"], ["1380013800a"], [""]])(
    'refuses "%s", naming the field',
    (text) => {
      expect(failure(() => validateMobile(text, "contact.mobile"))).toBe("KRN-ID:contact.mobile:format");
    },
  );

  it("every 1[3-9] + 9 digits number is a mobile", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }), (second, rest) => {
        expect(isValidMobile(`1${second}${`${rest}`.padStart(9, "0")}`)).toBe(true);
      }),
    );
  });
});

describe("KRN-ID 银行卡号 bank card (Luhn)", () => {
  it.each([
    ["张师傅's card", "6217001234567890122"],
    ["王女士's card", "6228480012345678903"],
    ["a 16-digit card", "4111111111111111"],
  ])("the demo card of %s is valid (%s)", (_who, card) => {
    expect(validateBankCard(card)).toBe(card);
  });

  it("spaces between digit groups are dropped", () => {
    expect(validateBankCard("6217 0012 3456 7890 122")).toBe("6217001234567890122");
  });

  it.each([
    ["a wrong check digit", "6217001234567890123", "check_digit"],
    ["15 digits", "621700123456789", "format"],
    ["20 digits", "62170012345678901220", "format"],
    ["a letter", "62170012345678901A2", "format"],
  ])("refuses %s, naming the field", (_title, card, reason) => {
    expect(failure(() => validateBankCard(card, "payout.bankCard"))).toBe(`KRN-ID:payout.bankCard:${reason}`);
  });

  const cardBody = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 18 }).map((d) => d.join(""));
  const checkDigitFor = (body: string) => [..."0123456789"].find((c) => luhnValid(body + c)) as string;

  it("every body has exactly one Luhn check digit, and the card then validates", () => {
    fc.assert(
      fc.property(cardBody, (body) => {
        expect([..."0123456789"].filter((c) => luhnValid(body + c)).length).toBe(1);
        expect(isValidBankCard(body + checkDigitFor(body))).toBe(true);
      }),
    );
  });

  it("the Luhn digit catches every single mistyped digit", () => {
    fc.assert(
      fc.property(cardBody, fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const card = body + checkDigitFor(body);
        const pos = at % card.length;
        const typo = card.slice(0, pos) + String((Number(card[pos]) + delta) % 10) + card.slice(pos + 1);
        expect(luhnValid(typo)).toBe(false);
      }),
    );
  });
});
