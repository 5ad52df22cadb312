// Geodesic distance on the WGS 84 ellipsoid: Vincenty's inverse formula (Survey Review 23(176), 1975), iterated
// on the auxiliary sphere. Accurate to well under a millimetre wherever it converges; it fails to converge only
// for nearly antipodal points (within about half a degree of the antipode), where it returns null rather than a
// wrong figure. Pure (unit-tested against published distances).

/** WGS 84 semi-major axis (m) and flattening. */
export const WGS84 = Object.freeze({ a: 6378137, f: 1 / 298.257223563 });

export type LngLat = readonly [lng: number, lat: number];

const RAD = Math.PI / 180;

/**
 * The length in metres of the shortest path between two points (longitude, latitude in degrees) on the
 * ellipsoid, or null when the iteration does not converge (nearly antipodal points) or an input is not finite.
 */
export function geodesicDistance(from: LngLat, to: LngLat, ellipsoid: { a: number; f: number } = WGS84): number | null {
  const [lng1, lat1] = from;
  const [lng2, lat2] = to;
  if (![lng1, lat1, lng2, lat2].every(Number.isFinite) || Math.abs(lat1) > 90 || Math.abs(lat2) > 90) return null;
  const { a, f } = ellipsoid;
  const b = a * (1 - f);
  // Longitude difference normalised to [-180°, 180°].
  const L = (((((lng2 - lng1) % 360) + 540) % 360) - 180) * RAD;
  // Reduced latitudes.
  const U1 = Math.atan((1 - f) * Math.tan(lat1 * RAD));
  const U2 = Math.atan((1 - f) * Math.tan(lat2 * RAD));
  const sinU1 = Math.sin(U1);
  const cosU1 = Math.cos(U1);
  const sinU2 = Math.sin(U2);
  const cosU2 = Math.cos(U2);

  let lambda = L;
  let sinSigma = 0;
  let cosSigma = 1;
  let sigma = 0;
  let cos2Alpha = 1;
  let cos2SigmaM = 0;
  for (let i = 0; i < 200; i++) {
    const sinLambda = Math.sin(lambda);
    const cosLambda = Math.cos(lambda);
    const t1 = cosU2 * sinLambda;
    const t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
    sinSigma = Math.sqrt(t1 * t1 + t2 * t2);
    if (sinSigma === 0) return 0; // the same point
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    cos2Alpha = 1 - sinAlpha * sinAlpha;
    // On the equator cos²α = 0 and the term vanishes.
    cos2SigmaM = cos2Alpha !== 0 ? cosSigma - (2 * sinU1 * sinU2) / cos2Alpha : 0;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda =
      L +
      (1 - C) * f * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda) > Math.PI) return null; // diverging: nearly antipodal
    if (Math.abs(lambda - previous) < 1e-12) {
      const u2 = (cos2Alpha * (a * a - b * b)) / (b * b);
      const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
      const B = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
      const c2 = cos2SigmaM * cos2SigmaM;
      const deltaSigma =
        B *
        sinSigma *
        (cos2SigmaM + (B / 4) * (cosSigma * (-1 + 2 * c2) - (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * c2)));
      return b * A * (sigma - deltaSigma);
    }
  }
  return null;
}

/** The length of a path through `points` (sum of the geodesic legs), or null if a leg cannot be measured. */
export function pathLength(points: readonly LngLat[]): number | null {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const leg = geodesicDistance(points[i - 1]!, points[i]!);
    if (leg === null) return null;
    total += leg;
  }
  return total;
}
