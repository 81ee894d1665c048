import { describe, expect, it } from "vitest";
import type { Principal } from "../../kernel/mod.ts";
import { asyncRefusalOf } from "../testing/errors.ts";
import { applicationInput, consentTo, footprint, useCases } from "../testing/flows.ts";
import { products } from "../testing/test-catalogue.ts";
import { createTestWorld, people, principals, proved, type TestWorld } from "../testing/test-world.ts";
import type { MarketplaceUseCases } from "./create-use-cases.ts";

type Setup = (world: TestWorld, uc: MarketplaceUseCases) => Promise<{ input: unknown; who: Principal }>;

const tea = people.teaCo;
const xingshan = products.xingshan;

/** A valid consent and application of the tea company for 兴闪贷, changed by `change`. */
const teaApplies =
  (change: (input: Record<string, unknown>) => Record<string, unknown> = (i) => i): Setup =>
  async (_world, uc) => {
    const consent = await consentTo(uc, principals.teaCo, tea, xingshan);
    return { input: change(applicationInput(tea, xingshan, consent.id)), who: principals.teaCo };
  };

/** A QR token issued by the staff of the product's bank. */
async function qrToken(uc: MarketplaceUseCases, productId: string, validDays?: number): Promise<string> {
  const staff = productId === xingshan.id ? principals.cibStaff : principals.ccbStaff;
  const issued = await uc.issueApplyCode.execute({ productId, ...(validDays ? { validDays } : {}) }, staff);
  return issued.token;
}

const cases: [string, Setup, { rule: string; field?: string; kind?: string; words?: string }][] = [
  [
    "an invalid resident ID",
    teaApplies((i) => ({ ...i, applicant: { idKind: "resident-id", idNumber: "350802198801153018", name: "张" } })),
    { rule: "KRN-ID", field: "applicant.idNumber" },
  ],
  [
    "an invalid USCC",
    teaApplies((i) => ({ ...i, applicant: { idKind: "uscc", idNumber: "91350800MA2YQ3LF3D", name: "茶业" } })),
    { rule: "KRN-ID", field: "applicant.idNumber" },
  ],
  [
    "an unknown product",
    teaApplies((i) => ({ ...i, productId: "prd_nope" })),
    { rule: "MKT-CATALOGUE", field: "productId", kind: "not_found" },
  ],
  [
    "an amount above the product's range",
    teaApplies((i) => ({ ...i, amount: xingshan.amountMax + 1 })),
    { rule: "MKT-CATALOGUE", field: "amount" },
  ],
  [
    "a fractional amount of fen",
    teaApplies((i) => ({ ...i, amount: 100.5 })),
    { rule: "MKT-CATALOGUE", field: "amount" },
  ],
  [
    "a term outside the product's range",
    teaApplies((i) => ({ ...i, termMonths: 60 })),
    { rule: "MKT-CATALOGUE", field: "termMonths" },
  ],
  [
    "an invalid mobile number",
    teaApplies((i) => ({ ...i, contactMobile: "1234" })),
    { rule: "KRN-ID", field: "contactMobile" },
  ],
  ["an unknown field", teaApplies((i) => ({ ...i, discount: true })), { rule: "MKT-CATALOGUE", field: "discount" }],
  [
    "a consent for another institution",
    async (_w, uc) => {
      const forCcb = await consentTo(uc, principals.teaCo, tea, products.kuaidai, [
        "tax.paid",
        "unionpay.acquiring-flow",
      ]);
      return { input: applicationInput(tea, xingshan, forCcb.id), who: principals.teaCo };
    },
    { rule: "MKT-R01", field: "consentId", words: "another institution" },
  ],
  [
    "an expired consent",
    async (world, uc) => {
      const c = await consentTo(uc, principals.teaCo, tea, xingshan);
      world.clock.advanceMs(30 * 86_400_000);
      return { input: applicationInput(tea, xingshan, c.id), who: principals.teaCo };
    },
    { rule: "MKT-R01", field: "consentId", words: "expired" },
  ],
  [
    "a revoked consent",
    async (_w, uc) => {
      const c = await consentTo(uc, principals.teaCo, tea, xingshan);
      await uc.revokeConsent.execute({ consentId: c.id }, principals.teaCo);
      return { input: applicationInput(tea, xingshan, c.id), who: principals.teaCo };
    },
    { rule: "MKT-R01", field: "consentId", words: "revoked" },
  ],
  [
    "a consent that omits a required category",
    async (_w, uc) => {
      const c = await consentTo(uc, principals.teaCo, tea, xingshan, ["market.registration", "tax.credit-grade"]);
      return { input: applicationInput(tea, xingshan, c.id), who: principals.teaCo };
    },
    { rule: "MKT-R02", field: "categories", words: "开票销售收入" },
  ],
  [
    "someone else's consent",
    async (_w, uc) => {
      const c = await consentTo(uc, principals.teaCo, tea, xingshan);
      return { input: applicationInput(tea, xingshan, c.id), who: principals.stranger };
    },
    { rule: "MKT-R01", kind: "not_found" },
  ],
  [
    "a consent about another data subject",
    async (_w, uc) => {
      // Someone who has proved both the tea company and 张师傅's shop consents for the shop, then applies as the company.
      const both = { ...principals.teaCo, identities: proved(people.teaCo, people.zhangShop) };
      const c = await consentTo(uc, both, people.zhangShop, xingshan);
      return { input: applicationInput(tea, xingshan, c.id), who: both };
    },
    { rule: "MKT-R01", field: "consentId", words: "another data subject" },
  ],
  [
    "a tampered QR code",
    async (_w, uc) => {
      const token = await qrToken(uc, xingshan.id);
      const c = await consentTo(uc, principals.teaCo, tea, xingshan);
      return {
        input: applicationInput(tea, xingshan, c.id, {
          applyCodeToken: token.replace("prd_cib_xingshan", "prd_cib_xingshax"),
        }),
        who: principals.teaCo,
      };
    },
    { rule: "MKT-R08", field: "token", words: "tampered" },
  ],
  [
    "an expired QR code",
    async (world, uc) => {
      const token = await qrToken(uc, xingshan.id, 1);
      world.clock.advanceMs(2 * 86_400_000);
      const c = await consentTo(uc, principals.teaCo, tea, xingshan);
      return { input: applicationInput(tea, xingshan, c.id, { applyCodeToken: token }), who: principals.teaCo };
    },
    { rule: "MKT-R08", words: "expired" },
  ],
  [
    "a QR code of another product",
    async (_w, uc) => {
      const token = await qrToken(uc, products.kuaidai.id);
      const c = await consentTo(uc, principals.teaCo, tea, xingshan);
      return { input: applicationInput(tea, xingshan, c.id, { applyCodeToken: token }), who: principals.teaCo };
    },
    { rule: "MKT-CATALOGUE", field: "applyCodeToken" },
  ],
  [
    "a product of a suspended institution",
    async (world, uc) => {
      const c = await consentTo(uc, principals.teaCo, tea, xingshan);
      await world.store.run(async (tx) => {
        const cib = await tx.institutions.get("inst_cib");
        if (cib) await tx.institutions.update({ ...cib, status: "SUSPENDED" });
      });
      return { input: applicationInput(tea, xingshan, c.id), who: principals.teaCo };
    },
    { rule: "MKT-CATALOGUE", field: "productId", kind: "not_found" },
  ],
  [
    "an application made by bank staff instead of the applicant",
    async (_w, uc) => {
      const c = await consentTo(uc, principals.teaCo, tea, xingshan);
      return { input: applicationInput(tea, xingshan, c.id), who: principals.cibStaff };
    },
    { rule: "KRN-R06", kind: "forbidden" },
  ],
];

describe("申请的错误输入 bad input on submission: a 4xx naming the rule, nothing pushed, nothing half-written", () => {
  it.each(cases)("%s is refused", async (_title, setup, expected) => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const { input, who } = await setup(world, uc);
    const before = footprint(world);
    const fetchesBefore = world.creditData.calls.length;
    const refusal = await asyncRefusalOf(uc.submitApplication.execute(input, who));
    expect(refusal?.rule).toBe(expected.rule);
    if (expected.field !== undefined) expect(refusal?.field).toBe(expected.field);
    expect(refusal?.kind).toBe(expected.kind ?? refusal?.kind);
    if (expected.kind === undefined) expect(["validation", "conflict"]).toContain(refusal?.kind);
    if (expected.words !== undefined) expect(refusal?.message).toContain(expected.words);
    expect(footprint(world)).toEqual(before);
    expect(world.creditData.calls.length).toBe(fetchesBefore);
    expect(world.lenders.calls).toHaveLength(0);
  });
});
