// Keyboard use of every pane, and what the map says at overview zooms. Each pane (the five tools, the timeline,
// the straits tour) takes the focus when a reader opens it, closes on Escape and gives the focus back to the
// button that opened it. At the opening zoom (6) and further out, the Habomai islets have a group label and the
// screen-reader description names every disputed unit; a click on the group label zooms to the islets.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openApp } from './lib/driver.mjs';
import { useSuite } from './lib/harness.mjs';

/** The focused element's id and data-testid, and whether the element with data-testid `pane` holds it. */
async function focusInfo(page, pane = '') {
  return page.evaluate((p) => {
    const el = document.activeElement;
    const box = p ? document.querySelector(`[data-testid="${p}"]`) : null;
    return { id: el?.id || '', testid: el?.dataset?.testid || '', tag: el?.tagName, inside: Boolean(box && el && box.contains(el) && box !== el) };
  }, pane);
}

describe('keyboard and overview zooms (Chromium, real server)', () => {
  const suite = useSuite();

  for (const viewport of [
    { name: 'laptop', width: 1280, height: 800 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`${viewport.name}: every pane takes the focus when opened, closes on Escape, gives the focus back`, { timeout: 180_000 }, async () => {
      const app = await openApp(suite.browser, suite.server.url, { viewport });
      try {
        const { page } = app;
        for (const tool of ['compare', 'stats', 'downloads', 'overlay', 'measure']) {
          const button = page.getByTestId(`tool:${tool}`);
          await button.focus();
          await page.keyboard.press('Enter');
          // Statistics fill in from the API: the heading takes the focus once they have.
          await page.waitForFunction((t) => document.activeElement?.id === `pane-${t}-title`, tool, { timeout: 10_000 }).catch(() => {});
          const opened = await focusInfo(page);
          assert.equal(opened.id, `pane-${tool}-title`, `${tool}: the focus went to ${JSON.stringify(opened)}`);
          assert.equal(await button.getAttribute('aria-expanded'), 'true', tool);
          await page.keyboard.press('Escape');
          assert.equal(await button.getAttribute('aria-expanded'), 'false', `${tool}: Escape closes the pane`);
          assert.equal((await focusInfo(page)).testid, `tool:${tool}`, `${tool}: the focus is back on its button`);
        }
        for (const [opener, pane, title] of [
          ['timeline-button', 'timeline', 'timeline-step-title'],
          ['straits-button', 'straits-tour', null],
        ]) {
          const button = page.getByTestId(opener);
          await button.focus();
          await app.idleAfter(() => page.keyboard.press('Enter'));
          await page.getByTestId(pane).waitFor({ state: 'visible' });
          const opened = await focusInfo(page, pane);
          if (title) assert.equal(opened.id, title, `${pane}: the focus went to ${JSON.stringify(opened)}`);
          assert.ok(opened.inside, `${pane}: the focus is inside the pane: ${JSON.stringify(opened)}`);
          await app.idleAfter(() => page.keyboard.press('Escape'));
          assert.ok(await page.getByTestId(pane).isHidden(), `${pane}: Escape closes it`);
          assert.equal((await focusInfo(page)).testid, opener, `${pane}: the focus is back on its button`);
        }
        assert.deepEqual(app.record.consoleErrors, [], app.describe());
      } finally {
        await app.close();
      }
    });
  }

  test('overview zooms: a Habomai group label, every disputed unit in the description; the label zooms in', { timeout: 120_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { viewport: { width: 1280, height: 800 } });
    try {
      // Labels collide below zoom 5 (the four islands are a few dozen pixels apart); the description, read from
      // the tiles rather than from what is drawn, names every unit at every zoom.
      for (const zoom of [6, 5, 4, 3]) {
        await app.jumpTo({ center: [146.6, 44.2], zoom });
        if (zoom >= 5) {
          const labels = await app.page.evaluate(() =>
            window.__map.queryRenderedFeatures({ layers: ['island-labels'] }).map((f) => ({ id: f.properties.id, name: f.properties.name })),
          );
          const group = labels.find((l) => l.id === 'habomai');
          assert.ok(group, `zoom ${zoom}: a Habomai group label is drawn: ${JSON.stringify(labels)}`);
          assert.match(group.name, /Habomai/);
        }
        const text = await app.byTestId('map-description').textContent();
        for (const name of [/Iturup/, /Kunashir/, /Shikotan/, /Habomai/]) assert.match(text, name, `zoom ${zoom}: ${text}`);
      }

      // A click on the group label zooms to where each islet has its own label.
      await app.jumpTo({ center: [146.6, 44.2], zoom: 6 });
      const at = await app.page.evaluate(() => {
        const f = window.__map.queryRenderedFeatures({ layers: ['island-labels'] }).find((l) => l.properties.id === 'habomai');
        return { point: window.__map.project(f.geometry.coordinates), until: f.properties.until_zoom };
      });
      await app.idleAfter(() => app.page.mouse.click(at.point.x, at.point.y));
      await app.page.waitForFunction((z) => window.__map.getZoom() >= z && !window.__map.isMoving(), at.until, { timeout: 10_000 });
      const islets = await app.page.evaluate(() =>
        window.__map.queryRenderedFeatures({ layers: ['island-labels'] }).map((f) => f.properties.id),
      );
      assert.ok(!islets.includes('habomai'), `the group label gives way to the islets: ${islets}`);
      const habomai = ['suisho-tanfilyeva', 'yuri', 'akiyuri-anuchina', 'shibotsu-zelyony', 'taraku-polonsky', 'kaigara-signalny', 'todo-oskolki', 'harukari-dyomina'];
      assert.ok(islets.filter((id) => habomai.includes(id)).length >= 3, `islets of the Habomai group labelled: ${islets}`);
      assert.deepEqual(app.record.consoleErrors, [], app.describe());
    } finally {
      await app.close();
    }
  });
});
