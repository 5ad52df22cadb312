// The front end in Chromium against the real server: toggles, areas, naming, language, panels, permalinks,
// keyboard operation, dark mode and reduced motion. Screenshots are compared with a tolerance (lib/driver.mjs).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openApp, pixelDiff, settle } from './lib/driver.mjs';
import { useSuite } from './lib/harness.mjs';
import { REPO_ROOT } from './lib/server.mjs';

const LINES = ['soviet', 'japanese', 'two-island-1956'];
/** A line switched off or on changes at least this many pixels of the map (a 2–4 px line hundreds of px long). */
const CHANGED = 400;
/** The same state, restored from its permalink, differs in at most this share of pixels. */
const SAME = 0.002;
const IDLE_RUNS = 5;

describe('front end (Chromium, real server)', () => {
  let app;
  // Declared before the suite's own hooks: it runs while the browser is still open.
  after(async () => {
    await app?.close();
  });
  const suite = useSuite();

  test('first idle: loads cleanly, talks only to its server; time measured', { timeout: 300_000 }, async () => {
    const times = [];
    for (let i = 0; i < IDLE_RUNS; i++) {
      // A fresh context each time: an empty cache, as for a first visit. Default motion settings.
      const run = await openApp(suite.browser, suite.server.url, { reducedMotion: 'no-preference' });
      times.push(run.idleMs);
      assert.deepEqual(run.record.consoleErrors, [], run.describe());
      assert.deepEqual(run.record.failedRequests, [], run.describe());
      assert.deepEqual(run.record.badResponses, [], run.describe());
      assert.deepEqual([...run.record.hosts], [suite.server.host], run.describe());
      await run.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    // Parseable, for docs/benchmarks.md.
    console.log(
      `# frontend: first-idle-ms median=${median.toFixed(0)} min=${sorted[0].toFixed(0)} max=${sorted.at(-1).toFixed(0)} runs=${times.map((t) => t.toFixed(0)).join(',')}`,
    );
  });

  test('default state: three lines, both names, no areas; the hash says so', { timeout: 120_000 }, async () => {
    app = await openApp(suite.browser, suite.server.url, { permissions: ['clipboard-read', 'clipboard-write'] });
    const state = await app.state();
    assert.deepEqual(state.lines, { soviet: true, japanese: true, 'two-island-1956': true, 'equal-area-split': false });
    assert.equal(state.naming, 'both');
    assert.equal(state.areas, null);
    const counts = await app.renderedCounts(LINES.map((id) => `line:${id}`));
    for (const id of LINES) assert.ok(counts[`line:${id}`] > 0, `line:${id} renders: ${JSON.stringify(counts)}`);
    assert.match(await app.permalink(), /#map=6\/44\.3\/146\.5&lines=soviet,japanese,two-island-1956&areas=none&naming=both&lang=en$/);
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'en');
  });

  for (const id of LINES) {
    test(`line toggle ${id}: off removes it from the map (state, rendering, pixels), on restores it`, { timeout: 120_000 }, async () => {
      const before = await app.mapPixels();
      const toggle = app.byTestId(`line-toggle:${id}`);
      await app.idleAfter(() => toggle.uncheck());
      assert.equal(await app.layout(`line:${id}`, 'visibility'), 'none');
      assert.equal((await app.state()).lines[id], false);
      assert.equal((await app.renderedCounts([`line:${id}`]))[`line:${id}`], 0);
      const others = LINES.filter((l) => l !== id).map((l) => `line:${l}`);
      const counts = await app.renderedCounts(others);
      for (const l of others) assert.ok(counts[l] > 0, `${l} still renders`);
      const off = await app.mapPixels();
      const changed = pixelDiff(before, off);
      console.log(`# frontend: toggle ${id} off changes ${changed.count} px`);
      assert.ok(changed.count > CHANGED, `switching ${id} off changed only ${changed.count} px`);
      assert.doesNotMatch(await app.permalink(), new RegExp(`lines=[^&]*\\b${id}\\b`));

      await app.idleAfter(() => toggle.check());
      assert.equal(await app.layout(`line:${id}`, 'visibility'), 'visible');
      const back = pixelDiff(before, await app.mapPixels());
      assert.ok(back.share < SAME, `on again: ${back.count} px differ from before`);
    });
  }

  test('areas: each scenario shows its two claim layers, with land areas in the legend', { timeout: 300_000 }, async () => {
    const before = await app.mapPixels();
    for (const id of LINES) {
      await app.idleAfter(() => app.byTestId('areas-select').selectOption(id));
      for (const s of LINES) {
        for (const side of ['japan', 'russia']) {
          assert.equal(await app.layout(`claim:${s}:${side}`, 'visibility'), s === id ? 'visible' : 'none', `claim:${s}:${side}`);
        }
      }
      const counts = await app.renderedCounts([`claim:${id}:japan`, `claim:${id}:russia`]);
      assert.ok(counts[`claim:${id}:japan`] + counts[`claim:${id}:russia`] > 0, JSON.stringify(counts));
      const changed = pixelDiff(before, await app.mapPixels());
      assert.ok(changed.count > CHANGED * 10, `areas ${id}: ${changed.count} px changed`);
      // The server computes a scenario's figures on first use: allow it time.
      await app.page.waitForFunction(() => /km²/.test(document.querySelector('[data-testid="areas-summary"]').textContent), null, {
        timeout: 60_000,
      });
    }
    const summary = await app.byTestId('areas-summary').textContent();
    assert.match(summary, /Japan: [\d,]+ km²/);
    assert.match(summary, /Russia: [\d,]+ km²/);
    await app.idleAfter(() => app.byTestId('areas-select').selectOption('none'));
    assert.equal((await app.state()).areas, null);
  });

  test('naming switch changes the label text', { timeout: 120_000 }, async () => {
    const labels = async () => (await app.renderedProps('island-labels')).map((p) => p);
    const before = await app.mapPixels();
    const both = await labels();
    assert.ok(both.some((p) => p.name === 'Iturup / Etorofu'), JSON.stringify(both.map((p) => p.name)));

    await app.idleAfter(() => app.byTestId('naming:ja').check());
    assert.deepEqual(await app.layout('island-labels', 'text-field'), ['coalesce', ['get', 'name_ja_latn'], ['get', 'name']]);
    assert.deepEqual(await app.layout('place-labels', 'text-field'), ['coalesce', ['get', 'name_ja_latn'], ['get', 'name']]);
    const ja = pixelDiff(before, await app.mapPixels());
    assert.ok(ja.count > CHANGED, `Japanese names changed ${ja.count} px`);

    await app.idleAfter(() => app.byTestId('naming:ru').check());
    assert.deepEqual(await app.layout('island-labels', 'text-field'), ['coalesce', ['get', 'name_ru_latn'], ['get', 'name']]);
    const description = await app.byTestId('map-description').textContent();
    assert.match(description, /Iturup/);
    assert.doesNotMatch(description, /Etorofu/);

    await app.idleAfter(() => app.byTestId('naming:both').check());
    assert.deepEqual(await app.layout('island-labels', 'text-field'), ['get', 'name']);
    assert.ok(pixelDiff(before, await app.mapPixels()).share < SAME, 'both names again');
  });

  test('interface language: Japanese and Russian strings, document lang, native-script names', { timeout: 120_000 }, async () => {
    await app.idleAfter(() => app.byTestId('lang-select').selectOption('ja'));
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'ja');
    assert.match(await app.byTestId('controls').textContent(), /日本の立場/);
    await app.idleAfter(() => app.byTestId('naming:ja').check());
    assert.deepEqual(await app.layout('island-labels', 'text-field'), ['coalesce', ['get', 'name_ja'], ['get', 'name']]);
    assert.match(await app.byTestId('map-description').textContent(), /択捉島/);

    await app.idleAfter(() => app.byTestId('lang-select').selectOption('ru'));
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'ru');
    assert.match(await app.byTestId('controls').textContent(), /Позиция России/);
    await app.idleAfter(() => app.byTestId('naming:ru').check());
    assert.deepEqual(await app.layout('island-labels', 'text-field'), ['coalesce', ['get', 'name_ru'], ['get', 'name']]);

    await app.idleAfter(() => app.byTestId('lang-select').selectOption('en'));
    await app.idleAfter(() => app.byTestId('naming:both').check());
  });

  test('line panel: what it is, whose position, dates and documents, method, sources', { timeout: 60_000 }, async () => {
    await app.idleAfter(() => app.byTestId('line-info:japanese').click());
    const panel = app.byTestId('panel');
    await panel.waitFor({ state: 'visible' });
    const text = await panel.textContent();
    assert.match(text, /Japan's position/);
    assert.match(text, /Position of\s*Japan/);
    assert.match(text, /1855-02-07/);
    assert.match(text, /Method/);
    assert.match(text, /Equidistance/);
    assert.match(text, /Ministry of Foreign Affairs of Japan/);
    assert.deepEqual((await app.state()).selected, { kind: 'line', id: 'japanese' });
    assert.match(await app.permalink(), /&sel=line:japanese$/);
    // The selected line is drawn wider.
    const width = await app.paint('line:japanese', 'line-width');
    assert.equal(width.at(-1), 7);
  });

  test('clicking the map: a line, an island (areas), a strait (width, notes); hover highlights straits', { timeout: 120_000 }, async () => {
    await app.jumpTo({ center: [146.9, 44.4], zoom: 7 });
    // A line: click on a rendered point of the Soviet line.
    const point = await app.page.evaluate(() => {
      // A point of the Soviet line with no other line within 12 px (the lines share stretches).
      const map = window.__map;
      const others = ['line:japanese', 'line:two-island-1956'];
      for (const f of map.queryRenderedFeatures({ layers: ['line:soviet'] })) {
        const parts = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const coords of parts) {
          for (let i = 0; i + 1 < coords.length; i++) {
            const a = map.project(coords[i]);
            const b = map.project(coords[i + 1]);
            const p = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
            const { width, height } = map.getCanvas().getBoundingClientRect();
            const left = document.querySelector('[data-testid="dock"]').getBoundingClientRect().right + 20;
            if (p.x < left || p.y < 20 || p.x > width - 60 || p.y > height - 60) continue;
            const near = map.queryRenderedFeatures([[p.x - 12, p.y - 12], [p.x + 12, p.y + 12]], { layers: others });
            if (near.length === 0) return p;
          }
        }
      }
      return null;
    });
    assert.ok(point, 'a point of the Soviet line away from the others');
    await app.idleAfter(() => app.page.mouse.click(point.x, point.y));
    assert.deepEqual((await app.state()).selected, { kind: 'line', id: 'soviet' });

    // An island: the middle of Iturup.
    const iturup = await app.project([147.9, 45.2]);
    await app.idleAfter(() => app.page.mouse.click(iturup.x, iturup.y));
    assert.deepEqual((await app.state()).selected, { kind: 'island', id: 'iturup' });
    const islandText = await app.byTestId('panel').textContent();
    assert.match(islandText, /Iturup \/ Etorofu/);
    assert.match(islandText, /km²/);
    assert.match(islandText, /Computed by this map/);
    assert.match(islandText, /Official and published figures/);
    assert.match(islandText, /GSI \(Japan\)/);
    assert.ok(await app.renderedCounts(['selection:island']).then((c) => c['selection:island'] > 0), 'selected island outlined');

    // A strait: a point 30% of the way across the narrowest crossing of the Izmeny strait (Hokkaido–Kunashir),
    // away from the lines that run down its middle.
    await app.jumpTo({ center: [145.4, 43.7], zoom: 9 });
    const straits = await (await fetch(new URL('api/straits.geojson', suite.server.url))).json();
    const { from, to } = straits.features.find((f) => f.properties.id === 'izmeny').properties.width;
    const strait = await app.project([from[0] + 0.3 * (to[0] - from[0]), from[1] + 0.3 * (to[1] - from[1])]);
    await app.page.mouse.move(strait.x, strait.y);
    await settle(app.page);
    const hover = await app.page.evaluate(() =>
      window.__map.getFeatureState({ source: 'kuril', sourceLayer: 'straits', id: 'izmeny' }),
    );
    assert.equal(hover.hover, true, 'hovered strait has feature-state hover');
    await app.idleAfter(() => app.page.mouse.click(strait.x, strait.y));
    assert.deepEqual((await app.state()).selected, { kind: 'strait', id: 'izmeny' });
    assert.match(await app.byTestId('strait-width').textContent(), /^\d+(\.\d+)? km$/);
    await app.page.mouse.move(5, 790);
    await app.idleAfter(() => app.byTestId('panel-close').click());
    assert.equal((await app.state()).selected, null);
    assert.ok(await app.byTestId('panel').isHidden());
  });

  test('permalink: a new page opened on the copied link shows the same state and the same pixels', { timeout: 180_000 }, async () => {
    // Given a state made through the controls and the camera.
    await app.idleAfter(() => app.byTestId('line-toggle:japanese').uncheck());
    await app.idleAfter(() => app.byTestId('areas-select').selectOption('two-island-1956'));
    await app.idleAfter(() => app.byTestId('naming:ru').check());
    await app.jumpTo({ center: [146.3, 43.9], zoom: 7.4, bearing: 15 });
    await app.idleAfter(() => app.byTestId('sources-button').click());
    await app.idleAfter(() => app.byTestId('line-info:soviet').click());
    await app.page.evaluate(() => document.activeElement?.blur());
    await settle(app.page);
    // When the link is copied,
    await app.byTestId('copy-link').click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]').textContent !== '');
    const copied = await app.page.evaluate(() => navigator.clipboard.readText());
    const href = await app.permalink();
    assert.equal(copied, href);
    assert.match(href, /#map=7\.4\/43\.9\/146\.3\/15\/0&lines=soviet,two-island-1956&areas=two-island-1956&naming=ru&lang=en&sel=line:soviet$/);
    const state = await app.state();
    await app.page.evaluate(() => document.activeElement?.blur());
    await settle(app.page);
    const pixels = await app.mapPixels();

    // then a new page on it restores the state and the view.
    const other = await openApp(suite.browser, href);
    try {
      const restored = await other.state();
      assert.deepEqual(restored.lines, state.lines);
      assert.equal(restored.areas, state.areas);
      assert.equal(restored.naming, state.naming);
      assert.deepEqual(restored.selected, state.selected);
      for (const k of ['lng', 'lat', 'zoom', 'bearing', 'pitch']) {
        assert.ok(Math.abs(restored.camera[k] - state.camera[k]) < 1e-4, `camera ${k}: ${restored.camera[k]} vs ${state.camera[k]}`);
      }
      assert.equal(await other.permalink(), href, 'the restored page writes the same link');
      const diff = pixelDiff(pixels, await other.mapPixels());
      console.log(`# frontend: permalink restore differs in ${diff.count} px (${(diff.share * 100).toFixed(3)}%)`);
      assert.ok(diff.share < SAME, `restored view differs in ${diff.count} px`);
      assert.deepEqual(other.record.consoleErrors, [], other.describe());
    } finally {
      await other.close();
    }
    // Back and forth in the hash (e.g. the user edits it) applies too.
    await app.idleAfter(() => app.page.evaluate(() => (location.hash = '#map=6/44.3/146.5&lines=japanese')));
    await app.page.waitForFunction(() => window.__app.state().lines.soviet === false);
    assert.equal(await app.layout('line:soviet', 'visibility'), 'none');
    assert.equal(await app.layout('line:japanese', 'visibility'), 'visible');
  });

  test('keyboard only: Tab reaches the toggles with visible focus, Space toggles, Enter opens details, Escape closes', { timeout: 120_000 }, async () => {
    const kb = await openApp(suite.browser, suite.server.url);
    try {
      const page = kb.page;
      const focusedTestId = () => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);
      let found = false;
      // Past the dock's toggle and the tool buttons.
      for (let i = 0; i < 20 && !found; i++) {
        await page.keyboard.press('Tab');
        found = (await focusedTestId()) === 'line-toggle:soviet';
      }
      assert.ok(found, 'Tab reaches the first line toggle');
      const outline = await page.evaluate(() => {
        const cs = getComputedStyle(document.activeElement);
        return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      });
      assert.notEqual(outline.style, 'none', 'focus is visible');
      assert.ok(outline.width >= 2, `focus outline ${outline.width}px`);

      const before = await kb.mapPixels();
      await kb.idleAfter(() => page.keyboard.press('Space'));
      assert.equal((await kb.state()).lines.soviet, false);
      assert.equal(await kb.layout('line:soviet', 'visibility'), 'none');
      assert.ok(pixelDiff(before, await kb.mapPixels()).count > CHANGED, 'the keyboard toggle changed the map');

      await page.keyboard.press('Tab'); // the details button of the same line
      assert.equal(await focusedTestId(), 'line-info:soviet');
      await kb.idleAfter(() => page.keyboard.press('Enter'));
      assert.ok(await kb.byTestId('panel').isVisible());
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'panel-title', 'focus moves to the panel');
      await kb.idleAfter(() => page.keyboard.press('Escape'));
      assert.ok(await kb.byTestId('panel').isHidden());
      assert.equal(await focusedTestId(), 'line-info:soviet', 'focus returns to the opener');

      for (const id of ['line-toggle:japanese', 'line-toggle:two-island-1956']) {
        for (let i = 0; i < 4 && (await focusedTestId()) !== id; i++) await page.keyboard.press('Tab');
        assert.equal(await focusedTestId(), id);
        await kb.idleAfter(() => page.keyboard.press('Space'));
      }
      assert.deepEqual((await kb.state()).lines, { soviet: false, japanese: false, 'two-island-1956': false, 'equal-area-split': false });
      assert.match(await kb.byTestId('map-description').textContent(), /no boundary line/);
      assert.deepEqual(kb.record.consoleErrors, [], kb.describe());
    } finally {
      await kb.close();
    }
  });

  test('dark mode and reduced motion follow the system settings', { timeout: 120_000 }, async () => {
    const dark = await openApp(suite.browser, suite.server.url, { colorScheme: 'dark', reducedMotion: 'reduce' });
    try {
      assert.equal(await dark.paint('background', 'background-color'), '#0e1822');
      assert.equal(await dark.paint('island-labels', 'text-color'), '#f2f2f2');
      assert.equal(await dark.page.evaluate(() => window.__map._fadeDuration), 0, 'no label fades');
      const bg = await dark.page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="dock"]')).backgroundColor);
      assert.equal(bg, 'rgb(28, 35, 43)');
      assert.deepEqual(dark.record.consoleErrors, [], dark.describe());
    } finally {
      await dark.close();
    }
  });

  test('README screenshot: the four islands, three lines, both names (1200×800)', { timeout: 120_000 }, async () => {
    const shot = await openApp(suite.browser, suite.server.url, {
      viewport: { width: 1200, height: 800 },
      hash: '#map=6.75/44.25/146.35&lines=soviet,japanese,two-island-1956&areas=none&naming=both&lang=en',
    });
    try {
      const counts = await shot.renderedCounts(LINES.map((id) => `line:${id}`));
      for (const id of LINES) assert.ok(counts[`line:${id}`] > 0, `line:${id} in the screenshot`);
      const names = (await shot.renderedProps('island-labels')).map((p) => p.name);
      for (const n of ['Iturup / Etorofu', 'Kunashir / Kunashiri', 'Shikotan']) assert.ok(names.includes(n), `${n} in ${names}`);
      const png = await shot.page.screenshot();
      // docs/screenshot.png is rewritten only on request, so that test runs leave the tree clean.
      if (process.env.KURIL_UPDATE_SCREENSHOT === '1') {
        writeFileSync(join(REPO_ROOT, 'docs', 'screenshot.png'), png);
        console.log('# frontend: wrote docs/screenshot.png');
      }
      if (process.env.KURIL_E2E_SCREENSHOTS) {
        mkdirSync(process.env.KURIL_E2E_SCREENSHOTS, { recursive: true });
        writeFileSync(join(process.env.KURIL_E2E_SCREENSHOTS, 'frontend.png'), png);
      }
    } finally {
      await shot.close();
    }
  });

  test('no console errors and no foreign hosts over the whole session', () => {
    assert.deepEqual(app.record.consoleErrors, [], app.describe());
    assert.deepEqual(app.record.badResponses, [], app.describe());
    assert.deepEqual([...app.record.hosts], [suite.server.host], app.describe());
  });
});
