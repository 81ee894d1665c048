import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import {
  adapterSource,
  camelCase,
  manifestSource,
  readmeSource,
  type ScaffoldSpec,
  sampleConfig,
  testSource,
} from "../plugins/_framework/scaffold-templates.ts";

/**
 * `npm run new-plugin -- --id ningde-fuan-registry --kind simulator --region 350981 --port factors.FactorRegistry`
 * scaffolds plugins/<id>/ (manifest, adapter class, test, README) and prints the lines that
 * install it. Flags: --id, --kind adapter|simulator|gateway, --region (repeatable or comma
 * separated; default "*"), --port <module>.<Port> (repeatable), --title-zh, --title-en,
 * --dir <plugins folder> (default ./plugins of this repository).
 */
const REPO = resolve(import.meta.dirname, "..");
const KINDS = ["adapter", "simulator", "gateway"] as const;
const USAGE =
  "usage: npm run new-plugin -- --id <kebab-id> --kind adapter|simulator|gateway --port <module>.<Port> [--port …] [--region 350981[,…]] [--title-zh …] [--title-en …] [--dir <plugins folder>]";

function fail(message: string): never {
  console.error(`new-plugin: ${message}\n${USAGE}`);
  process.exit(2);
}

function list(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((x) => x.split(","))
    .map((x) => x.trim())
    .filter(Boolean);
}

function specFromArgs(argv: string[]): { spec: ScaffoldSpec; dir: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      id: { type: "string" },
      kind: { type: "string" },
      region: { type: "string", multiple: true },
      port: { type: "string", multiple: true },
      "title-zh": { type: "string" },
      "title-en": { type: "string" },
      dir: { type: "string" },
    },
    strict: true,
  });
  const id = values.id ?? fail("--id is required");
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)) fail(`--id "${id}" must be kebab-case (a-z, 0-9, -)`);
  if (id.startsWith("_")) fail("--id may not start with _");
  const kind = values.kind ?? fail("--kind is required");
  if (!(KINDS as readonly string[]).includes(kind)) {
    fail(`--kind must be one of ${KINDS.join(", ")} (a policy pack: copy plugins/ningde-region)`);
  }
  const ports = list(values.port);
  if (ports.length === 0) fail("name at least one --port, e.g. factors.FactorRegistry");
  for (const p of ports)
    if (!/^[a-z][a-z0-9-]*\.[A-Z][A-Za-z0-9]*$/.test(p)) fail(`--port "${p}" must be <module>.<Port>`);
  if (new Set(ports).size !== ports.length) fail("a --port is listed twice");
  const regionList = list(values.region);
  const regions = regionList.length === 0 || regionList.includes("*") ? "*" : regionList;
  if (regions !== "*")
    for (const r of regions) if (!/^\d{6}$/.test(r)) fail(`--region "${r}" is not a 6-digit GB/T 2260 code`);
  const words = id.replace(/-/g, " ");
  const dir = resolve(values.dir ?? join(REPO, "plugins"));
  const root = relative(join(dir, id), REPO).split(sep).join("/") || ".";
  return {
    dir,
    spec: {
      id,
      kind: kind as ScaffoldSpec["kind"],
      regions,
      ports,
      title: { zh: values["title-zh"] ?? words, en: values["title-en"] ?? words },
      root,
    },
  };
}

function main(): void {
  const { spec, dir } = specFromArgs(process.argv.slice(2));
  const folder = join(dir, spec.id);
  if (existsSync(folder)) fail(`${folder} already exists; choose another --id or remove it`);
  mkdirSync(folder, { recursive: true });
  const files: [string, string][] = [
    ["manifest.ts", manifestSource(spec)],
    [`${spec.id}.ts`, adapterSource(spec)],
    [`${spec.id}.test.ts`, testSource(spec)],
    ["README.md", readmeSource(spec)],
  ];
  for (const [name, text] of files) writeFileSync(join(folder, name), text);
  // House style: let biome format the new files (line widths depend on the names).
  const biome = spawnSync(
    join(REPO, "node_modules", ".bin", "biome"),
    ["check", "--write", "--vcs-enabled=false", "--config-path", REPO, folder],
    {
      encoding: "utf8",
    },
  );
  if (biome.status !== 0) console.warn(`biome could not tidy the new files:\n${biome.stdout}${biome.stderr}`);

  const name = camelCase(spec.id);
  const home = spec.regions === "*" ? "<region code>" : `${(spec.regions[0] as string).slice(0, 4)}00`;
  console.log(`Created ${relative(process.cwd(), folder) || folder}/: ${files.map(([f]) => f).join(", ")}

1. Register it in plugins/index.ts:
     import { manifest as ${name} } from "./${spec.id}/manifest.ts";
   and add ${name} to installedPlugins.

2. Install it for region ${home} in config/deployment.json (that region's "plugins" list):
     ${JSON.stringify({ id: spec.id, config: sampleConfig(spec) })}

3. Implement the port(s) in ${spec.id}.ts, then: npx vitest run ${relative(process.cwd(), folder) || folder}`);
}

main();
