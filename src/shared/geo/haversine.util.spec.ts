import { boundingBox, haversineMeters } from './haversine.util';

describe('geo', () => {
  it('measures great-circle distances', () => {
    expect(haversineMeters({ latitude: 31.23, longitude: 121.47 }, { latitude: 31.23, longitude: 121.47 })).toBe(0);
    // one thousandth of a degree of latitude is about 111 m
    expect(
      haversineMeters({ latitude: 31.23, longitude: 121.47 }, { latitude: 31.231, longitude: 121.47 }),
    ).toBeCloseTo(111.2, 0);
  });

  it('boxes every point within the radius', () => {
    const centre = { latitude: 31.23, longitude: 121.47 };
    const box = boundingBox(centre, 200);
    for (const [lat, lng] of [
      [box.maxLat, centre.longitude],
      [centre.latitude, box.maxLng],
      [box.minLat, centre.longitude],
      [centre.latitude, box.minLng],
    ]) {
      expect(haversineMeters(centre, { latitude: lat, longitude: lng })).toBeGreaterThanOrEqual(199.9);
    }
  });
});
