import * as v from "valibot";
import type { ModuleDescriptor } from "../../core/kernel/mod.ts";
import { type KernelPack, kernelPackSchema } from "../../plugins/_framework/policy-pack.ts";
import { CompositionError, regionLabel } from "./composition-error.ts";
import { issueLines } from "./format-issues.ts";

/**
 * KRN-R12: validating a region's policy pack at start-up and resolving county overrides.
 * Every failure names the region, the pack, the module (or kernel part), the parameter path
 * and the reason, and stops start-up.
 */
export interface ResolvedPolicy {
  readonly kernel: KernelPack;
  /** Module id → validated prefecture part. */
  readonly modules: ReadonlyMap<string, unknown>;
  /** County code → module id → validated part with the county's overrides merged in. */
  readonly counties: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
}

export interface PackContext {
  readonly region: { readonly code: string; readonly name: { readonly zh: string; readonly en: string } };
  readonly packId: string;
  /** Installed modules by id (their policySchema validates their part). */
  readonly modules: ReadonlyMap<string, ModuleDescriptor>;
  /** Module ids enabled in the region: each must have a part in the pack. */
  readonly enabled: readonly string[];
}

const packShape = v.strictObject({
  kernel: v.unknown(),
  modules: v.record(v.string(), v.unknown()),
  counties: v.optional(v.record(v.string(), v.record(v.string(), v.unknown())), {}),
});

type Plain = Record<string, unknown>;

function isPlain(x: unknown): x is Plain {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Deep merge for county overrides: objects merge key by key, anything else (dated lists) replaces. */
export function mergeOverride(base: unknown, override: unknown): unknown {
  if (!isPlain(base) || !isPlain(override)) return override;
  const out: Plain = { ...base };
  for (const [k, val] of Object.entries(override)) out[k] = mergeOverride(base[k], val);
  return out;
}

/** Override paths that did not survive validation (not parameters of the module). */
function unknownPaths(override: unknown, output: unknown, path: string): string[] {
  if (!isPlain(override)) return [];
  const out: string[] = [];
  for (const [k, val] of Object.entries(override)) {
    const p = path ? `${path}.${k}` : k;
    if (!isPlain(output) || !(k in output)) out.push(p);
    else out.push(...unknownPaths(val, output[k], p));
  }
  return out;
}

function fail(where: string, issues: readonly v.BaseIssue<unknown>[], init: { regionCode: string; moduleId?: string }) {
  const lines = issueLines(issues);
  const text = lines.map((l) => `parameter ${l.path || "(whole part)"}: ${l.message}`).join("; ");
  return new CompositionError(`${where}, ${text}`, { ...init, field: lines[0]?.path ?? "" });
}

export function resolvePolicyPack(pack: unknown, ctx: PackContext): ResolvedPolicy {
  const region = regionLabel(ctx.region);
  const regionCode = ctx.region.code;
  const where = `${region}: policy pack ${ctx.packId}`;
  const shape = v.safeParse(packShape, pack);
  if (!shape.success) throw fail(`${where} is malformed`, shape.issues, { regionCode });

  const kernel = v.safeParse(kernelPackSchema, shape.output.kernel);
  if (!kernel.success) throw fail(`${where}, kernel part`, kernel.issues, { regionCode, moduleId: "kernel" });
  if (kernel.output.region.code !== regionCode) {
    throw new CompositionError(`${where} is for region ${kernel.output.region.code}, not ${regionCode}`, {
      regionCode,
      field: "kernel.region.code",
    });
  }

  const modules = new Map<string, unknown>();
  for (const moduleId of ctx.enabled) {
    if (!(moduleId in shape.output.modules)) {
      throw new CompositionError(`${where} has no part for module ${moduleId}`, { regionCode, moduleId });
    }
  }
  for (const [moduleId, part] of Object.entries(shape.output.modules)) {
    const descriptor = ctx.modules.get(moduleId);
    if (!descriptor) continue; // a pack may be ahead of the installed modules
    const parsed = v.safeParse(descriptor.policySchema, part);
    if (!parsed.success) throw fail(`${where}, module ${moduleId}`, parsed.issues, { regionCode, moduleId });
    modules.set(moduleId, parsed.output);
  }

  const countyNames = new Map(kernel.output.region.counties.map((c) => [c.code, c.name.zh]));
  const counties = new Map<string, ReadonlyMap<string, unknown>>();
  for (const [countyCode, parts] of Object.entries(shape.output.counties)) {
    const countyName = countyNames.get(countyCode);
    if (countyName === undefined) {
      throw new CompositionError(`${where} overrides county ${countyCode}, which is not a county of ${region}`, {
        regionCode,
        field: `counties.${countyCode}`,
      });
    }
    const at = `${where}, county ${countyCode} (${countyName})`;
    const merged = new Map<string, unknown>();
    for (const [moduleId, override] of Object.entries(parts)) {
      const descriptor = ctx.modules.get(moduleId);
      if (!descriptor || !(moduleId in shape.output.modules)) {
        throw new CompositionError(`${at} overrides module ${moduleId}, which the pack has no prefecture part for`, {
          regionCode,
          moduleId,
        });
      }
      const parsed = v.safeParse(descriptor.policySchema, mergeOverride(shape.output.modules[moduleId], override));
      if (!parsed.success) throw fail(`${at}, module ${moduleId}`, parsed.issues, { regionCode, moduleId });
      const unknown = unknownPaths(override, parsed.output, "");
      if (unknown.length > 0) {
        throw new CompositionError(`${at}, module ${moduleId}, parameter ${unknown.join(", ")}: no such parameter`, {
          regionCode,
          moduleId,
          field: unknown[0] ?? "",
        });
      }
      merged.set(moduleId, parsed.output);
    }
    counties.set(countyCode, merged);
  }
  return { kernel: kernel.output, modules, counties };
}
