// Every geometry the service publishes is valid as GEOS (what QGIS and PostGIS use) judges it, read with decoders
// that are not ours: tiles with mapbox-vector-tile, documents and downloads with GDAL, polygons checked by shapely
// (GEOS) and, for the GeoPackages, by SpatiaLite's ST_IsValid (GEOS again, through GDAL). lib/validity.py does the
// decoding and checking; run.sh makes its Python environment (.venv, pinned shapely and mapbox-vector-tile).
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { E2E_DIR, startServer } from './lib/server.mjs';

const PYTHON = join(E2E_DIR, '.venv', 'bin', 'python');
const SCRIPT = join(E2E_DIR, 'lib', 'validity.py');
const COLLECTIONS = ['islands', 'straits', 'lines', 'claim-areas', 'maritime-zones', 'places'];

const havePython = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import shapely, mapbox_vector_tile'], { encoding: 'utf8' }).status === 0;
const haveGdal = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = !havePython
  ? `no ${PYTHON} with shapely and mapbox-vector-tile (tests/e2e/run.sh makes it)`
  : !haveGdal
    ? 'ogrinfo not found: apt-get install -y --no-install-recommends gdal-bin (tests/e2e/run.sh installs it)'
    : false;

const ENV = { ...process.env, CPL_VSIL_CURL_USE_CACHE: 'NO', NO_PROXY: '127.0.0.1,localhost' };

/**
 * Runs lib/validity.py and returns its JSON report. Asynchronously: a blocking spawnSync of half a minute would
 * stall the event loop, and fetch() would then reuse a keep-alive connection the server had meanwhile closed.
 */
async function validity(args) {
  try {
    const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, ...args], { env: ENV, timeout: 900_000, maxBuffer: 64 << 20 });
    return JSON.parse(stdout);
  } catch (err) {
    assert.fail(`validity.py ${args[0]}: ${err.message}\n${err.stderr ?? ''}`);
  }
}

function assertNoneInvalid(report, what) {
  assert.equal(report.invalid_count, 0, `${what}: ${report.invalid_count} invalid polygons, e.g. ${JSON.stringify(report.invalid.slice(0, 10), null, 1)}`);
}

describe('every published geometry is valid (GEOS, independent decoders)', { skip }, () => {
  let server;
  let dir;
  let scenarios;
  before(async () => {
    server = await startServer();
    dir = mkdtempSync(join(tmpdir(), 'kuril-e2e-validity-'));
    scenarios = (await (await fetch(`${server.origin}/api/scenarios`)).json()).map((s) => s.id);
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('vector tiles: every tile of z0–z12 over the analysis window, a sample of z13–z14 and beyond it', { timeout: 900_000 }, async () => {
    const r = await validity(['tiles', server.origin]);
    console.log(`# validity: ${r.non_empty} non-empty tiles of ${r.tiles} (${JSON.stringify(r.by_zoom)}), ${r.polygons} polygon features, ${r.invalid_count} invalid`);
    assert.ok(r.non_empty > 10_000, `only ${r.non_empty} tiles had data`);
    for (let z = 0; z <= 14; z++) assert.ok((r.by_zoom[z] ?? 0) > 0, `no tile with data at z${z}`);
    assertNoneInvalid(r, 'tiles');
    // Every feature carries an MVT id of its own (0, the protobuf default, means none).
    assert.deepEqual(r.missing_id, {}, 'features without an id, per layer');
    assert.deepEqual(r.duplicate_id, {}, 'tiles in which two features of a layer share an id');
  });

  test('GeoJSON documents and every OGC collection, followed page by page', { timeout: 300_000 }, async () => {
    const o = server.origin;
    const urls = [`${o}/api/islands.geojson`, `${o}/api/straits.geojson`, `${o}/api/places.geojson`];
    for (const c of COLLECTIONS) urls.push(`${o}/ogc/collections/${c}/items?limit=7`);
    for (const id of scenarios) urls.push(`${o}/api/lines/${id}.geojson`, `${o}/api/claim-areas/${id}.geojson`);
    const r = await validity(['geojson', ...urls]);
    console.log(`# validity: ${r.checked} features of ${r.documents} documents, ${r.polygons} polygons, ${r.invalid_count} invalid`);
    assert.ok(r.polygons > 100, `only ${r.polygons} polygons checked`);
    assertNoneInvalid(r, 'documents');
  });

  test('downloads: every collection and scenario bundle (GeoPackage, KML, CSV, GeoJSON) read by GDAL', { timeout: 600_000 }, async () => {
    const files = [];
    const save = async (path, name) => {
      const res = await fetch(`${server.origin}${path}`);
      assert.equal(res.status, 200, path);
      const file = join(dir, name);
      writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      files.push(file);
      return file;
    };
    const gpkgs = [];
    for (const c of COLLECTIONS) {
      for (const ext of ['gpkg', 'kml', 'csv', 'geojson']) {
        const f = await save(`/api/download/${c}.${ext}`, `${c}.${ext}`);
        if (ext === 'gpkg') gpkgs.push([f, c.replace('-', '_')]);
      }
    }
    for (const id of scenarios) gpkgs.push([await save(`/api/download/scenario/${id}.gpkg`, `scenario-${id}.gpkg`), null]);
    const r = await validity(['files', ...files]);
    console.log(`# validity: ${r.checked} features of ${r.files} downloads, ${r.polygons} polygons, ${r.invalid_count} invalid`);
    assertNoneInvalid(r, 'downloads');
    // GeoPackages checked inside GDAL too: SpatiaLite's ST_IsValid, layer by layer.
    for (const [file, only] of gpkgs) {
      const layers = spawnSync('ogrinfo', ['-ro', '-q', file], { encoding: 'utf8', env: ENV });
      assert.equal(layers.status, 0, layers.stderr);
      const names = [...layers.stdout.matchAll(/^\d+: (\w+)/gm)].map((m) => m[1]).filter((n) => !only || n === only);
      assert.ok(names.length > 0, `${file}: no layers`);
      for (const layer of names) {
        const res = spawnSync('ogrinfo', ['-ro', '-q', '-dialect', 'SQLite', '-sql', `SELECT count(*) AS bad FROM "${layer}" WHERE ST_IsValid(geom) = 0`, file], { encoding: 'utf8', env: ENV });
        assert.equal(res.status, 0, `${file} ${layer}: ${res.stdout}${res.stderr}`);
        assert.match(res.stdout, /bad \(Integer\) = 0/, `${file} ${layer}: ${res.stdout}`);
      }
    }
  });
});
