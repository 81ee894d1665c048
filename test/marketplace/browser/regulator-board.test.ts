import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../support/browser.ts";
import { type ServedApp, serveApp } from "../../support/serve.ts";
import { type BoardScenario, seedBoardScenario } from "../pages/support/board-scenario.ts";
import { createMarketplacePageApp, type MarketplacePageApp } from "../pages/support/marketplace-page-app.ts";

const MIN = 60_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * Chromium over a real socket: the 龙岩 regulator signs in with an API key and reads the
 * real-time institution report (MKT-R04/R05): 兴业 shows the tea company overdue for contact and
 * one application long unfinished, in the table, the server-drawn SVG chart and the list behind
 * the count; the outcome figures count 张师傅's instant first loan; a periodic notice is taken.
 */
describe("MKT-R04/R05 the regulator's report board in Chromium", () => {
  let t: MarketplacePageApp;
  let served: ServedApp;
  let browser: Browser;
  let scenario: BoardScenario;
  let regulatorKey: string;
  const contexts: BrowserContext[] = [];

  const newPage = async (viewport = PHONE) => {
    const ctx = await browser.newContext({ viewport, locale: "zh-CN" });
    contexts.push(ctx);
    return ctx.newPage();
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/marketplace-${name}.png`, fullPage: true });

  async function signInStaff(page: Page, key: string, next: string): Promise<void> {
    await page.goto(`${served.url}${next}`);
    await page.waitForURL(/\/marketplace\/sign-in\?next=/);
    await page.fill("#apiKey", key);
    await Promise.all([
      page.waitForURL(`${served.url}${next}`),
      page.getByTestId("mk-staff-form").locator("button").click(),
    ]);
  }

  beforeAll(async () => {
    t = await createMarketplacePageApp();
    scenario = await seedBoardScenario(t);
    regulatorKey = await t.staffKey(["regulator"]);
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
    "shows per institution pending, overdue and long unfinished with the chart, the list behind a count, figures and a notice",
    async () => {
      const page = await newPage();
      await signInStaff(page, regulatorKey, "/marketplace/350800/board");
      // A referred instant decision stays in 建行's manual queue; approved or rejected ones are concluded.
      const referred = scenario.instant.application.state === "SUBMITTED" ? 1 : 0;
      expect(await page.getByTestId("count-pending").getAttribute("data-count")).toBe(String(3 + referred));
      expect(await page.getByTestId("count-overdue-for-contact").getAttribute("data-count")).toBe("1");
      expect(await page.getByTestId("count-long-unfinished").getAttribute("data-count")).toBe("1");
      expect(await page.getByTestId("count-open").getAttribute("data-count")).toBe(String(4 + referred));

      // Worst first: 兴业 with its overdue and long-unfinished applications.
      const first = page.getByTestId("report-row").first();
      expect(await first.getAttribute("data-institution")).toBe("inst_cib");
      expect(await first.textContent()).toContain("兴业银行龙岩分行");

      // The chart is inline SVG drawn on the server: one group per institution with open work.
      const chart = page.getByTestId("report-chart");
      expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
      const groups = chart.locator("g");
      expect(await groups.count()).toBe(2 + referred);
      expect(await groups.first().getAttribute("data-row")).toBe("兴业银行龙岩分行");
      const cibOverdue = groups.first().locator('rect[data-series="overdue-for-contact"]');
      expect(await cibOverdue.getAttribute("data-value")).toBe("1");
      expect(Number(await cibOverdue.getAttribute("width"))).toBeGreaterThan(0);
      expect(await page.locator("script").count()).toBe(0);
      await shot(page, "board-phone");
      await chart.screenshot({ path: "/tmp/marketplace-board-chart-phone.png" });

      // The list behind 兴业's overdue count: the tea company, waiting since 2026-02-25.
      await Promise.all([
        page.waitForURL(/column=overdue-for-contact&institution=inst_cib/),
        first.getByTestId("cell-overdue-for-contact").click(),
      ]);
      const rows = page.getByTestId("application-row");
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getAttribute("data-application")).toBe(scenario.overdue.application.id);
      expect(await rows.first().textContent()).toContain("龙岩闽西茶业有限公司");
      expect(await rows.first().textContent()).toContain("2026-02-25 10:00");

      // Figures: 张师傅's instant decision is the only financing if the simulated bank approved it.
      const approved = scenario.instant.application.state === "APPROVED";
      expect(await page.getByTestId("fig-financings").getAttribute("data-value")).toBe(approved ? "1" : "0");
      expect(await page.getByTestId("fig-first-loan").getAttribute("data-value")).toBe(approved ? "1" : "0");

      // A periodic notice freezes today's counts.
      await page.fill("#label", "2026-03");
      await Promise.all([
        page.waitForURL(/taken=2026-03/),
        page.getByTestId("snapshot-form").locator("button").click(),
      ]);
      const snapshot = page.locator('[data-testid="snapshot"][data-label="2026-03"]');
      expect(await snapshot.count()).toBe(1);
      expect(await snapshot.textContent()).toContain("2026-03");
    },
    3 * MIN,
  );

  it(
    "keeps the chart and the table readable on a desktop and in English",
    async () => {
      const page = await newPage(DESKTOP);
      await signInStaff(page, regulatorKey, "/marketplace/350800/board");
      const box = await page.getByTestId("report-chart").boundingBox();
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.width).toBeLessThanOrEqual(480);
      await shot(page, "board-desktop");
      await page.goto(`${served.url}/marketplace/350800/board?lang=en`);
      expect(await page.locator("h1").textContent()).toBe("Real-time institution report");
      expect(await page.getByTestId("report-chart").locator("title").first().textContent()).toBe(
        "Open applications per institution",
      );
    },
    MIN,
  );

  it(
    "gives 兴业's staff its own queue on a phone, works an application, and prints a 码上贷 QR code",
    async () => {
      const key = await t.staffKey(["institution_staff"], "inst_cib");
      const page = await newPage();
      await signInStaff(page, key, "/marketplace/350800/institution");
      expect(await page.getByTestId("queue-institution").textContent()).toBe("兴业银行龙岩分行");
      expect(await page.getByTestId("count-overdue-for-contact").getAttribute("data-count")).toBe("1");
      const ids = await page
        .getByTestId("application-row")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-application")));
      expect(ids).toContain(scenario.overdue.application.id);
      expect(ids).not.toContain(scenario.pendingLyrcb.application.id);
      await shot(page, "queue-phone");

      await Promise.all([
        page.waitForURL(/\/applications\//),
        page.locator(`[data-application="${scenario.pendingCib.application.id}"] a`).first().click(),
      ]);
      await page.fill("#contact-ref", "CIB-0302-01");
      await Promise.all([
        page.waitForURL(/\/applications\/[^/]+$/),
        page.getByTestId("outcome-contact").locator("button").click(),
      ]);
      expect(await page.getByTestId("app-state").getAttribute("data-state")).toBe("CONTACTED");
      await shot(page, "staff-application-phone");

      await page.goto(`${served.url}/marketplace/350800/institution`);
      await page.selectOption("#code-product", "prd_cib_xingshan");
      await page.selectOption("#code-branch", "inst_cib_xinluo");
      await page.fill("#code-manager", "M021");
      await Promise.all([page.waitForURL(/issued=/), page.getByTestId("issue-code-form").locator("button").click()]);
      const qr = page.getByTestId("qr-svg");
      expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
      const link = await page.getByTestId("issued-code-link").getAttribute("href");
      expect(link).toMatch(/\/marketplace\/350800\/qr\/q1\./);
      await page.getByTestId("issued-code").scrollIntoViewIfNeeded();
      await shot(page, "queue-qr-phone");
    },
    2 * MIN,
  );
});
