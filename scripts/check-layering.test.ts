import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkLayering } from "./layering-rules.ts";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "layering-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("layering check (70-architecture.md)", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ["a node built-in", `import { readFileSync } from "node:fs";`, "core imports only core/ and valibot"],
    ["hono", `import { Hono } from "hono";`, "core imports only core/ and valibot"],
    ["kysely", `import type { Kysely } from "kysely";`, "core imports only core/ and valibot"],
    ["a file outside core", `import { x } from "../../adapters/db/x.ts";`, "core imports only core/ and valibot"],
    ["a dynamic import", `const m = await import("node:crypto");`, "core imports only core/ and valibot"],
    ["process", `export const env = process.env.X;`, "core is pure: uses process"],
    ["Date.now()", `export const t = () => Date.now();`, "core is pure: uses Date.now()"],
    ["new Date()", `export const t = () => new Date();`, "core is pure: uses new Date() (the clock is a port)"],
    ["Math.random()", `export const r = () => Math.random();`, "core is pure: uses Math.random()"],
    [
      "setTimeout",
      `export const w = (f: () => void) => setTimeout(f, 100);`,
      "core is pure: uses a timer (timers are a port)",
    ],
    [
      "setInterval",
      `export const w = (f: () => void) => setInterval(f, 100);`,
      "core is pure: uses a timer (timers are a port)",
    ],
    [
      "clearTimeout",
      `export const c = (t: number) => clearTimeout(t);`,
      "core is pure: uses a timer (timers are a port)",
    ],
    [
      "a timer's type",
      `let t: ReturnType<typeof setTimeout> | undefined;`,
      "core is pure: uses a timer (timers are a port)",
    ],
    [
      "performance.now()",
      `export const t = () => performance.now();`,
      "core is pure: uses performance.now() (the clock is a port)",
    ],
    [
      "another module's internals",
      `import { y } from "../quickclaim/rules/y.ts";`,
      "a module reaches another only through its mod.ts",
    ],
  ])("refuses core code that uses %s", (_what, line, rule) => {
    root = tree({ "core/factors/x.ts": `${line}\n` });
    const v = checkLayering(root);
    expect(v.map((x) => x.rule)).toContain(rule);
    expect(v[0]?.file).toBe("core/factors/x.ts");
  });

  it("accepts pure core code, valibot, another module's mod.ts and test-only imports", () => {
    root = tree({
      "core/factors/x.ts": `import * as v from "valibot";\nimport { k } from "../kernel/mod.ts";\nimport { q } from "../quickclaim/mod.ts";\n// Date.now() in a comment is fine, and so is setTimeout\nexport const d = (ms: number) => new Date(ms);\nexport const mySetTimeoutBudget = 1;\nexport const later = (timer: Scheduler) => timer.setTimeout(5);\n`,
      "core/factors/x.test.ts": `import { it } from "vitest";\nimport fc from "fast-check";\nsetTimeout(() => {}, 1);\nperformance.now();\n`,
      "core/kernel/mod.ts": `export const k = 1;\n`,
      "core/quickclaim/mod.ts": `export const q = 1;\n`,
    });
    expect(checkLayering(root)).toEqual([]);
  });

  it("refuses adapters and plugins that import http/, and http/ that imports a repository", () => {
    root = tree({
      "adapters/a.ts": `import { app } from "../http/app.ts";\n`,
      "plugins/p/p.ts": `import { app } from "../../http/app.ts";\n`,
      "http/routes.ts": `import { FactorRepository } from "../adapters/factors/kysely-factor-repository.ts";\n`,
    });
    expect(checkLayering(root).map((v) => `${v.file} ${v.rule}`)).toEqual([
      "adapters/a.ts adapters/ never imports http/",
      "plugins/p/p.ts plugins/ never imports http/",
      "http/routes.ts http/ never imports a repository or kysely",
    ]);
  });
});
