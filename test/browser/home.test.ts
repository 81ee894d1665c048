import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { createApp } from "../../http/app.ts";
import { createTestPlatform, lastCode, type TestPlatform } from "../http/support/test-platform.ts";
import { launchBrowser } from "../support/browser.ts";
import { type ServedApp, serveApp } from "../support/serve.ts";

describe("the home page in Chromium over a real socket", () => {
  let t: TestPlatform;
  let served: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestPlatform();
    const app = createApp(t.platform, {
      env: {},
      blindIndexer: t.blindIndexer,
      logger: createJsonLogger({ write: () => {} }),
      modules: [],
    });
    served = await serveApp(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    await t?.close();
  });

  it("lists the regions in Chinese, switches to English, and signs a citizen in with the code from the notifier", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(`${served.url}/`);
      expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
      const regions = page.getByTestId("region");
      expect(await regions.count()).toBe(2);
      expect(await regions.nth(0).textContent()).toContain("宁德市");
      expect(await regions.nth(1).textContent()).toContain("龙岩市");
      expect(await page.locator('a[href="/marketplace?region=350800"]').count()).toBe(1);

      await page.getByTestId("lang-switch").click();
      await page.waitForURL(/lang=en/);
      expect(await page.getAttribute("html", "lang")).toBe("en");
      expect(await regions.nth(0).textContent()).toContain("Ningde");

      await page.getByTestId("sign-in-link").click();
      await page.waitForURL(/\/sign-in$/);
      const mobile = "13905930001";
      await page.fill("#mobile", mobile);
      await page.selectOption("#region", "350800");
      await page.getByTestId("citizen-form").locator("button").click();
      await page.waitForSelector('[data-testid="code-form"]');
      expect(await page.locator(".notice").textContent()).toContain("139****0001");

      await page.fill("#code", lastCode(t.notifiers.values(), mobile));
      await page.getByTestId("code-form").locator("button").click();
      await page.waitForURL(`${served.url}/`);
      expect(await page.getByTestId("signed-in").textContent()).toBe("Signed in: 139****0001");
      const cookies = await context.cookies();
      const session = cookies.find((c) => c.name === "fif_session");
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe("Lax");
      expect(t.notifiers.get("350800")?.sent).toHaveLength(1);
    } finally {
      await context.close();
    }
  });
});
