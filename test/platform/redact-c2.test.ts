import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { C3_REDACTED, isC3Name, redactC2, redactC2Text } from "../../adapters/crypto/redact-c2.ts";

/** Appends the Luhn check digit to a digit string. */
function withLuhn(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

describe("KRN-R04 C2 data is masked in logs and audit details", () => {
  it.each([
    ["a resident ID shows first 1 and last 1", "350902199001011234", "3****************4"],
    ["a resident ID ending in X", "35090219900101123X", "3****************X"],
    ["a bank card shows first 6 and last 4", "6222021234567890128", "622202*********0128"],
    ["a 16-digit card", "4111111111111111", "411111******1111"],
    ["a card written in groups keeps its spaces", "6222 0212 3456 7894", "6222 02** **** 7894"],
    ["a mobile shows first 3 and last 4", "13812345678", "138****5678"],
    ["a mobile with +86", "+86 13812345678", "+86 138****5678"],
    [
      "inside a sentence",
      "客户身份证350902199001011234，电话13812345678。",
      "客户身份证3****************4，电话138****5678。",
    ],
  ])("%s", (_title, input, masked) => {
    expect(redactC2Text(input)).toBe(masked);
  });

  it.each([
    ["a business date", "2026-11-27"],
    ["a yuan amount", "12345678.90"],
    ["a region code", "350900"],
    ["a millisecond timestamp", "1795766400000"],
    ["a 12-digit number", "138123456789"],
    ["a case id", "case_01J9Z3K6W8QF5T2B7N4M1XCVDR"],
  ])("%s is left alone", (_title, input) => {
    expect(redactC2Text(input)).toBe(input);
  });

  it("walks objects and arrays, masks integers that read as mobiles, and drops C3 members", () => {
    const out = redactC2({
      applicant: { mobile: 13812345678, idNumber: "350902199001011234" },
      cards: ["6222021234567890128"],
      amountFen: 1_000_000,
      password: "hunter2",
      sms_code: "123456",
      cvn2: "123",
      empty: null,
      at: "2026-11-27T08:00:00.000Z",
    });
    expect(out).toEqual({
      applicant: { mobile: "138****5678", idNumber: "3****************4" },
      cards: ["622202*********0128"],
      amountFen: 1_000_000,
      password: C3_REDACTED,
      sms_code: C3_REDACTED,
      cvn2: C3_REDACTED,
      empty: null,
      at: "2026-11-27T08:00:00.000Z",
    });
  });

  it.each([["password"], ["smsCode"], ["SMS_CODE"], ["verification-code"], ["apiKey"], ["cvv2"]])(
    "the member name %j marks C3 data",
    (name) => {
      expect(isC3Name(name)).toBe(true);
    },
  );

  it.each([["regionCode"], ["code"], ["amountFen"], ["mobile"]])("the member name %j is not C3", (name) => {
    expect(isC3Name(name)).toBe(false);
  });

  it("survives cycles and leaves the input untouched", () => {
    const a: Record<string, unknown> = { mobile: "13812345678" };
    a.self = a;
    expect(redactC2(a)).toEqual({ mobile: "138****5678", self: "[circular]" });
    expect(a.mobile).toBe("13812345678");
  });

  it("no resident ID, card or mobile survives in any text around it (property)", () => {
    const digits = (n: number) =>
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
    const residentId = fc
      .tuple(
        fc.constantFrom("11", "35", "44", "65"),
        digits(4),
        fc.integer({ min: 1900, max: 2025 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        digits(3),
        fc.constantFrom("0", "5", "9", "X"),
      )
      .map(([p, r, y, m, d, s, c]) => `${p}${r}${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}${s}${c}`);
    const card = fc.integer({ min: 16, max: 19 }).chain((n) => digits(n - 2).map((d) => withLuhn(`6${d}`)));
    const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([b, d]) => `1${b}${d}`);
    const filler = fc.string({ unit: "grapheme-ascii", maxLength: 12 }).map((s) => s.replace(/[\dXx+]/g, "a"));
    fc.assert(
      fc.property(fc.oneof(residentId, card, mobile), filler, filler, (secret, before, after) => {
        const out = redactC2Text(`${before} ${secret} ${after}`);
        expect(out.includes(secret.slice(1, -1))).toBe(false);
      }),
    );
  });
});
