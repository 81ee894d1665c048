import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHEN, FUDING_POINT, WU } from "../../../core/quickclaim/testing/test-world.ts";
import { lastCode } from "../../http/support/test-platform.ts";
import { launchBrowser } from "../../support/browser.ts";
import { type ServedApp, serveApp } from "../../support/serve.ts";
import { createPageApp, type PageApp } from "../pages/support/page-app.ts";
import { scenePng } from "./support/scene-png.ts";

const MIN = 60_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * Chromium over a real socket: 陈姐 and 吴建国 from the report on their phones to the money on
 * their cards — photos, five items, the officer's letter, signatures, one-click claims, the
 * adjuster's assessment and payment — and then the regulator's dashboard.
 */
describe("快处快赔 in Chromium: two parties from report to paid, and the dashboard", () => {
  let t: PageApp;
  let served: ServedApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let chen: Page;
  let wu: Page;
  let caseUrl = "";

  const phone = async () => {
    const ctx = await browser.newContext({
      viewport: PHONE,
      geolocation: { latitude: FUDING_POINT.lat, longitude: FUDING_POINT.lng },
      permissions: ["geolocation"],
      locale: "zh-CN",
    });
    contexts.push(ctx);
    return ctx.newPage();
  };
  const desktop = async () => {
    const ctx = await browser.newContext({ viewport: DESKTOP, locale: "zh-CN" });
    contexts.push(ctx);
    return ctx.newPage();
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/quickclaim-${name}.png`, fullPage: true });

  /** On the quick-claim sign-in page: mobile, code from the notifier, back to where we came from. */
  async function signInByCode(page: Page, mobile: string): Promise<void> {
    await page.fill("#mobile", mobile);
    await page.getByTestId("qc-citizen-form").locator("button").click();
    await page.waitForSelector('[data-testid="qc-code-form"]');
    await page.fill("#code", lastCode([t.codes], mobile));
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith("/quickclaim/sign-in")),
      page.getByTestId("qc-code-form").locator("button").click(),
    ]);
  }

  async function signInStaff(page: Page, key: string, next: string): Promise<void> {
    await page.goto(`${served.url}/quickclaim/sign-in?next=${encodeURIComponent(next)}`);
    await page.fill("#apiKey", key);
    await Promise.all([
      page.waitForURL(`${served.url}${next}`),
      page.getByTestId("qc-staff-form").locator("button").click(),
    ]);
  }

  /** Submits a form and waits for the page it leads to. */
  async function submit(page: Page, form: ReturnType<Page["locator"]>, url: RegExp): Promise<void> {
    await Promise.all([page.waitForURL(url), form.locator('button[type="submit"]').last().click()]);
  }

  async function uploadPhoto(page: Page, slot: string, colour: readonly [number, number, number]): Promise<void> {
    const form = page.getByTestId(`slot-${slot}`).locator("form");
    await form.locator('input[type="file"]').setInputFiles({
      name: `${slot}.png`,
      mimeType: "image/png",
      buffer: Buffer.from(scenePng(colour, slot === "collision" ? 40 : 0)),
    });
    // The phone's file time: the script copied it into capturedAt; make it the minutes after the crash.
    await form.evaluate((f) => {
      (f.querySelector('[name="capturedAt"]') as HTMLInputElement).value = "2026-03-01T13:43";
    });
    await page.waitForFunction(
      (s) => (document.querySelector(`[data-testid="slot-${s}"] [name="lat"]`) as HTMLInputElement)?.value !== "",
      slot,
    );
    await submit(page, form, /done=photo/);
  }

  async function fillItems(
    page: Page,
    partyId: "A" | "B",
    who: typeof CHEN | typeof WU,
    vehicleNo: string,
    policy: string,
  ) {
    const form = page.getByTestId(`items-${partyId}`);
    await form.locator('[name="driverName"]').fill(who.name);
    await form.locator('[name="driverLicenceNo"]').fill(who.residentId);
    await form.locator('[name="vehicleLicenceNo"]').fill(vehicleNo);
    await form.locator('[name="insurerId"]').selectOption(who.insurerId);
    await form.locator('[name="compulsoryPolicyNo"]').fill(policy);
    await submit(page, form, /done=items/);
  }

  /** Fills the claim form (ID and bank card) and sends it. */
  async function sendClaim(page: Page, who: typeof CHEN | typeof WU): Promise<void> {
    await page.goto(caseUrl);
    const form = page.getByTestId("claim-form");
    await form.locator('[name="residentId"]').fill(who.residentId);
    await form
      .locator('[name="idPhoto"]')
      .setInputFiles({ name: "id.png", mimeType: "image/png", buffer: Buffer.from(scenePng([230, 230, 230])) });
    await form.locator('[name="cardNumber"]').fill(who.card);
    await form.locator('[name="bankName"]').fill("中国建设银行");
    await form
      .locator('[name="cardPhoto"]')
      .setInputFiles({ name: "card.png", mimeType: "image/png", buffer: Buffer.from(scenePng([20, 90, 160])) });
    await form.locator('button[type="submit"]').last().click();
    await page.waitForLoadState();
  }

  async function claim(page: Page, who: typeof CHEN | typeof WU): Promise<void> {
    await page.goto(caseUrl);
    expect(await page.getByTestId("identity-first").count()).toBe(0); // proved: no 实名认证 notice
    await sendClaim(page, who);
    await page.waitForURL(/done=claimed/);
    expect(await page.getByTestId("my-claim").getAttribute("data-claim-status")).toBe("OPEN");
  }

  /** 实名认证 on the platform's /identity page: name, resident ID and the mobile signed in with. */
  async function proveIdentity(page: Page, who: typeof CHEN | typeof WU): Promise<void> {
    if (!new URL(page.url()).pathname.endsWith("/identity")) await page.goto(`${served.url}/identity`);
    const person = page.getByTestId("person-form");
    await person.locator("#name").fill(who.name);
    await person.locator("#residentId").fill(who.residentId);
    await person.locator("#mobile").fill(who.mobile);
    await person.locator("button").click();
    await page.waitForSelector('[data-testid="identity-ok"]');
  }

  beforeAll(async () => {
    t = await createPageApp();
    served = await serveApp(t.app);
    browser = await launchBrowser();
    chen = await phone();
    wu = await phone();
  });
  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => {});
    await browser?.close();
    await served?.close();
    await t?.close();
  });

  it("陈姐 signs in by code, reports from her phone and gets the link for the other driver", async () => {
    await chen.goto(`${served.url}/quickclaim?region=350900`);
    await shot(chen, "landing-phone");
    await chen.getByTestId("report-cta").click();
    await chen.waitForURL(/\/quickclaim\/sign-in\?next=/);
    await signInByCode(chen, CHEN.mobile);
    expect(new URL(chen.url()).pathname).toBe("/quickclaim/350900/report");
    await chen.selectOption("#regionCode", "350982");
    await chen.fill("#accidentAt", "2026-03-01T13:40");
    await chen.fill("#address", "福鼎市太姥山镇 G104 国道旁");
    await chen.waitForFunction(() => (document.querySelector('[name="lat"]') as HTMLInputElement).value !== "");
    await chen.fill("#plate0", CHEN.plate);
    await chen.fill("#mobile0", CHEN.mobile);
    await chen.fill("#plate1", WU.plate);
    await chen.fill("#mobile1", WU.mobile);
    await shot(chen, "report-phone");
    await submit(chen, chen.getByTestId("report-form"), /reported=1/);
    caseUrl = chen.url().replace(/\?.*$/, "");
    expect(await chen.getByTestId("case-status").getAttribute("data-status")).toBe("REPORTED");
    expect(await chen.getByTestId("case-link").textContent()).toBe(caseUrl);
    expect(await chen.locator(".qc-qr svg").count()).toBe(1);
  });

  it("陈姐 takes the three guided photos and gives her five items; 吴建国 opens the link, gives his, and submits", async () => {
    await uploadPhoto(chen, "front", [200, 40, 40]);
    await uploadPhoto(chen, "rear", [200, 40, 40]);
    await uploadPhoto(chen, "collision", [240, 240, 240]);
    await fillItems(chen, "A", CHEN, "350900111111", "PDZA2026350900001111");
    expect(await chen.locator('[data-testid="slot-front"] img.qc-thumb').count()).toBe(1);
    expect(await chen.locator(".qc-flag").count()).toBe(0);
    await shot(chen, "evidence-phone");

    await wu.goto(caseUrl);
    await wu.waitForURL(/\/quickclaim\/sign-in\?next=/);
    await signInByCode(wu, WU.mobile);
    expect(wu.url()).toBe(caseUrl);
    await fillItems(wu, "B", WU, "350900222222", "PDZA2026350900002221");
    await submit(wu, wu.getByTestId("submit-evidence"), /done=submitted/);
    expect(await wu.getByTestId("wait").isVisible()).toBe(true);
    await shot(wu, "wait-phone");
  });

  it("the 福鼎 officer pulls the video and issues the letter; it prints", async () => {
    t.clock.advance(9 * MIN);
    const officer = await desktop();
    const key = await t.staffKey(["police"], ["350982"], "fuding-traffic-police");
    await signInStaff(officer, key, "/quickclaim/350900/police");
    await shot(officer, "police-queue-desktop");
    await officer.locator("[data-testid=police-queue] a.qc-open").first().click();
    await officer.waitForURL(/\/police\/cases\//);
    await submit(officer, officer.locator("form:has([data-testid=video-button])"), /done=video/);
    expect(await officer.getByTestId("video-lookup").count()).toBe(1);
    const form = officer.getByTestId("determine-form");
    await form.locator("#form").selectOption("rear_end");
    await form.locator("#faultPartyId").selectOption("B");
    await form.locator("#facts").fill("B车（货车）在G104国道跟车距离不足，追尾前方A车。");
    await Promise.all([officer.waitForURL(/\/preview$/), officer.getByTestId("preview").click()]);
    expect(await officer.getByTestId("suggestion").textContent()).toContain("B 100.00%");
    await shot(officer, "police-case-desktop");
    await Promise.all([officer.waitForURL(/done=determined/), officer.getByTestId("issue").click()]);
    await officer.getByTestId("letter-link").click();
    await officer.waitForURL(/\/letter$/);
    expect(await officer.getByTestId("letter-number").textContent()).toMatch(/〔2026〕第\d{6}号/);
    await shot(officer, "letter-desktop");
    await officer.emulateMedia({ media: "print" });
    await shot(officer, "letter-print");
  });

  it("both sign the letter on their phones → AGREED; each claims with ID and bank card", async () => {
    t.clock.advance(3 * MIN);
    for (const page of [chen, wu]) {
      await page.goto(caseUrl);
      expect(await page.getByTestId("letter-summary").isVisible()).toBe(true);
      if (page === chen) await shot(chen, "sign-phone");
      await submit(page, page.getByTestId("agree-form"), /done=signed/);
    }
    expect(await wu.getByTestId("case-status").getAttribute("data-status")).toBe("AGREED");
    // 陈姐 has not done 实名认证: the claim form says so before she fills it in, and if she sends it
    // anyway no payout can go to her yet (QC-R07); the page says why and links to 实名认证.
    await chen.goto(caseUrl);
    expect(await chen.getByTestId("identity-first").isVisible()).toBe(true);
    await sendClaim(chen, CHEN);
    const problem = chen.getByTestId("problem");
    expect(await problem.getAttribute("data-rule")).toBe("QC-R07");
    expect(await chen.getByTestId("my-claim").count()).toBe(0);
    await Promise.all([
      chen.waitForURL(/\/identity$/),
      chen.getByTestId("problem").getByTestId("identity-needed").click(),
    ]);
    await proveIdentity(chen, CHEN);
    await claim(chen, CHEN);
    await shot(chen, "claim-phone");
    await proveIdentity(wu, WU);
    await claim(wu, WU);
  });

  it("the adjuster assesses 3,200 and 800 yuan, the insurers accept, and each claim is paid", async () => {
    t.clock.advance(6 * MIN);
    const adj = await desktop();
    const key = await t.staffKey(["adjuster"], ["350900"], "pingan-ningde");
    await signInStaff(adj, key, "/quickclaim/350900/adjuster");
    await adj.locator("[data-testid=adjuster-queue] a.qc-open").first().click();
    await adj.waitForURL(/\/adjuster\/cases\//);
    await adj.fill("#vehicle_A", "3200");
    await adj.fill("#vehicle_B", "800");
    await submit(adj, adj.getByTestId("assess-form"), /done=assessed/);
    expect(await adj.getByTestId("victim-paid-A").textContent()).toBe("3200.00 元");
    expect(await adj.getByTestId("victim-paid-B").textContent()).toBe("100.00 元");
    for (const party of ["A", "B"]) {
      await submit(adj, adj.getByTestId(`claim-${party}`).getByTestId("accept"), /done=accepted/);
      await submit(adj, adj.getByTestId(`claim-${party}`).getByTestId("pay"), /done=paid/);
      expect(await adj.getByTestId(`claim-${party}`).getAttribute("data-claim-status")).toBe("PAID");
    }
    await shot(adj, "adjuster-case-desktop");
    expect(
      t.gateway
        .transfers()
        .map((x) => x.amountFen)
        .sort((a, b) => a - b),
    ).toEqual([10_000, 320_000]);
  });

  it("both see the money paid to their card; 陈姐 answers the follow-up", async () => {
    await chen.goto(caseUrl);
    expect(await chen.getByTestId("case-status").getAttribute("data-status")).toBe("PAID");
    expect(await chen.getByTestId("paid-amount").textContent()).toBe("3200.00 元");
    await shot(chen, "paid-phone");
    await chen.getByTestId("survey-form").locator("#suggestion").fill("流程很快，希望增加夜间视频认定");
    await submit(chen, chen.getByTestId("survey-form"), /done=survey/);
    expect(await chen.getByTestId("survey-thanks").isVisible()).toBe(true);
    await wu.goto(caseUrl);
    expect(await wu.getByTestId("paid-amount").textContent()).toBe("100.00 元");
  });

  it("the regulator's dashboard shows the case's figures with server-drawn charts, on desktop and phone", async () => {
    const key = await t.staffKey(["regulator"], ["350900"]);
    const reg = await desktop();
    const path = "/quickclaim/350900/dashboard?from=2026-01-01&to=2026-03-31";
    await signInStaff(reg, key, path);
    expect(await reg.getByTestId("kpi-accidents").locator("b").textContent()).toBe("1 件");
    expect(await reg.getByTestId("kpi-remote").locator("b").textContent()).toBe("100.00%");
    expect(await reg.getByTestId("kpi-handling").locator("b").textContent()).toBe("9 分 0 秒");
    expect(await reg.getByTestId("kpi-satisfaction").locator("b").textContent()).toBe("100.00%");
    for (const id of ["chart-remote", "chart-handling", "chart-payout", "chart-quality"]) {
      const box = await reg.getByTestId(id).boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(300);
    }
    expect(await reg.getByTestId("suggestions").textContent()).toContain("希望增加夜间视频认定");
    await shot(reg, "dashboard-desktop");
    await reg.setViewportSize(PHONE);
    await reg.reload();
    const phoneBox = await reg.getByTestId("chart-remote").boundingBox();
    expect(phoneBox?.width ?? 0).toBeLessThanOrEqual(PHONE.width);
    await shot(reg, "dashboard-phone");
  });
});
