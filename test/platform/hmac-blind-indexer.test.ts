import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { HmacBlindIndexer, normaliseForBlindIndex } from "../../adapters/crypto/hmac-blind-indexer.ts";

const key = randomBytes(32);
const indexer = new HmacBlindIndexer(key);

describe("KRN-R04 blind index for lookups by a C2 field", () => {
  it("is stable across instances with the same key and differs under another key", () => {
    const a = indexer.index("resident-id", "350902199001011234");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(new HmacBlindIndexer(key).index("resident-id", "350902199001011234")).toBe(a);
    expect(new HmacBlindIndexer(randomBytes(32)).index("resident-id", "350902199001011234")).not.toBe(a);
  });

  it("keeps kinds apart: one value indexes differently as a mobile and as a card", () => {
    expect(indexer.index("mobile", "13812345678")).not.toBe(indexer.index("bank-card", "13812345678"));
  });

  it.each([
    ["resident-id", "35090219900101123X", " 35090219900101123x "],
    ["resident-id", "350902199001011234", "３５０９０２１９９００１０１１２３４"],
    ["plate", "闽J12345", "闽J·12345"],
    ["plate", "闽J12345", "闽j 12345"],
    ["plate", "闽J12345", "闽J-12345"],
    ["mobile", "13812345678", "138 1234 5678"],
    ["mobile", "13812345678", "138-1234-5678"],
    ["bank-card", "6222021234567890", "6222　0212　3456　7890"],
  ])("a %s written %j or %j finds the same record", (kind, a, b) => {
    expect(indexer.index(kind, b)).toBe(indexer.index(kind, a));
  });

  it("normalises to trimmed upper case without spaces, middle dots or dashes", () => {
    expect(normaliseForBlindIndex("  闽j·123-45 ")).toBe("闽J12345");
  });

  it.each([[""], ["  "], ["·-"]])("refuses to index the empty value %j", (v) => {
    expect(() => indexer.index("mobile", v)).toThrow(/empty mobile/);
  });

  it.each([["Mobile"], [""], ["mobile number"]])("refuses the kind %j", (kind) => {
    expect(() => indexer.index(kind, "13812345678")).toThrow(RangeError);
  });

  it("refuses a short key", () => {
    expect(() => new HmacBlindIndexer(randomBytes(16))).toThrow(/at least 32 bytes/);
  });
});
