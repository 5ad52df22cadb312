// GDAL as an independent decoder of the served vector tiles (ogrinfo's MVT driver over /vsicurl/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { startServer } from './lib/server.mjs';

// z8 tile over Kunashir.
const TILE = '8/231/92';
const LAYERS = ['land', 'islands', 'lines', 'claim_areas', 'island_labels'];

const haveOgrinfo = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = haveOgrinfo
  ? false
  : 'ogrinfo not found: apt-get install -y --no-install-recommends gdal-bin (tests/e2e/run.sh installs it)';

function ogrinfo(args) {
  const res = spawnSync('ogrinfo', args, {
    encoding: 'utf8',
    timeout: 60_000,
    // No cached answers between runs; no proxies for the loopback server.
    env: { ...process.env, CPL_VSIL_CURL_USE_CACHE: 'NO', GDAL_HTTP_MAX_RETRY: '0', NO_PROXY: '127.0.0.1,localhost' },
  });
  const out = `${res.stdout ?? ''}${res.stderr ?? ''}`;
  return { status: res.status, out };
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

describe(`GDAL decodes the MVT tile ${TILE} (Kunashir)`, { skip }, () => {
  let server;
  let source;
  before(async () => {
    server = await startServer();
    source = `MVT:/vsicurl/${server.origin}/tiles/${TILE}.mvt`;
  });
  after(async () => {
    await server?.stop();
  });

  test('ogrinfo -so lists the layers with features', () => {
    const { status, out } = ogrinfo(['-ro', '-al', '-so', source]);
    assert.equal(status, 0, out);
    const counts = featureCounts(out);
    for (const layer of LAYERS) {
      assert.ok((counts[layer] ?? 0) > 0, `layer ${layer}: ${counts[layer] ?? 'missing'} features; got ${JSON.stringify(counts)}\n${out}`);
    }
  });

  test('the lines layer has a `line` field with value soviet', () => {
    const { status, out } = ogrinfo(['-ro', '-al', source]);
    assert.equal(status, 0, out);
    // Features of the lines layer: blocks that start with "OGRFeature(lines):N".
    const blocks = out.split(/^OGRFeature\(/m).filter((b) => b.startsWith('lines):'));
    assert.ok(blocks.length > 0, `no features of the lines layer:\n${out}`);
    const values = blocks.flatMap((b) => [...b.matchAll(/^\s+line \(String\) = (.+)$/gm)].map((m) => m[1].trim()));
    assert.ok(values.includes('soviet'), `line values in the lines layer: ${JSON.stringify(values)}`);
  });

  test('the islands polygons are valid (SQLite dialect, ST_IsValid)', (t) => {
    const probe = ogrinfo(['-ro', '-dialect', 'SQLite', '-sql', 'SELECT spatialite_version() AS v', source]);
    if (probe.status !== 0 || !/v \(String\) = \S/.test(probe.out)) {
      t.skip(`this GDAL's SQLite dialect has no Spatialite (ST_IsValid unavailable): ${probe.out.trim().split('\n').pop()}`);
      return;
    }
    const { status, out } = ogrinfo([
      '-ro',
      '-dialect',
      'SQLite',
      '-sql',
      'SELECT id, ST_IsValid(geometry) AS valid, ST_IsValidReason(geometry) AS reason FROM islands',
      source,
    ]);
    assert.equal(status, 0, out);
    const rows = [...out.matchAll(/id \(String\) = (.*)\n\s+valid \(Integer\) = (-?\d+)\n\s+reason \(String\) = (.*)/g)].map(
      (m) => ({ id: m[1].trim(), valid: Number(m[2]), reason: m[3].trim() }),
    );
    assert.ok(rows.length > 0, `no islands rows:\n${out}`);
    const invalid = rows.filter((r) => r.valid !== 1);
    assert.deepEqual(invalid, [], `invalid island polygons in ${TILE}`);
    assert.ok(rows.some((r) => r.id === 'kunashir'), `kunashir among ${rows.map((r) => r.id).join(', ')}`);
  });
});
