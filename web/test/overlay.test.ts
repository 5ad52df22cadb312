// Overlay files: valid GeoJSON and KML give features; every kind of bad file gives its own error code.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { OVERLAY_MAX_BYTES, bounds, checkSize, parseOverlay, type OverlayResult } from '../src/overlay';

// xmldom stands in for the browser's DOMParser; its errors throw (the browser's give a <parsererror> element).
const parseXml = (text: string) =>
  new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  }).parseFromString(text, 'text/xml') as unknown as Document;

const parse = (text: string, name?: string) => parseOverlay(text, { name, parseXml });

function features(r: OverlayResult) {
  assert.ok(r.ok, `expected features, got ${JSON.stringify(r)}`);
  return r.data.features;
}

function errorCode(r: OverlayResult) {
  assert.ok(!r.ok, `expected an error, got ${JSON.stringify(r).slice(0, 200)}`);
  return r.error.code;
}

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark><name>Cape Nosappu</name><Point><coordinates>145.8172,43.3853,0</coordinates></Point></Placemark>
  <Placemark><name>track</name><LineString><coordinates>145.8172,43.3853 145.8583,43.3967</coordinates></LineString></Placemark>
  <Placemark><name>box</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
    145,43 146,43 146,44 145,44 145,43</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>`;

describe('parseOverlay: GeoJSON', () => {
  test('a FeatureCollection keeps its features and properties', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [145.8172, 43.3853] }, properties: { name: 'Cape Nosappu' } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[145, 43], [146, 44, 10]] }, properties: null },
        { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[[[145, 43], [146, 43], [146, 44], [145, 43]]]] }, properties: {} },
      ],
    };
    const r = parse(JSON.stringify(fc), 'mine.geojson');
    const f = features(r);
    assert.equal(r.ok && r.format, 'geojson');
    assert.equal(f.length, 3);
    assert.equal(f[0]!.properties.name, 'Cape Nosappu');
    assert.deepEqual(f[1]!.properties, {});
  });

  test('a single Feature, a bare geometry and a GeometryCollection are wrapped', () => {
    assert.equal(features(parse('{"type":"Feature","geometry":{"type":"Point","coordinates":[146,44]},"properties":{}}')).length, 1);
    assert.equal(features(parse('{"type":"Polygon","coordinates":[[[145,43],[146,43],[146,44],[145,43]]]}')).length, 1);
    const gc = '{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[146,44]},{"type":"LineString","coordinates":[[145,43],[146,44]]}]}';
    assert.equal(features(parse(gc))[0]!.geometry.type, 'GeometryCollection');
  });

  test('a byte-order mark and surrounding white space are fine', () => {
    assert.equal(features(parse('\uFEFF  {"type":"Point","coordinates":[146,44]}\n')).length, 1);
  });

  test('features without geometry are skipped; none left means empty', () => {
    const fc = '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{}},{"type":"Feature","geometry":{"type":"Point","coordinates":[146,44]},"properties":{}}]}';
    assert.equal(features(parse(fc)).length, 1);
    assert.equal(errorCode(parse('{"type":"FeatureCollection","features":[]}')), 'empty');
    assert.equal(errorCode(parse('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{}}]}')), 'empty');
  });

  test('invalid JSON', () => {
    for (const text of ['{"type": "FeatureCollection",', '{type: Feature}', 'hello', '{"a":1}}']) {
      const r = parse(text, 'x.geojson');
      assert.equal(errorCode(r), 'invalid-json', text);
      assert.ok(!r.ok && r.error.detail, 'the parser says where');
    }
  });

  test('JSON that is not GeoJSON', () => {
    const cases = [
      '[1,2,3]',
      '"text"',
      '42',
      'null',
      '{"name":"no type"}',
      '{"type":"Topology","objects":{}}',
      '{"type":"FeatureCollection"}',
      '{"type":"FeatureCollection","features":[{"type":"Point","coordinates":[1,2]}]}',
      '{"type":"Feature","geometry":{"type":"Circle","coordinates":[1,2]},"properties":{}}',
      '{"type":"Point","coordinates":["146","44"]}',
      '{"type":"LineString","coordinates":[146,44]}',
      '{"type":"Polygon","coordinates":[[146,44]]}',
      '{"type":"Point","coordinates":[146]}',
    ];
    for (const text of cases) assert.equal(errorCode(parse(text)), 'not-geojson', text);
  });

  test('coordinates that are not longitude/latitude (e.g. metres in a projected CRS)', () => {
    assert.equal(errorCode(parse('{"type":"Point","coordinates":[16230000,5370000]}')), 'not-lnglat');
    assert.equal(errorCode(parse('{"type":"LineString","coordinates":[[145,43],[146,95]]}')), 'not-lnglat');
  });

  test('empty text', () => {
    assert.equal(errorCode(parse('')), 'empty');
    assert.equal(errorCode(parse('  \n\t ')), 'empty');
  });
});

describe('parseOverlay: KML', () => {
  test('points, lines and polygons with their names', () => {
    const r = parse(KML, 'places.kml');
    const f = features(r);
    assert.equal(r.ok && r.format, 'kml');
    assert.deepEqual(f.map((x) => x.geometry.type), ['Point', 'LineString', 'Polygon']);
    assert.equal(f[0]!.properties.name, 'Cape Nosappu');
    assert.deepEqual(f[0]!.geometry.coordinates, [145.8172, 43.3853, 0]);
  });

  test('recognised by its content whatever the file is called', () => {
    assert.equal(features(parse(KML, 'download.txt')).length, 3);
  });

  test('malformed XML is invalid KML', () => {
    for (const text of ['<kml><Placemark></kml>', '<kml xmlns="http://www.opengis.net/kml/2.2"><Document>', '<kml><a b="1></a></kml>']) {
      assert.equal(errorCode(parse(text, 'bad.kml')), 'invalid-kml', text);
    }
  });

  test('XML that is not KML is invalid KML', () => {
    assert.equal(errorCode(parse('<?xml version="1.0"?><gpx version="1.1"></gpx>', 'x.kml')), 'invalid-kml');
    assert.equal(errorCode(parse('<html><body>not kml</body></html>')), 'invalid-kml');
  });

  test('KML without any geometry is empty', () => {
    assert.equal(errorCode(parse('<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>nothing</name></Document></kml>')), 'empty');
  });

  test('KMZ is refused with a hint', () => {
    const r = parse('PK\u0003\u0004binary', 'x.kmz');
    assert.equal(errorCode(r), 'unsupported');
  });
});

describe('size', () => {
  test('the limit is 10 MB; larger files are refused before reading, empty ones too', () => {
    assert.equal(OVERLAY_MAX_BYTES, 10 * 1024 * 1024);
    assert.equal(checkSize(OVERLAY_MAX_BYTES), null);
    assert.equal(checkSize(1234), null);
    assert.equal(checkSize(OVERLAY_MAX_BYTES + 1)?.code, 'too-large');
    assert.equal(checkSize(0)?.code, 'empty');
  });
});

describe('bounds', () => {
  test('the box around every position, GeometryCollections included', () => {
    const r = parse(KML);
    assert.ok(r.ok);
    assert.deepEqual(bounds(r.data), [145, 43, 146, 44]);
    const gc = parse('{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[150,45]},{"type":"Point","coordinates":[140,41]}]}');
    assert.ok(gc.ok);
    assert.deepEqual(bounds(gc.data), [140, 41, 150, 45]);
  });
});
