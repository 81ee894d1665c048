import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redactC2, redactC2Text } from "../crypto/redact-c2.ts";
import { CREDENTIAL_REDACTED, redactForLog, redactLogText } from "./redact-for-log.ts";

/** The full pipeline, without the shortcuts: kernel C2 redaction of everything, then secrets. */
const SECRET = /\b(fi[fs]_)[A-Za-z0-9_-]{8,}/g;
function referenceText(s: string): string {
  return redactC2Text(s).replace(SECRET, "$1****");
}
function referenceValue(v: unknown): unknown {
  const scrub = (x: unknown): unknown => {
    if (typeof x === "string") return x.replace(SECRET, "$1****");
    if (x === null || typeof x !== "object") return x;
    if (Array.isArray(x)) return x.map(scrub);
    return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, scrub(y)]));
  };
  return scrub(redactC2(v));
}

/** Text made of the pieces C2 numbers and secrets are made of, so that matches are frequent. */
const piece = fc.constantFrom(
  "0",
  "1",
  "3",
  "5",
  "8",
  "9",
  "13800138000",
  "350981196803121039",
  "6217001234567890122",
  "4111 1111 1111 1111",
  "+86 ",
  "0086",
  "X",
  " ",
  "-",
  "fif_",
  "fis_",
  "abcdEFGH12",
  "电话",
  "，",
  "_",
);
const logText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));
const logValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    logText,
    fc.integer(),
    fc.constantFrom(13800138000, 4111111111111111, 6217001234567890, -13800138000, 12345678901),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("mobile", "note", "path", "count", "holder"), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("KRN-R04 日志脱敏 one-pass log redaction", () => {
  it("masks a text exactly as the full pipeline does (the digit and prefix shortcuts change nothing)", () => {
    fc.assert(
      fc.property(logText, (s) => {
        expect(redactLogText(s)).toBe(referenceText(s));
      }),
      { numRuns: 2000 },
    );
  });

  it("redacts a nested value exactly as the full pipeline does", () => {
    fc.assert(
      fc.property(logValue, (v) => {
        expect(redactForLog(v)).toEqual(referenceValue(v));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ["a text with fewer than 11 digits is returned as it is", "order 1234567890 ok", "order 1234567890 ok"],
    ["a mobile number is masked", "call 13800138000", "call 138****8000"],
    ["an API key is cut to its prefix", "key fif_abcdefghijklmnop", "key fif_****"],
    ["a session token without digits is cut too", "fis_abcdefghijklmnop", "fis_****"],
  ])("%s", (_title, input, expected) => {
    expect(redactLogText(input)).toBe(expected);
  });

  it.each([
    ["a mobile-like integer becomes its masked text", 13800138000, "138****8000"],
    ["a small integer stays a number", 200, 200],
    ["a fraction stays a number", 12.5, 12.5],
  ])("%s", (_title, input, expected) => {
    expect(redactForLog(input)).toBe(expected);
  });

  it("replaces credential and C3 members whole, and keeps empty ones", () => {
    expect(
      redactForLog({
        Authorization: "Bearer fif_x",
        set_cookie: "a=b",
        password: "hunter2",
        smsCode: "123456",
        token: null,
        otp: undefined,
        status: 200,
      }),
    ).toEqual({
      Authorization: CREDENTIAL_REDACTED,
      set_cookie: CREDENTIAL_REDACTED,
      password: "[C3 redacted]",
      smsCode: "[C3 redacted]",
      token: null,
      otp: undefined,
      status: 200,
    });
  });

  it("writes errors as name, message and stack, dates as ISO text, bigints as text", () => {
    const error = new Error("no row for 13800138000");
    const out = redactForLog({ error, at: new Date("2026-03-02T02:00:00Z"), big: 13800138000n }) as Record<
      string,
      Record<string, string> | string
    >;
    expect(out.error).toMatchObject({ name: "Error", message: "no row for 138****8000" });
    expect(String((out.error as Record<string, string>).stack)).not.toContain("13800138000");
    expect(out.at).toBe("2026-03-02T02:00:00.000Z");
    expect(out.big).toBe("138****8000");
  });

  it("cuts cycles and very deep values", () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(redactForLog(a)).toEqual({ self: "[circular]" });
    let deep: unknown = "bottom";
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(JSON.stringify(redactForLog(deep))).toContain("[too deep]");
  });
});
