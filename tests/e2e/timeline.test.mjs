// The history timeline and the straits explainer in Chromium against the real server. Every step's own link
// (#step=<id>) restores the step's map state as /api/timeline gives it: the visible line layers, the shaded areas
// and what they mean, a camera framing the step's subject beside the panel; the permalink the app then writes
// restores the same state and camera again. The straits tour highlights each strait in turn and shows its
// computed width, depth and attributed claims.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { describeRecord } from './lib/browser.mjs';
import { loadFresh, settle, waitForHash } from './lib/driver.mjs';
import { useSuite, withPage } from './lib/harness.mjs';
import { seriousViolations } from './lib/axe.mjs';


/** Camera tolerance: 1e-4 degree (about 10 m) and 1e-3 of a zoom level. */
const DEG = 1e-4;
const ZOOM = 1e-3;

async function getJson(url) {
  const r = await fetch(url);
  assert.equal(r.status, 200, `${url}: HTTP ${r.status}`);
  return r.json();
}

/** What the map shows now: visibility of every line and claim layer of the style, and the camera. */
function mapState(page) {
  return page.evaluate(() => {
    const map = window.__map;
    const layers = map.getStyle().layers.map((l) => l.id);
    const visible = (id) => map.getLayoutProperty(id, 'visibility') !== 'none';
    const c = map.getCenter();
    return {
      lines: layers.filter((id) => id.startsWith('line:') && visible(id)).map((id) => id.slice(5)).sort(),
      allLines: layers.filter((id) => id.startsWith('line:')).map((id) => id.slice(5)),
      claims: layers.filter((id) => id.startsWith('claim:') && visible(id)).sort(),
      camera: { lng: c.lng, lat: c.lat, zoom: map.getZoom() },
    };
  });
}

function assertStepState(shown, step, what) {
  const known = new Set(shown.allLines);
  const missing = step.map.lines.filter((id) => !known.has(id));
  assert.deepEqual(missing, [], `${what}: the style has a layer for every line of the step`);
  assert.deepEqual(shown.lines, [...step.map.lines].sort(), `${what}: visible lines`);
  const claims = step.map.areas ? [`claim:${step.map.areas}:japan`, `claim:${step.map.areas}:russia`] : [];
  assert.deepEqual(shown.claims, claims, `${what}: shaded areas`);
}

/** The camera equals `c` within the tolerance. */
function assertSameCamera(shown, c, what) {
  assert.ok(Math.abs(shown.lng - c.lng) < DEG && Math.abs(shown.lat - c.lat) < DEG, `${what}: centre ${JSON.stringify(shown)} vs ${JSON.stringify(c)}`);
  assert.ok(Math.abs(shown.zoom - c.zoom) < ZOOM, `${what}: zoom ${shown.zoom} vs ${c.zoom}`);
}

/**
 * The subject box [w, s, e, n] lies in the part of the map its padding leaves free (the dock covers the rest),
 * within 2 px, and fills a fair part of it: the view was framed on it, not left anywhere that happens to hold it.
 */
async function assertFramed(page, subject, what) {
  const r = await page.evaluate((b) => {
    const map = window.__map;
    const pad = map.getPadding();
    const canvas = map.getCanvas().getBoundingClientRect();
    const pts = [map.project([b[0], b[1]]), map.project([b[2], b[3]])];
    return {
      box: { x0: Math.min(pts[0].x, pts[1].x), x1: Math.max(pts[0].x, pts[1].x), y0: Math.min(pts[0].y, pts[1].y), y1: Math.max(pts[0].y, pts[1].y) },
      free: { x0: pad.left, y0: pad.top, x1: canvas.width - pad.right, y1: canvas.height - pad.bottom },
    };
  }, subject);
  const { box, free } = r;
  const tol = 2;
  assert.ok(box.x0 >= free.x0 - tol && box.y0 >= free.y0 - tol && box.x1 <= free.x1 + tol && box.y1 <= free.y1 + tol, `${what}: subject ${JSON.stringify(box)} outside the free map ${JSON.stringify(free)}`);
  const share = Math.max((box.x1 - box.x0) / (free.x1 - free.x0), (box.y1 - box.y0) / (free.y1 - free.y0));
  assert.ok(share > 0.25, `${what}: subject fills only ${(share * 100).toFixed(0)}% of the free map`);
}

/** The lon/lat box of web-mercator tile z/x/y. */
function tileBox(z, x, y) {
  const n = 2 ** z;
  const lat = (row) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / n))) * 180) / Math.PI;
  return { west: (x / n) * 360 - 180, east: ((x + 1) / n) * 360 - 180, north: lat(y), south: lat(y + 1) };
}

/**
 * The vector tiles among `urls` that do not touch the map's current view: a link opened at its own camera
 * fetches none (a map made at another view and then moved would have fetched that view's tiles first).
 */
async function tilesOutsideView(page, urls) {
  const view = await page.evaluate(() => {
    const b = window.__map.getBounds();
    return { west: b.getWest(), east: b.getEast(), south: b.getSouth(), north: b.getNorth() };
  });
  const eps = 1e-9;
  return urls
    .map((u) => /\/tiles\/(\d+)\/(\d+)\/(\d+)\.mvt/.exec(new URL(u).pathname))
    .filter(Boolean)
    .map(([path, z, x, y]) => ({ path, box: tileBox(+z, +x, +y) }))
    .filter(({ box }) => box.east < view.west - eps || box.west > view.east + eps || box.north < view.south - eps || box.south > view.north + eps)
    .map(({ path }) => path);
}

describe('timeline and straits tour (Chromium, real server)', () => {
  const suite = useSuite();
  let timeline;
  let tour;

  before(async () => {
    timeline = await getJson(`${suite.server.url}api/timeline`);
    tour = await getJson(`${suite.server.url}api/straits-tour`);
  });

  test('every step link restores its map state, and so does the permalink written from it', { timeout: 600_000 }, async () => {
    assert.ok(timeline.steps.length >= 5, 'the timeline has its steps');
    await withPage(suite.browser, { reducedMotion: 'reduce' }, async ({ page, record }) => {
      for (const step of timeline.steps) {
        await loadFresh(page, record, `${suite.server.url}#step=${step.id}`, (id) => document.querySelector(`[data-testid="timeline-step"][data-step="${id}"]`), step.id);
        const shown = await mapState(page);
        assertStepState(shown, step, step.id);
        assert.ok(step.map.subject, `${step.id} names its subject`);
        await assertFramed(page, step.map.subject, step.id);
        // The panel: the step's text, its sources, and what the shading means.
        const panel = await page.evaluate(() => {
          const el = document.querySelector('[data-testid="timeline-step"]');
          return {
            text: el.textContent,
            sources: el.querySelectorAll('ul.sources li').length,
            meaning: document.querySelector('[data-testid="timeline-areas"]')?.dataset.meaning ?? null,
          };
        });
        assert.ok(panel.text.includes(step.title), `${step.id}: title shown`);
        assert.equal(panel.sources, step.sources.length, `${step.id}: every source listed`);
        assert.equal(panel.meaning, step.map.areas ? step.map.areas_meaning : null, `${step.id}: legend says treaty or administered`);
        // The permalink the app writes (view fields and step) restores the same state on its own. The app must
        // have rewritten the step-only link into a full one: otherwise the reload below proves nothing.
        await waitForHash(page, { test: /(^#|&)map=/ });
        const permalink = await page.evaluate(() => location.href);
        assert.match(permalink, new RegExp(`[#&]step=${step.id}(&|$)`));
        assert.notEqual(new URL(permalink).hash, `#step=${step.id}`, `${step.id}: the app rewrote the link`);
        for (const field of ['map', 'lines', 'areas']) assert.match(permalink, new RegExp(`[#&]${field}=`), `${step.id}: ${field} in the link`);
        await loadFresh(page, record, permalink, (id) => document.querySelector(`[data-testid="timeline-step"][data-step="${id}"]`), step.id);
        const again = await mapState(page);
        assertStepState(again, step, `${step.id} (permalink)`);
        assertSameCamera(again.camera, shown.camera, `${step.id} (permalink)`);
      }
      assert.deepEqual(record.consoleErrors, [], describeRecord(record));
      assert.deepEqual(record.badResponses, [], describeRecord(record));
    });
  });

  // On a slow network the document arrives after the style: the map must still start at the link's view rather
  // than fetch the default view's tiles and then move.
  test('a step or tour link opens the map at its view even when the document is slow', { timeout: 180_000 }, async () => {
    const far = timeline.steps.find((s) => s.id === '1875-saint-petersburg') ?? timeline.steps[0];
    const stop = tour.stops.find((s) => s.id === 'goyomai') ?? tour.stops[0];
    const links = [
      { hash: `#step=${far.id}`, doc: '**/api/timeline', ready: '[data-testid="timeline-step"]' },
      { hash: `#tour=straits&sel=strait:${stop.id}`, doc: '**/api/straits-tour', ready: '[data-testid="straits-stop"]' },
    ];
    for (const link of links) {
      await withPage(suite.browser, {}, async ({ page, record }) => {
        await page.route(link.doc, async (route) => {
          await new Promise((r) => setTimeout(r, 1500));
          await route.continue();
        });
        await loadFresh(page, record, `${suite.server.url}${link.hash}`, (sel) => document.querySelector(sel), link.ready);
        assert.deepEqual(await tilesOutsideView(page, record.requests), [], `${link.hash}: tiles outside the link's view were fetched`);
        assert.ok(record.requests.some((u) => /\/tiles\/\d+\/\d+\/\d+\.mvt/.test(u)), `${link.hash}: tiles were fetched`);
        assert.deepEqual(record.consoleErrors, [], describeRecord(record));
      });
    }
  });

  test('previous/next buttons and the arrow keys step through the events in order', { timeout: 180_000 }, async () => {
    await withPage(suite.browser, { reducedMotion: 'reduce' }, async ({ page, record }) => {
      const [first, second, third] = timeline.steps;
      await loadFresh(page, record, `${suite.server.url}#step=${first.id}`, (id) => document.querySelector(`[data-testid="timeline-step"][data-step="${id}"]`), first.id);
      assert.ok(await page.getByTestId('timeline-prev').isDisabled(), 'no step before the first');
      await page.getByTestId('timeline-next').click();
      await page.waitForFunction((id) => document.querySelector(`[data-testid="timeline-step"][data-step="${id}"]`), second.id);
      await settle(page);
      assertStepState(await mapState(page), second, `${second.id} via Next`);
      await assertFramed(page, second.map.subject, `${second.id} via Next`);
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction((id) => document.querySelector(`[data-testid="timeline-step"][data-step="${id}"]`), third.id);
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction((id) => document.querySelector(`[data-testid="timeline-step"][data-step="${id}"]`), second.id);
      // Opening from the controls starts at the first step; closing removes the step from the link.
      await page.getByTestId('timeline-close').click();
      await page.waitForFunction(() => location.hash === window.__app.hash() && !/step=/.test(location.hash), null, { timeout: 10_000 });
      assert.doesNotMatch(await page.evaluate(() => location.hash), /step=/);
      assert.deepEqual(record.consoleErrors, [], describeRecord(record));
    });
  });

  test('no serious or critical axe violations with the timeline (Japanese), the tour (Russian, dark) or the embed dialog open', { timeout: 180_000 }, async () => {
    const step = timeline.steps[2];
    const cases = [
      { hash: `#step=${step.id}&lang=ja`, ready: '[data-testid="timeline-step"]', scheme: 'light' },
      { hash: '#tour=straits&sel=strait:vries&lang=ru&naming=ru', ready: '[data-testid="straits-stop"]', scheme: 'dark' },
      { hash: '#map=7/44/146', ready: null, scheme: 'light', embed: true },
    ];
    for (const c of cases) {
      await withPage(suite.browser, { reducedMotion: 'reduce', colorScheme: c.scheme }, async ({ page, record }) => {
        await loadFresh(page, record, `${suite.server.url}${c.hash}`, (sel) => !sel || document.querySelector(sel), c.ready);
        if (c.embed) {
          await page.getByTestId('embed-button').click();
          await page.getByTestId('embed-code').waitFor();
        }
        assert.deepEqual(await seriousViolations(page), [], c.hash);
      });
    }
  });

  test('the straits tour highlights each strait with its width, depth and attributed claims', { timeout: 300_000 }, async () => {
    assert.deepEqual(tour.stops.map((s) => s.id).sort(), ['catherine', 'goyomai', 'nemuro', 'vries']);
    await withPage(suite.browser, { reducedMotion: 'reduce' }, async ({ page, record }) => {
      const [first] = tour.stops;
      await loadFresh(page, record, `${suite.server.url}#tour=straits&sel=strait:${first.id}`, (id) => document.querySelector(`[data-testid="straits-stop"][data-stop="${id}"]`), first.id);
      for (const [i, stop] of tour.stops.entries()) {
        if (i > 0) {
          await page.getByTestId('straits-next').click();
          await page.waitForFunction((id) => document.querySelector(`[data-testid="straits-stop"][data-stop="${id}"]`), stop.id);
          await settle(page);
        }
        // Highlighted: the strait's fill is opaque for this strait only; it renders in the view.
        const hl = await page.evaluate((id) => {
          const map = window.__map;
          const features = map.queryRenderedFeatures({ layers: ['straits'] });
          const f = features.find((x) => x.properties.id === id);
          const others = features.filter((x) => x.properties.id !== id);
          const opacity = (feature) =>
            feature ? map.style.getLayer('straits').paint.get('fill-opacity').evaluate(feature, {}) : null;
          return { self: opacity(f), others: others.map(opacity), hash: location.hash };
        }, stop.id);
        assert.ok(hl.self > 0, `${stop.id} highlighted: ${JSON.stringify(hl)}`);
        assert.ok(hl.others.every((o) => o === 0), `only ${stop.id}: ${JSON.stringify(hl)}`);
        assert.match(hl.hash, new RegExp(`tour=straits`));
        assert.match(hl.hash, new RegExp(`sel=strait:${stop.id}(&|$)`));
        await assertFramed(page, stop.subject, `${stop.id}: camera`);
        const panel = await page.evaluate(() => ({
          width: document.querySelector('[data-testid="straits-width"]').textContent,
          depth: document.querySelector('[data-testid="straits-depth"]').textContent,
          claims: document.querySelector('[data-testid="straits-claims"]')?.textContent ?? '',
        }));
        if (stop.width) {
          const km = Number.parseFloat(panel.width);
          assert.ok(Math.abs(km - stop.width.km) <= 0.05, `${stop.id}: width ${panel.width} vs ${stop.width.km} km`);
        }
        if (stop.depth.max_m !== null) assert.match(panel.depth.replace(/[\s,]/g, ''), new RegExp(String(Math.round(stop.depth.max_m))));
        for (const claim of stop.claims) assert.ok(panel.claims.includes(claim.attributed_to), `${stop.id}: claim attributed`);
      }
      assert.deepEqual(record.consoleErrors, [], describeRecord(record));
    });
  });
});
