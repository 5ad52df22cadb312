// A small driver for the front-end tests: open the app in a given state, act through the page's controls,
// wait for the map to settle, and read back what the map shows (layers, state, pixels).
//
//   const app = await openApp(browser, server.url, { hash: '#lines=soviet' });   // given
//   await app.idleAfter(() => app.page.getByTestId('line-toggle:soviet').click()); // when
//   assert.equal(await app.layout('line:soviet', 'visibility'), 'none');        // then
import { PNG } from 'pngjs';
import { describeRecord, openPage, waitForMapIdle } from './browser.mjs';

/** Where the map's free part starts: right of the dock on a wide screen (layout.ts); 0 on a phone. */
export function mapLeft(page) {
  return page.evaluate(() =>
    document.body.dataset.layout === 'wide' ? Math.ceil(document.querySelector('[data-testid="dock"]').getBoundingClientRect().right) : 0,
  );
}

/**
 * Opens the app at `url` + `hash` in a new context. Options: viewport, colorScheme ('light'|'dark'),
 * reducedMotion ('reduce'|'no-preference', default 'reduce': no label fades, so screenshots are stable),
 * permissions (e.g. clipboard). Resolves once the map is idle and the controls are rendered.
 */
export async function openApp(browser, url, opts = {}) {
  const { hash = '', viewport, colorScheme = 'light', reducedMotion = 'reduce', permissions = [] } = opts;
  const { context, page, record } = await openPage(browser, viewport ? { viewport } : {});
  await page.emulateMedia({ colorScheme, reducedMotion });
  if (permissions.length) await context.grantPermissions(permissions, { origin: new URL(url).origin });
  await page.goto(url + hash, { waitUntil: 'load' });
  const idleMs = await waitForMapIdle(page, record);
  await page.getByTestId('line-toggle:soviet').waitFor({ state: 'attached', timeout: 30_000 });
  await settle(page);
  return new App(context, page, record, idleMs);
}

/** Waits until the map is idle (repainting once, so that an idle event follows even when nothing changed). */
export async function settle(page, { timeoutMs = 60_000 } = {}) {
  await page.evaluate(
    (timeoutMs) =>
      new Promise((resolve, reject) => {
        const map = window.__map;
        const timer = setTimeout(() => reject(new Error(`no idle within ${timeoutMs} ms`)), timeoutMs);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        map.triggerRepaint();
      }),
    timeoutMs,
  );
  // The panel loads its documents asynchronously.
  await page.waitForFunction(() => !document.querySelector('[data-testid="panel"][data-loading]'), null, { timeout: timeoutMs });
}

/**
 * Opens url as a full load (about:blank first, so that a hash-only change is not a same-document navigation),
 * waits for the map's first idle and `ready(arg)` in the page, then for the map to settle.
 */
export async function loadFresh(page, record, url, ready, arg) {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  await waitForMapIdle(page, record);
  await page.waitForFunction(ready, arg, { timeout: 30_000 });
  await settle(page);
}

/**
 * Waits until the app has written the hash of its current state (it debounces camera moves by 250 ms), and,
 * when `test` is given, until the hash also passes it (a RegExp, or a predicate run in the page).
 */
export async function waitForHash(page, { test, timeoutMs = 10_000 } = {}) {
  const source = test instanceof RegExp ? test.source : null;
  await page.waitForFunction(
    ([src]) => location.hash === window.__app?.hash() && (src === null || new RegExp(src).test(location.hash)),
    [source],
    { timeout: timeoutMs },
  );
}

export class App {
  constructor(context, page, record, idleMs) {
    this.context = context;
    this.page = page;
    this.record = record;
    this.idleMs = idleMs;
  }

  byTestId(id) {
    return this.page.getByTestId(id);
  }

  /** Runs `action` (page interaction) and waits for the map to settle afterwards. */
  async idleAfter(action) {
    await action();
    await settle(this.page);
  }

  /** The app's state (window.__app.state()). */
  state() {
    return this.page.evaluate(() => window.__app.state());
  }

  layout(layer, property) {
    return this.page.evaluate(([l, p]) => window.__map.getLayoutProperty(l, p), [layer, property]);
  }

  paint(layer, property) {
    return this.page.evaluate(([l, p]) => window.__map.getPaintProperty(l, p), [layer, property]);
  }

  /** Number of rendered features per layer in the view (layers missing from the style count 0). */
  renderedCounts(layers) {
    return this.page.evaluate((ids) => {
      const map = window.__map;
      const out = Object.fromEntries(ids.map((id) => [id, 0]));
      const present = ids.filter((id) => map.getLayer(id));
      if (present.length) for (const f of map.queryRenderedFeatures({ layers: present })) out[f.layer.id] += 1;
      return out;
    }, layers);
  }

  /** Properties of rendered features of one layer. */
  renderedProps(layer) {
    return this.page.evaluate((id) => window.__map.queryRenderedFeatures({ layers: [id] }).map((f) => f.properties), layer);
  }

  /** The link the app wrote: waits until the hash is the one the app's current state encodes (debounced). */
  async permalink() {
    await waitForHash(this.page);
    return this.page.evaluate(() => location.href);
  }

  /** Jumps the camera and waits for idle. */
  async jumpTo(view) {
    await this.idleAfter(() => this.page.evaluate((v) => window.__map.jumpTo(v), view));
  }

  /** Screen position of a longitude/latitude. */
  project(lngLat) {
    return this.page.evaluate((ll) => {
      const p = window.__map.project(ll);
      return { x: p.x, y: p.y };
    }, lngLat);
  }

  /** A PNG screenshot of the map's free part (right of the dock), decoded. */
  async mapPixels() {
    const vp = this.page.viewportSize();
    const left = await mapLeft(this.page);
    const buffer = await this.page.screenshot({ clip: { x: left, y: 0, width: vp.width - left, height: vp.height } });
    return PNG.sync.read(buffer);
  }

  describe() {
    return describeRecord(this.record);
  }

  close() {
    return this.context.close();
  }
}

/** Pixels whose colour differs by more than `tolerance` (0–255) in any channel. */
export function pixelDiff(a, b, tolerance = 16) {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      Math.abs(a.data[i] - b.data[i]) > tolerance ||
      Math.abs(a.data[i + 1] - b.data[i + 1]) > tolerance ||
      Math.abs(a.data[i + 2] - b.data[i + 2]) > tolerance
    ) {
      count += 1;
    }
  }
  return { count, total: a.width * a.height, share: count / (a.width * a.height) };
}
