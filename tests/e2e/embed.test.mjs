// The /embed page in Chromium against the real server: the static image and its text alternative first (no map,
// no MapLibre), the interactive map only after the reader asks (click or Enter) or, with ?load=visible, when it is
// in view; no console errors; the bytes transferred before interaction measured (goal: at most 300 KB, as sent,
// i.e. gzipped where the server compresses). The app's Embed control gives iframe code whose auto-height script
// resizes the frame from the embed page's postMessage.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, test } from 'node:test';
import { describeRecord, openPage } from './lib/browser.mjs';
import { openApp } from './lib/driver.mjs';
import { useSuite } from './lib/harness.mjs';
import { seriousViolations } from './lib/axe.mjs';


/** The goal for the page before interaction (issue 6). */
const BUDGET_BYTES = 300 * 1024;
const VIEW = 'map=6.5/44.2/146.3&lines=soviet,japanese&naming=both';

/** Counts the bytes the page receives (headers and body as sent over the wire) through the DevTools protocol. */
async function byteCounter(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const perUrl = new Map();
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId) ?? e.requestId;
    perUrl.set(url, (perUrl.get(url) ?? 0) + e.encodedDataLength);
  });
  return {
    total: () => [...perUrl.values()].reduce((a, b) => a + b, 0),
    list: () => [...perUrl.entries()].map(([u, n]) => `${n} ${new URL(u).pathname}`).join(', '),
  };
}

async function waitForInteractive(page, record) {
  try {
    await page.waitForFunction(() => document.body.dataset.mapIdle === '1', null, { timeout: 60_000, polling: 100 });
  } catch (err) {
    throw new Error(`the interactive map did not load (${err.message})\n${describeRecord(record)}`);
  }
}

describe('embed page (Chromium, real server)', () => {
  const suite = useSuite();

  test('placeholder image first, light; interactive after a click; no console errors', { timeout: 180_000 }, async () => {
    const { context, page, record } = await openPage(suite.browser, { viewport: { width: 800, height: 700 } });
    try {
      const bytes = await byteCounter(context, page);
      await page.goto(`${suite.server.url}embed?${VIEW}`, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      // The image is shown, decoded, at the width of the frame, with its text alternative.
      const img = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="embed-image"]');
        const r = el.getBoundingClientRect();
        return { complete: el.complete, natural: el.naturalWidth, width: r.width, alt: el.alt, visible: r.height > 0 };
      });
      assert.ok(img.complete && img.natural > 0, `the placeholder image decoded: ${JSON.stringify(img)}\n${describeRecord(record)}`);
      assert.ok(img.visible && img.width > 700, `it fills the frame's width: ${JSON.stringify(img)}`);
      assert.match(img.alt, /Iturup/, 'the alt text names the islands');
      assert.match(img.alt, /Soviet|Russia/, 'and the lines');
      assert.ok(await page.getByRole('heading', { level: 1 }).isVisible(), 'a visible title');
      assert.ok(await page.getByRole('button', { name: 'Load interactive map' }).isVisible());
      // No map yet: no canvas, no MapLibre script or stylesheet requested.
      assert.equal(await page.locator('canvas').count(), 0, 'no map canvas before interaction');
      assert.deepEqual(record.requests.filter((u) => /embed-map|app\.js|tiles\//.test(u)), [], 'nothing of the map loaded yet');
      const before = bytes.total();
      console.log(`# embed: bytes-before-interaction=${before} (${(before / 1024).toFixed(1)} KiB): ${bytes.list()}`);
      assert.ok(before <= BUDGET_BYTES, `${before} bytes before interaction exceed ${BUDGET_BYTES}: ${bytes.list()}`);
      const discovery = await page.evaluate(() => document.querySelector('link[type="application/json+oembed"]')?.href);
      assert.ok(discovery?.startsWith(`${suite.server.origin}/oembed?url=`), `oEmbed discovery link: ${discovery}`);

      assert.deepEqual(await seriousViolations(page), [], 'axe: the page before interaction');

      await page.getByTestId('embed-load').click();
      await waitForInteractive(page, record);
      assert.deepEqual(await seriousViolations(page), [], 'axe: the page with the map');
      const map = await page.evaluate(() => ({
        canvas: document.querySelectorAll('#embed-map canvas').length,
        // The map takes the place of the image: same box.
        box: (() => {
          const m = document.querySelector('#embed-map').getBoundingClientRect();
          const i = document.querySelector('[data-testid="embed-image"]').getBoundingClientRect();
          return { map: [m.width, m.height], image: [i.width, i.height] };
        })(),
        loaded: window.__map.loaded(),
        cooperative: window.__map.cooperativeGestures.isEnabled(),
        attribution: document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? '',
        lines: ['soviet', 'japanese', 'two-island-1956'].map((id) => window.__map.getLayoutProperty(`line:${id}`, 'visibility')),
        center: window.__map.getCenter(),
        zoom: window.__map.getZoom(),
      }));
      assert.equal(map.canvas, 1, 'a map canvas after the click');
      assert.ok(map.loaded, 'the map has loaded');
      assert.ok(map.box.map[1] > 200 && Math.abs(map.box.map[0] - map.box.image[0]) < 2 && Math.abs(map.box.map[1] - map.box.image[1]) < 2, `map over the image: ${JSON.stringify(map.box)}`);
      assert.ok(map.cooperative, 'cooperative gestures: the page scrolls, the map needs Ctrl/two fingers');
      assert.match(map.attribution, /GSHHG|Natural Earth|MapLibre/, `attribution shown: ${map.attribution}`);
      assert.deepEqual(map.lines, ['visible', 'visible', 'none'], 'the lines of the query');
      assert.ok(Math.abs(map.center.lat - 44.2) < 1e-3 && Math.abs(map.center.lng - 146.3) < 1e-3 && Math.abs(map.zoom - 6.5) < 1e-3);
      assert.equal(await page.getByTestId('embed-load').count(), 0, 'the button is gone');
      assert.deepEqual(record.consoleErrors, [], describeRecord(record));
      assert.deepEqual(record.failedRequests, [], describeRecord(record));
      assert.deepEqual(record.badResponses, [], describeRecord(record));
      assert.deepEqual([...record.hosts], [suite.server.host], 'only our own server');
      console.log(`# embed: bytes-after-interaction=${bytes.total()}`);
    } finally {
      await context.close();
    }
  });

  test('Enter on the button loads the map too; ?load=visible loads it without interaction', { timeout: 180_000 }, async () => {
    const a = await openPage(suite.browser, { viewport: { width: 600, height: 600 } });
    try {
      await a.page.goto(`${suite.server.url}embed?${VIEW}`, { waitUntil: 'load' });
      await a.page.getByTestId('embed-load').focus();
      await a.page.keyboard.press('Enter');
      await waitForInteractive(a.page, a.record);
      assert.equal(await a.page.locator('#embed-map canvas').count(), 1);
      assert.deepEqual(a.record.consoleErrors, [], describeRecord(a.record));
    } finally {
      await a.context.close();
    }
    const b = await openPage(suite.browser, { viewport: { width: 600, height: 600 } });
    try {
      await b.page.goto(`${suite.server.url}embed?${VIEW}&load=visible`, { waitUntil: 'load' });
      await waitForInteractive(b.page, b.record);
      assert.equal(await b.page.locator('#embed-map canvas').count(), 1);
      assert.deepEqual(b.record.consoleErrors, [], describeRecord(b.record));
    } finally {
      await b.context.close();
    }
  });

  // Embeds in an article on another origin, at a phone's, a narrow column's and a wide column's width: the frame
  // is the height oEmbed gives for that width; the key shows before and after the map loads; a tap anywhere on the
  // picture loads the map; the credits cover less than 15% of the picture or the map.
  for (const width of [320, 390, 800]) {
    test(`embed at ${width} px on a host page: oEmbed's height, the key, a tap on the picture, credits under 15%`, { timeout: 180_000 }, async () => {
      const view = 'map=6/44.3/146.5&lines=soviet,japanese,two-island-1956&areas=soviet&naming=both&lang=en';
      const pageUrl = `${suite.server.url}#${view}`;
      const oembed = await (await fetch(`${suite.server.origin}/oembed?url=${encodeURIComponent(pageUrl)}&maxwidth=${width}&format=json`)).json();
      assert.equal(oembed.width, width, JSON.stringify(oembed));
      const host = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html><body style="margin:0"><p>Article text.</p>${oembed.html}</body></html>`);
      });
      await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
      const { context, page, record } = await openPage(suite.browser, { viewport: { width: Math.max(width, 360), height: 900 } });
      try {
        await page.goto(`http://127.0.0.1:${host.address().port}/`, { waitUntil: 'load' });
        const frameEl = page.locator('iframe');
        const frame = page.frameLocator('iframe');
        await frame.locator('[data-testid="embed-image"]').waitFor();
        await frame.locator('[data-testid="embed-image"]').evaluate((img) => (img.complete ? null : new Promise((r) => img.addEventListener('load', r, { once: true }))));
        // The page's own height is the frame's: nothing cut off, nothing to scroll.
        const inner = await frame.locator('html').evaluate((el) => ({ height: el.scrollHeight, client: el.clientHeight }));
        const box = await frameEl.boundingBox();
        assert.equal(Math.round(box.height), oembed.height, `frame ${box.height} px, oEmbed ${oembed.height}`);
        assert.ok(inner.height <= oembed.height + 1, `the embed page is ${inner.height} px in a frame of ${oembed.height}`);
        const keyVisible = async () =>
          frame.locator('[data-testid="embed-key"]').evaluate((ul) => {
            const r = ul.getBoundingClientRect();
            const items = ul.querySelectorAll('li[data-line]').length;
            return r.height > 0 && r.width > 0 && items === 3;
          });
        assert.ok(await keyVisible(), 'the key before the map');
        // A tap on the picture, away from the button's label: the map loads.
        const img = await frame.locator('[data-testid="embed-image"]').boundingBox();
        await page.mouse.click(img.x + img.width * 0.15, img.y + img.height * 0.8);
        await frame.locator('#embed-map canvas').waitFor({ timeout: 60_000 });
        await frame.locator('body[data-map-idle="1"]').waitFor({ timeout: 60_000 });
        assert.ok(await keyVisible(), 'the key with the map');
        // The credits folded into MapLibre's button: they cover little of the map.
        const cover = await frame.locator('#embed-map').evaluate((m) => {
          const mr = m.getBoundingClientRect();
          const a = m.querySelector('.maplibregl-ctrl-attrib')?.getBoundingClientRect();
          return a ? (a.width * a.height) / (mr.width * mr.height) : 0;
        });
        assert.ok(cover < 0.15, `the credits cover ${(cover * 100).toFixed(1)}% of the map`);
        assert.deepEqual(record.consoleErrors, [], describeRecord(record));
      } finally {
        await context.close();
        host.close();
      }
    });
  }

  // The page in Japanese and Russian (`lang=`): its language, its button, title, key, description and credits in
  // that language with no English left besides the sources' names and licence ids; at a phone's and a column's
  // width the height oEmbed gives for that language holds it whole; no serious axe violations.
  const LABELS = { ja: '操作できる地図を読み込む', ru: 'Загрузить интерактивную карту' };
  const SCRIPT = { ja: /[\u3040-\u30ff\u4e00-\u9fff]/, ru: /[\u0400-\u04ff]/ };
  const PROPER = new Set(['GSHHG', 'LGPL', 'OpenStreetMap', 'ODbL', 'Natural', 'Earth']);
  for (const lang of ['ja', 'ru']) {
    test(`embed in ${lang}: the page's language and texts, oEmbed's height holds it`, { timeout: 180_000 }, async () => {
      const view = `map=6/44.3/146.5&lines=soviet,japanese,two-island-1956&areas=soviet&naming=both&lang=${lang}`;
      for (const width of [320, 800]) {
        const oembed = await (await fetch(`${suite.server.origin}/oembed?url=${encodeURIComponent(`${suite.server.url}#${view}`)}&maxwidth=${width}&format=json`)).json();
        assert.equal(oembed.width, width, JSON.stringify(oembed));
        assert.match(oembed.title, SCRIPT[lang], oembed.title);
        const { context, page, record } = await openPage(suite.browser, { viewport: { width, height: oembed.height } });
        try {
          await page.goto(`${suite.server.url}embed?${view}`, { waitUntil: 'load' });
          await page.locator('[data-testid="embed-image"]').evaluate((img) => (img.complete ? null : new Promise((r) => img.addEventListener('load', r, { once: true }))));
          const texts = await page.evaluate(() => ({
            lang: document.documentElement.lang,
            title: document.title,
            body: document.body.innerText,
            alt: document.querySelector('[data-testid="embed-image"]').alt,
            key: document.querySelector('[data-testid="embed-key"]').getAttribute('aria-label'),
            keyItems: document.querySelectorAll('[data-testid="embed-key"] li[data-line]').length,
            height: document.documentElement.scrollHeight,
          }));
          assert.equal(texts.lang, lang);
          assert.ok(await page.getByRole('button', { name: LABELS[lang] }).isVisible(), `the button in ${lang}`);
          assert.ok(await page.getByRole('heading', { level: 1 }).isVisible(), 'a visible title');
          assert.equal(texts.keyItems, 3, 'the key');
          for (const [what, text] of Object.entries({ title: texts.title, body: texts.body, alt: texts.alt, key: texts.key })) {
            assert.match(text, SCRIPT[lang], `${what} in ${lang}: ${text}`);
            const english = (text.match(/[A-Za-z]+/g) ?? []).filter((w) => !PROPER.has(w));
            assert.deepEqual(english, [], `${what}: English left in ${text}`);
          }
          assert.ok(texts.height <= oembed.height + 1, `the ${lang} page is ${texts.height} px at ${width} px, oEmbed gives ${oembed.height}`);
          assert.deepEqual(await seriousViolations(page), [], `axe: the ${lang} page at ${width} px`);
          assert.deepEqual(record.consoleErrors, [], describeRecord(record));
          assert.deepEqual(record.badResponses, [], describeRecord(record));
        } finally {
          await context.close();
        }
      }
    });
  }

  test("the app's Embed control: iframe code for the current view, auto-height on a host page", { timeout: 180_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { hash: '#map=7/44/146&lines=japanese&areas=japanese' });
    let code;
    let imageHref;
    try {
      await app.byTestId('embed-button').click();
      code = await app.byTestId('embed-code').inputValue();
      imageHref = await app.byTestId('embed-image-link').getAttribute('href');
    } finally {
      await app.close();
    }
    const src = /<iframe src="([^"]+)"/.exec(code)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(src, code);
    const u = new URL(src);
    assert.equal(u.origin + u.pathname, `${suite.server.origin}/embed`);
    assert.equal(u.searchParams.get('map'), '7/44/146');
    assert.equal(u.searchParams.get('lines'), 'japanese');
    assert.equal(u.searchParams.get('areas'), 'japanese');
    const image = new URL(imageHref);
    assert.equal(image.pathname, '/image.png');
    assert.equal(image.searchParams.get('width'), '1200');

    // A host page with the code, from another origin (a second local server: Chromium keeps public pages from
    // framing loopback addresses): the frame starts at the code's height and takes the embed's own height.
    const host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><body><h1>Article</h1>${code}</body></html>`);
    });
    await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
    const hostUrl = `http://127.0.0.1:${host.address().port}/`;
    const { context, page, record } = await openPage(suite.browser, { viewport: { width: 700, height: 900 } });
    try {
      await page.goto(hostUrl, { waitUntil: 'load' });
      const frame = page.locator('iframe[data-kuril-embed]');
      await frame.waitFor();
      await page.waitForFunction(() => document.querySelector('iframe[data-kuril-embed]').style.height !== '', null, { timeout: 30_000 });
      const heights = await page.evaluate(() => {
        const f = document.querySelector('iframe[data-kuril-embed]');
        return { set: parseFloat(f.style.height), inner: f.contentDocument ? null : 'cross-origin' };
      });
      const inner = await page.frameLocator('iframe[data-kuril-embed]').locator('html').evaluate((el) => el.getBoundingClientRect().height);
      assert.ok(Math.abs(heights.set - Math.ceil(inner)) <= 2, `frame height ${heights.set} follows the embed's ${inner}`);
      assert.deepEqual(record.consoleErrors, [], describeRecord(record));
    } finally {
      await context.close();
      host.close();
    }
  });
});
