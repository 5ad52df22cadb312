// The map stays visible: at a phone's, a tablet's, a laptop's and a wide screen's size, every timeline step and
// every straits stop frames its subject (the box its data names) in the part of the map that no panel, control
// or credit covers; on a phone the map keeps at least half the screen with the sheet collapsed or half open; no
// two controls overlap; axe finds nothing serious. What covers the map is measured from the page's own boxes
// (getBoundingClientRect), not asked of the app. KURIL_UPDATE_SCREENSHOTS=1 writes docs/screenshots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { describeRecord } from './lib/browser.mjs';
import { loadFresh, settle } from './lib/driver.mjs';
import { useSuite, withPage } from './lib/harness.mjs';
import { REPO_ROOT } from './lib/server.mjs';
import { seriousViolations } from './lib/axe.mjs';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'wide', width: 1920, height: 1080 },
];
const SHOTS = process.env.KURIL_UPDATE_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null;

/**
 * What covers the map, from the page's boxes: the dock, and every MapLibre control (zoom buttons, scale, credits).
 * Boxes of zero size (hidden) are left out.
 */
function coverings(page) {
  return page.evaluate(() => {
    const boxes = [];
    const add = (el, what) => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden') boxes.push({ what, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom });
    };
    for (const el of document.querySelectorAll('[data-testid="dock"]')) add(el, 'dock');
    for (const el of document.querySelectorAll('.maplibregl-ctrl')) add(el, `control ${el.className}`);
    return boxes;
  });
}

/** The subject box [w, s, e, n] projected to the screen. */
function projected(page, subject) {
  return page.evaluate(([w, s, e, n]) => {
    const map = window.__map;
    const a = map.project([w, n]);
    const b = map.project([e, s]);
    return { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) };
  }, subject);
}

const overlaps = (a, b) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;

async function assertSubjectClear(page, subject, size, what) {
  const box = await projected(page, subject);
  const tol = 1;
  assert.ok(box.x0 >= -tol && box.y0 >= -tol && box.x1 <= size.width + tol && box.y1 <= size.height + tol, `${what} at ${size.name}: subject ${JSON.stringify(box)} leaves the window`);
  const covered = (await coverings(page)).filter((c) => overlaps(c, box));
  assert.deepEqual(covered, [], `${what} at ${size.name}: subject ${JSON.stringify(box)} is covered`);
}

/**
 * Every visible control (button, link, field, MapLibre control) as a box clipped to what its scrolling ancestors
 * show; returns the pairs that overlap (one inside the other is not an overlap: a button in a group).
 */
function overlappingControls(page) {
  return page.evaluate(() => {
    const visibleBox = (el) => {
      let r = el.getBoundingClientRect();
      let box = { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
      for (let p = el.parentElement; p; p = p.parentElement) {
        const st = getComputedStyle(p);
        if (/(auto|scroll|hidden)/.test(st.overflow + st.overflowX + st.overflowY)) {
          r = p.getBoundingClientRect();
          box = { x0: Math.max(box.x0, r.left), y0: Math.max(box.y0, r.top), x1: Math.min(box.x1, r.right), y1: Math.min(box.y1, r.bottom) };
        }
      }
      return box.x1 - box.x0 > 0 && box.y1 - box.y0 > 0 ? box : null;
    };
    // checkVisibility: not display:none, not in a closed <details>, not visibility:hidden.
    const els = [...document.querySelectorAll('button, a[href], select, input, textarea, .maplibregl-ctrl-scale, .maplibregl-ctrl-attrib')].filter((el) =>
      el.checkVisibility({ visibilityProperty: true }),
    );
    const items = els.map((el) => ({ el, box: visibleBox(el) })).filter((i) => i.box);
    const name = (el) => el.dataset.testid || el.getAttribute('aria-label') || el.className || el.tagName;
    const bad = [];
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const [a, b] = [items[i], items[j]];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0);
        const h = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0);
        if (w > 1 && h > 1) bad.push(`${name(a.el)} × ${name(b.el)}`);
      }
    }
    return bad;
  });
}

describe('layout: the map stays visible at every size (Chromium, real server)', () => {
  const suite = useSuite();
  let timeline;
  let tour;
  before(async () => {
    timeline = await (await fetch(`${suite.server.url}api/timeline`)).json();
    tour = await (await fetch(`${suite.server.url}api/straits-tour`)).json();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });

  for (const size of SIZES) {
    test(`${size.name} (${size.width}×${size.height}): every step's and stop's subject in the free part of the map; no controls overlap; axe`, { timeout: 600_000 }, async () => {
      await withPage(suite.browser, { viewport: { width: size.width, height: size.height }, reducedMotion: 'reduce' }, async ({ page, record }) => {
        // The opening view: nothing overlaps; on a phone the collapsed sheet leaves the map most of the screen.
        await loadFresh(page, record, suite.server.url, (sel) => document.querySelector(sel), '[data-testid="controls"]');
        assert.deepEqual(await overlappingControls(page), [], `${size.name}: overlapping controls at the opening view`);
        assert.deepEqual(await seriousViolations(page), [], `${size.name}: axe at the opening view`);
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `${size.name}.png`) });
        if (size.name === 'phone') {
          for (const state of ['collapsed', 'half']) {
            const dock = await page.getByTestId('dock').boundingBox();
            const free = Math.max(0, dock.y) / size.height;
            assert.ok(free >= 0.5, `phone, sheet ${state}: the map keeps ${(free * 100).toFixed(0)}% of the height`);
            assert.equal(await page.getByTestId('dock').getAttribute('data-sheet'), state);
            if (state === 'collapsed') await page.getByTestId('dock-toggle').click();
          }
          await page.getByTestId('dock-toggle').click(); // full
          await page.getByTestId('dock-toggle').click(); // back to collapsed
          assert.equal(await page.getByTestId('dock').getAttribute('data-sheet'), 'collapsed');
        }

        // The timeline, step by step with Next (the panel stays open, its buttons where they were).
        await loadFresh(page, record, `${suite.server.url}#step=${timeline.steps[0].id}`, (sel) => document.querySelector(sel), '[data-testid="timeline-step"]');
        const next = page.getByTestId('timeline-next');
        let nextBox = await next.boundingBox();
        for (const [i, step] of timeline.steps.entries()) {
          if (i > 0) {
            await next.click();
            await page.waitForFunction((id) => document.querySelector(`[data-testid="timeline-step"][data-step="${id}"]`), step.id);
            await settle(page);
            const box = await next.boundingBox();
            assert.ok(Math.abs(box.x - nextBox.x) < 1 && Math.abs(box.y - nextBox.y) < 1, `${size.name} ${step.id}: Next moved from ${JSON.stringify(nextBox)} to ${JSON.stringify(box)}`);
            nextBox = box;
          }
          await assertSubjectClear(page, step.map.subject, size, `step ${step.id}`);
          if (size.name === 'phone') {
            const dock = await page.getByTestId('dock').boundingBox();
            assert.ok(dock.y / size.height >= 0.5, `phone ${step.id}: the map keeps ${((dock.y / size.height) * 100).toFixed(0)}%`);
          }
          if (i === 7) {
            assert.deepEqual(await overlappingControls(page), [], `${size.name} ${step.id}: overlapping controls`);
            assert.deepEqual(await seriousViolations(page), [], `${size.name}: axe with the timeline open`);
            if (SHOTS) await page.screenshot({ path: join(SHOTS, `${size.name}-timeline.png`) });
          }
        }

        // The straits tour, stop by stop.
        await loadFresh(page, record, `${suite.server.url}#tour=straits&sel=strait:${tour.stops[0].id}`, (sel) => document.querySelector(sel), '[data-testid="straits-stop"]');
        for (const [i, stop] of tour.stops.entries()) {
          if (i > 0) {
            await page.getByTestId('straits-next').click();
            await page.waitForFunction((id) => document.querySelector(`[data-testid="straits-stop"][data-stop="${id}"]`), stop.id);
            await settle(page);
          }
          assert.ok(stop.subject, `${stop.id} has a subject`);
          await assertSubjectClear(page, stop.subject, size, `stop ${stop.id}`);
        }
        assert.deepEqual(record.consoleErrors, [], describeRecord(record));
      });
    });
  }
});
