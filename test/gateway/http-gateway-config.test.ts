import { afterEach, describe, expect, it, vi } from "vitest";
import { installPlugin } from "../../adapters/composition/install-plugin.ts";
import { PortProviders } from "../../adapters/composition/port-providers.ts";
import { GatewayKeyringPort } from "../../adapters/gateway/gateway-keyring.ts";
import { LenderDirectory } from "../../adapters/gateway/lender-directory.ts";
import { descriptor, type LenderGateway, LenderGatewayPort } from "../../core/marketplace/mod.ts";
import { definePlugin } from "../../plugins/_framework/plugin-manifest.ts";
import { manifestProblems } from "../../plugins/_framework/validate-manifest.ts";
import { decisionUrl } from "../../plugins/http-gateway/config.ts";
import { manifest } from "../../plugins/http-gateway/manifest.ts";
import { newSecret, pluginContext } from "./support/gateway-fixtures.ts";

const region = { code: "350800", name: { zh: "龙岩", en: "Longyan" } };
const ccb = {
  institutionId: "inst_ccb",
  baseUrl: "https://fif-gw.ccb.example.cn/api/",
  keyId: "2026-11",
  secretEnv: "FIF_GW_TEST_CCB",
};

function install(config: unknown, production = false) {
  const { ctx } = pluginContext({ production });
  const { regionCode: _r, regionName: _n, onClose: _c, ...services } = ctx;
  return installPlugin(
    manifest,
    { id: "http-gateway", config: config as Record<string, unknown> },
    region,
    services,
    () => {},
  );
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("KRN-R14 http-gateway plugin configuration", () => {
  it("the manifest is valid: kind gateway, every config field described", () => {
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest.kind).toBe("gateway");
  });

  it("installs with the secret from the named environment variable and provides the lender directory and keyring", async () => {
    vi.stubEnv("FIF_GW_TEST_CCB", newSecret());
    const installed = await install({ institutions: [ccb] });
    expect(installed.provision.get(LenderGatewayPort)).toBeInstanceOf(LenderDirectory);
    expect((installed.provision.get(LenderGatewayPort) as LenderDirectory).institutionIds()).toEqual(["inst_ccb"]);
    expect(installed.provision.get(GatewayKeyringPort)).toBeDefined();
  });

  it.each([
    [
      "an http:// URL without the testing flag",
      { institutions: [{ ...ccb, baseUrl: "http://10.1.2.3:8080" }] },
      "config field institutions.0.baseUrl: an http:// URL is refused: institutions connect over https",
    ],
    [
      "a URL with credentials",
      { institutions: [{ ...ccb, baseUrl: "https://user:pw@bank.example.cn" }] },
      "config field institutions.0.baseUrl: must not carry a query, a fragment or credentials",
    ],
    [
      "a secret in the config instead of an environment variable name",
      { institutions: [{ ...ccb, secretEnv: "s3cr3t-value-pasted-here" }] },
      "config field institutions.0.secretEnv: the name of an environment variable",
    ],
    [
      "the same institution twice",
      { institutions: [ccb, ccb] },
      "config field institutions: an institution is listed twice",
    ],
    [
      "a previous key with the current key's id",
      { institutions: [{ ...ccb, previousKey: { keyId: "2026-11", secretEnv: "FIF_GW_OLD" } }] },
      "config field institutions.0.previousKey: the previous key needs its own key id",
    ],
    ["no institution", { institutions: [] }, "config field institutions: connect at least one institution"],
    ["a replay window over 15 minutes", { replayWindowSeconds: 3600, institutions: [ccb] }, "replayWindowSeconds"],
  ])("refuses %s, naming the field", async (_t, config, message) => {
    await expect(install(config)).rejects.toThrow(message);
  });

  it("a missing secret stops start-up naming the institution and the environment variable", async () => {
    await expect(install({ institutions: [ccb] })).rejects.toThrow(
      "region 350800 (龙岩): plugin http-gateway failed to start: institution inst_ccb: the environment variable FIF_GW_TEST_CCB (institutions.0.secretEnv) holding its shared secret is not set",
    );
  });

  it("a short secret is refused without showing it", async () => {
    vi.stubEnv("FIF_GW_TEST_CCB", "tooshort-secret");
    const e = (await install({ institutions: [ccb] }).then(
      () => new Error("installed"),
      (err: Error) => err,
    )) as Error;
    expect(e.message).toContain("the secret in FIF_GW_TEST_CCB (institutions.0.secretEnv) is shorter than 32 bytes");
    expect(e.message).not.toContain("tooshort-secret");
  });

  it("a missing previous-key secret is named too", async () => {
    vi.stubEnv("FIF_GW_TEST_CCB", newSecret());
    const config = { institutions: [{ ...ccb, previousKey: { keyId: "2026-05", secretEnv: "FIF_GW_TEST_CCB_OLD" } }] };
    await expect(install(config)).rejects.toThrow("FIF_GW_TEST_CCB_OLD (institutions.0.previousKey.secretEnv)");
  });

  it("http:// with the testing flag installs outside production and is refused in production", async () => {
    vi.stubEnv("FIF_GW_TEST_CCB", newSecret());
    const config = { institutions: [{ ...ccb, baseUrl: "http://127.0.0.1:9999", allowHttpForTesting: true }] };
    await expect(install(config)).resolves.toBeDefined();
    await expect(install(config, true)).rejects.toThrow(
      "allowHttpForTesting is refused when NODE_ENV=production (institutions inst_ccb)",
    );
  });

  it.each([
    ["https://gw.bank.example.cn", "/fif/v1/decisions", "https://gw.bank.example.cn/fif/v1/decisions"],
    ["https://gw.bank.example.cn/api/", "/fif/v1/decisions", "https://gw.bank.example.cn/api/fif/v1/decisions"],
    ["https://gw.bank.example.cn:8443/api", "/decide", "https://gw.bank.example.cn:8443/api/decide"],
  ])("baseUrl %s with decisionPath %s posts to %s", (baseUrl, decisionPath, url) => {
    expect(decisionUrl({ baseUrl, decisionPath }).toString()).toBe(url);
  });

  it("a second LenderGateway provider is ambiguous unless a module combines the port, as the marketplace does by institution", async () => {
    vi.stubEnv("FIF_GW_TEST_CCB", newSecret());
    const simulator = definePlugin({
      ...manifest,
      id: "lender-sim",
      kind: "simulator",
      provides: [LenderGatewayPort],
      create: () => new Map([[LenderGatewayPort, new LenderDirectory([])]]),
    });
    const providers = new PortProviders(region);
    providers.add(await install({ institutions: [ccb] }));
    expect(() =>
      providers.add({
        manifest: simulator,
        provision: simulator.create({} as never, {} as never) as Map<symbol, unknown>,
      }),
    ).toThrow("port marketplace.LenderGateway is provided by both plugin http-gateway and plugin lender-sim");

    const combining = new PortProviders(region, descriptor.combinedPorts);
    combining.add(await install({ institutions: [ccb] }));
    combining.add({
      manifest: simulator,
      provision: simulator.create({} as never, {} as never) as Map<symbol, unknown>,
    });
    combining.combine();
    const lenders = combining.adapterFor<LenderGateway>(LenderGatewayPort);
    expect(lenders.servedInstitutions?.()).toEqual(["inst_ccb"]);
  });
});
