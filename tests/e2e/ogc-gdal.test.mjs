// GDAL as an independent client of the OGC API – Features service (OAPIF driver) and of the downloads
// (GPKG, CSV with WKT, KML, GeoJSON drivers).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

const COLLECTIONS = ['islands', 'straits', 'lines', 'claim-areas', 'maritime-zones', 'places'];

const haveGdal =
  spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0 &&
  spawnSync('ogr2ogr', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = haveGdal
  ? false
  : 'ogrinfo/ogr2ogr not found: apt-get install -y --no-install-recommends gdal-bin (tests/e2e/run.sh installs it)';

const GDAL_ENV = {
  ...process.env,
  // No cached answers between runs; no proxies for the loopback server.
  CPL_VSIL_CURL_USE_CACHE: 'NO',
  GDAL_HTTP_MAX_RETRY: '0',
  NO_PROXY: '127.0.0.1,localhost',
};

function run(cmd, args) {
  // Whole layers go through stdout (readBack): room for them (spawnSync's default is 1 MiB).
  const res = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, env: GDAL_ENV, maxBuffer: 256 << 20 });
  return { status: res.status, out: `${res.stdout ?? ''}${res.stderr ?? ''}` };
}

/** { layerName: featureCount } from `ogrinfo -so` output. */
function featureCounts(text) {
  const counts = {};
  let layer = null;
  for (const line of text.split('\n')) {
    let m = /^Layer name: (.+)$/.exec(line);
    if (m) layer = m[1].trim();
    m = /^Feature Count: (\d+)/.exec(line);
    if (m && layer) counts[layer] = Number(m[1]);
  }
  return counts;
}

async function getJson(url) {
  const res = await fetch(url);
  assert.equal(res.status, 200, url);
  return res.json();
}

/** The features GDAL reads from a file, as GeoJSON (ogr2ogr to stdout, every digit kept). */
function readBack(file) {
  const { status, out } = run('ogr2ogr', ['-f', 'GeoJSON', '-lco', 'COORDINATE_PRECISION=15', '/vsistdout/', file]);
  assert.equal(status, 0, out);
  return JSON.parse(out.slice(out.indexOf('{'))).features;
}

/** Every position of a geometry, in order, with the ring and part structure as a string. */
function flatten(geometry) {
  const positions = [];
  const shape = (c) => (typeof c[0] === 'number' ? (positions.push(c), '.') : `(${c.map(shape).join('')})`);
  if (geometry.type === 'GeometryCollection') return { shape: geometry.geometries.map((g) => flatten(g).shape).join(''), positions };
  return { shape: `${geometry.type.replace(/^Multi/, '')}${shape(geometry.coordinates)}`, positions };
}

/** null when the two geometries have the same structure and every position agrees within `tolerance` degrees. */
function compareCoords(want, got, tolerance) {
  // A format may write a single polygon as a MultiPolygon of one (or the reverse): compare parts, not wrappers.
  const parts = (g) => {
    if (!g) return [];
    if (g.type === 'GeometryCollection') return g.geometries.flatMap(parts);
    return g.type.startsWith('Multi') ? g.coordinates.map((c) => ({ type: g.type.slice(5), coordinates: c })) : [g];
  };
  // An empty geometry (a zone of no area) may come back as null or as an empty collection.
  const nonEmpty = (ps) => ps.filter((p) => flatten(p).positions.length > 0);
  const [a, b] = [nonEmpty(parts(want)), nonEmpty(parts(got))];
  if (a.length !== b.length) return `${a.length} parts in the model, ${b.length} read back`;
  for (let i = 0; i < a.length; i++) {
    const [fa, fb] = [flatten(a[i]), flatten(b[i])];
    if (fa.positions.length !== fb.positions.length) return `part ${i}: ${fa.positions.length} positions in the model, ${fb.positions.length} read back`;
    for (let k = 0; k < fa.positions.length; k++) {
      const [p, q] = [fa.positions[k], fb.positions[k]];
      if (Math.abs(p[0] - q[0]) > tolerance || Math.abs(p[1] - q[1]) > tolerance) return `part ${i}, position ${k}: ${p} in the model, ${q} read back`;
    }
  }
  return null;
}

describe('GDAL reads the OGC API – Features service and the downloads', { skip }, () => {
  let server;
  let dir;
  let matched; // { collection: numberMatched }
  let scenarios;
  before(async () => {
    server = await startServer();
    dir = mkdtempSync(join(tmpdir(), 'kuril-e2e-ogc-'));
    matched = {};
    for (const c of COLLECTIONS) {
      matched[c] = (await getJson(`${server.origin}/ogc/collections/${c}/items?limit=1`)).numberMatched;
    }
    scenarios = (await getJson(`${server.origin}/api/scenarios`)).map((s) => s.id);
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('ogrinfo OAPIF: lists every collection', () => {
    const { status, out } = run('ogrinfo', ['-ro', '-q', `OAPIF:${server.origin}/ogc`]);
    assert.equal(status, 0, out);
    for (const c of COLLECTIONS) {
      assert.match(out, new RegExp(`^\\d+: ${c}\\b`, 'm'), `collection ${c} in:\n${out}`);
    }
  });

  test('ogrinfo OAPIF: feature counts and fields of the islands', () => {
    const { status, out } = run('ogrinfo', ['-ro', '-so', `OAPIF:${server.origin}/ogc`, 'islands']);
    assert.equal(status, 0, out);
    assert.equal(featureCounts(out).islands, matched.islands, out);
    for (const field of ['id', 'name_en', 'name_ja', 'name_ru', 'disputed', 'sources']) {
      assert.match(out, new RegExp(`^${field}: `, 'm'), `field ${field} in:\n${out}`);
    }
  });

  for (const c of COLLECTIONS) {
    test(`ogr2ogr copies ${c} page by page (PAGE_SIZE=2, rel=next) with every feature`, () => {
      const dest = join(dir, `oapif-${c}.gpkg`);
      const copy = run('ogr2ogr', ['-f', 'GPKG', dest, '-oo', 'PAGE_SIZE=2', `OAPIF:${server.origin}/ogc`, c]);
      assert.equal(copy.status, 0, copy.out);
      const info = run('ogrinfo', ['-ro', '-so', '-al', dest]);
      assert.equal(info.status, 0, info.out);
      assert.equal(featureCounts(info.out)[c], matched[c], info.out);
    });
  }

  test('ogrinfo OAPIF: a spatial filter around Shikotan is answered by the server', () => {
    const { status, out } = run('ogrinfo', [
      '-ro',
      '-spat', '146.55', '43.7', '146.95', '43.95',
      '-fields=YES', '-geom=NO',
      `OAPIF:${server.origin}/ogc`,
      'islands',
    ]);
    assert.equal(status, 0, out);
    assert.match(out, /id \(String\) = shikotan/, out);
    assert.doesNotMatch(out, /id \(String\) = urup\b/, out);
  });

  async function download(path, name) {
    const res = await fetch(`${server.origin}${path}`);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="/);
    const file = join(dir, name);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return file;
  }

  for (const c of COLLECTIONS) {
    test(`downloads of ${c} open in GDAL with every feature (GPKG, CSV, KML, GeoJSON)`, async () => {
      const layer = c.replace('-', '_');
      for (const [ext, driverLayer] of [
        ['gpkg', layer],
        ['csv', `kuril-${c}`],
        ['kml', layer],
        ['geojson', null],
      ]) {
        const file = await download(`/api/download/${c}.${ext}`, `kuril-${c}.${ext}`);
        const { status, out } = run('ogrinfo', ['-ro', '-so', '-al', file]);
        assert.equal(status, 0, `${ext}: ${out}`);
        const counts = featureCounts(out);
        const n = driverLayer ? counts[driverLayer] : Object.values(counts)[0];
        assert.equal(n, matched[c], `${c}.${ext}: ${JSON.stringify(counts)}\n${out}`);
        if (ext === 'csv') assert.match(out, /^Geometry: /m, `CSV geometry from the WKT column:\n${out}`);
      }
    });
  }

  // Round trips: what GDAL reads back from each download is the model's geometry (the GeoJSON download, written
  // straight from the model), vertex for vertex, and its areas are the model's figures. A swapped axis, a lost
  // ring or a rounding a format adds would show here.
  for (const c of COLLECTIONS) {
    test(`downloads of ${c} read back by GDAL carry the model's coordinates (GPKG, CSV, KML)`, async () => {
      const reference = await (await fetch(`${server.origin}/api/download/${c}.geojson`)).json();
      const byId = new Map(reference.features.map((f) => [String(f.id ?? f.properties.id), f]));
      assert.equal(byId.size, matched[c], `${c}: ids of the GeoJSON download`);
      for (const ext of ['gpkg', 'csv', 'kml']) {
        const file = await download(`/api/download/${c}.${ext}`, `roundtrip-${c}.${ext}`);
        const back = readBack(file);
        assert.equal(back.length, byId.size, `${c}.${ext}: feature count`);
        // Every format writes every digit (KML and WKT as shortest round-trip decimals, GeoPackage as binary).
        const tolerance = 1e-12;
        for (const f of back) {
          const id = String(f.properties.id ?? f.properties.Name ?? f.properties.name);
          const ref = byId.get(id);
          assert.ok(ref, `${c}.${ext}: unknown feature ${id}`);
          const diff = compareCoords(ref.geometry, f.geometry, tolerance);
          assert.equal(diff, null, `${c}.${ext} ${id}: ${diff}`);
        }
      }
    });
  }

  // The islands' figures count their lakes (as the official areas do), which the published polygons leave out as
  // holes: the published area plus the stated inland water is the figure.
  test('areas measured by SpatiaLite on the GeoPackages are the model’s figures (islands, maritime zones)', async () => {
    for (const [c, layer, model, water] of [
      ['islands', 'islands', 'computed_area_km2_with_islets', 'computed_area_km2_inland_water'],
      ['maritime-zones', 'maritime_zones', 'area_km2', '0'],
    ]) {
      const file = await download(`/api/download/${c}.gpkg`, `areas-${c}.gpkg`);
      const { status, out } = run('ogrinfo', [
        '-ro', '-q', '-dialect', 'SQLite', '-sql',
        `SELECT id, ${model} AS model_km2, ${water} AS water_km2, ST_Area(geom, 1) / 1e6 AS geodesic_km2 FROM ${layer}`,
        file,
      ]);
      assert.equal(status, 0, out);
      const rows = [...out.matchAll(/id \(String\) = (.*)\n\s+model_km2 \(Real\) = (.*)\n\s+water_km2 \((?:Real|Integer)\) = (.*)\n\s+geodesic_km2 \(Real\) = (.*)/g)].map((m) => ({
        id: m[1].trim(),
        model: Number(m[2]),
        water: Number(m[3]),
        geodesic: Number(m[4]),
      }));
      assert.equal(rows.length, matched[c], `${c}: one row per feature\n${out.slice(0, 2000)}`);
      // The model rounds its figures to 0.01 km²; SpatiaLite's ellipsoidal area agrees to well under 0.1%.
      const off = rows.filter((r) => Number.isFinite(r.model) && Math.abs(r.geodesic + r.water - r.model) > Math.max(0.021, r.model * 1e-3));
      assert.deepEqual(off, [], `${c}: areas that differ from the model's`);
      assert.ok(rows.some((r) => r.model > 1000), `${c}: large areas compared`);
      if (c === 'islands') assert.ok(rows.some((r) => r.water > 1), 'islands with lakes compared');
    }
  });

  test('the GeoPackage passes GDAL’s checks: SRS EPSG:4326, extent, valid geometries', async () => {
    const file = await download('/api/download/islands.gpkg', 'check-islands.gpkg');
    const { status, out } = run('ogrinfo', ['-ro', '-so', file, 'islands']);
    assert.equal(status, 0, out);
    assert.doesNotMatch(out, /(ERROR|Warning)/i, out);
    assert.match(out, /ID\["EPSG",4326\]|AUTHORITY\["EPSG","4326"\]/, out);
    assert.match(out, /^Extent: \(1[34]\d\.\d+, 4\d\.\d+\) - \(1[45]\d\.\d+, [45]\d\.\d+\)/m, out);
  });

  test('every scenario bundle opens as a GeoPackage with its layers', async () => {
    assert.ok(scenarios.length >= 3, JSON.stringify(scenarios));
    for (const id of scenarios) {
      const file = await download(`/api/download/scenario/${id}.gpkg`, `scenario-${id}.gpkg`);
      const { status, out } = run('ogrinfo', ['-ro', '-so', '-al', file]);
      assert.equal(status, 0, out);
      const counts = featureCounts(out);
      assert.equal(counts.line, 1, `${id}: ${JSON.stringify(counts)}`);
      assert.equal(counts.claim_areas, 2, `${id}: ${JSON.stringify(counts)}`);
      assert.equal(counts.islands, matched.islands, `${id}: ${JSON.stringify(counts)}`);
      assert.ok(counts.maritime_zones >= 2, `${id}: ${JSON.stringify(counts)}`);
      assert.match(out, /^holder: String/m, out);
    }
  });
});
