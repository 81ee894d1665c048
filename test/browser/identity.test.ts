import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Tokens } from "../../adapters/composition/tokens.ts";
import { EnvelopeFieldCipher } from "../../adapters/crypto/envelope-field-cipher.ts";
import { loadKeyring } from "../../adapters/crypto/keyring.ts";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { createApp } from "../../http/app.ts";
import { IDENTITY_VERIFIER_TOKEN } from "../../http/auth/auth-wiring.ts";
import { SimulatedIdentityVerifier } from "../../plugins/identity-verifier-sim/simulated-identity-verifier.ts";
import { createTestPlatform, lastCode, type TestPlatform } from "../http/support/test-platform.ts";
import { launchBrowser } from "../support/browser.ts";
import { type ServedApp, serveApp } from "../support/serve.ts";

describe("KRN-R06 实名认证 page in Chromium: a citizen proves themselves, then their shop", () => {
  let t: TestPlatform;
  let served: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await createTestPlatform();
    t.platform.container.register(Tokens.FieldCipher, { useValue: new EnvelopeFieldCipher(loadKeyring({})) });
    t.platform.region("350800").container.register(IDENTITY_VERIFIER_TOKEN, {
      useValue: new SimulatedIdentityVerifier({
        people: [{ residentId: "350802198801153019", name: "张师傅", mobile: "13859012345" }],
        enterprises: [{ uscc: "92350802MA31XK5R2X", name: "新罗区张师傅便利店", agents: ["350802198801153019"] }],
        unlisted: "mismatch",
      }),
    });
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

  it("refuses a wrong name, then verifies 张师傅 and his shop; the IDs show masked", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      const mobile = "13859012345";
      await page.goto(`${served.url}/sign-in`);
      await page.fill("#mobile", mobile);
      await page.selectOption("#region", "350800");
      await page.getByTestId("citizen-form").locator("button").click();
      await page.waitForSelector('[data-testid="code-form"]');
      await page.fill("#code", lastCode(t.notifiers.values(), mobile));
      await page.getByTestId("code-form").locator("button").click();
      await page.waitForURL(`${served.url}/`);

      await page.getByTestId("identity-link").click();
      await page.waitForURL(/\/identity$/);
      expect(await page.getByTestId("identities").textContent()).toContain("尚未完成实名认证");
      expect(await page.getByTestId("enterprise-form").locator("button").isDisabled()).toBe(true);

      const person = page.getByTestId("person-form");
      await person.locator("#name").fill("李四");
      await person.locator("#residentId").fill("350802198801153019");
      await person.locator("#mobile").fill(mobile);
      await person.locator("button").click();
      await page.waitForSelector('[data-testid="identity-error"]');
      expect(await page.getByTestId("identity-error").textContent()).toContain("核验未通过");

      await person.locator("#name").fill("张师傅");
      await person.locator("#residentId").fill("350802198801153019");
      await person.locator("#mobile").fill(mobile);
      await person.locator("button").click();
      await page.waitForSelector('[data-testid="identity-ok"]');
      const listed = (await page.getByTestId("identities").textContent()) ?? "";
      expect(listed).toContain("张师傅");
      expect(listed).not.toContain("350802198801153019");

      const shop = page.getByTestId("enterprise-form");
      await shop.locator("#uscc").fill("92350802MA31XK5R2X");
      await shop.locator("#enterpriseName").fill("新罗区张师傅便利店");
      await shop.locator("#agentResidentId").fill("350802198801153019");
      await shop.locator("button").click();
      await page.waitForSelector('[data-testid="identity-ok"]');
      expect(await page.locator('[data-testid="identities"] li').count()).toBe(2);
      expect(await page.getByTestId("identity-ok").textContent()).toContain("新罗区张师傅便利店");
    } finally {
      await context.close();
    }
  });
});
