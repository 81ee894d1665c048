import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "..", "..");
const bin = (name: string) => join(REPO, "node_modules", ".bin", name);

function run(command: string, args: string[], cwd = REPO) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function newPlugin(dir: string, ...args: string[]) {
  return run(bin("tsx"), [join(REPO, "scripts", "new-plugin.ts"), ...args, "--dir", dir]);
}

describe("KRN-R13 npm run new-plugin scaffolds a plugin folder", () => {
  const work = mkdtempSync(join(tmpdir(), "new-plugin-"));
  symlinkSync(join(REPO, "node_modules"), join(work, "node_modules"));
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({ extends: join(REPO, "tsconfig.json"), include: ["plugins"] }),
  );
  const plugins = join(work, "plugins");
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("writes manifest, adapter, test and README that type-check and pass, and prints the install lines", () => {
    const simulator = newPlugin(
      plugins,
      "--id",
      "ningde-fuan-registry",
      "--kind",
      "simulator",
      "--region",
      "350981",
      "--port",
      "factors.FactorRegistry",
    );
    expect(simulator.status).toBe(0);
    expect(simulator.out).toContain(
      'import { manifest as ningdeFuanRegistry } from "./ningde-fuan-registry/manifest.ts";',
    );
    expect(simulator.out).toContain("Install it for region 350900 in config/deployment.json");
    expect(simulator.out).toContain('{"id":"ningde-fuan-registry","config":{"latencyMs":0}}');
    const gateway = newPlugin(
      plugins,
      "--id",
      "longyan-bank-gateway",
      "--kind",
      "gateway",
      "--region",
      "350800",
      "--port",
      "marketplace.InstitutionGateway",
      "--port",
      "kernel.Notifier",
      "--title-zh",
      "龙岩银行网关",
      "--title-en",
      "Longyan bank gateway",
    );
    expect(gateway.status).toBe(0);
    const pack = newPlugin(plugins, "--id", "quanzhou-region", "--kind", "policy-pack", "--region", "350500");
    expect(pack.status).toBe(0);
    expect(pack.out).toContain('"code":"350500","name":{"zh":"泉州","en":"Quanzhou"}');
    expect(readFileSync(join(plugins, "quanzhou-region", "manifest.ts"), "utf8")).toContain('regionCode: "350500"');
    expect(readdirSync(join(plugins, "ningde-fuan-registry")).sort()).toEqual([
      "README.md",
      "manifest.ts",
      "ningde-fuan-registry.test.ts",
      "ningde-fuan-registry.ts",
    ]);
    const manifest = readFileSync(join(plugins, "ningde-fuan-registry", "manifest.ts"), "utf8");
    expect(manifest).toContain('kind: "simulator"');
    expect(manifest).toContain('regions: ["350981"]');
    expect(manifest).toContain('portToken("factors.FactorRegistry")');

    const tsc = run(bin("tsc"), ["--noEmit", "-p", join(work, "tsconfig.json")]);
    expect(tsc.out).toBe("");
    expect(tsc.status).toBe(0);
    const tests = run(bin("vitest"), ["run", "--root", work], work);
    expect(tests.out).toContain("Tests  10 passed (10)");
    expect(tests.status).toBe(0);
  }, 120_000);

  it.each([
    [
      "a non-kebab id",
      ["--id", "Fuan_Registry", "--kind", "simulator", "--port", "factors.FactorRegistry"],
      "must be kebab-case",
    ],
    ["an unknown kind", ["--id", "x-y", "--kind", "bank", "--port", "factors.FactorRegistry"], "--kind must be one of"],
    ["no port", ["--id", "x-y", "--kind", "adapter"], "name at least one --port"],
    ["a bad port name", ["--id", "x-y", "--kind", "adapter", "--port", "FactorRegistry"], "must be <module>.<Port>"],
    ["a bad region", ["--id", "x-y", "--kind", "adapter", "--port", "a.B", "--region", "3509"], "is not a 6-digit"],
    [
      "a policy pack for a county",
      ["--id", "fuan-pack", "--kind", "policy-pack", "--region", "350981"],
      "is not a Fujian prefecture",
    ],
    [
      "a policy pack with a port",
      ["--id", "x-pack", "--kind", "policy-pack", "--region", "350500", "--port", "a.B"],
      "leave out --port",
    ],
    [
      "an unknown flag",
      ["--id", "x-y", "--kind", "adapter", "--port", "a.B", "--colour", "red"],
      "Unknown option '--colour'",
    ],
    [
      "an existing folder",
      ["--id", "ningde-fuan-registry", "--kind", "simulator", "--port", "factors.FactorRegistry"],
      "already exists",
    ],
  ])("refuses %s and writes nothing", (_t, args, message) => {
    const before = readdirSync(plugins).sort();
    const r = newPlugin(plugins, ...args);
    expect(r.status).toBe(2);
    expect(r.out).toContain(message);
    expect(readdirSync(plugins).sort()).toEqual(before);
  });
});
