import { describe, expect, it } from "vitest";
import { since } from "../../kernel/mod.ts";
import type { Consent } from "../domain/consent.ts";
import { effectiveConsentStatus, revokeConsent } from "../domain/consent.ts";
import type { MarketplacePolicy } from "../policy.ts";
import { marketplacePolicyDefaults } from "../policy-defaults.ts";
import { refusalOf } from "../testing/errors.ts";
import { assertConsentAllowsPush, consentTerms, type PushIntent } from "./consent-before-data.ts";

const GRANTED = new Date("2026-03-02T02:00:00Z"); // Monday 10:00 in 龙岩

const consent: Consent = {
  id: "cns_1",
  regionCode: "350800",
  subjectRef: "acct_zhang",
  dataSubject: { idKind: "resident-id", idIndex: "bi_zhang", idCipher: "enc:x" },
  recipientInstitutionId: "inst_ccb",
  purpose: { module: "marketplace", kind: "product-application", ref: "prd_ccb_kuaidai", text: "申请 智慧快贷" },
  categories: ["tax.paid", "unionpay.acquiring-flow", "social.insurance-paid"],
  dataPeriod: { from: "2024-03-02", to: "2026-03-02" },
  dataLifeMonths: 12,
  grantedAt: GRANTED,
  expiresAt: new Date("2026-04-01T02:00:00Z"),
  status: "ACTIVE",
  revokedAt: null,
};

const intent: PushIntent = {
  recipientInstitutionId: "inst_ccb",
  purpose: { module: "marketplace", kind: "product-application", ref: "prd_ccb_kuaidai" },
  dataSubjectIndex: "bi_zhang",
};

const at = (iso: string) => new Date(iso);

describe("MKT-R01 授权在先 consent before data", () => {
  it.each([
    [
      "the default consent covers the last 24 months up to the day it is given",
      { from: "2024-03-02", to: "2026-03-02" },
    ],
  ])("%s", (_title, period) => {
    expect(consentTerms(marketplacePolicyDefaults, GRANTED).dataPeriod).toEqual(period);
  });

  it("the default consent lets the recipient keep the data 12 months and expires after 30 days", () => {
    const terms = consentTerms(marketplacePolicyDefaults, GRANTED);
    expect(terms.dataLifeMonths).toBe(12);
    expect(terms.expiresAt).toEqual(at("2026-04-01T02:00:00Z"));
  });

  it("the period is counted on the 龙岩 business date: 00:30 on 3 March is already 3 March", () => {
    const terms = consentTerms(marketplacePolicyDefaults, at("2026-03-02T16:30:00Z"));
    expect(terms.dataPeriod).toEqual({ from: "2024-03-03", to: "2026-03-03" });
  });

  it("a subject may give a shorter period and data life than the default", () => {
    const terms = consentTerms(marketplacePolicyDefaults, GRANTED, { dataPeriodMonths: 6, dataLifeMonths: 3 });
    expect(terms.dataPeriod).toEqual({ from: "2025-09-02", to: "2026-03-02" });
    expect(terms.dataLifeMonths).toBe(3);
  });

  it.each([
    ["a period longer than the default", { dataPeriodMonths: 25 }, "dataPeriodMonths"],
    ["a data life longer than the default", { dataLifeMonths: 13 }, "dataLifeMonths"],
    ["a period of zero months", { dataPeriodMonths: 0 }, "dataPeriodMonths"],
  ])("refuses %s", (_title, asked, field) => {
    expect(refusalOf(() => consentTerms(marketplacePolicyDefaults, GRANTED, asked))).toMatchObject({
      rule: "MKT-R01",
      field,
    });
  });

  it("follows the pack: a region that lets consents live 7 days gives 7-day consents", () => {
    const pack: MarketplacePolicy = {
      ...marketplacePolicyDefaults,
      consent: { ...marketplacePolicyDefaults.consent, expiryDays: since("2021-01-01", 7, "test pack") },
    };
    expect(consentTerms(pack, GRANTED).expiresAt).toEqual(at("2026-03-09T02:00:00Z"));
  });

  it.each([
    [
      "an active consent for this institution, purpose and subject allows the push",
      consent,
      "2026-03-02T03:00:00Z",
      undefined,
    ],
    [
      "a revoked consent stops every later push at once",
      revokeConsent(consent, at("2026-03-02T02:30:00Z")),
      "2026-03-02T02:30:00Z",
      "revoked",
    ],
    ["a consent past its expiry is refused even before any sweep marks it", consent, "2026-04-01T02:00:00Z", "expired"],
    [
      "a consent naming another institution is refused",
      { ...consent, recipientInstitutionId: "inst_cib" },
      "2026-03-02T03:00:00Z",
      "another institution",
    ],
    [
      "a consent for another purpose is refused",
      { ...consent, purpose: { ...consent.purpose, ref: "prd_abc_xinglin" } },
      "2026-03-02T03:00:00Z",
      "another purpose",
    ],
    [
      "a consent about another data subject is refused",
      { ...consent, dataSubject: { ...consent.dataSubject, idIndex: "bi_other" } },
      "2026-03-02T03:00:00Z",
      "another data subject",
    ],
  ])("%s", (_title, c, now, reason) => {
    const refusal = refusalOf(() => assertConsentAllowsPush(c as Consent, intent, at(now)));
    if (reason === undefined) expect(refusal).toBeUndefined();
    else {
      expect(refusal?.rule).toBe("MKT-R01");
      expect(refusal?.field).toBe("consentId");
      expect(refusal?.message).toContain(reason);
    }
  });

  it.each([
    ["ACTIVE one second before expiry", "2026-04-01T01:59:59Z", "ACTIVE"],
    ["EXPIRED at the expiry instant", "2026-04-01T02:00:00Z", "EXPIRED"],
  ])("a consent is %s", (_title, now, status) => {
    expect(effectiveConsentStatus(consent, at(now))).toBe(status);
  });

  it("a revoked consent cannot be revoked again", () => {
    const revoked = revokeConsent(consent, at("2026-03-03T00:00:00Z"));
    expect(refusalOf(() => revokeConsent(revoked, at("2026-03-04T00:00:00Z")))).toMatchObject({
      rule: "MKT-R01",
      kind: "conflict",
    });
  });
});
