import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { FixedClock } from "../../adapters/platform/fixed-clock.ts";
import { RandomIds } from "../../adapters/platform/random-ids.ts";
import { NotifierPort } from "../_framework/kernel-tokens.ts";
import type { LogFields } from "../_framework/logger.ts";
import type { PluginContext } from "../_framework/plugin-manifest.ts";
import { DevNotifier } from "./dev-notifier.ts";
import { manifest } from "./manifest.ts";

function context(production: boolean) {
  const lines: { level: string; msg: string; fields?: LogFields }[] = [];
  const at = (level: string) => (msg: string, fields?: LogFields) =>
    lines.push({ level, msg, ...(fields ? { fields } : {}) });
  const clock = new FixedClock("2026-03-02T02:00:00Z");
  const ctx: PluginContext = {
    clock,
    ids: new RandomIds(clock),
    logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
    regionCode: "350900",
    regionName: { zh: "宁德", en: "Ningde" },
    production,
    onClose: () => {},
  };
  return { ctx, lines };
}

describe("dev-notifier 开发用短信通知 (development only)", () => {
  it("writes the message to the log with the mobile masked, and keeps it for tests", async () => {
    const { ctx, lines } = context(false);
    const provision = await manifest.create(v.parse(manifest.configSchema, {}), ctx);
    const notifier = provision.get(NotifierPort) as DevNotifier;
    await notifier.send({ mobile: "13800138000", text: "验证码 482913，5 分钟内有效", purpose: "citizen-sign-in" });
    const line = lines.find((l) => l.msg.startsWith("dev-notifier: message NOT sent"));
    expect(line?.fields).toEqual({
      to: "138****8000",
      purpose: "citizen-sign-in",
      text: "验证码 482913，5 分钟内有效",
    });
    expect(notifier.lastTo("13800138000")?.text).toBe("验证码 482913，5 分钟内有效");
    expect(notifier.lastTo("13900000000")).toBe(undefined);
  });

  it.each([
    ["keeps only the last N messages", 2, 3, 2],
    ["keeps none when told 0", 0, 3, 0],
  ])("%s", async (_t, keepLast, sends, kept) => {
    const { ctx } = context(false);
    const notifier = new DevNotifier(ctx.logger, ctx.clock, keepLast);
    for (let i = 0; i < sends; i++) await notifier.send({ mobile: "13800138000", text: `code ${i}`, purpose: "t" });
    expect(notifier.sent().length).toBe(kept);
    if (kept > 0) expect(notifier.sent().at(-1)?.text).toBe(`code ${sends - 1}`);
  });

  it("refuses to load when NODE_ENV=production", () => {
    const { ctx } = context(true);
    expect(() => manifest.create(v.parse(manifest.configSchema, {}), ctx)).toThrow(
      "dev-notifier is for development only and refuses to load when NODE_ENV=production",
    );
  });

  it("is labelled a simulator for any region and refuses a bad keepLast", () => {
    expect(manifest.kind).toBe("simulator");
    expect(manifest.regions).toBe("*");
    expect(v.safeParse(manifest.configSchema, { keepLast: -1 }).success).toBe(false);
  });
});
