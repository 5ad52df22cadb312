// Reading a user's GeoJSON or KML file for the overlay, entirely in the browser (nothing is uploaded). Pure: the
// XML parser is passed in (the browser's DOMParser in the app, @xmldom/xmldom in the unit tests), and every
// failure is a value with a code the interface turns into a message, never an exception.
import { kml } from '@tmcw/togeojson';
import { OVERLAY_MAX_BYTES, type OverlayErrorCode } from './overlay-limits';

export { OVERLAY_MAX_BYTES, type OverlayErrorCode };

export interface OverlayError {
  code: OverlayErrorCode;
  /** A detail for the message (the parser's own words, the offending type), in English. */
  detail?: string;
}

export interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

export interface Feature {
  type: 'Feature';
  geometry: Geometry;
  properties: Record<string, unknown>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

export type OverlayResult =
  | { ok: true; format: 'geojson' | 'kml'; data: FeatureCollection }
  | { ok: false; error: OverlayError };

/** Parses XML text; may throw or return a document holding a <parsererror> element on malformed input. */
export type XmlParser = (text: string) => Document;

const fail = (code: OverlayErrorCode, detail?: string): OverlayResult => ({ ok: false, error: detail ? { code, detail } : { code } });

/** The size check, made before reading the file. */
export function checkSize(bytes: number): OverlayError | null {
  if (bytes > OVERLAY_MAX_BYTES) return { code: 'too-large', detail: `${bytes} bytes` };
  if (bytes === 0) return { code: 'empty' };
  return null;
}

const GEOMETRY_DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

type Check = 'ok' | 'shape' | 'range';

/** A position: two or three finite numbers, longitude and latitude in range. */
function checkPosition(p: unknown): Check {
  if (!Array.isArray(p) || p.length < 2 || p.length > 4 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) return 'shape';
  const [lng, lat] = p as number[];
  return Math.abs(lng!) <= 540 && Math.abs(lat!) <= 90 ? 'ok' : 'range';
}

function checkCoordinates(c: unknown, depth: number): Check {
  if (depth === 0) return checkPosition(c);
  if (!Array.isArray(c)) return 'shape';
  for (const item of c) {
    const r = checkCoordinates(item, depth - 1);
    if (r !== 'ok') return r;
  }
  return 'ok';
}

function checkGeometry(g: unknown, nesting = 0): Check {
  if (typeof g !== 'object' || g === null) return 'shape';
  const { type, coordinates, geometries } = g as Geometry;
  if (type === 'GeometryCollection') {
    if (!Array.isArray(geometries) || nesting > 4) return 'shape';
    for (const child of geometries) {
      const r = checkGeometry(child, nesting + 1);
      if (r !== 'ok') return r;
    }
    return 'ok';
  }
  const depth = typeof type === 'string' ? GEOMETRY_DEPTH[type] : undefined;
  return depth === undefined ? 'shape' : checkCoordinates(coordinates, depth);
}

/** Features with a geometry, as a FeatureCollection; a single Feature or bare geometry is wrapped. */
function geojsonFeatures(value: unknown): OverlayResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('not-geojson', 'not a JSON object');
  const type = (value as { type?: unknown }).type;
  let candidates: unknown[];
  if (type === 'FeatureCollection') {
    const features = (value as { features?: unknown }).features;
    if (!Array.isArray(features)) return fail('not-geojson', 'a FeatureCollection without a features array');
    candidates = features;
  } else if (type === 'Feature') {
    candidates = [value];
  } else if (typeof type === 'string' && (type in GEOMETRY_DEPTH || type === 'GeometryCollection')) {
    candidates = [{ type: 'Feature', geometry: value, properties: {} }];
  } else {
    return fail('not-geojson', typeof type === 'string' ? `type "${type.slice(0, 40)}"` : 'no "type" member');
  }
  const out: Feature[] = [];
  for (const f of candidates) {
    if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') return fail('not-geojson', 'a member of features is not a Feature');
    const { geometry, properties } = f as { geometry?: unknown; properties?: unknown };
    if (geometry === null || geometry === undefined) continue; // allowed by RFC 7946, nothing to draw
    const check = checkGeometry(geometry);
    if (check === 'range') return fail('not-lnglat');
    if (check === 'shape') return fail('not-geojson', 'a geometry with malformed coordinates');
    out.push({
      type: 'Feature',
      geometry: geometry as Geometry,
      properties: typeof properties === 'object' && properties !== null && !Array.isArray(properties) ? (properties as Record<string, unknown>) : {},
    });
  }
  if (out.length === 0) return fail('empty');
  return { ok: true, format: 'geojson', data: { type: 'FeatureCollection', features: out } };
}

function kmlFeatures(text: string, parseXml: XmlParser): OverlayResult {
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch (err) {
    return fail('invalid-kml', err instanceof Error ? err.message.split('\n')[0] : undefined);
  }
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) return fail('invalid-kml', (error.textContent ?? '').trim().split('\n')[0]);
  const root = doc.documentElement;
  if (!root || (root.localName ?? root.nodeName) !== 'kml') return fail('invalid-kml', `root element <${root?.nodeName ?? ''}>, not <kml>`);
  let fc: { features: { type: string; geometry: unknown; properties: unknown }[] };
  try {
    fc = kml(doc) as unknown as typeof fc;
  } catch (err) {
    return fail('invalid-kml', err instanceof Error ? err.message : undefined);
  }
  const result = geojsonFeatures({ type: 'FeatureCollection', features: fc.features });
  if (!result.ok && result.error.code === 'not-geojson') return fail('invalid-kml', result.error.detail);
  return result.ok ? { ...result, format: 'kml' } : result;
}

/**
 * Reads a file's text as GeoJSON or KML. KML when the name ends in .kml or the text starts with '<', GeoJSON
 * otherwise; a KMZ (zipped KML) or other binary file is refused.
 */
export function parseOverlay(text: string, opts: { name?: string; parseXml: XmlParser }): OverlayResult {
  const name = (opts.name ?? '').toLowerCase();
  if (name.endsWith('.kmz') || text.startsWith('PK\u0003\u0004')) return fail('unsupported', 'KMZ (zipped KML): unzip it and drop the .kml');
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return fail('empty');
  if (name.endsWith('.kml') || body.startsWith('<')) return kmlFeatures(body, opts.parseXml);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return fail('invalid-json', err instanceof Error ? err.message : undefined);
  }
  return geojsonFeatures(value);
}

/** [west, south, east, north] of every position in the collection (for fitting the view), or null. */
export function bounds(fc: FeatureCollection): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
      return;
    }
    for (const item of c) visit(item);
  };
  const geometry = (g: Geometry): void => {
    if (g.type === 'GeometryCollection') for (const child of g.geometries ?? []) geometry(child);
    else visit(g.coordinates);
  };
  for (const f of fc.features) geometry(f.geometry);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
