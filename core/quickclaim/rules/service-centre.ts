import { DomainError } from "../../kernel/mod.ts";
import { distanceMetres, type GeoPoint } from "../domain/geo.ts";
import type { ServiceCentre } from "../policy.ts";

/**
 * QC-R08 服务中心归属: a case belongs to the nearest centre serving its county (figures are
 * reported per centre); a county no centre serves takes the nearest centre of the region.
 */
export function assignServiceCentre(
  centres: readonly ServiceCentre[],
  countyCode: string,
  point: GeoPoint,
): ServiceCentre {
  const serving = centres.filter((c) => c.servesCounties.includes(countyCode));
  const pool = serving.length > 0 ? serving : centres;
  let best: ServiceCentre | undefined;
  let bestMetres = Number.POSITIVE_INFINITY;
  for (const c of pool) {
    const m = distanceMetres(c.point, point);
    if (m < bestMetres) {
      best = c;
      bestMetres = m;
    }
  }
  if (!best)
    throw new DomainError("the region has no service centre", {
      ruleId: "QC-R08",
      kind: "conflict",
      field: "centreId",
    });
  return best;
}
