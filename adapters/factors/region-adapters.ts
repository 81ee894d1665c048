import type { PortToken } from "../../core/kernel/mod.ts";
import type { RegionContext } from "../composition/platform.ts";

/**
 * The adapter of a port for a county: the county's own plugin first, else the region-wide one
 * (ComposedRegion.adapter). A plain RegionContext (tests that build regions by hand) resolves the
 * region container's registration.
 */
export function adapterFor<T>(region: RegionContext, token: PortToken, countyCode?: string): T {
  const composed = region as RegionContext & { adapter?: <A>(t: PortToken, county?: string) => A };
  if (typeof composed.adapter === "function") return composed.adapter<T>(token, countyCode);
  return region.container.resolve<T>(token);
}
