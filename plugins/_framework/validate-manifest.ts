import * as v from "valibot";
import { portName } from "../../core/kernel/mod.ts";
import { PolicyPackPort } from "./kernel-tokens.ts";
import { PLUGIN_KINDS, type PluginManifest } from "./plugin-manifest.ts";
import { isRegionCode } from "./region-scope.ts";

const PLUGIN_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const PORT_NAME = /^[a-z][a-z0-9-]*\.[A-Z][A-Za-z0-9]*$/;

type AnySchema = v.GenericSchema & {
  readonly entries?: Record<string, v.GenericSchema>;
  readonly wrapped?: v.GenericSchema;
};

/** Strips optional/nullable wrappers so the described schema underneath can be read. */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  while (s.wrapped && v.getDescription(s) === undefined) s = s.wrapped as AnySchema;
  return s;
}

/**
 * Paths of config fields without a `v.description` (nested objects included). Deployment staff
 * read these descriptions, so every field must have one.
 */
export function undescribedFields(schema: v.GenericSchema, prefix = ""): string[] {
  const entries = (schema as AnySchema).entries;
  if (!entries) return [];
  const missing: string[] = [];
  for (const [key, field] of Object.entries(entries)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const inner = unwrap(field as AnySchema);
    if (v.getDescription(inner) === undefined && v.getDescription(field) === undefined) missing.push(path);
    missing.push(...undescribedFields(inner, path));
  }
  return missing;
}

/**
 * Checks a manifest's own shape (not its config): a clear message for each problem, so a
 * broken plugin is refused when the registry is built rather than half-way through start-up.
 */
export function manifestProblems(manifest: PluginManifest): string[] {
  const problems: string[] = [];
  if (!PLUGIN_ID.test(manifest.id)) problems.push(`id "${manifest.id}" must be kebab-case (a-z, 0-9, -)`);
  if (!SEMVER.test(manifest.version)) problems.push(`version "${manifest.version}" must be semantic, e.g. 1.0.0`);
  if (!manifest.title?.zh || !manifest.title?.en) problems.push("title needs both zh and en");
  if (!manifest.description) problems.push("description is empty");
  if (!PLUGIN_KINDS.includes(manifest.kind)) {
    problems.push(`kind "${String(manifest.kind)}" must be one of ${PLUGIN_KINDS.join(", ")}`);
  }
  if (manifest.regions !== "*") {
    if (manifest.regions.length === 0) problems.push('regions is empty (use "*" for any region)');
    for (const code of manifest.regions) {
      if (!isRegionCode(code)) problems.push(`region "${code}" is not a 6-digit GB/T 2260 code`);
    }
  }
  const seen = new Set<symbol>();
  for (const token of manifest.provides) {
    if (typeof token !== "symbol") {
      problems.push("provides must hold port tokens (symbols from core)");
      continue;
    }
    const name = portName(token);
    if (!PORT_NAME.test(name)) problems.push(`port "${name}" must be named <module>.<Port>`);
    if (seen.has(token)) problems.push(`port ${name} is listed twice`);
    seen.add(token);
  }
  if (manifest.provides.length === 0) problems.push("provides no port");
  if (manifest.kind === "policy-pack" && !manifest.provides.includes(PolicyPackPort)) {
    problems.push(`a policy-pack plugin provides ${portName(PolicyPackPort)}`);
  }
  if (typeof manifest.create !== "function") problems.push("create is not a function");
  if (!manifest.configSchema || (manifest.configSchema as { kind?: string }).kind !== "schema") {
    problems.push("configSchema is not a valibot schema");
  } else {
    for (const path of undescribedFields(manifest.configSchema)) {
      problems.push(`config field ${path} has no v.description`);
    }
  }
  return problems;
}
