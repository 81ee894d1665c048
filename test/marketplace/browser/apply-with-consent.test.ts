import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { people } from "../../../core/marketplace/testing/test-world.ts";
import { lastCode } from "../../http/support/test-platform.ts";
import { launchBrowser } from "../../support/browser.ts";
import { type ServedApp, serveApp } from "../../support/serve.ts";
import { createMarketplacePageApp, type MarketplacePageApp } from "../pages/support/marketplace-page-app.ts";

const MIN = 60_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * Chromium over a real socket, on a phone: 张师傅 opens the marketplace, picks the 小店经济
 * column and 建行智慧快贷, signs in by code, and meets the consent screen: exactly which
 * categories go to 中国建设银行龙岩分行 and why. Leaving out a required category is refused by
 * name with nothing written; with it he gets an instant decision, sees what was pushed to whom
 * under "my data", and revokes the consent.
 */
describe("MKT-R01/R02/R03 apply with consent in Chromium", () => {
  let t: MarketplacePageApp;
  let served: ServedApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const zhang = people.zhang;

  const newPage = async (viewport = PHONE) => {
    const ctx = await browser.newContext({ viewport, locale: "zh-CN" });
    contexts.push(ctx);
    return ctx.newPage();
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/marketplace-${name}.png`, fullPage: true });
  const consentsOf = async () =>
    t.deps.uow.run((tx) => tx.consents.listBySubject(t.blindIndexer.index("mobile", zhang.mobile), "350800"));

  beforeAll(async () => {
    t = await createMarketplacePageApp();
    served = await serveApp(t.app);
    browser = await launchBrowser();
  }, 2 * MIN);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await served?.close();
    await t?.close();
  });

  it(
    "shows the recipient and each category's purpose, refuses a missing required category by name, then pushes exactly the ticked categories",
    async () => {
      const page = await newPage();
      await page.goto(`${served.url}/marketplace?region=350800`);
      await page.waitForURL(`${served.url}/marketplace/350800`);
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      await shot(page, "catalogue-phone");

      await page.locator('[data-action="small-shop"]').click();
      await page.waitForURL(/action=small-shop/);
      const cards = page.getByTestId("product");
      expect(await cards.count()).toBe(1);
      expect(await cards.first().textContent()).toContain("智慧快贷");
      await cards.first().locator("h2 a").click();
      await page.waitForURL(/\/products\/prd_ccb_kuaidai$/);
      expect(await page.getByTestId("product-institution").textContent()).toContain("中国建设银行龙岩分行");
      await shot(page, "product-phone");

      // Applying needs a citizen account: sign in by code and come back to the apply page.
      await page.getByTestId("apply-link").click();
      await page.waitForURL(/\/marketplace\/sign-in\?next=/);
      await page.fill("#mobile", zhang.mobile);
      await page.getByTestId("mk-citizen-form").locator("button").click();
      await page.waitForSelector('[data-testid="mk-code-form"]');
      await page.fill("#code", lastCode([t.codes], zhang.mobile));
      await Promise.all([
        page.waitForURL(/\/products\/prd_ccb_kuaidai\/apply$/),
        page.getByTestId("mk-code-form").locator("button").click(),
      ]);

      // The consent screen: one recipient, the purpose, each category with its own purpose.
      const screen = page.getByTestId("consent-screen");
      expect(await screen.getAttribute("data-recipient")).toBe("inst_ccb");
      expect(await page.getByTestId("consent-recipient").textContent()).toBe("中国建设银行龙岩分行");
      expect(await page.getByTestId("consent-purpose").textContent()).toContain("智慧快贷");
      const categories = page.getByTestId("consent-category");
      expect(await categories.count()).toBe(5);
      const unionpay = page.locator('[data-category="unionpay.acquiring-flow"]');
      expect(await unionpay.getAttribute("data-required")).toBe("true");
      expect(await unionpay.getByTestId("category-purpose").textContent()).toContain("银联收单流水，评估经营流水");
      expect(await page.locator('[data-category="tax.paid"] input').isChecked()).toBe(true);
      expect(await page.locator('[data-category="social.insurance-paid"] input').isChecked()).toBe(false);
      expect(await page.getByTestId("consent-terms").textContent()).toContain("2024-03-02 – 2026-03-02");
      await shot(page, "apply-phone");

      await page.selectOption("#idKind", "resident-id");
      await page.fill("#name", zhang.name);
      await page.fill("#idNumber", zhang.idNumber);
      await page.fill("#mobile", zhang.mobile);
      await page.fill("#amount", "50000");
      await page.fill("#term", "12");
      // Leave out the required UnionPay flow: refused by name, nothing written, form kept.
      await unionpay.locator("input").uncheck();
      await page.getByTestId("consent-agree").check();
      await page.getByTestId("submit-application").click();
      await page.waitForSelector('[data-testid="problem"]');
      const problem = page.getByTestId("problem");
      expect(await problem.getAttribute("data-rule")).toBe("MKT-R02");
      expect(await problem.textContent()).toContain("银联收单流水");
      expect(await page.inputValue("#idNumber")).toBe(zhang.idNumber);
      expect(await consentsOf()).toEqual([]);

      // With it, but his account has not proved his ID yet: MKT-R01 refuses (a consent comes from the
      // data subject) and links to 实名认证; nothing is written.
      await unionpay.locator("input").check();
      await page.getByTestId("consent-agree").check();
      await page.getByTestId("submit-application").click();
      await page.waitForSelector('[data-testid="identity-needed"]');
      expect(await page.getByTestId("problem").getAttribute("data-rule")).toBe("MKT-R01");
      expect(await consentsOf()).toEqual([]);
      const applyUrl = page.url();
      await page.getByTestId("identity-needed").click();
      await page.waitForURL(/\/identity$/);
      const person = page.getByTestId("person-form");
      await person.locator("#name").fill(zhang.name);
      await person.locator("#residentId").fill(zhang.idNumber);
      await person.locator("#mobile").fill(zhang.mobile);
      await person.locator("button").click();
      await page.waitForSelector('[data-testid="identity-ok"]');
      await shot(page, "identity-phone");
      await page.goto(applyUrl);
      await page.waitForSelector('[data-testid="consent-screen"]');
      await page.selectOption("#idKind", "resident-id");
      await page.fill("#name", zhang.name);
      await page.fill("#idNumber", zhang.idNumber);
      await page.fill("#mobile", zhang.mobile);
      await page.fill("#amount", "50000");
      await page.fill("#term", "12");

      // Now proved, with the optional social insurance too (tax credit grade and enforcement stay out).
      await page.locator('[data-category="social.insurance-paid"] input').check();
      await page.getByTestId("consent-agree").check();
      await Promise.all([page.waitForURL(/\/applications\/[^/]+$/), page.getByTestId("submit-application").click()]);
      const decision = page.getByTestId("instant-decision");
      expect(["approved", "rejected", "referred"]).toContain(await decision.getAttribute("data-outcome"));
      const pushed = await page.getByTestId("push-categories").textContent();
      expect(pushed).toContain("纳税金额");
      expect(pushed).toContain("银联");
      expect(pushed).toContain("社会保险");
      expect(pushed).not.toContain("纳税信用等级");
      expect(pushed).not.toContain("被执行人");
      expect(await page.getByTestId("application-facts").textContent()).toContain("首贷户");
      await shot(page, "application-phone");

      const consents = await consentsOf();
      expect(consents).toHaveLength(1);
      expect(consents[0]?.recipientInstitutionId).toBe("inst_ccb");
      expect([...(consents[0]?.categories ?? [])].sort()).toEqual(
        ["social.insurance-paid", "tax.paid", "unionpay.acquiring-flow"].sort(),
      );

      // "My data": who received what; revoking takes effect at once.
      await page.locator('[data-nav="my-data"]').click();
      await page.waitForURL(/\/my-data$/);
      expect(await page.getByTestId("push-recipient").first().textContent()).toBe("中国建设银行龙岩分行");
      const consent = page.getByTestId("consent").first();
      expect(await consent.getAttribute("data-status")).toBe("ACTIVE");
      await shot(page, "my-data-phone");
      await Promise.all([page.waitForURL(/revoked=1/), consent.getByTestId("revoke-form").locator("button").click()]);
      expect(await page.getByTestId("revoked-notice").isVisible()).toBe(true);
      expect(await page.getByTestId("consent").first().getAttribute("data-status")).toBe("REVOKED");
      expect((await consentsOf())[0]?.status).toBe("REVOKED");
    },
    3 * MIN,
  );

  it(
    "lays the marketplace out in two columns on a desktop and switches to English",
    async () => {
      const page = await newPage(DESKTOP);
      await page.goto(`${served.url}/marketplace/350800?lang=en`);
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(await page.locator('[data-action="small-shop"] strong').textContent()).toBe("Small shops");
      const [a, b] = await page
        .getByTestId("product")
        .evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().top));
      expect(a).toBe(b);
      await shot(page, "catalogue-desktop");
    },
    MIN,
  );
});
