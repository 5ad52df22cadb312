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
  const res = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, env: GDAL_ENV });
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
