import { createHash } from 'node:crypto';
import type { Point } from '../../../shared/geo/haversine.util';

/** 青湖区's centre (a made-up district on the Yangtze plain): the sample places spread around it. */
export const DISTRICT_CENTRE: Point = { latitude: 29.7051, longitude: 116.0014 };

const METRES_PER_DEGREE = 111_320;
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * A place within `radius` metres of `from`, fixed by `key`: the sample addresses get stable coordinates without
 * drawing from the plan's random streams (so the rest of the plan stays exactly as it was).
 */
export function placeNear(from: Point, key: string, radius: number): Point {
  const digest = createHash('sha1').update(`govflow-place:${key}`).digest();
  const angle = (digest.readUInt32BE(0) / 0x1_0000_0000) * 2 * Math.PI;
  const distance = Math.sqrt(digest.readUInt32BE(4) / 0x1_0000_0000) * radius;
  const dLat = (distance * Math.cos(angle)) / METRES_PER_DEGREE;
  const dLng = (distance * Math.sin(angle)) / (METRES_PER_DEGREE * Math.cos((from.latitude * Math.PI) / 180));
  return { latitude: round6(from.latitude + dLat), longitude: round6(from.longitude + dLng) };
}
