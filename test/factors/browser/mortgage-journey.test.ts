import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../support/browser.ts";
import { type ServedApp, serveApp } from "../../support/serve.ts";
import { registrationFields } from "../pages/support/forms.ts";
import { createPageApp, LIN_MOBILE, type PageApp, PNG_1X1, RURAL_BANK } from "../pages/support/page-app.ts";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * In Chromium over a real socket: 林阿伯 registers his three marine rights on a phone, with a
 * photo of each certificate; they are confirmed and publicised, then active after the 7-day
 * notice; he forms the 三权合一 bundle, self-assesses it and applies for a 渔排养殖贷; the bank
 * accepts and registers the lien on a desktop; the factor is then mortgaged with a first-ranked lien.
 */
describe("Chromium: a factor from registration to an active mortgage", () => {
  let t: PageApp;
  let served: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createPageApp();
    await t.offerDemoProducts(["fish-raft-farming", "fish-raft-custody"]);
    served = await serveApp(t.app);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await t?.close();
  });

  async function citizenSignIn(page: Page, mobile: string): Promise<void> {
    await page.waitForSelector('[data-testid="fx-citizen-form"]');
    await page.fill("#mobile", mobile);
    await page.getByTestId("fx-citizen-form").locator("button").click();
    await page.waitForSelector('[data-testid="fx-code-form"]');
    await page.fill("#code", t.lastCode(mobile));
    await page.getByTestId("fx-code-form").locator("button").click();
  }

  it("runs the whole story through the pages, on a phone and a desktop", async () => {
    const base = `${served.url}/factors/350900`;
    const lin = await (await browser.newContext({ viewport: PHONE, locale: "zh-CN" })).newPage();
    await lin.goto(`${served.url}/factors`);
    await lin.waitForURL(base);
    expect(await lin.locator('[data-testid="catalogue"] li[data-type]').count()).toBe(23);
    await lin.screenshot({ path: "/tmp/factors-home.png", fullPage: true });
    await lin.getByTestId("sign-in").click();
    await citizenSignIn(lin, LIN_MOBILE);
    await lin.waitForURL(base);

    // 实名认证 (KRN-R06): a holder registers their own factors (FAC-R01).
    const me = registrationFields("lin-sea");
    await lin.goto(`${served.url}/identity`);
    const person = lin.getByTestId("person-form");
    await person.locator("#name").fill(me.holderName ?? "");
    await person.locator("#residentId").fill(me.holderId ?? "");
    await person.locator("#mobile").fill(LIN_MOBILE);
    await person.locator("button").click();
    await lin.waitForSelector('[data-testid="identity-ok"]');

    const factorUrls: string[] = [];
    for (const key of ["lin-sea", "lin-raft", "lin-aqua"]) {
      const f = registrationFields(key);
      await lin.goto(`${base}/register`);
      await lin.selectOption('select[name="countyCode"]', f.countyCode ?? "");
      await lin.selectOption('select[name="typeCode"]', f.typeCode ?? "");
      await lin.fill('input[name="holderName"]', f.holderName ?? "");
      await lin.fill('input[name="holderId"]', f.holderId ?? "");
      await lin.fill('input[name="title"]', f.title ?? "");
      await lin.fill('input[name="location"]', f.location ?? "");
      await lin.fill('input[name="quantity"]', f.quantity ?? "");
      await lin.fill('input[name="siteRef"]', f.siteRef ?? "");
      await lin.fill('input[name="certificateNo"]', f.certificateNo ?? "");
      await lin.setInputFiles('input[name="evidenceFiles"]', {
        name: "证书照片.png",
        mimeType: "image/png",
        buffer: Buffer.from(PNG_1X1),
      });
      if (key === "lin-sea") await lin.screenshot({ path: "/tmp/factors-register.png", fullPage: true });
      await lin.getByTestId("register-submit").click();
      await lin.waitForURL(/\?done=registered$/);
      expect(await lin.getByTestId("evidence").textContent()).toContain("证书照片.png");
      await lin.getByTestId("submit-submit").click();
      await lin.waitForURL(/\?done=publicised$/);
      expect(await lin.locator("h1 [data-status]").getAttribute("data-status")).toBe("PUBLICISED");
      factorUrls.push(lin.url().replace(/\?.*$/, ""));
    }
    await lin.screenshot({ path: "/tmp/factors-factor-notice.png", fullPage: true });

    t.clock.set("2026-03-10T02:00:00Z"); // the 7-day notice has run; the phone session has expired
    await lin.goto(factorUrls[0] ?? "");
    await citizenSignIn(lin, LIN_MOBILE);
    for (const url of factorUrls) {
      await lin.goto(url);
      await lin.getByTestId("activate-submit").click();
      await lin.waitForLoadState("load");
      expect(await lin.locator("h1 [data-status]").getAttribute("data-status")).toBe("ACTIVE");
    }

    await lin.goto(`${base}/mine`);
    await lin.getByTestId("bundle-submit").click();
    await lin.waitForLoadState("load");
    expect(await lin.locator(".notice").first().textContent()).toContain("三权合一");
    await lin.getByTestId("value-submit").click();
    await lin.waitForLoadState("load");
    expect(await lin.getByTestId("valuation").textContent()).toContain("280,000.00");

    await lin.getByTestId("apply-link").click();
    await lin.waitForSelector('[data-testid="apply-form"]');
    expect(await lin.locator('input[name="unit"]:checked').count()).toBe(1);
    await lin.check('[data-product] input[type="radio"] >> nth=0');
    await lin.fill('input[name="amount"]', "150000");
    await lin.screenshot({ path: "/tmp/factors-apply.png", fullPage: true });
    await lin.getByTestId("apply-submit").click();
    await lin.waitForURL(/\/applications\//);
    expect(await lin.locator("h1 [data-status]").getAttribute("data-status")).toBe("APPLIED");

    const bankKey = await t.staffKey(["institution_staff"], RURAL_BANK);
    const bank = await (await browser.newContext({ viewport: DESKTOP, locale: "zh-CN" })).newPage();
    await bank.goto(`${base}/bank`);
    await bank.waitForSelector('[data-testid="fx-staff-form"]');
    await bank.fill("#apiKey", bankKey);
    await bank.getByTestId("fx-staff-form").locator("button").click();
    await bank.waitForURL(`${base}/bank`);
    await bank.screenshot({ path: "/tmp/factors-bank-desk.png", fullPage: true });
    await bank.locator('[data-testid="bank-applications"] a.fx-open').first().click();
    await bank.waitForSelector('[data-testid="decide-form"]');
    await bank.fill('input[name="rate"]', "4.5");
    await bank.getByTestId("decide-submit").click();
    await bank.waitForSelector('[data-testid="register-lien-form"]');
    expect(await bank.getByTestId("approved").textContent()).toContain("4.5%");
    await bank.getByTestId("register-lien-submit").click();
    await bank.waitForURL(/\/loans\//);
    expect(await bank.locator("h1 [data-status]").getAttribute("data-status")).toBe("PERFORMING");
    expect(await bank.locator('[data-testid="loan-liens"] tr[data-rank="1"]').count()).toBe(1);
    await bank.screenshot({ path: "/tmp/factors-loan.png", fullPage: true });

    await lin.goto(factorUrls[1] ?? "");
    expect(await lin.locator("h1 [data-status]").getAttribute("data-status")).toBe("ENCUMBERED");
    expect(await lin.locator('[data-testid="liens"] tr[data-rank="1"]').count()).toBe(1);
    expect(await lin.locator('[data-event="lien_registered"]').count()).toBe(1);
    await lin.screenshot({ path: "/tmp/factors-factor.png", fullPage: true });
    const desktopFactor = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    await desktopFactor.goto(factorUrls[1] ?? "");
    await desktopFactor.screenshot({ path: "/tmp/factors-factor-signed-out.png" });
  }, 180_000);
});
