import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarketplaceUseCases } from "../../../core/marketplace/mod.ts";
import { people } from "../../../core/marketplace/testing/test-world.ts";
import { staffOf } from "./support/board-scenario.ts";
import { createMarketplacePageApp, type MarketplacePageApp } from "./support/marketplace-page-app.ts";
import { getPage, onceFor, postForm } from "./support/page-requests.ts";

const APPLY = "/marketplace/350800/products/prd_ccb_kuaidai/apply";
const REQUIRED = ["tax.paid", "unionpay.acquiring-flow"];

/**
 * The apply page and its consent screen through app.request (MKT-R01/R02/R03/R08): what the
 * screen promises, every refusal naming its rule with nothing written, one application however
 * often the form is sent, and the 码上贷 landing.
 */
describe("marketplace pages: apply with consent", () => {
  let t: MarketplacePageApp;
  let zhang: string;
  const zhangRef = () => t.blindIndexer.index("mobile", people.zhang.mobile);
  const consents = () => t.deps.uow.run((tx) => tx.consents.listBySubject(zhangRef(), "350800"));
  const pushes = () => t.deps.uow.run((tx) => tx.pushes.listBySubject(zhangRef(), "350800"));

  const fields = (once: string, over: Record<string, string | string[]> = {}) => ({
    _once: once,
    idKind: "resident-id",
    name: people.zhang.name,
    idNumber: people.zhang.idNumber,
    mobile: people.zhang.mobile,
    amount: "50000",
    term: "12",
    categories: REQUIRED,
    agree: "yes",
    ...over,
  });
  const freshForm = async (path = APPLY) => (await getPage(t.app, path, zhang)).text();

  beforeAll(async () => {
    t = await createMarketplacePageApp();
    zhang = await t.citizenToken(people.zhang.mobile);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it("asks a visitor to sign in first and comes back to the apply page", async () => {
    const res = await getPage(t.app, APPLY);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/marketplace/sign-in?next=${encodeURIComponent(APPLY)}`);
    const signIn = await (await getPage(t.app, res.headers.get("location") as string)).text();
    expect(signIn).toContain(`name="next" value="${APPLY}"`);
  });

  it("names on the consent screen the one recipient, the purpose, each category with its purpose and the terms", async () => {
    const html = await freshForm();
    expect(html).toContain('data-recipient="inst_ccb"');
    expect(html).toMatch(/data-testid="consent-recipient">中国建设银行龙岩分行</);
    expect(html).toContain("申请“智慧快贷”");
    const listed = [...html.matchAll(/data-testid="consent-category" data-category="([^"]+)" data-required="(\w+)"/g)];
    expect(listed.map((m) => [m[1], m[2]])).toEqual([
      ["tax.paid", "true"],
      ["unionpay.acquiring-flow", "true"],
      ["social.insurance-paid", "false"],
      ["tax.credit-grade", "false"],
      ["court.enforcement", "false"],
    ]);
    expect(html).toContain("用途：纳税金额，核定额度");
    expect(html).toContain("2024-03-02");
    expect(html).toContain("收到后最多 12 个月，到期删除");
    expect(html).toContain("2026-04-01 10:00");
    // Required categories start ticked, optional ones do not (nothing beyond the need by default).
    expect(html).toMatch(/value="tax.paid" checked=""/);
    expect(html).not.toMatch(/value="tax.credit-grade" checked/);
  });

  it("shows the consent screen in English with the English half of each purpose", async () => {
    const html = await (await getPage(t.app, `${APPLY}?lang=en`, zhang)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/data-testid="consent-recipient">CCB Longyan</);
    expect(html).toContain("to this one institution only, for:");
    expect(html).toContain("Used for: tax paid, to set the limit");
    expect(html).not.toContain("纳税金额，核定额度");
  });

  it.each([
    ["without the ticked consent", { agree: "" }, "MKT-R01", "请先阅读并勾选同意数据授权书"],
    [
      "leaving out a required category",
      { categories: ["tax.paid"] },
      "MKT-R02",
      "“银联收单流水”是该产品审批的必需数据",
    ],
    ["with an invalid resident ID", { idNumber: "350802198801153018" }, "KRN-ID", "check character"],
    ["with a USCC that fails its check", { idKind: "uscc", idNumber: "92350802MA31XK5R2Y" }, "KRN-ID", "idNumber"],
    ["with an amount above the product's maximum", { amount: "1000000.01" }, "MKT-CATALOGUE", "申请金额须在"],
    ["with a term outside the product's range", { term: "24" }, "MKT-CATALOGUE", "期限须在 1–12 个月 之间"],
    ["with a mistyped mobile", { mobile: "1234" }, "KRN-ID", "请填写 11 位手机号"],
    ["with an amount of three decimals", { amount: "100.001" }, "KRN-R01", "最多两位小数"],
    [
      "asking for a category the product does not use",
      { categories: [...REQUIRED, "power.usage"] },
      "MKT-R02",
      "not one this product uses",
    ],
  ])("refuses an application %s by rule, keeps the form and writes nothing", async (_what, over, rule, text) => {
    const html = await freshForm();
    const res = await postForm(t.app, APPLY, zhang, fields(onceFor(html, APPLY), over));
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain(`data-rule="${rule}"`);
    expect(page).toContain(text);
    expect(page).toContain(`value="${people.zhang.name}"`);
    expect(await consents()).toEqual([]);
    expect(await pushes()).toEqual([]);
  });

  it("gives the consent and submits once however often the same form is sent, pushing only the ticked categories", async () => {
    const form = fields(onceFor(await freshForm(), APPLY), { categories: [...REQUIRED, "social.insurance-paid"] });
    const first = await postForm(t.app, APPLY, zhang, form);
    const again = await postForm(t.app, APPLY, zhang, form);
    expect(first.status).toBe(303);
    expect(again.status).toBe(303);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(first.headers.get("location")).toMatch(/^\/marketplace\/350800\/applications\/[^/]+$/);
    expect(await consents()).toHaveLength(1);
    const [push] = await pushes();
    expect([...(push?.categories ?? [])].sort()).toEqual([...REQUIRED, "social.insurance-paid"].sort());
    expect(push?.recipientInstitutionId).toBe("inst_ccb");

    const page = await (await getPage(t.app, first.headers.get("location") as string, zhang)).text();
    expect(page).toContain('data-testid="instant-decision"');
    expect(page).toContain("纳税金额");
    expect(page).toContain("首贷户");
    expect(page).toContain(people.zhang.mobile); // the applicant sees his own number in full
  });

  it("opens a 码上贷 code's application pre-filled, counts the scan and the application, and refuses a tampered code", async () => {
    const uc = createMarketplaceUseCases(t.deps);
    const { code, token } = await uc.issueApplyCode.execute(
      { productId: "prd_ccb_kuaidai", branchId: "inst_ccb_xinluo", managerId: "M007" },
      staffOf("inst_ccb"),
    );
    const landing = await getPage(t.app, `/marketplace/350800/qr/${encodeURIComponent(token)}`);
    expect(landing.status).toBe(303);
    const applyPath = landing.headers.get("location") as string;
    expect(applyPath).toBe(`${APPLY}?code=${encodeURIComponent(token)}`);
    const html = await (await getPage(t.app, applyPath, zhang)).text();
    expect(html).toContain('data-testid="qr-prefill"');
    expect(html).toContain("受理网点：中国建设银行龙岩分行新罗支行");
    expect(html).toContain("客户经理：M007");
    expect(html).toContain(`name="code" value="${token}"`);

    const res = await postForm(t.app, APPLY, zhang, { ...fields(onceFor(html, APPLY)), code: token });
    expect(res.status).toBe(303);
    const stored = await t.deps.uow.run((tx) => tx.applyCodes.get(code.id));
    expect(stored?.scans).toBe(1);
    expect(stored?.applications).toBe(1);

    const tampered = token.replace(/\.[^.]+$/, ".AAAAAAAAAAAAAAAAAAAAAA");
    const refused = await getPage(t.app, `/marketplace/350800/qr/${encodeURIComponent(tampered)}`);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('data-rule="MKT-R08"');
    expect((await t.deps.uow.run((tx) => tx.applyCodes.get(code.id)))?.scans).toBe(1);
  });

  it("revokes at once the consent of an attempt the core refuses after it was given, so nothing stays authorised", async () => {
    const uc = createMarketplaceUseCases(t.deps);
    const { token } = await uc.issueApplyCode.execute({ productId: "prd_ccb_kuaidai" }, staffOf("inst_ccb"));
    const forged = token.replace(/\.[^.]+$/, ".forged_signature");
    const before = await consents();
    const pushedBefore = (await pushes()).length;
    const html = await freshForm(`${APPLY}?code=${encodeURIComponent(forged)}`);
    const res = await postForm(t.app, APPLY, zhang, { ...fields(onceFor(html, APPLY)), code: forged });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('data-rule="MKT-R08"');
    expect(page).toContain('data-testid="consent-withdrawn"');
    const all = await consents();
    expect(all).toHaveLength(before.length + 1);
    const added = all.filter((c) => !before.some((b) => b.id === c.id));
    expect(added.map((c) => c.status)).toEqual(["REVOKED"]);
    expect(all.filter((c) => c.status === "ACTIVE")).toHaveLength(before.filter((c) => c.status === "ACTIVE").length);
    expect(await pushes()).toHaveLength(pushedBefore);
  });

  it("refuses a staff member on the apply page: applying is for citizens", async () => {
    const key = await t.staffKey(["institution_staff"], "inst_ccb");
    const res = await getPage(t.app, APPLY, key);
    expect(res.status).toBe(403);
  });
});
