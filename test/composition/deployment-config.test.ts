import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CompositionError } from "../../adapters/composition/composition-error.ts";
import {
  DEFAULT_CONFIG_PATH,
  loadDeploymentConfig,
  parseDeploymentConfig,
} from "../../adapters/composition/deployment-config.ts";

const region = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: { zh: "宁德", en: "Ningde" },
  modules: [],
  policyPack: { id: "ningde-region" },
  ...extra,
});

describe("KRN-R13 deployment config 部署配置", () => {
  const dir = mkdtempSync(join(tmpdir(), "deploy-config-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("loads the default file: 宁德 350900 and 龙岩 350800, on the embedded database in ./data", () => {
    const config = loadDeploymentConfig({});
    expect(config.source).toBe(`deployment config ${DEFAULT_CONFIG_PATH}`);
    expect(config.regions.map((r) => [r.code, r.name.zh, r.policyPack.id])).toEqual([
      ["350900", "宁德", "ningde-region"],
      ["350800", "龙岩", "longyan-region"],
    ]);
    expect(config.server).toEqual({ port: 3000, host: "0.0.0.0" });
    expect(config.dataDir).toBe(resolve("./data"));
    expect(config.database.url).toBe(undefined);
    expect(config.production).toBe(false);
  });

  it("lets the environment override port, host, data folder and database URL", () => {
    const config = loadDeploymentConfig({
      PORT: "8080",
      HOST: "127.0.0.1",
      DATA_DIR: "/var/lib/fif",
      DATABASE_URL: "postgres://app@db:5432/fif",
      NODE_ENV: "production",
    });
    expect(config.server).toEqual({ port: 8080, host: "127.0.0.1" });
    expect(config.dataDir).toBe("/var/lib/fif");
    expect(config.database.url).toBe("postgres://app@db:5432/fif");
    expect(config.production).toBe(true);
  });

  it("reads the file named by DEPLOYMENT_CONFIG and fills defaults", () => {
    const file = join(dir, "one-region.json");
    writeFileSync(file, JSON.stringify({ regions: [region("350900", { plugins: [{ id: "dev-notifier" }] })] }));
    const config = loadDeploymentConfig({ DEPLOYMENT_CONFIG: file });
    expect(config.regions).toEqual([
      {
        ...region("350900"),
        policyPack: { id: "ningde-region", config: {} },
        plugins: [{ id: "dev-notifier", config: {} }],
      },
    ]);
    expect(config.database.maxConnections).toBe(10);
  });

  it.each([
    ["no regions", { regions: [] }, "regions: configure at least one region"],
    [
      "a county as a region",
      { regions: [region("350981")] },
      "regions.0.code: a region is a GB/T 2260 prefecture code",
    ],
    [
      "the province as a region",
      { regions: [region("350000")] },
      "regions.0.code: a region is a prefecture, not a province",
    ],
    ["a region twice", { regions: [region("350900"), region("350900")] }, "regions: a region is configured twice"],
    ["an unknown key", { regions: [region("350900", { modul: [] })] }, "regions.0.modul: Invalid key"],
    [
      "a plugin listed twice",
      { regions: [region("350900", { plugins: [{ id: "a" }, { id: "a" }] })] },
      "regions.0.plugins: a plugin is listed twice",
    ],
    [
      "a module id in capitals",
      { regions: [region("350900", { modules: ["Factors"] })] },
      "regions.0.modules.0: a module id",
    ],
    [
      "a non-postgres URL",
      { database: { url: "mysql://x" }, regions: [region("350900")] },
      "database.url: a postgres:// URL",
    ],
  ])("refuses a config with %s, naming the path", (_t, raw, message) => {
    const error = (() => {
      try {
        parseDeploymentConfig(raw, {}, "deployment config test.json");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CompositionError);
    expect((error as Error).message).toContain("deployment config test.json is invalid: ");
    expect((error as Error).message).toContain(message);
  });

  it.each([
    ["PORT", { PORT: "eighty" }, 'PORT must be a TCP port number 0-65535, got "eighty"'],
    ["PORT", { PORT: "70000" }, 'PORT must be a TCP port number 0-65535, got "70000"'],
    ["DATABASE_URL", { DATABASE_URL: "sqlite:x" }, "DATABASE_URL must be a postgres:// URL"],
  ])("refuses a bad %s from the environment", (field, env, message) => {
    expect(() => parseDeploymentConfig({ regions: [region("350900")] }, env)).toThrow(message);
    try {
      parseDeploymentConfig({ regions: [region("350900")] }, env);
    } catch (e) {
      expect((e as CompositionError).field).toBe(field);
    }
  });

  it("names the file when it is missing or not JSON", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ regions: ");
    expect(() => loadDeploymentConfig({ DEPLOYMENT_CONFIG: bad })).toThrow(
      `deployment config ${bad} is not valid JSON`,
    );
    expect(() => loadDeploymentConfig({ DEPLOYMENT_CONFIG: join(dir, "none.json") })).toThrow(
      `cannot read deployment config ${join(dir, "none.json")}`,
    );
  });
});
