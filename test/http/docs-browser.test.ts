import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { createApp } from "../../http/app.ts";
import { launchBrowser } from "../support/browser.ts";
import { type ServedApp, serveApp } from "../support/serve.ts";
import { createTestPlatform, type TestPlatform } from "./support/test-platform.ts";

/** Where the screenshot of the rendered reference goes (look at it when changing /docs). */
const SCREENSHOT = process.env.DOCS_SCREENSHOT ?? "/tmp/docs.png";

describe("/docs in Chromium over a real socket, with no outside host reachable or asked", () => {
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

  it("renders the reference of the platform's operations and tries one, loading nothing from elsewhere and breaking no CSP rule", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    page.on("console", (m) => {
      if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    try {
      const res = await page.goto(`${served.url}/docs`);
      expect(res?.status()).toBe(200);
      // The document's title and operations from /openapi.json, rendered by Scalar.
      await page
        .getByRole("heading", { name: "Fujian inclusive-finance platform" })
        .first()
        .waitFor({ state: "visible", timeout: 30_000 });
      await page.getByText("Liveness: the process is up").first().waitFor({ state: "visible", timeout: 10_000 });
      await page.getByText("/problems/{slug}").first().waitFor({ state: "visible", timeout: 10_000 });
      await page.screenshot({ path: SCREENSHOT, fullPage: false });

      // Its built-in client sends a request to this server (connect-src 'self' suffices).
      await page
        .getByRole("button", { name: /Test Request/i })
        .first()
        .click();
      await page.keyboard.press("Control+Enter");
      await page.getByText("200 OK").first().waitFor({ state: "visible", timeout: 10_000 });

      const elsewhere = requested.filter((u) => !u.startsWith(served.url) && !/^(data|blob):/.test(u));
      expect(elsewhere).toEqual([]);
      expect(requested).toEqual(
        expect.arrayContaining([
          `${served.url}/docs`,
          expect.stringMatching(/\/docs\/assets\/scalar\.js\?v=/),
          expect.stringMatching(/\/docs\/assets\/docs\.js\?v=/),
          `${served.url}/openapi.json`,
          `${served.url}/health`,
        ]),
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
