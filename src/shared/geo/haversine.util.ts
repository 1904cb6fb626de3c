export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function haversineMeters(a: Point, b: Point): number {
  const h =
    Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A latitude/longitude box that holds every point within `meters` of `p` (a cheap SQL pre-filter; not across the antimeridian). */
export function boundingBox(p: Point, meters: number) {
  const dLat = (meters / EARTH_RADIUS_M) * (180 / Math.PI);
  const cosLat = Math.max(Math.cos(rad(p.latitude)), 1e-6);
  const dLng = Math.min(180, dLat / cosLat);
  return {
    minLat: p.latitude - dLat,
    maxLat: p.latitude + dLat,
    minLng: p.longitude - dLng,
    maxLng: p.longitude + dLng,
  };
}
