// Printing a timeline step (a teacher's handout): the PDF Chromium prints has the map as an image (not the blank a
// WebGL canvas prints), its key, the step's text and sources, and no buttons. Read back with poppler (pdftotext,
// pdfimages), not with the page. Also: the "this view as an image" downloads are images of the view.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { describeRecord } from './lib/browser.mjs';
import { openApp } from './lib/driver.mjs';
import { useSuite } from './lib/harness.mjs';

const havePoppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
const skip = havePoppler ? false : 'pdftotext not found: apt-get install -y poppler-utils (tests/e2e/run.sh installs it)';

/** Distinct colours of an image, coarsely (to tell a map from a blank). */
function colours(png) {
  const seen = new Set();
  for (let i = 0; i < png.data.length; i += 4 * 97) seen.add(`${png.data[i] >> 4},${png.data[i + 1] >> 4},${png.data[i + 2] >> 4}`);
  return seen.size;
}

describe('print and images of the view (Chromium, real server)', { skip }, () => {
  const suite = useSuite();
  let dir;
  let timeline;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuril-e2e-print-'));
    timeline = await (await fetch(`${suite.server.url}api/timeline`)).json();
  });
  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a PDF of a timeline step: the map as an image, its key, the step’s text; no buttons', { timeout: 180_000 }, async () => {
    const step = timeline.steps.find((s) => s.id === '1956-joint-declaration') ?? timeline.steps[0];
    const app = await openApp(suite.browser, suite.server.url, { hash: `#step=${step.id}` });
    try {
      await app.page.waitForFunction((id) => document.querySelector(`[data-testid="timeline-step"][data-step="${id}"]`), step.id);
      // What the browser does before printing (Ctrl+P or the Print button): the page prepares its print view.
      await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await app.page.getByTestId('print-map').evaluate((img) => img.decode());
      const pdf = join(dir, 'step.pdf');
      writeFileSync(pdf, await app.page.pdf({ format: 'A4', printBackground: true }));
      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      assert.ok(text.includes(step.title), `the step's title in the PDF:\n${text.slice(0, 1500)}`);
      for (const line of step.map.lines) {
        const name = await app.page.evaluate((id) => document.querySelector(`[data-testid="line-toggle:${id}"]`)?.closest('label')?.textContent?.trim() ?? null, line);
        if (name) assert.ok(text.replace(/\s+/g, ' ').includes(name.replace(/\s+/g, ' ')), `the key names ${name}:\n${text.slice(0, 1500)}`);
      }
      // Each word of the source's title (its first 30 characters): pdftotext -layout puts a title's Japanese words on a
      // line of their own when they are set in the CJK font beside Latin text.
      const flat = text.replace(/\s+/g, ' ');
      for (const source of step.sources) {
        const words = source.title.slice(0, 30).split(/[\s,.:;()（）「」]+/).filter(Boolean);
        const missing = words.filter((w) => !flat.includes(w));
        assert.deepEqual(missing, [], `source ${source.title}:\n${text.slice(0, 3000)}`);
      }
      for (const control of ['Previous', 'Next', 'Copy link', 'Compare', 'Statistics', 'Hide panel']) {
        assert.ok(!text.includes(control), `no "${control}" button in the PDF`);
      }
      // The map: an image of real content (sea, land, lines), not a blank.
      spawnSync('pdfimages', ['-png', pdf, join(dir, 'img')]);
      const images = readdirSync(dir).filter((f) => f.startsWith('img') && f.endsWith('.png')).map((f) => PNG.sync.read(readFileSync(join(dir, f))));
      const map = images.sort((a, b) => b.width * b.height - a.width * a.height)[0];
      assert.ok(map && map.width > 300 && map.height > 200, `an image of the map in the PDF: ${images.map((i) => `${i.width}x${i.height}`)}`);
      assert.ok(colours(map) > 8, `the image has the map's colours (${colours(map)} distinct)`);
      assert.deepEqual(app.record.consoleErrors, [], describeRecord(app.record));
    } finally {
      await app.close();
    }
  });

  test('“this view as an image”: PNG and SVG of the view from the Downloads pane', { timeout: 120_000 }, async () => {
    const app = await openApp(suite.browser, suite.server.url, { hash: '#map=7/43.9/146.2&lines=soviet,two-island-1956&areas=two-island-1956' });
    try {
      await app.byTestId('tool:downloads').click();
      for (const [format, type] of [
        ['png', 'image/png'],
        ['svg', 'image/svg+xml'],
      ]) {
        const link = app.byTestId(`view-image.${format}`);
        await link.focus();
        const href = await link.getAttribute('href');
        const u = new URL(href, suite.server.url);
        assert.equal(u.pathname, `/image.${format}`);
        assert.equal(u.searchParams.get('areas'), 'two-island-1956');
        assert.equal(u.searchParams.get('lines'), 'soviet,two-island-1956');
        // The size of the map's free part, so the image shows what the reader sees.
        const free = await app.page.evaluate(() => {
          const dock = document.querySelector('[data-testid="dock"]').getBoundingClientRect();
          return { width: window.innerWidth - (document.body.dataset.layout === 'wide' ? dock.right : 0), height: window.innerHeight - (document.body.dataset.layout === 'phone' ? window.innerHeight - dock.top : 0) };
        });
        assert.ok(Math.abs(Number(u.searchParams.get('width')) - free.width) <= 1, `${u.searchParams.get('width')} vs ${free.width}`);
        assert.ok(Math.abs(Number(u.searchParams.get('height')) - free.height) <= 1, `${u.searchParams.get('height')} vs ${free.height}`);
        const res = await fetch(u);
        assert.equal(res.status, 200, href);
        assert.equal(res.headers.get('content-type').split(';')[0], type);
        assert.ok((await res.arrayBuffer()).byteLength > 1000, `${href}: an image, not an empty answer`);
      }
    } finally {
      await app.close();
    }
  });
});
