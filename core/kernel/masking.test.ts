import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { luhnValid } from "./identity/bank-card.ts";
import { residentIdCheckChar } from "./identity/resident-id.ts";
import { maskBankCard, maskMobile, maskName, maskResidentId, redactC2 } from "./masking.ts";

describe("KRN-R04 脱敏 masking of personal data", () => {
  it.each([
    ["a resident ID shows its first and last character", maskResidentId, "350981196803121039", "3****************9"],
    ["an ID ending in X keeps the X", maskResidentId, "35090219900101108X", "3****************X"],
    ["a bank card shows its first 6 and last 4 digits", maskBankCard, "6217001234567890122", "621700*********0122"],
    ["a 16-digit card likewise", maskBankCard, "4111111111111111", "411111******1111"],
    ["a mobile shows its first 3 and last 4 digits", maskMobile, "13800138000", "138****8000"],
    ["a three-character name shows only the surname", maskName, "林阿伯", "林**"],
    ["a two-character name shows only the surname", maskName, "王芳", "王*"],
    ["a one-character name is hidden", maskName, "林", "*"],
    ["a too-short value is hidden entirely rather than shown", maskBankCard, "12345", "*****"],
  ])("%s", (_title, mask, value, masked) => {
    expect((mask as (s: string) => string)(value as string)).toBe(masked);
  });

  it("masking keeps the length and never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(maskResidentId(s).length).toBe(s.length);
        expect(maskBankCard(s).length).toBe(s.length);
        expect(maskMobile(s).length).toBe(s.length);
        expect(typeof maskName(s)).toBe("string");
      }),
    );
  });

  it.each([
    [
      "an ID and a mobile in a log line",
      "applicant 350981196803121039 phone 13800138000 submitted",
      "applicant 3****************9 phone 138****8000 submitted",
    ],
    [
      "a card number, plain and grouped",
      "card=6217001234567890122; alt card 6217 0012 3456 7890 122.",
      "card=621700*********0122; alt card 6217 00** **** ***0 122.",
    ],
    ["a mobile with +86 and separators", "call +86 138-0013-8000 now", "call +86 138-****-8000 now"],
    ["an ID ending in lower-case x inside JSON", '{"id":"35090219900101108x"}', '{"id":"3****************x"}'],
    ["an ID glued to Chinese text", "身份证号350821199007024029已核验", "身份证号3****************9已核验"],
  ])("redactC2 masks %s", (_title, text, redacted) => {
    expect(redactC2(text)).toBe(redacted);
  });

  it.each([
    ["amounts and timestamps", "amount 500000 fen at 1767225600000"],
    ["a 20-digit reference", "ref 12345678901234567890"],
    ["an 18-digit number that is neither an ID nor a card", "order 123456789012345678"],
    ["a 16-digit number failing Luhn", "trace 1234567812345678"],
    ["a USCC (not personal data)", "uscc 91350800MA2YQ3LF3C"],
  ])("redactC2 leaves %s alone", (_title, text) => {
    expect(redactC2(text)).toBe(text);
  });

  const idBody = fc
    .tuple(fc.integer({ min: 1930, max: 2010 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .chain(([y, m, d]) =>
      fc
        .integer({ min: 0, max: 999 })
        .map((seq) => `350981${y}${`${m}`.padStart(2, "0")}${`${d}`.padStart(2, "0")}${`${seq}`.padStart(3, "0")}`),
    );

  it("no resident ID survives redaction, wherever it sits in the text", () => {
    fc.assert(
      fc.property(idBody, fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), (first17, before, after) => {
        const id = first17 + residentIdCheckChar(first17);
        // A digit right next to it would make a longer number, which is not an ID.
        const pre = before.replace(/\d+$/, "");
        const post = after.replace(/^\d+/, "");
        expect(redactC2(`${pre}${id}${post}`)).not.toContain(id.slice(1, 17));
      }),
    );
  });

  it("no Luhn-valid card number survives redaction", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 18 }), (digits) => {
        const body = digits.join("");
        const card = body + [..."0123456789"].find((c) => luhnValid(body + c));
        const out = redactC2(`pay to ${card} today`);
        expect(out).not.toContain(card);
        expect(out).toContain(card.slice(-4));
      }),
    );
  });

  it("no mobile number survives redaction", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }), (second, rest) => {
        const mobile = `1${second}${`${rest}`.padStart(9, "0")}`;
        expect(redactC2(`tel:${mobile}`)).toBe(`tel:${maskMobile(mobile)}`);
      }),
    );
  });
});
