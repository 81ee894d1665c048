import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import type { ApplyCode, ApplyCodeClaims } from "../domain/apply-code.ts";
import type { MarketplacePolicy } from "../policy.ts";
import { marketplacePolicyDefaults } from "../policy-defaults.ts";
import { refusalOf } from "../testing/errors.ts";
import {
  applyCodeExpiry,
  applyCodeMessage,
  applyCodeToken,
  assertApplyCodeUsable,
  parseApplyCodeToken,
} from "./apply-code.ts";

const ISSUED = new Date("2026-03-02T02:00:00Z");
const code: ApplyCode = {
  id: "qr_000001",
  regionCode: "350800",
  productId: "prd_ccb_kuaidai",
  institutionId: "inst_ccb",
  branchId: "inst_ccb_xinluo",
  managerId: "mgr-007",
  issuedAt: ISSUED,
  expiresAt: new Date("2026-05-31T16:00:00Z"),
  issuedBy: "inst:ccb/u1",
  status: "ACTIVE",
  scans: 0,
  applications: 0,
};
const claims: ApplyCodeClaims = {
  codeId: code.id,
  regionCode: code.regionCode,
  productId: code.productId,
  branchId: code.branchId,
  managerId: code.managerId,
  expiresAt: code.expiresAt,
};

describe("MKT-R08 码上贷 QR codes", () => {
  it.each([
    ["by default a code is valid 90 days, to the end of that day", undefined, "2026-05-31T16:00:00.000Z"],
    ["an issuer may give 7 days", 7, "2026-03-09T16:00:00.000Z"],
    ["an issuer may give the maximum of 365 days", 365, "2027-03-02T16:00:00.000Z"],
  ])("%s", (_title, days, expiry) => {
    expect(applyCodeExpiry(marketplacePolicyDefaults, ISSUED, days).toISOString()).toBe(expiry);
  });

  it.each([
    ["more than the pack's maximum", 366],
    ["zero days", 0],
  ])("refuses a validity of %s", (_title, days) => {
    expect(refusalOf(() => applyCodeExpiry(marketplacePolicyDefaults, ISSUED, days))).toMatchObject({
      rule: "MKT-R08",
      field: "validDays",
    });
  });

  it("follows the pack's default validity", () => {
    const pack: MarketplacePolicy = {
      ...marketplacePolicyDefaults,
      applyCode: { ...marketplacePolicyDefaults.applyCode, defaultValidityDays: since("2021-01-01", 30, "test") },
    };
    expect(applyCodeExpiry(pack, ISSUED).toISOString()).toBe("2026-04-01T16:00:00.000Z");
  });

  it("a token carries product, branch, manager and expiry, and parses back to the same claims", () => {
    const token = applyCodeToken(claims, "k1_abc");
    const parsed = parseApplyCodeToken(token);
    expect(parsed.claims).toEqual({
      codeId: "qr_000001",
      regionCode: "350800",
      productId: "prd_ccb_kuaidai",
      branchId: "inst_ccb_xinluo",
      managerId: "mgr-007",
      expiresAt: code.expiresAt,
    });
    expect(parsed.message).toBe(applyCodeMessage(claims));
    expect(parsed.signature).toBe("k1_abc");
  });

  it("a product-only code (no branch, no manager) round-trips", () => {
    const plain = { ...claims, branchId: null, managerId: null };
    expect(parseApplyCodeToken(applyCodeToken(plain, "sig")).claims).toEqual(plain);
  });

  it.each([
    ["garbage", "hello"],
    ["a wrong version", applyCodeToken(claims, "sig").replace(/^q1/, "q9")],
    ["a missing segment", applyCodeToken(claims, "sig").split(".").slice(0, 7).join(".")],
    ["a non-numeric expiry", applyCodeToken(claims, "sig").replace(/\.\d+\.sig$/, ".soon.sig")],
    ["an unsafe character", applyCodeToken(claims, "sig").replace("prd_ccb_kuaidai", "prd/ccb")],
  ])("a token with %s is refused as tampered", (_title, token) => {
    expect(refusalOf(() => parseApplyCodeToken(token))).toMatchObject({ rule: "MKT-R08", field: "token" });
  });

  it.each([
    ["a verified, unexpired code matching the issued one is usable", claims, code, "2026-05-31T15:59:59Z", undefined],
    ["an expired code is refused", claims, code, "2026-05-31T16:00:00Z", "expired"],
    [
      "a code pointing at another product than issued is refused as tampered",
      { ...claims, productId: "prd_cib_xingshan" },
      code,
      "2026-03-03T00:00:00Z",
      "tampered",
    ],
    [
      "a code with a stretched expiry is refused as tampered",
      { ...claims, expiresAt: new Date("2027-01-01T00:00:00Z") },
      code,
      "2026-03-03T00:00:00Z",
      "tampered",
    ],
    [
      "a code with another manager is refused as tampered",
      { ...claims, managerId: "mgr-999" },
      code,
      "2026-03-03T00:00:00Z",
      "tampered",
    ],
    [
      "a withdrawn code is refused",
      claims,
      { ...code, status: "REVOKED" as const },
      "2026-03-03T00:00:00Z",
      "withdrawn",
    ],
    ["an unknown code is refused", claims, undefined, "2026-03-03T00:00:00Z", "unknown"],
  ] as [string, ApplyCodeClaims, ApplyCode | undefined, string, string | undefined][])(
    "%s",
    (_title, c, stored, now, reason) => {
      const refusal = refusalOf(() => assertApplyCodeUsable(c, stored, new Date(now)));
      if (reason === undefined) expect(refusal).toBeUndefined();
      else {
        expect(refusal?.rule).toBe("MKT-R08");
        expect(refusal?.message).toContain(reason);
      }
    },
  );

  it("property: changing any one character of a token's signed part changes the message the signature must match", () => {
    const token = applyCodeToken(claims, "sig");
    const signed = token.slice(0, token.lastIndexOf("."));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: signed.length - 1 }), fc.constantFrom(..."ABCxyz019_-"), (i, ch) => {
        fc.pre(signed[i] !== ch);
        const tampered = `${signed.slice(0, i)}${ch}${signed.slice(i + 1)}.sig`;
        try {
          return parseApplyCodeToken(tampered).message !== applyCodeMessage(claims);
        } catch {
          return true;
        }
      }),
    );
  });
});
