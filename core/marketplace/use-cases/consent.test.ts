import { describe, expect, it } from "vitest";
import { asyncRefusalOf } from "../testing/errors.ts";
import { applicationInput, apply, consentTo, footprint, useCases } from "../testing/flows.ts";
import { products } from "../testing/test-catalogue.ts";
import { createTestWorld, people, principals } from "../testing/test-world.ts";

describe("MKT-R01 授权 consent: give, list, revoke", () => {
  it("the consent screen shows which categories go to which institution, why, and for how long", async () => {
    const uc = useCases(await createTestWorld());
    const detail = await uc.getProduct.execute({ productId: products.kuaidai.id });
    expect(detail.consentScreen.recipient.name.zh).toBe("中国建设银行龙岩分行");
    expect(detail.consentScreen.categories.map((c) => [c.code, c.name.zh, c.department.name.zh, c.required])).toEqual([
      ["tax.paid", "纳税金额", "国家税务总局龙岩市税务局", true],
      ["unionpay.acquiring-flow", "银联收单流水", "中国银联福建分公司", true],
      ["social.insurance-paid", "社会保险缴纳", "市人力资源和社会保障局", false],
      ["tax.credit-grade", "纳税信用等级", "国家税务总局龙岩市税务局", false],
      ["court.enforcement", "被执行人信息", "龙岩市中级人民法院", false],
    ]);
    expect(detail.consentScreen.categories[0]?.purpose).toContain("核定额度");
    expect(detail.consentScreen.terms).toMatchObject({
      dataPeriod: { from: "2024-03-02", to: "2026-03-02" },
      dataLifeMonths: 12,
    });
  });

  it("browsing the catalogue needs no consent and no sign-in", async () => {
    const uc = useCases(await createTestWorld());
    const page = await uc.searchProducts.execute({ specialAction: "small-shop" });
    expect(page.items.map((p) => p.name.zh)).toEqual(["智慧快贷"]);
  });

  it("a consent names the recipient, the purpose, the categories, the period, the data life and the expiry", async () => {
    const world = await createTestWorld();
    const c = await consentTo(useCases(world), principals.zhang, people.zhang, products.kuaidai, [
      "tax.paid",
      "unionpay.acquiring-flow",
    ]);
    expect(c).toMatchObject({
      recipientInstitutionId: "inst_ccb",
      purpose: { module: "marketplace", kind: "product-application", ref: "prd_ccb_kuaidai" },
      categories: ["tax.paid", "unionpay.acquiring-flow"],
      dataPeriod: { from: "2024-03-02", to: "2026-03-02" },
      dataLifeMonths: 12,
      status: "ACTIVE",
    });
    expect(c.expiresAt.toISOString()).toBe("2026-04-01T02:00:00.000Z");
    expect(c.effectiveStatus).toBe("ACTIVE");
    expect(JSON.stringify(c)).not.toContain(people.zhang.idNumber);
    expect("dataSubject" in c).toBe(false);
  });

  it.each([
    [
      "a category the product does not use",
      { categories: ["tax.paid", "unionpay.acquiring-flow", "water.usage"] },
      "MKT-R02",
      "categories",
    ],
    ["a longer period than the product asks for", { dataPeriodMonths: 36 }, "MKT-R01", "dataPeriodMonths"],
    [
      "an invalid identity",
      { subject: { idKind: "resident-id", idNumber: "350802198801153010" } },
      "KRN-ID",
      "subject.idNumber",
    ],
    ["an unknown product", { productId: "prd_nope" }, "MKT-CATALOGUE", "productId"],
  ])("refuses a consent with %s, writing nothing", async (_title, change, rule, field) => {
    const world = await createTestWorld();
    const before = footprint(world);
    const input = {
      productId: products.kuaidai.id,
      subject: { idKind: "resident-id", idNumber: people.zhang.idNumber },
      categories: ["tax.paid", "unionpay.acquiring-flow"],
      ...change,
    };
    expect(await asyncRefusalOf(useCases(world).grantConsent.execute(input, principals.zhang))).toMatchObject({
      rule,
      field,
    });
    expect(footprint(world)).toEqual(before);
  });

  it.each([
    ["a citizen who has proved no ID", principals.stranger, people.zhang],
    ["the tea company's account, for 张师傅's shop", principals.teaCo, people.zhangShop],
    ["张师傅's account, for the tea company", principals.zhang, people.teaCo],
  ])("MKT-R01 consent comes from the data subject: %s is refused, writing nothing", async (_title, who, subject) => {
    const world = await createTestWorld();
    const before = footprint(world);
    const refusal = await asyncRefusalOf(consentTo(useCases(world), who, subject, products.kuaidai));
    expect(refusal).toMatchObject({ rule: "MKT-R01", kind: "forbidden", field: "subject.idNumber" });
    expect(footprint(world)).toEqual(before);
  });

  it("bank staff cannot give consent on a citizen's behalf", async () => {
    const world = await createTestWorld();
    const refusal = await asyncRefusalOf(
      consentTo(useCases(world), principals.ccbStaff, people.zhang, products.kuaidai),
    );
    expect(refusal).toMatchObject({ rule: "KRN-R06", kind: "forbidden" });
  });

  it("'my data' lists who received which categories, when and with which hash; revocation stops the next push at once", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const first = await apply(uc, principals.teaCo, people.teaCo, products.xingshan);
    const mine = await uc.listMyData.execute({}, principals.teaCo);
    expect(mine.pushes).toHaveLength(1);
    expect(mine.pushes[0]).toMatchObject({
      recipientName: { zh: "兴业银行龙岩分行" },
      categories: first.push.categories,
      contentHash: first.push.contentHash,
      payloadHeld: true,
    });
    expect(JSON.stringify(mine)).not.toContain("payloadCipher");
    expect(JSON.stringify(mine)).not.toContain(people.teaCo.idNumber);

    const consentId = first.application.consentId;
    const revoked = await uc.revokeConsent.execute({ consentId }, principals.teaCo);
    expect(revoked.effectiveStatus).toBe("REVOKED");
    const again = await asyncRefusalOf(
      uc.submitApplication.execute(applicationInput(people.teaCo, products.xingshan, consentId), principals.teaCo),
    );
    expect(again).toMatchObject({ rule: "MKT-R01", message: expect.stringContaining("revoked") });
    expect(world.store.state.pushes.size).toBe(1);
  });

  it("another account can neither see nor revoke the consent", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    const c = await consentTo(uc, principals.teaCo, people.teaCo, products.xingshan);
    expect((await uc.listMyData.execute({}, principals.stranger)).consents).toHaveLength(0);
    expect(await asyncRefusalOf(uc.revokeConsent.execute({ consentId: c.id }, principals.stranger))).toMatchObject({
      rule: "MKT-R01",
      kind: "not_found",
    });
  });

  it("the expiry sweep marks consents past their 30 days as EXPIRED, with an audit entry each", async () => {
    const world = await createTestWorld();
    const uc = useCases(world);
    await consentTo(uc, principals.teaCo, people.teaCo, products.xingshan);
    world.clock.advanceMs(29 * 86_400_000);
    expect(await uc.expireConsents.execute(undefined, principals.admin)).toEqual({ expired: 0 });
    world.clock.advanceMs(86_400_000);
    expect(await uc.expireConsents.execute(undefined, principals.admin)).toEqual({ expired: 1 });
    expect(world.store.audit.at(-1)?.action).toBe("marketplace.consent.expire");
    expect((await uc.listMyData.execute({}, principals.teaCo)).consents[0]?.status).toBe("EXPIRED");
  });
});
