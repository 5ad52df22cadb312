// Japanese and Russian readers read their own language: opened with lang=ja or lang=ru, the timeline, the
// straits tour, the scenario, island and strait panels (notes and method texts too), the legend and the map's
// credits are in that language, from the documents the server (or the export) gives in it. "In that language" is measured, not looked up: the panel's text has the language's own
// script and no English words. Changing the language with a panel open reloads it in the new language.
// KURIL_UPDATE_SCREENSHOTS=1 writes docs/screenshots/{ja,ru}-{timeline,tour,line}.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { attributionText } from './lib/browser.mjs';
import { openApp } from './lib/driver.mjs';
import { useSuite } from './lib/harness.mjs';
import { REPO_ROOT } from './lib/server.mjs';

const SHOTS = process.env.KURIL_UPDATE_SCREENSHOTS ? join(REPO_ROOT, 'docs', 'screenshots') : null;
const SCRIPT = { ja: /[\u3040-\u30ff\u4e00-\u9fff]/, ru: /[А-Яа-яЁё]/ };

/**
 * English words left in a text: runs of four or more Latin letters, leaving out the romanised names, units and
 * abbreviations that Japanese and Russian texts write in Latin letters.
 */
function englishWords(text) {
  const allowed = /^(WGS|GSHHG|OpenStreetMap|Natural|Earth|MapLibre|Wikipedia|RT|Hvatkov|Maxim|GeoJSON|km|nmi|Noto|Sans|Wessel|Smith|ODbL|LGPL|OFL|BSD|Clause)$/i;
  return (text.match(/\b[A-Za-z]{4,}\b/g) ?? []).filter((w) => !allowed.test(w));
}

/**
 * The text of an element without its source lists (titles of the sources are in their own languages) and without
 * what `drop` selects.
 */
function ownText(page, testid, drop = '') {
  return page.evaluate(
    ([id, extra]) => {
      const el = document.querySelector(`[data-testid="${id}"]`).cloneNode(true);
      for (const s of el.querySelectorAll(`.sources, [lang="en"]${extra}`)) s.remove();
      return el.textContent;
    },
    [testid, drop ? `, ${drop}` : ''],
  );
}

describe('languages: the stories and panels in Japanese and Russian (Chromium, real server)', () => {
  const suite = useSuite();

  for (const lang of ['ja', 'ru']) {
    test(`${lang}: timeline, straits tour, scenario panel and legend in ${lang}`, { timeout: 180_000 }, async () => {
      const app = await openApp(suite.browser, suite.server.url, { hash: `#lang=${lang}`, viewport: { width: 1280, height: 800 } });
      try {
        const { page } = app;
        const check = async (testid, what, drop) => {
          const text = await ownText(page, testid, drop);
          assert.match(text, SCRIPT[lang], `${lang} ${what}: in its script: ${text.slice(0, 200)}`);
          assert.deepEqual(englishWords(text), [], `${lang} ${what}: English words in ${text.slice(0, 400)}`);
        };
        await check('controls', 'legend and controls');
        const shot = async (name) => {
          if (!SHOTS) return;
          mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: join(SHOTS, `${lang}-${name}.png`) });
        };

        // The timeline: every step.
        await app.idleAfter(() => app.byTestId('timeline-button').click());
        const steps = (await (await fetch(`${suite.server.url}api/timeline?lang=${lang}`)).json()).steps;
        for (let i = 0; i < steps.length; i++) {
          await check('timeline', `timeline step ${steps[i].id}`);
          if (steps[i].id === '1956-joint-declaration') await shot('timeline');
          if (i + 1 < steps.length) await app.idleAfter(() => app.byTestId('timeline-next').click());
        }
        await app.idleAfter(() => app.byTestId('timeline-close').click());

        // The straits tour: every stop.
        await app.idleAfter(() => app.byTestId('straits-button').click());
        for (let i = 0; i < 4; i++) {
          await check('straits-tour', `straits stop ${i + 1}`);
          if (i === 0) await shot('tour');
          if (i < 3) await app.idleAfter(() => app.byTestId('straits-next').click());
        }
        await app.idleAfter(() => app.byTestId('straits-close').click());

        // Each position's panel: title, whose position, summary, dates.
        for (const id of ['soviet', 'japanese', 'two-island-1956']) {
          await app.idleAfter(() => app.byTestId(`line-info:${id}`).click());
          await app.page.waitForFunction(() => !document.querySelector('[data-testid="panel"]')?.dataset.loading);
          await check('panel', `the ${id} panel`);
          if (id === 'soviet') await shot('line');
        }

        // An island's and a strait's panel: areas with who gave them, the method notes, the strait's notes.
        for (const [sel, what] of [
          ['island:iturup', 'the Iturup panel'],
          ['strait:catherine', 'the Catherine Strait panel'],
        ]) {
          await app.idleAfter(() => app.page.evaluate((h) => (location.hash = h), `#lang=${lang}&sel=${sel}`));
          await app.page.waitForFunction(() => !document.querySelector('[data-testid="panel"]')?.dataset.loading && document.querySelector('[data-testid="panel"] .note'));
          // The subtitle lists the place's names in every script and romanisation, on purpose.
          await check('panel', what, '.subtitle');
        }

        // The map's credits.
        const credits = await attributionText(page);
        assert.match(credits, SCRIPT[lang], `${lang} credits: ${credits}`);
        assert.deepEqual(englishWords(credits), [], `${lang} credits: ${credits}`);
        assert.deepEqual(app.record.consoleErrors, [], app.describe());
      } finally {
        await app.close();
      }
    });
  }

  test('changing the language with the timeline open shows the step in the new language', { timeout: 120_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { hash: '#step=1956-joint-declaration', viewport: { width: 1280, height: 800 } });
    try {
      await app.page.getByTestId('timeline-step').waitFor();
      const en = await ownText(app.page, 'timeline');
      assert.match(en, /Joint Declaration/);
      await app.idleAfter(() => app.byTestId('lang-select').selectOption('ru'));
      await app.page.waitForFunction(() => /[А-Яа-я]{4}/.test(document.querySelector('[data-testid="timeline-step"]')?.textContent ?? ''));
      assert.deepEqual(englishWords(await ownText(app.page, 'timeline')), []);
      await app.idleAfter(() => app.byTestId('lang-select').selectOption('ja'));
      await app.page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('[data-testid="timeline-step"]')?.textContent ?? ''));
      assert.deepEqual(englishWords(await ownText(app.page, 'timeline')), []);
    } finally {
      await app.close();
    }
  });

  test('the API answers each language, and an unknown one with a 400', async () => {
    for (const path of ['api/timeline', 'api/straits-tour', 'api/lines', 'api/scenarios/soviet', 'api/islands.geojson', 'api/straits.geojson', 'api/places.geojson']) {
      const en = await (await fetch(`${suite.server.url}${path}`)).text();
      const ja = await (await fetch(`${suite.server.url}${path}?lang=ja`)).text();
      const ru = await (await fetch(`${suite.server.url}${path}?lang=ru`)).text();
      assert.notEqual(ja, en, path);
      assert.notEqual(ru, en, path);
      assert.match(ja, SCRIPT.ja, path);
      assert.match(ru, SCRIPT.ru, path);
      const bad = await fetch(`${suite.server.url}${path}?lang=de`);
      assert.equal(bad.status, 400, path);
      assert.match((await bad.json()).error.message, /en, ja, ru/);
    }
  });
});
