// The geodesic distance against published figures, each with its source and a stated tolerance.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { geodesicDistance, pathLength, type LngLat } from '../src/geodesic';

/** Degrees, minutes, seconds to decimal degrees. */
const dms = (d: number, m: number, s: number) => Math.sign(d || 1) * (Math.abs(d) + m / 60 + s / 3600);

function near(actual: number | null, expected: number, tolerance: number, what: string) {
  assert.ok(actual !== null, `${what}: no result`);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} m, expected ${expected} ± ${tolerance} m`);
}

describe('geodesicDistance (WGS 84)', () => {
  test('GeographicLib example (Karney): JFK (40.6 N, 73.8 W) to LHR (51.6 N, 0.5 W) = 5 551 759.400 m', () => {
    near(geodesicDistance([-73.8, 40.6], [-0.5, 51.6]), 5_551_759.4, 0.001, 'JFK–LHR');
  });

  test("Vincenty's test line, Geoscience Australia: Flinders Peak to Buninyong = 54 972.271 m (GRS80)", () => {
    // GRS80 and WGS 84 differ in the flattening by 1.5e-9, well below a millimetre over 55 km.
    const flinders: LngLat = [dms(144, 25, 29.5244), -dms(37, 57, 3.7203)];
    const buninyong: LngLat = [dms(143, 55, 35.3839), -dms(37, 39, 10.1561)];
    near(geodesicDistance(flinders, buninyong, { a: 6378137, f: 1 / 298.257222101 }), 54_972.271, 0.001, 'Flinders–Buninyong');
  });

  // The server's `kuril distance FROM TO` (the geometry crate, another implementation) prints kilometres with
  // three decimals, so it agrees within 0.5 m plus rounding; places from geodata/places.geojson.
  const places: Record<string, LngLat> = {
    'cape-nosappu': [145.8172, 43.3853],
    'kaigara-lighthouse': [145.8583, 43.3967],
    nemuro: [145.585, 43.33],
    kurilsk: [147.8856, 45.2269],
    'cape-shiretoko': [145.33, 44.34],
    'cape-lopatka': [156.667, 50.867],
  };
  const server: [string, string, number][] = [
    ['cape-nosappu', 'kaigara-lighthouse', 3.563],
    ['nemuro', 'kurilsk', 279.542],
    ['cape-shiretoko', 'cape-lopatka', 1117.339],
  ];
  for (const [from, to, km] of server) {
    test(`kuril distance ${from} ${to} = ${km} km`, () => {
      near(geodesicDistance(places[from]!, places[to]!), km * 1000, 0.6, `${from}–${to}`);
    });
  }

  test('symmetric, zero for the same point, independent of longitude wrapping', () => {
    const a: LngLat = [145.8172, 43.3853];
    const b: LngLat = [147.8856, 45.2269];
    assert.equal(geodesicDistance(a, a), 0);
    near(geodesicDistance(b, a), geodesicDistance(a, b)!, 1e-6, 'symmetry');
    near(geodesicDistance([a[0] - 360, a[1]], [b[0] + 360, b[1]]), geodesicDistance(a, b)!, 1e-6, 'wrapping');
    // Across the antimeridian: 179.5 E to 179.5 W on the equator is one degree of equator.
    near(geodesicDistance([179.5, 0], [-179.5, 0]), (2 * Math.PI * 6378137) / 360, 1e-3, 'antimeridian');
  });

  test('properties of the ellipsoid: a meridian quadrant is 10 001 965.729 m; a degree of latitude grows towards the pole', () => {
    // Quadrant of the WGS 84 meridian (equator to pole), e.g. NGA TR8350.2 / GeographicLib.
    near(geodesicDistance([0, 0], [0, 90]), 10_001_965.729, 0.001, 'quadrant');
    const equator = geodesicDistance([10, 0], [10, 1])!;
    const pole = geodesicDistance([10, 89], [10, 90])!;
    assert.ok(pole > equator, `${pole} > ${equator}`);
    near(equator, 110_574.4, 0.5, 'degree of latitude at the equator');
  });

  test('nearly antipodal points: the right figure where the iteration converges, null where it does not', () => {
    // Karney (GeographicLib docs): Wellington (41.32 S, 174.81 E) to Salamanca (40.96 N, 5.50 W) = 19 959 679.267 m.
    near(geodesicDistance([174.81, -41.32], [-5.5, 40.96]), 19_959_679.267, 0.01, 'Wellington–Salamanca');
    // 0.3° short of the antipode on the equator: Vincenty's iteration does not converge, so no figure.
    assert.equal(geodesicDistance([0, 0], [179.7, 0]), null);
  });

  test('invalid input gives null', () => {
    assert.equal(geodesicDistance([Number.NaN, 0], [0, 0]), null);
    assert.equal(geodesicDistance([0, 91], [0, 0]), null);
    assert.equal(geodesicDistance([0, 0], [Infinity, 0]), null);
  });
});

describe('pathLength', () => {
  test('sum of the legs; zero for fewer than two points', () => {
    const a: LngLat = [145.8172, 43.3853];
    const b: LngLat = [145.8583, 43.3967];
    const c: LngLat = [145.585, 43.33];
    assert.equal(pathLength([]), 0);
    assert.equal(pathLength([a]), 0);
    near(pathLength([a, b, c]), geodesicDistance(a, b)! + geodesicDistance(b, c)!, 1e-6, 'path');
  });
});
