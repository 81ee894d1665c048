import { GatewayKeyringPort } from "../../adapters/gateway/gateway-keyring.ts";
import { LenderDirectory } from "../../adapters/gateway/lender-directory.ts";
import { MemoryReplayGuard } from "../../adapters/gateway/memory-replay-guard.ts";
import { type LenderGateway, LenderGatewayPort } from "../../core/marketplace/mod.ts";
import type { PluginContext, PluginProvision } from "../_framework/plugin-manifest.ts";
import { decisionUrl, type HttpGatewayConfig } from "./config.ts";
import { HttpLenderGateway } from "./http-lender-gateway.ts";
import { loadGatewayKeyring, type SecretEnv } from "./load-keyring.ts";

export interface HttpGatewayExtras {
  /** Replaces the global fetch (tests). */
  readonly fetch?: typeof fetch;
}

/**
 * Builds the plugin's provision: `marketplace.LenderGateway` as a `LenderDirectory` with one
 * `HttpLenderGateway` per configured institution, and `platform.GatewayKeyring` for the routes
 * that verify the institutions' callbacks. Secrets come from `env`.
 */
export function createHttpGateway(
  config: HttpGatewayConfig,
  ctx: PluginContext,
  env: SecretEnv,
  extras: HttpGatewayExtras = {},
): PluginProvision {
  if (ctx.production) {
    const plain = config.institutions.filter((c) => c.allowHttpForTesting);
    if (plain.length > 0) {
      throw new Error(
        `allowHttpForTesting is refused when NODE_ENV=production (institutions ${plain.map((c) => c.institutionId).join(", ")})`,
      );
    }
  }
  const keyring = loadGatewayKeyring(config, env);
  const replayGuard = new MemoryReplayGuard(ctx.clock, config.replayWindowSeconds);
  const gateways: [string, LenderGateway][] = config.institutions.map((c) => [
    c.institutionId,
    new HttpLenderGateway({
      institutionId: c.institutionId,
      url: decisionUrl(c),
      timeoutMs: c.timeoutMs,
      keyring,
      clock: ctx.clock,
      replayGuard,
      logger: ctx.logger,
      ...(extras.fetch ? { fetch: extras.fetch } : {}),
    }),
  ]);
  ctx.logger.info("https gateway: institutions connected", {
    institutions: config.institutions.map((c) => ({
      institutionId: c.institutionId,
      endpoint: decisionUrl(c).origin,
      keyIds: keyring.keyIds(c.institutionId),
    })),
    replayWindowSeconds: config.replayWindowSeconds,
  });
  return new Map<symbol, unknown>([
    [LenderGatewayPort, new LenderDirectory(gateways)],
    [GatewayKeyringPort, keyring],
  ]);
}
