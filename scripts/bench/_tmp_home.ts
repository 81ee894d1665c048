import "reflect-metadata";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPlatform } from "../../adapters/composition/compose.ts";
import { loadDeploymentConfig } from "../../adapters/composition/deployment-config.ts";
import { createJsonLogger } from "../../adapters/logging/json-logger.ts";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { createApp } from "../../http/app.ts";
import { launchBrowser } from "../../test/support/browser.ts";
import { serveApp } from "../../test/support/serve.ts";
const env = { DATA_DIR: mkdtempSync(join(tmpdir(), "fif-home-")) };
const clock = new FixedClock("2026-03-02T02:00:00Z");
const logger = createJsonLogger({ write: () => {} });
const platform = await buildPlatform(loadDeploymentConfig(env), env, { migrate: true, logger, clock });
const app = createApp(platform, { env, logger });
const served = await serveApp(app);
const browser = await launchBrowser();
for (const [w, h, lang] of [[1280, 1100, "zh"], [390, 1600, "en"]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto(`${served.url}/?lang=${lang}`);
  await page.screenshot({ path: `/tmp/home-${lang}.png`, fullPage: true });
}
await browser.close(); await served.close(); await platform.close();
process.exit(0);
