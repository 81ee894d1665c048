import * as v from "valibot";
import { NotifierPort } from "../_framework/kernel-tokens.ts";
import { definePlugin } from "../_framework/plugin-manifest.ts";
import { DevNotifier } from "./dev-notifier.ts";

const configSchema = v.strictObject({
  keepLast: v.pipe(
    v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)), 50),
    v.description("how many recent messages to keep in memory for tests (0 keeps none)"),
  ),
});

/** kernel.Notifier for development: logs messages (with one-time codes) instead of sending SMS. */
export const manifest = definePlugin({
  id: "dev-notifier",
  version: "1.0.0",
  title: { zh: "开发用短信通知（写入日志）", en: "Development notifier (writes to the log)" },
  description:
    "Development only. Implements the Notifier port by writing each message to the log so that one-time codes can be read there; refuses to load when NODE_ENV=production.",
  kind: "simulator",
  regions: "*",
  provides: [NotifierPort],
  configSchema,
  create(config, ctx) {
    if (ctx.production) {
      throw new Error(
        "dev-notifier is for development only and refuses to load when NODE_ENV=production; configure an SMS gateway plugin that provides kernel.Notifier",
      );
    }
    ctx.logger.warn("dev-notifier installed: messages are written to the log, not sent (development only)");
    return new Map([[NotifierPort, new DevNotifier(ctx.logger, ctx.clock, config.keepLast)]]);
  },
});
