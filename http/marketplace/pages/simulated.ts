import type { MkContext } from "./mk-context.tsx";

/** Does the region run any simulator plugin? Pages then say so (demo data, simulated outside systems). */
export function isSimulated(c: MkContext, region: string): boolean {
  return (
    c
      .get("platform")
      .regions.get(region)
      ?.pluginDetails?.some((p) => p.simulator) ?? false
  );
}
