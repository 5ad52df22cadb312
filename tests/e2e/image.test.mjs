// The server's static image (/image.png, drawn in pure Rust by crates/kuril-render) against the web map itself:
// MapLibre in headless Chromium shows the same camera at the same size, with its line, label and point layers
// hidden, and each pixel of both images is classified as land or sea by the style's own colours. The expected
// image is MapLibre's rendering, not our renderer's output: at least 95% of the pixels classified in both must
// agree. Also: content types and sizes over HTTP, the SVG is XML with the style's layers, bad input is 400 JSON.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { describeRecord, openPage, waitForMapIdle } from './lib/browser.mjs';
import { useSuite } from './lib/harness.mjs';

/** Minimum share of pixels, classified in both images, whose land/sea class agrees. */
const MIN_AGREEMENT = 0.95;
/** A colour within this distance (any channel, 0–255) of a style colour takes its class. */
const COLOUR_TOLERANCE = 10;

const VIEWS = [
  // The app's opening view at the social-card size (the endpoint's defaults).
  { name: 'opening view', zoom: 6, lat: 44.3, lng: 146.5, width: 1200, height: 630 },
  // The southern Kurils and eastern Hokkaido in detail: coasts at GSHHG resolution, a fractional zoom.
  { name: 'Nemuro strait', zoom: 8.5, lat: 43.75, lng: 145.6, width: 800, height: 600 },
];

function hex(s) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(s);
  assert.ok(m, `not a #rrggbb colour: ${s}`);
  return [1, 2, 3].map((i) => parseInt(m[i], 16));
}

/** Land and sea colours from the served style: the background is sea; land and both island fills are land. */
function classesFromStyle(style) {
  const layer = (id) => style.layers.find((l) => l.id === id);
  const sea = [hex(layer('background').paint['background-color'])];
  const islands = layer('islands').paint['fill-color']; // ["case", ["get", "disputed"], a, b]
  const land = [hex(layer('land').paint['fill-color']), hex(islands[2]), hex(islands[3])];
  return { sea, land };
}

/** 'land', 'sea' or null (lines, outlines, text, anti-aliased edges) per pixel. */
function classify(png, classes) {
  const near = (d, i, c) =>
    Math.abs(d[i] - c[0]) <= COLOUR_TOLERANCE &&
    Math.abs(d[i + 1] - c[1]) <= COLOUR_TOLERANCE &&
    Math.abs(d[i + 2] - c[2]) <= COLOUR_TOLERANCE;
  const out = new Array(png.width * png.height);
  for (let p = 0; p < out.length; p++) {
    const i = p * 4;
    if (classes.sea.some((c) => near(png.data, i, c))) out[p] = 'sea';
    else if (classes.land.some((c) => near(png.data, i, c))) out[p] = 'land';
    else out[p] = null;
  }
  return out;
}

/** The web map at exactly this camera and size, with only its fills showing. */
async function mapScreenshot(browser, url, view) {
  const { context, page, record } = await openPage(browser, { viewport: { width: view.width, height: view.height } });
  try {
    await page.goto(`${url}#map=${view.zoom}/${view.lat}/${view.lng}&lines=none&areas=none&naming=both`, {
      waitUntil: 'load',
    });
    await waitForMapIdle(page, record);
    // The map alone fills the viewport; the app's panels and MapLibre's controls are hidden.
    await page.addStyleTag({ content: '.maplibregl-control-container, [data-testid="dock"] { display: none !important; }' });
    await page.evaluate(
      (v) =>
        new Promise((resolve, reject) => {
          const map = window.__map;
          const el = map.getContainer();
          Object.assign(el.style, {
            position: 'fixed',
            left: '0',
            top: '0',
            width: `${v.width}px`,
            height: `${v.height}px`,
            zIndex: '2147483647',
          });
          map.resize();
          // The app pads the camera beside its dock; the server's image has no dock to leave room for.
          map.setPadding({ top: 0, right: 0, bottom: 0, left: 0 });
          for (const layer of map.getStyle().layers) {
            if (['line', 'symbol', 'circle'].includes(layer.type)) map.setLayoutProperty(layer.id, 'visibility', 'none');
          }
          const timer = setTimeout(() => reject(new Error('no idle after jumpTo')), 60_000);
          map.once('idle', () => {
            clearTimeout(timer);
            resolve();
          });
          map.jumpTo({ center: [v.lng, v.lat], zoom: v.zoom, bearing: 0, pitch: 0 });
          map.triggerRepaint();
        }),
      view,
    );
    const size = await page.evaluate(() => {
      const c = window.__map.getCanvas();
      return { w: c.clientWidth, h: c.clientHeight };
    });
    assert.deepEqual(size, { w: view.width, h: view.height }, 'the map canvas fills the viewport');
    assert.deepEqual(record.consoleErrors, [], describeRecord(record));
    return PNG.sync.read(await page.screenshot());
  } finally {
    await context.close();
  }
}

describe('static images (real server, Chromium)', () => {
  const suite = useSuite();
  let classes;

  before(async () => {
    classes = classesFromStyle(await (await fetch(`${suite.server.url}style.json`)).json());
  });

  for (const view of VIEWS) {
    test(`PNG matches the web map's land and sea: ${view.name}`, { timeout: 180_000 }, async () => {
      const query = `map=${view.zoom}/${view.lat}/${view.lng}&lines=none&areas=none&naming=both&width=${view.width}&height=${view.height}`;
      const res = await fetch(`${suite.server.url}image.png?${query}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'image/png');
      const ours = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
      assert.deepEqual([ours.width, ours.height], [view.width, view.height]);
      const theirs = await mapScreenshot(suite.browser, suite.server.url, view);
      assert.deepEqual([theirs.width, theirs.height], [view.width, view.height]);

      const a = classify(ours, classes);
      const b = classify(theirs, classes);
      let both = 0;
      let agree = 0;
      let land = 0;
      for (let p = 0; p < a.length; p++) {
        if (a[p] === null || b[p] === null) continue;
        both += 1;
        if (a[p] === b[p]) agree += 1;
        if (b[p] === 'land') land += 1;
      }
      const share = agree / both;
      const coverage = both / a.length;
      console.log(
        `# ${view.name}: ${(share * 100).toFixed(2)}% of ${both} pixels agree (${(coverage * 100).toFixed(1)}% of the image classified in both, ${((land / both) * 100).toFixed(1)}% land)`,
      );
      // The comparison means something only if most pixels are classified and the view holds land and sea.
      assert.ok(coverage > 0.8, `only ${(coverage * 100).toFixed(1)}% of the pixels classified in both images`);
      assert.ok(land / both > 0.1 && land / both < 0.9, `land share ${(land / both).toFixed(3)}`);
      assert.ok(share >= MIN_AGREEMENT, `land/sea agreement ${(share * 100).toFixed(2)}% < ${MIN_AGREEMENT * 100}%`);
    });
  }

  test('SVG over HTTP: XML with the layers; bad parameters are 400 JSON', async () => {
    const res = await fetch(`${suite.server.url}image.svg?map=7/44/145.5&lines=soviet&width=640&height=360`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^image\/svg\+xml/);
    const text = await res.text();
    assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="640" height="360"/);
    for (const id of ['land', 'islands', 'line:soviet', 'labels', 'attribution']) assert.ok(text.includes(`id="${id}"`), id);
    for (const q of ['width=0', 'width=3000', 'map=30/0/0', 'lines=atlantis', 'naming=xx']) {
      const r = await fetch(`${suite.server.url}image.png?${q}`);
      assert.equal(r.status, 400, q);
      assert.match(r.headers.get('content-type'), /^application\/json/, q);
      const body = await r.json();
      assert.equal(body.error.status, 400, q);
    }
  });
});
