// The analyst tools in Chromium against the real server (issue 5): compare with a swipe divider and synced
// cameras, the overlay of a reader's file (valid, invalid, oversized; input and drop), geodesic measuring checked
// against `kuril distance`, the download links (status and content type), the statistics table against
// /api/scenarios/{id}, the equal-area split line, and the static export's downloads pane.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { describeRecord, openPage } from './lib/browser.mjs';
import { openApp, settle } from './lib/driver.mjs';
import { gotoMap, useSuite } from './lib/harness.mjs';
import { findNginx } from './lib/nginx.mjs';
import { requireBin } from './lib/server.mjs';
import { seriousViolations } from './lib/axe.mjs';

const SCENARIOS = ['soviet', 'japanese', 'two-island-1956', 'equal-area-split'];
const METRICS = ['land_km2', 'territorial_sea_km2', 'eez_km2', 'beyond_200nm_km2'];
const SIDES = ['japan', 'russia'];
const CONTENT_TYPES = {
  geojson: /^application\/geo\+json/,
  kml: /^application\/vnd\.google-earth\.kml\+xml/,
  csv: /^text\/csv/,
  gpkg: /^application\/geopackage\+sqlite3/,
};
const MB = 1024 * 1024;

/** Waits until the right-hand map of the comparison has been idle once, then until both maps are idle. */
async function compareIdle(page) {
  await page.waitForFunction(() => document.body.dataset.compareIdle === '1', null, { timeout: 60_000 });
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const m = window.__compareMap;
        if (!m || m.loaded()) resolve();
        else m.once('idle', resolve);
      }),
  );
  await settle(page);
}

/** Centres and zooms of the two maps. */
function cameras(page) {
  return page.evaluate(() => {
    const cam = (m) => ({ lng: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom(), bearing: m.getBearing() });
    return { left: cam(window.__map), right: window.__compareMap ? cam(window.__compareMap) : null };
  });
}

function assertSameCamera(c, what) {
  assert.ok(c.right, `${what}: no right map`);
  for (const k of ['lng', 'lat', 'zoom', 'bearing']) {
    assert.ok(Math.abs(c.left[k] - c.right[k]) < 1e-9, `${what}: ${k} ${c.left[k]} vs ${c.right[k]}`);
  }
}

/** The overlay's status line: { kind, code, text }. */
function overlayStatus(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="overlay-status"]');
    return { kind: el.dataset.kind, code: el.dataset.code ?? null, text: el.textContent };
  });
}

async function chooseFile(app, name, mimeType, buffer) {
  await app.byTestId('overlay-file').setInputFiles({ name, mimeType, buffer: Buffer.from(buffer) });
  await app.page.waitForFunction(
    (n) => {
      const el = document.querySelector('[data-testid="overlay-status"]');
      return el && el.dataset.kind && el.textContent.includes(n) ? true : el && el.dataset.kind === 'error';
    },
    name,
    { timeout: 10_000 },
  );
  await settle(app.page);
  return overlayStatus(app.page);
}

/** Rendered features of the overlay's layers in the view. */
function overlayRendered(page) {
  return page.evaluate(() => {
    const map = window.__map;
    const layers = ['overlay:fill', 'overlay:line', 'overlay:point'].filter((l) => map.getLayer(l));
    return { layers, count: layers.length ? map.queryRenderedFeatures({ layers }).length : 0, source: Boolean(map.getSource('overlay')) };
  });
}

const OVERLAY = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'a box' }, geometry: { type: 'Polygon', coordinates: [[[145.6, 43.6], [146.4, 43.6], [146.4, 44.2], [145.6, 44.2], [145.6, 43.6]]] } },
    { type: 'Feature', properties: { name: 'a track' }, geometry: { type: 'LineString', coordinates: [[145.8172, 43.3853], [147.8856, 45.2269]] } },
    { type: 'Feature', properties: { name: 'a point' }, geometry: { type: 'Point', coordinates: [146.8319, 43.8708] } },
  ],
};

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Kurilsk</name><Point><coordinates>147.8856,45.2269</coordinates></Point></Placemark>
<Placemark><name>leg</name><LineString><coordinates>145.585,43.33 147.8856,45.2269</coordinates></LineString></Placemark>
</Document></kml>`;

/** `kuril distance FROM TO` in metres (the geometry crate's geodesic, printed in km with three decimals). */
async function kurilDistance(from, to) {
  const { stdout } = await promisify(execFile)(requireBin(), ['distance', from, to]);
  const m = /: ([\d.]+) km/.exec(stdout);
  assert.ok(m, `kuril distance output: ${stdout}`);
  return Number(m[1]) * 1000;
}

/** Places from geodata/places.geojson. */
const PLACES = {
  'cape-nosappu': [145.8172, 43.3853],
  'kaigara-lighthouse': [145.8583, 43.3967],
  nemuro: [145.585, 43.33],
  kurilsk: [147.8856, 45.2269],
};

describe('analyst tools (Chromium, real server)', () => {
  const suite = useSuite();

  test('compare: two maps, a keyboard and pointer divider, cameras in sync, state in the hash', { timeout: 240_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { hash: '#map=7/44/146.5' });
    try {
      assert.equal(await app.page.locator('canvas.maplibregl-canvas').count(), 1);
      await app.byTestId('tool:compare').click();
      await app.byTestId('compare-left').selectOption('soviet');
      await app.byTestId('compare-right').selectOption('japanese');
      await app.byTestId('compare-toggle').click();
      await compareIdle(app.page);

      assert.equal(await app.page.locator('canvas.maplibregl-canvas').count(), 2, 'two canvases');
      assert.deepEqual((await app.state()).compare, ['soviet', 'japanese']);
      assert.match(await app.permalink(), /[#&]compare=soviet,japanese(&|$)/);
      // Each side shows its own scenario's areas.
      const sides = await app.page.evaluate(() => {
        const vis = (m, l) => m.getLayoutProperty(l, 'visibility');
        return {
          left: [vis(window.__map, 'claim:soviet:japan'), vis(window.__map, 'claim:japanese:japan')],
          right: [vis(window.__compareMap, 'claim:soviet:japan'), vis(window.__compareMap, 'claim:japanese:japan')],
          rightRendered: window.__compareMap.queryRenderedFeatures({ layers: ['claim:japanese:japan', 'claim:japanese:russia'] }).length,
        };
      });
      assert.deepEqual(sides.left, ['visible', 'none']);
      assert.deepEqual(sides.right, ['none', 'visible']);
      assert.ok(sides.rightRendered > 0, 'the right map draws the Japanese scenario');
      assert.match(await app.byTestId('compare-label-right').textContent(), /Japan's position/);
      assertSameCamera(await cameras(app.page), 'at start');

      // The divider: a focusable separator with a value; arrow keys move it and the clip follows.
      const divider = app.byTestId('compare-divider');
      assert.equal(await divider.getAttribute('role'), 'separator');
      assert.equal(await divider.getAttribute('aria-valuenow'), '50');
      const clip = () => app.page.evaluate(() => document.querySelector('[data-testid="compare-right"]').style.clipPath);
      const before = await clip();
      await divider.focus();
      for (let i = 0; i < 5; i++) await app.page.keyboard.press('ArrowLeft');
      assert.equal(await divider.getAttribute('aria-valuenow'), '40');
      await app.page.keyboard.press('Shift+ArrowRight');
      assert.equal(await divider.getAttribute('aria-valuenow'), '50');
      await app.page.keyboard.press('End');
      assert.equal(await divider.getAttribute('aria-valuenow'), '100');
      await app.page.keyboard.press('Home');
      assert.equal(await divider.getAttribute('aria-valuenow'), '0');
      assert.notEqual(await clip(), before);
      // Back to the middle (Shift moves 10 %), then a pointer drag to 3/4 of the width.
      for (let i = 0; i < 5; i++) await app.page.keyboard.press('Shift+ArrowRight');
      assert.equal(await divider.getAttribute('aria-valuenow'), '50');
      const box = await divider.boundingBox();
      const vp = app.page.viewportSize();
      await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await app.page.mouse.down();
      await app.page.mouse.move(vp.width * 0.75, box.y + box.height / 2, { steps: 5 });
      await app.page.mouse.up();
      assert.equal(await divider.getAttribute('aria-valuenow'), '75');
      assert.equal(await clip(), `inset(0px 0px 0px ${Math.round(vp.width * 0.75)}px)`);

      // Panning the right map (drag on its visible part) moves the left one, and the other way round.
      const start = await cameras(app.page);
      await app.page.mouse.move(vp.width * 0.9, 420);
      await app.page.mouse.down();
      await app.page.mouse.move(vp.width * 0.85, 480, { steps: 8 });
      await app.page.mouse.up();
      await settle(app.page);
      const panned = await cameras(app.page);
      assert.ok(Math.abs(panned.right.lng - start.right.lng) > 0.01, `the right map moved: ${JSON.stringify(panned)}`);
      assertSameCamera(panned, 'after panning the right map');
      await app.idleAfter(() => app.page.evaluate(() => window.__map.jumpTo({ center: [147.2, 44.6], zoom: 8.5, bearing: 15 })));
      assertSameCamera(await cameras(app.page), 'after moving the left map');
      await app.idleAfter(() => app.page.evaluate(() => window.__compareMap.zoomTo(7.25, { animate: false })));
      assertSameCamera(await cameras(app.page), 'after zooming the right map');

      // Measuring takes clicks on either side of the divider.
      await app.byTestId('tool:measure').click();
      await app.byTestId('measure-toggle').click();
      await app.page.mouse.click(vp.width * 0.5, 500);
      await app.page.mouse.click(vp.width * 0.9, 500);
      assert.equal(await app.byTestId('measure-distance').getAttribute('data-points'), '2');
      assert.ok(Number(await app.byTestId('measure-distance').getAttribute('data-metres')) > 0);
      await app.page.keyboard.press('Escape');
      await app.byTestId('tool:compare').click();

      // Stop: one map again, no compare in the hash.
      await app.byTestId('compare-toggle').click();
      await settle(app.page);
      assert.equal(await app.page.locator('canvas.maplibregl-canvas').count(), 1);
      assert.equal((await app.state()).compare, null);
      assert.doesNotMatch(await app.permalink(), /compare=/);
      assert.deepEqual(app.record.consoleErrors, [], app.describe());
    } finally {
      await app.close();
    }
  });

  test('compare from a link; an invalid compare value is ignored', { timeout: 120_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { hash: '#map=7/44/146.5&compare=two-island-1956,equal-area-split' });
    try {
      await compareIdle(app.page);
      assert.equal(await app.page.locator('canvas.maplibregl-canvas').count(), 2);
      assert.equal(await app.page.evaluate(() => window.__compareMap.getLayoutProperty('claim:equal-area-split:japan', 'visibility')), 'visible');
      assert.equal(await app.page.evaluate(() => window.__map.getLayoutProperty('claim:two-island-1956:japan', 'visibility')), 'visible');
    } finally {
      await app.close();
    }
    const bad = await openApp(suite.browser, suite.server.url, { hash: '#compare=soviet,soviet&naming=ja' });
    try {
      assert.equal((await bad.state()).compare, null);
      assert.equal((await bad.state()).naming, 'ja');
      assert.equal(await bad.page.locator('canvas.maplibregl-canvas').count(), 1);
      assert.deepEqual(bad.record.consoleErrors, [], bad.describe());
    } finally {
      await bad.close();
    }
  });

  test('overlay: valid GeoJSON and KML show features; bad files get their message; remove', { timeout: 180_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { hash: '#map=6/44.3/146.5' });
    try {
      await app.byTestId('tool:overlay').click();
      let st = await chooseFile(app, 'mine.geojson', 'application/geo+json', JSON.stringify(OVERLAY));
      assert.equal(st.kind, 'ok', st.text);
      assert.match(st.text, /mine\.geojson: 3 features shown/);
      let r = await overlayRendered(app.page);
      assert.ok(r.source && r.count >= 3, JSON.stringify(r));
      // Drawn above the claim areas and lines, below the labels.
      const order = await app.page.evaluate(() => window.__map.getStyle().layers.map((l) => l.id));
      assert.ok(order.indexOf('overlay:fill') > order.indexOf('claim:soviet:russia'));
      assert.ok(order.indexOf('overlay:line') > order.indexOf('line:equal-area-split'));
      assert.ok(order.indexOf('overlay:point') < order.indexOf('island-labels'));

      st = await chooseFile(app, 'broken.geojson', 'application/geo+json', '{"type": "FeatureCollection", "features": [');
      assert.deepEqual([st.kind, st.code], ['error', 'invalid-json']);
      assert.match(st.text, /not valid JSON/);
      st = await chooseFile(app, 'other.json', 'application/json', '{"hello": "world"}');
      assert.deepEqual([st.kind, st.code], ['error', 'not-geojson']);
      assert.match(st.text, /not GeoJSON/);
      st = await chooseFile(app, 'bad.kml', 'application/vnd.google-earth.kml+xml', '<kml><Placemark></kml>');
      assert.deepEqual([st.kind, st.code], ['error', 'invalid-kml']);
      assert.match(st.text, /not valid KML/);
      st = await chooseFile(app, 'empty.geojson', 'application/geo+json', '{"type":"FeatureCollection","features":[]}');
      assert.deepEqual([st.kind, st.code], ['error', 'empty']);
      const big = `{"type":"FeatureCollection","features":[],"pad":"${'x'.repeat(10 * MB)}"}`;
      st = await chooseFile(app, 'huge.geojson', 'application/geo+json', big);
      assert.deepEqual([st.kind, st.code], ['error', 'too-large']);
      assert.match(st.text, /10 MB/);
      // A bad file leaves the last good overlay on the map.
      r = await overlayRendered(app.page);
      assert.ok(r.count >= 3, 'the earlier overlay is still shown');

      st = await chooseFile(app, 'places.kml', 'application/vnd.google-earth.kml+xml', KML);
      assert.equal(st.kind, 'ok', st.text);
      assert.match(st.text, /places\.kml: 2 features shown/);
      r = await overlayRendered(app.page);
      assert.ok(r.count >= 2, JSON.stringify(r));

      await app.idleAfter(() => app.byTestId('overlay-remove').click());
      r = await overlayRendered(app.page);
      assert.deepEqual(r, { layers: [], count: 0, source: false });
      assert.match((await overlayStatus(app.page)).text, /removed/);
      assert.ok(await app.byTestId('overlay-remove').isHidden());
      assert.deepEqual(app.record.consoleErrors, [], app.describe());
    } finally {
      await app.close();
    }
  });

  test('overlay: a file dropped on the map (synthetic DataTransfer), and an invalid one', { timeout: 120_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { hash: '#map=6/44.3/146.5' });
    try {
      const drop = (name, text) =>
        app.page.evaluate(
          ({ name, text }) => {
            const dt = new DataTransfer();
            dt.items.add(new File([text], name, { type: 'application/geo+json' }));
            const target = document.getElementById('map');
            for (const type of ['dragenter', 'dragover', 'drop']) {
              target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
            }
          },
          { name, text },
        );
      await drop('dropped.geojson', JSON.stringify(OVERLAY));
      await app.page.waitForFunction(() => document.querySelector('[data-testid="overlay-status"]')?.dataset.kind === 'ok', null, { timeout: 10_000 });
      await settle(app.page);
      assert.ok(await app.byTestId('pane:overlay').isVisible(), 'the overlay pane opens to report');
      assert.ok((await overlayRendered(app.page)).count >= 3);
      assert.ok(await app.byTestId('drop-hint').isHidden());
      await drop('dropped.txt', 'not json at all');
      await app.page.waitForFunction(() => document.querySelector('[data-testid="overlay-status"]')?.dataset.kind === 'error', null, { timeout: 10_000 });
      assert.equal((await overlayStatus(app.page)).code, 'invalid-json');
      assert.deepEqual(app.record.consoleErrors, [], app.describe());
    } finally {
      await app.close();
    }
  });

  test('measure: two clicked points give the geodesic distance of `kuril distance` within 0.5 %', { timeout: 180_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { hash: '#map=6/44.3/146.5' });
    try {
      await app.byTestId('tool:measure').click();
      await app.byTestId('measure-toggle').click();
      assert.equal(await app.byTestId('measure-toggle').getAttribute('aria-pressed'), 'true');
      const cases = [
        ['cape-nosappu', 'kaigara-lighthouse', 13],
        ['nemuro', 'kurilsk', 7],
      ];
      for (const [from, to, zoom] of cases) {
        const a = PLACES[from];
        const b = PLACES[to];
        // Both points in view, below the tools pane: the midpoint a little above the centre of the map.
        await app.jumpTo({ center: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + (zoom > 10 ? 0.004 : 0.3)], zoom });
        await app.byTestId('measure-clear').click();
        for (const p of [a, b]) {
          const { x, y } = await app.project(p);
          const hit = await app.page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.className ?? '', [x, y]);
          assert.match(String(hit), /maplibregl-canvas/, `the point ${p} at ${x},${y} is on the map, not under a control`);
          await app.page.mouse.click(x, y);
        }
        const out = app.byTestId('measure-distance');
        await app.page.waitForFunction(() => document.querySelector('[data-testid="measure-distance"]').dataset.points === '2');
        const shown = Number(await out.getAttribute('data-metres'));
        const expected = await kurilDistance(from, to);
        const error = Math.abs(shown - expected) / expected;
        console.log(`# analyst: measure ${from}–${to} at z${zoom}: ${shown.toFixed(1)} m, kuril distance ${expected} m, ${(error * 100).toFixed(3)} %`);
        assert.ok(error < 0.005, `${from}–${to}: ${shown} m vs ${expected} m`);
        // The readout says the same in words: km with three decimals.
        const km = new Intl.NumberFormat('en', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(shown / 1000);
        assert.ok((await out.textContent()).includes(`${km} km`), await out.textContent());
      }
      // Clicks while measuring do not open the details panel.
      assert.ok(await app.byTestId('panel').isHidden(), 'no panel opened by measuring clicks');

      // Keyboard: add the map centre, move the map with the arrow keys, add it again; Escape finishes.
      await app.byTestId('measure-clear').click();
      await app.byTestId('measure-centre').click();
      await app.page.locator('canvas.maplibregl-canvas').first().focus();
      await app.idleAfter(async () => {
        for (let i = 0; i < 4; i++) await app.page.keyboard.press('ArrowRight');
      });
      await app.byTestId('measure-centre').focus();
      await app.page.keyboard.press('Enter');
      assert.equal(await app.byTestId('measure-distance').getAttribute('data-points'), '2');
      assert.ok(Number(await app.byTestId('measure-distance').getAttribute('data-metres')) > 0);
      await app.page.keyboard.press('Escape');
      assert.equal(await app.byTestId('measure-toggle').getAttribute('aria-pressed'), 'false');
      await app.byTestId('measure-clear').click();
      assert.equal(await app.byTestId('measure-distance').getAttribute('data-points'), '0');
      assert.deepEqual(app.record.consoleErrors, [], app.describe());
    } finally {
      await app.close();
    }
  });

  test('downloads: every link answers 200 with its content type; the OGC API link works', { timeout: 600_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { hash: '#areas=equal-area-split' });
    try {
      await app.byTestId('tool:downloads').click();
      // The data files (the view's own image links are made when used: print.test.mjs).
      const links = await app.page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="pane:downloads"] a[download][data-testid^="download:"]')].map((a) => ({ href: a.href, testid: a.dataset.testid })),
      );
      // Six collections and the scenario on the map now, four formats each.
      assert.equal(links.length, (6 + 1) * 4, JSON.stringify(links));
      assert.ok(links.some((l) => l.href.endsWith('/api/download/scenario/equal-area-split.gpkg')));
      for (const { href } of links) {
        assert.equal(new URL(href).origin, suite.server.origin, href);
        const res = await fetch(href);
        const body = new Uint8Array(await res.arrayBuffer());
        assert.equal(res.status, 200, href);
        const ext = href.split('.').pop();
        assert.match(res.headers.get('content-type') ?? '', CONTENT_TYPES[ext], href);
        assert.ok(body.length > 0, `${href} is not empty`);
        if (ext === 'gpkg') assert.equal(new TextDecoder().decode(body.slice(0, 15)), 'SQLite format 3', href);
      }
      const ogc = await app.byTestId('ogc-link').getAttribute('href');
      const landing = await fetch(ogc);
      assert.equal(landing.status, 200);
      const doc = await landing.json();
      assert.ok(doc.links.some((l) => l.rel === 'data'), JSON.stringify(doc.links));
      // Where a QGIS user looks, the vector tiles and the style too; and in the pane, written out.
      const tilejson = doc.links.find((l) => l.rel === 'tiles');
      assert.ok(tilejson && (await fetch(tilejson.href)).status === 200, JSON.stringify(doc.links));
      assert.ok(doc.links.some((l) => l.rel === 'stylesheet' && l.href.endsWith('/style.json')), JSON.stringify(doc.links));
      const xyz = await app.byTestId('xyz-url').textContent();
      assert.equal(xyz, `${suite.server.origin}/tiles/{z}/{x}/{y}.mvt`);
      const tile = await fetch(xyz.replace('{z}/{x}/{y}', '8/231/92'));
      assert.equal(tile.status, 200, xyz);
      for (const id of ['tilejson-link', 'style-link']) assert.equal((await fetch(await app.byTestId(id).getAttribute('href'))).status, 200, id);

      // The scenarios listed follow the state: compare shows both compared scenarios.
      await app.page.evaluate(() => (location.hash = '#compare=japanese,two-island-1956'));
      await app.page.waitForFunction(() => document.querySelectorAll('[data-testid^="download:scenario:"]').length === 8);
      const ids = await app.page.evaluate(() => [...new Set([...document.querySelectorAll('[data-testid^="download:scenario:"]')].map((a) => a.dataset.testid.split(':')[2].split('.')[0]))]);
      assert.deepEqual(ids, ['japanese', 'two-island-1956']);
    } finally {
      await app.close();
    }
  });

  test('statistics table: the API figures per scenario and side, differences from the baseline, method', { timeout: 300_000 }, async () => {
    const api = {};
    for (const id of SCENARIOS) {
      const res = await fetch(`${suite.server.url}api/scenarios/${id}`);
      assert.equal(res.status, 200);
      api[id] = await res.json();
    }
    const app = await openApp(suite.browser, suite.server.url);
    try {
      await app.byTestId('tool:stats').click();
      await app.byTestId('stats-table').waitFor({ timeout: 120_000 });
      const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
      const signed = new Intl.NumberFormat('en', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
      const read = () =>
        app.page.evaluate(() =>
          Object.fromEntries(
            [...document.querySelectorAll('[data-testid^="stat:"]')].map((td) => [
              td.dataset.testid,
              { value: td.dataset.value, text: td.querySelector('.value').textContent, delta: td.querySelector('.delta')?.textContent ?? null },
            ]),
          ),
        );
      let cells = await read();
      assert.equal(Object.keys(cells).length, SCENARIOS.length * METRICS.length * SIDES.length);
      for (const id of SCENARIOS) {
        for (const metric of METRICS) {
          for (const side of SIDES) {
            const cell = cells[`stat:${id}:${metric}:${side}`];
            const expected = api[id][metric][side];
            assert.equal(Number(cell.value), expected, `${id} ${metric} ${side}`);
            assert.equal(cell.text, fmt.format(expected), `${id} ${metric} ${side} as shown`);
            const base = api.soviet[metric][side];
            if (id === 'soviet') assert.equal(cell.delta, 'baseline');
            else assert.equal(cell.delta, signed.format(expected - base), `${id} ${metric} ${side} difference`);
          }
        }
      }
      // Another baseline.
      await app.byTestId('stats-baseline').selectOption('japanese');
      await app.page.waitForFunction(() => document.querySelector('[data-testid="stat:japanese:land_km2:japan"] .delta')?.textContent === 'baseline');
      cells = await read();
      const d = api.soviet.eez_km2.russia - api.japanese.eez_km2.russia;
      assert.equal(cells['stat:soviet:eez_km2:russia'].delta, signed.format(d));
      // Table semantics: a caption, column and row headers with scope.
      const semantics = await app.page.evaluate(() => {
        const t = document.querySelector('[data-testid="stats-table"]');
        return {
          caption: t.querySelector('caption')?.textContent ?? '',
          colgroups: t.querySelectorAll('thead th[scope="colgroup"]').length,
          cols: t.querySelectorAll('thead th[scope="col"]').length,
          rows: t.querySelectorAll('tbody th[scope="row"]').length,
        };
      });
      assert.match(semantics.caption, /km²/);
      assert.deepEqual([semantics.colgroups, semantics.cols, semantics.rows], [4, 9, 4]);
      // The method and its simplifications from the API, next to the numbers.
      const method = await app.byTestId('stats-method').textContent();
      assert.ok(method.includes(api.soviet.sea_method), 'sea_method shown');
      assert.ok(method.includes(api.soviet.land_km2_note), 'land note shown');
      assert.match(method, /no straight baselines/);
      assert.deepEqual(app.record.consoleErrors, [], app.describe());
    } finally {
      await app.close();
    }
  });

  for (const [name, hash, tool] of [
    ['compare with the statistics pane open', '#map=7/44/146.5&compare=soviet,japanese', 'stats'],
    ['downloads pane, dark mode, Japanese interface', '#lang=ja&areas=soviet', 'downloads'],
    ['overlay and measure panes, Russian interface', '#lang=ru', 'overlay'],
  ]) {
    test(`axe: no serious or critical violations: ${name}`, { timeout: 180_000 }, async () => {
      const app = await openApp(suite.browser, suite.server.url, { hash, colorScheme: name.includes('dark') ? 'dark' : 'light' });
      try {
        if (hash.includes('compare=')) await compareIdle(app.page);
        await app.byTestId(`tool:${tool}`).click();
        if (tool === 'stats') await app.byTestId('stats-table').waitFor({ timeout: 120_000 });
        assert.deepEqual(await seriousViolations(app.page), [], name);
        if (tool === 'overlay') {
          await app.byTestId('tool:measure').click();
          await app.byTestId('measure-toggle').click();
          assert.deepEqual(await seriousViolations(app.page), [], `${name}: measure`);
        }
      } finally {
        await app.close();
      }
    });
  }

  test('equal-area split: off by default; its toggle draws the line, shows the note, and goes in the hash', { timeout: 120_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { hash: '#map=7/44.6/147.3' });
    try {
      assert.equal(await app.byTestId('line-toggle:equal-area-split').isChecked(), false);
      assert.equal(await app.layout('line:equal-area-split', 'visibility'), 'none');
      assert.ok(await app.byTestId('equal-area-note').isHidden());
      await app.idleAfter(() => app.byTestId('line-toggle:equal-area-split').check());
      assert.equal(await app.layout('line:equal-area-split', 'visibility'), 'visible');
      assert.ok((await app.renderedCounts(['line:equal-area-split']))['line:equal-area-split'] > 0);
      assert.match(await app.byTestId('equal-area-note').textContent(), /2006/);
      assert.match(await app.permalink(), /lines=soviet,japanese,two-island-1956,equal-area-split&/);
      await app.byTestId('line-info:equal-area-split').click();
      await app.page.waitForFunction(() => document.querySelector('[data-testid="panel"]')?.dataset.id === 'equal-area-split');
      assert.match(await app.byTestId('panel').textContent(), /Aso/);
    } finally {
      await app.close();
    }
  });
});

describe('analyst tools in the static export (no server behind it)', () => {
  const skip = findNginx() ? false : 'nginx not found (tests/e2e/run.sh installs it)';
  const suite = useSuite({ serve: 'export', skip, timeout: 600_000 });

  test('downloads offer the export\'s GeoJSON files and explain the rest; statistics and compare still work', { skip, timeout: 180_000 }, async () => {
    const { page, record, context } = await openPage(suite.browser);
    try {
      await gotoMap(page, record, `${suite.nginx.origin}/#areas=soviet`);
      await page.getByTestId('tool:downloads').click();
      const text = await page.getByTestId('pane:downloads').textContent();
      assert.match(text, /static export/);
      assert.equal(await page.locator('[data-testid="pane:downloads"] a[href*="api/download/"]').count(), 0, 'no links to the server');
      assert.equal(await page.getByTestId('ogc-link').count(), 0);
      const hrefs = await page.evaluate(() => [...document.querySelectorAll('[data-testid="static-downloads"] a')].map((a) => a.href));
      assert.ok(hrefs.length >= 5, JSON.stringify(hrefs));
      for (const href of hrefs) assert.equal((await fetch(href)).status, 200, href);
      await page.getByTestId('tool:stats').click();
      await page.getByTestId('stats-table').waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('[data-testid^="stat:"]').count(), 32);
      // Compare works from the PMTiles archive too.
      await page.evaluate(() => (location.hash = '#map=7/44/146.5&compare=soviet,equal-area-split'));
      await compareIdle(page);
      assert.equal(await page.locator('canvas.maplibregl-canvas').count(), 2);
      assert.equal(await page.evaluate(() => window.__compareMap.getLayoutProperty('claim:equal-area-split:russia', 'visibility')), 'visible');
      assert.deepEqual(record.consoleErrors, [], describeRecord(record));
      assert.deepEqual(record.badResponses, [], describeRecord(record));
    } finally {
      await context.close();
    }
  });
});
