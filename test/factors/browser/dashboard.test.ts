import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../support/browser.ts";
import { type ServedApp, serveApp } from "../../support/serve.ts";
import { createPageApp, LIN_MOBILE, NINGDE, type PageApp, RURAL_BANK } from "../pages/support/page-app.ts";
import { huangLossShared, mortgagedBundle } from "../pages/support/scenarios.ts";

const HUANG_MOBILE = "13905930002";

/**
 * In Chromium: the city dashboard over 林阿伯's performing loan (福安) and 黄先生's loan (霞浦),
 * disposed of and its loss shared — figures computed from the data, charts drawn as SVG on the
 * server; narrowing to 霞浦 gives that county's figures. On a phone and on a desktop.
 */
describe("Chromium: the county and city dashboards", () => {
  let t: PageApp;
  let served: ServedApp;
  let browser: Browser;
  let regulatorKey: string;
  let huangLoan = "";

  beforeAll(async () => {
    t = await createPageApp(undefined, { "factors-appraiser-sim": { marketBp: 6000 } });
    const { "fish-raft-farming": product = "" } = await t.offerDemoProducts();
    const bank = await t.principal(await t.staffKey(["institution_staff"], RURAL_BANK));
    const lin = await t.principal(await t.citizenToken(LIN_MOBILE), LIN_MOBILE);
    await mortgagedBundle(t, lin, bank, ["lin-sea", "lin-raft", "lin-aqua"], product, 150_000_00);
    const huang = await t.principal(await t.citizenToken(HUANG_MOBILE), HUANG_MOBILE);
    huangLoan = (await huangLossShared(t, huang, bank, product)).loanId;
    regulatorKey = await t.staffKey(["regulator"], undefined, [NINGDE]);
    served = await serveApp(t.app);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await t?.close();
  });

  it("shows the city's figures and charts, then one county's", async () => {
    const base = `${served.url}/factors/350900`;
    for (const [name, viewport] of [
      ["phone", { width: 390, height: 844 }],
      ["desktop", { width: 1280, height: 900 }],
    ] as const) {
      const page = await (await browser.newContext({ viewport, locale: "zh-CN" })).newPage();
      await page.goto(`${base}/dashboard`);
      await page.waitForSelector('[data-testid="fx-staff-form"]');
      await page.fill("#apiKey", regulatorKey);
      await page.getByTestId("fx-staff-form").locator("button").click();
      await page.waitForURL(`${base}/dashboard`);
      const kpi = (key: string) => page.locator(`[data-kpi="${key}"] b`).textContent();
      expect(await kpi("entities")).toBe("2");
      expect(await kpi("loans")).toBe("2");
      expect(await kpi("balance")).toBe("15.00");
      expect(await kpi("disposals")).toBe("1");
      expect(await kpi("companies")).toBe("6 / 9");
      expect(await kpi("catalogue")).toBe("4 大类 23 种");
      expect(await kpi("holders")).toBe("1"); // 黄先生's loan closed with its loss; 林阿伯's still owes
      expect(await kpi("products-used")).toBe("1");
      expect(await page.getByTestId("seed-reference").textContent()).toContain("66.99亿元");
      expect(await page.locator('[data-testid="chart-county"] [data-bar]').count()).toBe(1);
      expect(await page.locator('[data-testid="chart-losses"] [data-bar]').count()).toBe(4);
      const guarantor = Number(
        await page.locator('[data-testid="chart-losses"] [data-bar="guarantor"]').getAttribute("data-value"),
      );
      const bank = Number(
        await page.locator('[data-testid="chart-losses"] [data-bar="bank"]').getAttribute("data-value"),
      );
      expect(guarantor).toBe(bank * 2);
      expect(await page.locator('[data-testid="chart-status"] [data-bar]').count()).toBeGreaterThan(1);
      await page.screenshot({ path: `/tmp/factors-dashboard-${name}.png`, fullPage: true });

      await page.selectOption('select[name="area"]', "350921");
      await page.getByTestId("dashboard-apply").click();
      await page.waitForURL(/area=350921/);
      expect(await kpi("entities")).toBe("1");
      expect(await kpi("balance")).toBe("0.00");
      expect(await kpi("companies")).toBe("1 / 1");
      if (name === "phone") {
        await page.goto(`${base}/loans/${huangLoan}`);
        expect(await page.getByTestId("loss-total").getAttribute("data-fen")).toBe("2159000");
        await page.screenshot({ path: "/tmp/factors-loss-phone.png", fullPage: true });
        await page.locator('[data-testid="loan-disposals"] a.fx-open').first().click();
        await page.waitForSelector('[data-testid="waterfall"]');
        await page.screenshot({ path: "/tmp/factors-disposal-phone.png", fullPage: true });
        // The fund's part of 黄先生's 21,590 yuan loss (20 %), on the fund ledger and in its CSV.
        await page.locator(`a[href="/factors/350900/fund"]`).click();
        await page.waitForSelector('[data-testid="fund-counties"]');
        expect(await page.locator('[data-county="350921"] [data-testid="used"]').textContent()).toBe("4,318.00");
        expect(await page.getByTestId("fund-total").textContent()).toBe("4,318.00");
        await page.screenshot({ path: "/tmp/factors-fund-phone.png", fullPage: true });
        const href = await page.locator('a[href*="claims.csv"]').getAttribute("href");
        const csv = await page.request.get(`${served.url}${href}`);
        expect(csv.status()).toBe(200);
        expect(await csv.text()).toContain(",21590.00,4318.00,");
        await page.goto(`${base}/county`);
        await page.screenshot({ path: "/tmp/factors-county-phone.png", fullPage: true });
        await page.goto(`${base}/market`);
        await page.screenshot({ path: "/tmp/factors-market-phone.png", fullPage: true });
      }
      await page.close();
    }
  }, 120_000);
});
