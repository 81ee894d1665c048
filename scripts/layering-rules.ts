import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * The layering rules of 70-architecture.md, checked on the source text:
 * - core/ imports only core/ and valibot (its tests may also use vitest and fast-check) and never
 *   touches process, Date.now(), new Date() without arguments, performance.now(), Math.random(),
 *   require(), the crypto global or the timers (setTimeout, setInterval, clearTimeout,
 *   clearInterval);
 * - a core module reaches another module only through that module's mod.ts;
 * - adapters/ and plugins/ never import http/;
 * - http/ never imports a repository or kysely directly.
 */
export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

const IMPORT_RE =
  /(?:^|[^\w$.])(?:import|export)\s*(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const CORE_GLOBALS: readonly [RegExp, string][] = [
  [/\bprocess\s*\./, "uses process"],
  [/\bDate\.now\s*\(/, "uses Date.now()"],
  [/\bnew\s+Date\s*\(\s*\)/, "uses new Date() (the clock is a port)"],
  [/\bMath\.random\s*\(/, "uses Math.random()"],
  [/\brequire\s*\(/, "uses require()"],
  [/(?<![\w.$])crypto\s*\.\s*(subtle|getRandomValues|randomUUID)/, "uses the crypto global (crypto is a port)"],
  [/(?<![\w.$])(setTimeout|setInterval|clearTimeout|clearInterval)\b/, "uses a timer (timers are a port)"],
  [/(?<![\w$])performance\s*\.\s*now\s*\(/, "uses performance.now() (the clock is a port)"],
];

function isTest(file: string): boolean {
  // Test files and test support folders (core/<module>/testing/) may use the test libraries.
  return /\.(test|spec)\.tsx?$/.test(file) || file.split(sep).includes("testing");
}

function stripComments(src: string): string {
  // Keeps line numbers: replaces comment bodies with spaces, leaves strings alone.
  let out = "";
  let i = 0;
  let quote: string | null = null;
  while (i < src.length) {
    const c = src[i] as string;
    const n = src[i + 1];
    if (quote) {
      out += c;
      if (c === "\\") {
        out += n ?? "";
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i++;
    } else if (c === '"' || c === "'" || c === "`") {
      quote = c;
      out += c;
      i++;
    } else if (c === "/" && n === "/") {
      while (i < src.length && src[i] !== "\n") {
        out += " ";
        i++;
      }
    } else if (c === "/" && n === "*") {
      while (i < src.length && !(src[i] === "*" && src[i + 1] === "/")) {
        out += src[i] === "\n" ? "\n" : " ";
        i++;
      }
      out += "  ";
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
}

function lineOf(src: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (src.charCodeAt(i) === 10) n++;
  return n;
}

export function checkLayering(root: string): Violation[] {
  const violations: Violation[] = [];
  const files: string[] = [];
  for (const top of ["core", "adapters", "plugins", "http"]) walk(join(root, top), files);
  for (const file of files) {
    const rel = relative(root, file).split(sep).join("/");
    const layer = rel.split("/")[0] as string;
    const test = isTest(file);
    const src = stripComments(readFileSync(file, "utf8"));
    const add = (index: number, rule: string, text: string) =>
      violations.push({ file: rel, line: lineOf(src, index), rule, text });
    for (const m of src.matchAll(IMPORT_RE)) {
      const spec = (m[1] ?? m[2]) as string;
      const at = m.index ?? 0;
      const isRelative = spec.startsWith(".");
      const target = isRelative
        ? relative(root, resolve(dirname(file), spec))
            .split(sep)
            .join("/")
        : null;
      if (layer === "core") {
        if (target === null) {
          const allowed = spec === "valibot" || (test && (spec === "vitest" || spec === "fast-check"));
          if (!allowed) add(at, "core imports only core/ and valibot", spec);
        } else if (!target.startsWith("core/")) {
          add(at, "core imports only core/ and valibot", spec);
        } else {
          const fromModule = rel.split("/")[1];
          const toModule = target.split("/")[1];
          const crossing = fromModule !== toModule && toModule !== "mod.ts" && fromModule !== "mod.ts";
          const throughMod = target === `core/${toModule}/mod.ts`;
          if (crossing && !throughMod) add(at, "a module reaches another only through its mod.ts", spec);
        }
      } else if (layer === "adapters" || layer === "plugins") {
        if (target?.startsWith("http/")) add(at, `${layer}/ never imports http/`, spec);
      } else if (layer === "http" && !test) {
        if (spec === "kysely" || /repository(\.ts)?$/i.test(spec))
          add(at, "http/ never imports a repository or kysely", spec);
      }
    }
    if (layer === "core" && !test) {
      const lines = src.split("\n");
      lines.forEach((text, i) => {
        for (const [re, rule] of CORE_GLOBALS) {
          if (re.test(text))
            violations.push({ file: rel, line: i + 1, rule: `core is pure: ${rule}`, text: text.trim() });
        }
      });
    }
  }
  return violations;
}
