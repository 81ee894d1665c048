import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { fujianRegion } from "../core/kernel/mod.ts";
import {
  packManifestSource,
  packPartsSource,
  packReadmeSource,
  packTestSource,
} from "../plugins/_framework/scaffold-pack-templates.ts";
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
 * scaffolds plugins/<id>/ (manifest, adapter class, passing test, README) and prints the lines
 * that install it. `--kind policy-pack --region 350500` scaffolds a prefecture's policy pack.
 * Flags: --id, --kind adapter|simulator|gateway|policy-pack, --region (repeatable or comma
 * separated; default "*"), --port <module>.<Port> (repeatable), --title-zh, --title-en,
 * --dir <plugins folder> (default ./plugins of this repository).
 */
const REPO = resolve(import.meta.dirname, "..");
const KINDS = ["adapter", "simulator", "gateway", "policy-pack"] as const;
const USAGE = `usage: npm run new-plugin -- --id <kebab-id> --kind adapter|simulator|gateway --port <module>.<Port> [--port …] [--region 350981[,…]] [--title-zh …] [--title-en …] [--dir <plugins folder>]
       npm run new-plugin -- --id <kebab-id> --kind policy-pack --region <prefecture code> [--dir <plugins folder>]`;

interface Scaffold {
  readonly id: string;
  readonly folder: string;
  readonly files: readonly (readonly [string, string])[];
  /** What to add to the deployment config, and for which region. */
  readonly install: { readonly region: string; readonly what: string };
}

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

function parse(argv: string[]) {
  try {
    return parseArgs({
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
    }).values;
  } catch (e) {
    return fail((e as Error).message);
  }
}

function scaffoldFromArgs(argv: string[]): Scaffold {
  const values = parse(argv);
  const id = values.id ?? fail("--id is required");
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)) fail(`--id "${id}" must be kebab-case (a-z, 0-9, -)`);
  const kind = values.kind ?? fail("--kind is required");
  if (!(KINDS as readonly string[]).includes(kind)) fail(`--kind must be one of ${KINDS.join(", ")}`);
  const dir = resolve(values.dir ?? join(REPO, "plugins"));
  const folder = join(dir, id);
  const root = relative(folder, REPO).split(sep).join("/") || ".";
  const regionList = list(values.region);
  for (const r of regionList)
    if (r !== "*" && !/^\d{6}$/.test(r)) fail(`--region "${r}" is not a 6-digit GB/T 2260 code`);

  if (kind === "policy-pack") {
    const code = regionList.length === 1 ? (regionList[0] as string) : fail("a policy pack needs exactly one --region");
    const entry = fujianRegion(code);
    if (entry?.level !== "prefecture") fail(`--region ${code} is not a Fujian prefecture (e.g. 350500 泉州)`);
    if (values.port) fail("a policy pack provides kernel.PolicyPack; leave out --port");
    const title = {
      zh: values["title-zh"] ?? `${entry.zh}政策包`,
      en: values["title-en"] ?? `${entry.en} policy pack`,
    };
    const spec = { id, regionCode: code, title, root };
    return {
      id,
      folder,
      files: [
        ["manifest.ts", packManifestSource(spec)],
        [`${id}.ts`, packPartsSource(spec)],
        [`${id}.test.ts`, packTestSource(spec)],
        ["README.md", packReadmeSource(spec)],
      ],
      install: {
        region: code,
        what: `a region entry: ${JSON.stringify({ code, name: { zh: entry.zh.replace(/市$/, ""), en: entry.en }, modules: [], policyPack: { id }, plugins: [] })}`,
      },
    };
  }

  const ports = list(values.port);
  if (ports.length === 0) fail("name at least one --port, e.g. factors.FactorRegistry");
  for (const p of ports)
    if (!/^[a-z][a-z0-9-]*\.[A-Z][A-Za-z0-9]*$/.test(p)) fail(`--port "${p}" must be <module>.<Port>`);
  if (new Set(ports).size !== ports.length) fail("a --port is listed twice");
  const regions = regionList.length === 0 || regionList.includes("*") ? "*" : regionList;
  const words = id.replace(/-/g, " ");
  const spec: ScaffoldSpec = {
    id,
    kind: kind as ScaffoldSpec["kind"],
    regions,
    ports,
    title: { zh: values["title-zh"] ?? words, en: values["title-en"] ?? words },
    root,
  };
  const home = regions === "*" ? "<region code>" : `${(regions[0] as string).slice(0, 4)}00`;
  return {
    id,
    folder,
    files: [
      ["manifest.ts", manifestSource(spec)],
      [`${id}.ts`, adapterSource(spec)],
      [`${id}.test.ts`, testSource(spec)],
      ["README.md", readmeSource(spec)],
    ],
    install: {
      region: home,
      what: `in that region's "plugins": ${JSON.stringify({ id, config: sampleConfig(spec) })}`,
    },
  };
}

function main(): void {
  const s = scaffoldFromArgs(process.argv.slice(2));
  if (existsSync(s.folder)) fail(`${s.folder} already exists; choose another --id or remove it`);
  mkdirSync(s.folder, { recursive: true });
  for (const [name, text] of s.files) writeFileSync(join(s.folder, name), text);
  // House style: let biome format the new files (line widths depend on the names).
  const biome = spawnSync(
    join(REPO, "node_modules", ".bin", "biome"),
    ["check", "--write", "--vcs-enabled=false", "--config-path", REPO, s.folder],
    { encoding: "utf8" },
  );
  if (biome.status !== 0) console.warn(`biome could not tidy the new files:\n${biome.stdout}${biome.stderr}`);

  const name = camelCase(s.id);
  const shown = relative(process.cwd(), s.folder) || s.folder;
  console.log(`Created ${shown}/: ${s.files.map(([f]) => f).join(", ")}

1. Register it in plugins/index.ts:
     import { manifest as ${name} } from "./${s.id}/manifest.ts";
   and add ${name} to installedPlugins.

2. Install it for region ${s.install.region} in config/deployment.json, ${s.install.what}

3. Fill in ${s.id}.ts, then: npx vitest run ${shown}`);
}

main();
