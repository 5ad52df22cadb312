// The web app at / in Chromium: loads cleanly, only talks to its own server, renders the three lines and labels.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  LINE_LAYERS,
  attributionText,
  describeRecord,
  maybeScreenshot,
  openPage,
  renderedFeatures,
  renderedLines,
} from './lib/browser.mjs';
import { gotoMap, useSuite } from './lib/harness.mjs';

describe('web app at / (Chromium)', () => {
  const suite = useSuite();
  let page;
  let record;
  let idleMs;

  before(async () => {
    ({ page, record } = await openPage(suite.browser));
  });

  test('loads and reaches the first idle', { timeout: 120_000 }, async () => {
    const started = Date.now();
    idleMs = await gotoMap(page, record, suite.server.url);
    const wallMs = Date.now() - started;
    // For docs/benchmarks.md.
    console.log(`# app: navigation to first idle ${idleMs.toFixed(0)} ms (page clock; ${wallMs} ms wall in the test)`);
    assert.ok(await page.evaluate(() => Boolean(window.__map)), 'window.__map is set');
  });

  test('zero console errors, failed requests and HTTP errors', () => {
    assert.ok(idleMs !== undefined, 'the page loaded');
    assert.deepEqual(record.consoleErrors, [], describeRecord(record));
    assert.deepEqual(record.failedRequests, [], describeRecord(record));
    assert.deepEqual(record.badResponses, [], describeRecord(record));
  });

  test('no requests to hosts other than the server', () => {
    assert.ok(record.requests.length > 0, 'the page made requests');
    assert.deepEqual([...record.hosts], [suite.server.host], `requests:\n  ${record.requests.join('\n  ')}`);
    assert.ok(record.requests.some((u) => u.includes('/tiles/')), 'tiles were requested');
    assert.ok(record.requests.some((u) => u.includes('/glyphs/')), 'glyphs were requested');
  });

  test('island labels render: Iturup', async () => {
    const { 'island-labels': labels } = await renderedFeatures(page, ['island-labels']);
    assert.ok(labels.present, 'the style has the layer island-labels');
    const names = labels.props.map((p) => p.name);
    assert.ok(names.some((n) => /Iturup/.test(n ?? '')), `rendered island labels: ${JSON.stringify(names)}`);
  });

  test('the three boundary lines render', { timeout: 120_000 }, async () => {
    const { features, view } = await renderedLines(page);
    if (view !== 'initial') console.log(`# app: not all lines in the initial view; checked at ${JSON.stringify(view)}`);
    for (const id of LINE_LAYERS) {
      assert.ok(features[id].present, `the style has the layer ${id}`);
      assert.ok(features[id].count > 0, `no rendered features in ${id}: ${JSON.stringify(features)}`);
    }
    await maybeScreenshot(page, 'app');
  });

  test('the data sources are credited (attribution control)', async () => {
    const text = await attributionText(page);
    assert.match(text, /GSHHG/, `attribution: ${JSON.stringify(text)}`);
    assert.match(text, /OpenStreetMap contributors/, `attribution: ${JSON.stringify(text)}`);
    assert.match(text, /Natural Earth/, `attribution: ${JSON.stringify(text)}`);
  });
});
