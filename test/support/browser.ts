import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/**
 * Headless Chromium for browser tests: Debian's package at /usr/bin/chromium (override with
 * CHROMIUM_PATH). Install it with `apt-get install -y chromium` when missing.
 *
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage();
 *   …
 *   await browser.close();
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium" or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}
