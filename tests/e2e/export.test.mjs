// The static export served by nginx (a plain static host with Range requests) works in Chromium.
import assert from 'node:assert/strict';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { LINE_LAYERS, attributionText, describeRecord, launchBrowser, maybeScreenshot, openPage, renderedLines } from './lib/browser.mjs';
import { settle } from './lib/driver.mjs';
import { EXPORT_MAX_ZOOM } from './lib/export.mjs';
import { gotoMap, useSuite } from './lib/harness.mjs';
import { findNginx, startNginx } from './lib/nginx.mjs';
import { startServer } from './lib/server.mjs';
import { PMTiles } from 'pmtiles';

const nginxSkip = findNginx()
  ? false
  : 'nginx not found: apt-get install -y --no-install-recommends nginx (tests/e2e/run.sh installs it)';

/** Status of a GET of `path` exactly as written (no URL normalisation). */
function rawStatus(port, path) {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

/** A pmtiles Source over a local file. */
class FileSource {
  constructor(path) {
    this.path = path;
    this.fd = openSync(path, 'r');
  }
  getKey() {
    return this.path;
  }
  async getBytes(offset, length) {
    const buf = Buffer.alloc(length);
    const n = readSync(this.fd, buf, 0, length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + n) };
  }
  close() {
    closeSync(this.fd);
  }
}

/** Web Mercator tile column and row of a longitude/latitude at zoom z. */
function tileOf(lng, lat, z) {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.min(Math.max(x, 0), n - 1), Math.min(Math.max(y, 0), n - 1)];
}

/** The tiles compared: every tile over the analysis window (143–151.5° E, 42–47° N) up to `maxZoom`, and every
 * tile of the world at z0–z3. */
function sampleTiles(maxZoom) {
  const out = new Map();
  for (let z = 0; z <= maxZoom; z++) {
    const [x0, y0] = tileOf(143, 47, z);
    const [x1, y1] = tileOf(151.5, 42, z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.set(`${z}/${x}/${y}`, [z, x, y]);
    if (z <= 3) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) out.set(`${z}/${x}/${y}`, [z, x, y]);
  }
  return [...out.values()];
}

describe(`static export (--max-zoom ${EXPORT_MAX_ZOOM}) served by nginx`, () => {
  // nginx and the browser are started by the tests that first need them (and stopped by the suite).
  const suite = useSuite({ serve: 'export', nginx: false, browser: false, timeout: 600_000 });
  let page;
  let record;

  test('export writes the site', () => {
    const mib = (suite.exported.pmtilesBytes / 1048576).toFixed(2);
    // For docs/benchmarks.md.
    console.log(`# export: --max-zoom ${EXPORT_MAX_ZOOM} in ${suite.exported.seconds.toFixed(1)} s; ${suite.exported.archive} ${suite.exported.pmtilesBytes} bytes (${mib} MiB)`);
    // The archive is named by its content, so a CDN may cache it as immutable.
    assert.match(suite.exported.archive, /^tiles-[0-9a-f]{16}\.pmtiles$/);
    for (const f of ['index.html', 'app.js', 'app.css', 'favicon.svg', 'style.json', suite.exported.archive, 'glyphs', 'api/timeline.json', 'api/straits-tour.json', '.kuril-export.json']) {
      assert.ok(existsSync(join(suite.exported.dir, f)), `export has ${f}`);
    }
    assert.ok(suite.exported.pmtilesBytes > 0, 'the archive is not empty');
  });

  // The export is only worth hosting if it is the map the server serves: the same tile bytes for every tile the
  // server has, and no tile where the server has none (204).
  test('the archive holds exactly the tiles the server serves, byte for byte', { timeout: 300_000 }, async () => {
    const server = await startServer();
    const source = new FileSource(join(suite.exported.dir, suite.exported.archive));
    try {
      const archive = new PMTiles(source);
      const header = await archive.getHeader();
      assert.equal(header.maxZoom, EXPORT_MAX_ZOOM, 'the archive ends at the export zoom');
      const tiles = sampleTiles(EXPORT_MAX_ZOOM);
      let compared = 0;
      let empty = 0;
      const differ = [];
      for (const [z, x, y] of tiles) {
        const res = await fetch(`${server.origin}/tiles/${z}/${x}/${y}.mvt`, { headers: { 'accept-encoding': 'identity' } });
        const stored = await archive.getZxy(z, x, y);
        if (res.status === 204) {
          empty += 1;
          if (stored && stored.data.byteLength > 0) differ.push(`${z}/${x}/${y}: the server has no tile, the archive ${stored.data.byteLength} bytes`);
          continue;
        }
        assert.equal(res.status, 200, `${z}/${x}/${y}: HTTP ${res.status}`);
        const served = Buffer.from(await res.arrayBuffer());
        if (!stored) differ.push(`${z}/${x}/${y}: missing from the archive (${served.length} bytes served)`);
        else if (!served.equals(Buffer.from(stored.data))) differ.push(`${z}/${x}/${y}: ${served.length} bytes served, ${stored.data.byteLength} stored, contents differ`);
        compared += 1;
      }
      console.log(`# export: ${compared} tiles compared byte for byte with the server, ${empty} empty on both`);
      assert.ok(compared > 200, `only ${compared} tiles compared`);
      assert.ok(empty > 0, 'tiles without data were compared too');
      assert.deepEqual(differ, [], 'archive and server disagree');
    } finally {
      source.close();
      await server.stop();
    }
  });

  test('nginx serves the export with Range support', { skip: nginxSkip, timeout: 60_000 }, async () => {
    suite.nginx = await startNginx(suite.exported.dir);
    const res = await fetch(`${suite.nginx.origin}/${suite.exported.archive}`, { headers: { Range: 'bytes=0-126' } });
    assert.equal(res.status, 206, suite.nginx.log());
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.equal(bytes.length, 127);
    assert.equal(new TextDecoder().decode(bytes.slice(0, 7)), 'PMTiles', 'PMTiles magic');
    const style = await fetch(`${suite.nginx.origin}/style.json`);
    assert.equal(style.status, 200);
    assert.match(style.headers.get('content-type') ?? '', /application\/json/);
    // Nothing outside the export folder (nginx.conf sits beside it, in nginx's temp dir): raw paths, which
    // fetch() would normalise.
    for (const path of ['/../nginx.conf', '/%2e%2e/nginx.conf', '/nginx.conf']) {
      const status = await rawStatus(suite.nginx.port, path);
      assert.ok(status >= 400, `${path} answered ${status}`);
    }
  });

  test('the exported app loads cleanly and renders the three lines', { skip: nginxSkip, timeout: 180_000 }, async () => {
    assert.ok(suite.nginx, 'nginx is running');
    suite.browser = await launchBrowser();
    ({ page, record } = await openPage(suite.browser));
    const idleMs = await gotoMap(page, record, suite.nginx.url);
    console.log(`# export app: navigation to first idle ${idleMs.toFixed(0)} ms`);

    assert.deepEqual(record.consoleErrors, [], describeRecord(record));
    assert.deepEqual(record.failedRequests, [], describeRecord(record));
    assert.deepEqual(record.badResponses, [], describeRecord(record));
    assert.deepEqual([...record.hosts], [suite.nginx.host], `requests:\n  ${record.requests.join('\n  ')}`);
    assert.ok(record.requests.some((u) => u.endsWith(`/${suite.exported.archive}`)), `${suite.exported.archive} was read`);
    assert.ok(record.requests.some((u) => u.includes('/glyphs/')), 'glyphs were requested');

    const { features, view } = await renderedLines(page);
    if (view !== 'initial') console.log(`# export app: not all lines in the initial view; checked at ${JSON.stringify(view)}`);
    for (const id of LINE_LAYERS) {
      assert.ok(features[id].count > 0, `no rendered features in ${id}: ${JSON.stringify(features)}`);
    }
    await maybeScreenshot(page, 'export');
  });

  // GSHHG is LGPL, OpenStreetMap's ODbL and Natural Earth ask for credit: the export must show the sources too (the pmtiles
  // protocol only passes the archive's attribution on with `metadata: true`).
  test('the data sources are credited (attribution control)', { skip: nginxSkip }, async () => {
    assert.ok(page, 'the exported app was opened');
    const text = await attributionText(page);
    assert.match(text, /GSHHG/, `attribution: ${JSON.stringify(text)}`);
    assert.match(text, /OpenStreetMap contributors/, `attribution: ${JSON.stringify(text)}`);
    assert.match(text, /Natural Earth/, `attribution: ${JSON.stringify(text)}`);
  });

  // Educators may host the export: the timeline and the straits tour read the export's own copies of their
  // documents; the embed code needs the live server (/embed, /image.png) and is not offered.
  test('the timeline and the straits tour work in the export; the embed code is not offered', { skip: nginxSkip, timeout: 120_000 }, async () => {
    assert.ok(page, 'the exported app was opened');
    const timeline = await (await fetch(`${suite.nginx.origin}/api/timeline.json`)).json();
    const step = timeline.steps[timeline.steps.length - 1];
    await page.goto('about:blank');
    await gotoMap(page, record, `${suite.nginx.url}#step=${step.id}`);
    await page.waitForFunction((id) => document.querySelector(`[data-testid="timeline-step"][data-step="${id}"]`), step.id, { timeout: 30_000 });
    const text = await page.getByTestId('timeline-step').textContent();
    assert.ok(text.includes(step.title), `the step's title is shown: ${text.slice(0, 200)}`);
    const visible = await page.evaluate(() => {
      const map = window.__map;
      return map.getStyle().layers.filter((l) => l.id.startsWith('line:') && map.getLayoutProperty(l.id, 'visibility') !== 'none').map((l) => l.id.slice(5)).sort();
    });
    assert.deepEqual(visible, [...step.map.lines].sort(), "the step's lines are shown");
    // The map opened at the step's view: no tiles of another view were fetched and then cancelled.
    assert.deepEqual(record.failedRequests, [], describeRecord(record));
    await page.getByTestId('timeline-close').click();
    await page.getByTestId('straits-button').click();
    await page.getByTestId('straits-tour').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await page.getByTestId('embed-button').count(), 0, 'no embed button in the export');
    await settle(page); // the flight to the first stop ends and the stop's tiles load
    assert.deepEqual(record.consoleErrors, [], describeRecord(record));
    // The flight cancels the tiles it passes over (net::ERR_ABORTED) as MapLibre drops what it no longer needs;
    // any other failure counts.
    assert.deepEqual(record.failedRequests.filter((r) => !r.endsWith(': net::ERR_ABORTED')), [], describeRecord(record));
    assert.deepEqual(record.badResponses, [], describeRecord(record));
  });
});
