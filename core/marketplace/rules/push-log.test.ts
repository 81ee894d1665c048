import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Consent } from "../domain/consent.ts";
import type { CreditDataRecord } from "../domain/credit-data.ts";
import { FakeHasher } from "../testing/fake-adapters.ts";
import { isPastDataLife, pushContent, pushContentHash, pushRecordOf, retainUntil } from "./push-log.ts";

const consent: Consent = {
  id: "cns_1",
  regionCode: "350800",
  subjectRef: "acct_zhang",
  dataSubject: { idKind: "resident-id", idIndex: "bi_zhang", idCipher: "enc:x" },
  recipientInstitutionId: "inst_ccb",
  purpose: { module: "marketplace", kind: "product-application", ref: "prd_ccb_kuaidai", text: "申请 智慧快贷" },
  categories: ["tax.paid", "unionpay.acquiring-flow"],
  dataPeriod: { from: "2024-03-02", to: "2026-03-02" },
  dataLifeMonths: 12,
  grantedAt: new Date("2026-03-02T02:00:00Z"),
  expiresAt: new Date("2026-04-01T02:00:00Z"),
  status: "ACTIVE",
  revokedAt: null,
};

const records: CreditDataRecord[] = [
  {
    category: "unionpay.acquiring-flow",
    subjectId: "350802198801153019",
    observedOn: "2026-01-31",
    fields: { turnover: 8_532_100 },
  },
  {
    category: "tax.paid",
    subjectId: "350802198801153019",
    observedOn: "2025-12-31",
    fields: { paid: 120_000, type: "VAT" },
  },
];
const hasher = new FakeHasher();
const PUSHED = new Date("2026-03-02T02:00:05Z");

describe("MKT-R03 推送留痕 push log", () => {
  it("a push records subject, recipient, categories, period, consent, time and content hash", () => {
    const content = pushContent(consent, ["unionpay.acquiring-flow", "tax.paid"], records);
    const push = pushRecordOf({
      id: "push_1",
      consent,
      applicationId: "app_1",
      content,
      contentHash: pushContentHash(hasher, content),
      payloadCipher: "enc:…",
      pushedAt: PUSHED,
    });
    expect(push).toMatchObject({
      subjectRef: "acct_zhang",
      dataSubjectIndex: "bi_zhang",
      recipientInstitutionId: "inst_ccb",
      consentId: "cns_1",
      categories: ["tax.paid", "unionpay.acquiring-flow"],
      dataPeriod: { from: "2024-03-02", to: "2026-03-02" },
      pushedAt: PUSHED,
      recordCount: 2,
      contentHash: pushContentHash(hasher, content),
    });
  });

  it.each([
    [
      "the recipient keeps a push of 2 March 2026 with 12 months' data life until the end of 2 March 2027",
      PUSHED,
      12,
      "2027-03-02T16:00:00.000Z",
    ],
    [
      "a push on 31 January kept 1 month ends with February's last day",
      new Date("2026-01-31T01:00:00Z"),
      1,
      "2026-02-28T16:00:00.000Z",
    ],
  ])("%s", (_title, at, months, until) => {
    expect(retainUntil(at, months).toISOString()).toBe(until);
  });

  it.each([
    ["held one second before its data life ends", "2027-03-02T15:59:59Z", false],
    ["past its data life at 24:00", "2027-03-02T16:00:00Z", true],
  ])("a push is %s", (_title, now, past) => {
    expect(isPastDataLife({ retainUntil: retainUntil(PUSHED, 12) }, new Date(now))).toBe(past);
  });

  it("the same content hashes the same whatever order the source returned it in", () => {
    const a = pushContentHash(hasher, pushContent(consent, ["tax.paid", "unionpay.acquiring-flow"], records));
    const b = pushContentHash(
      hasher,
      pushContent(consent, ["unionpay.acquiring-flow", "tax.paid"], [...records].reverse()),
    );
    expect(a).toBe(b);
  });

  it("property: any change to a pushed value changes the content hash", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }), (x, y) => {
        fc.pre(x !== y);
        const with_ = (paid: number) =>
          pushContentHash(
            hasher,
            pushContent(consent, ["tax.paid"], [{ ...(records[1] as CreditDataRecord), fields: { paid } }]),
          );
        return with_(x) !== with_(y);
      }),
    );
  });
});
