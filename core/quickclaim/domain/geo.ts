/** A WGS-84 point in degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

const EARTH_RADIUS_M = 6_371_008.8; // mean Earth radius (IUGG), metres
const RAD = Math.PI / 180;

/**
 * Great-circle distance in whole metres between two WGS-84 points (haversine). Good to a few
 * metres at the scale of an accident scene, which is all QC-R02 needs.
 */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s))));
}
