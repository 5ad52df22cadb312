// Debian's Chromium driven by playwright-core (no downloaded browser), with a recorder of what a page did:
// console errors, uncaught exceptions, failed requests, HTTP responses >= 400 and the host of every request.
import { accessSync, constants } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags tested on this machine (shared/TOOLING.md); as root --no-sandbox is required.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Chromium's software WebGL reports these when MapLibre reads pixels back (queryRenderedFeatures); they are
// warnings about speed, not errors of the page.
const IGNORED_CONSOLE = [/GPU stall due to ReadPixels/i];

/** Launches headless Chromium; fails clearly when it is not installed. */
export async function launchBrowser() {
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with ` +
        '`apt-get install -y --no-install-recommends chromium fonts-liberation` (tests/e2e/run.sh does), ' +
        'or set CHROMIUM_PATH',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * Opens a new page (own context) with a recorder attached. `record.idleAt` (ms after navigation start, from
 * the page's own clock) is filled in by an observer on `data-map-idle`, so the time to the first idle does not
 * depend on how often the test polls.
 */
export async function openPage(browser, { viewport = { width: 1280, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      if (document.body && document.body.dataset.mapIdle === '1') {
        window.__mapIdleAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-idle'] });
  });
  const page = await context.newPage();
  const record = {
    consoleErrors: [],
    failedRequests: [],
    badResponses: [],
    requests: [],
    hosts: new Set(),
  };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (IGNORED_CONSOLE.some((re) => re.test(text))) return;
    const loc = msg.location();
    const index = record.consoleErrors.push(loc && loc.url ? `${text} (${loc.url}:${loc.lineNumber})` : text) - 1;
    // An Error argument prints as its bare name ("Error"): add its message and stack, for the diagnosis.
    Promise.all(
      msg.args().map((arg) =>
        arg.evaluate((v) => (v instanceof Error ? `${v.name}: ${v.message}\n${v.stack ?? ''}` : null)).catch(() => null),
      ),
    ).then((details) => {
      const errors = details.filter(Boolean);
      if (errors.length > 0) record.consoleErrors[index] += `\n    ${errors.join('\n    ')}`;
    });
  });
  page.on('pageerror', (err) => record.consoleErrors.push(`uncaught: ${err.stack || err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    record.requests.push(url);
    const { protocol, host } = new URL(url);
    // blob: and data: URLs stay inside the page.
    if (protocol !== 'blob:' && protocol !== 'data:') record.hosts.add(host || protocol);
  });
  page.on('requestfailed', (req) => {
    record.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) record.badResponses.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return { context, page, record };
}

/** A short account of what the page recorded, for assertion messages. */
export function describeRecord(record) {
  const list = (name, items) => (items.length ? `${name}:\n  ${items.join('\n  ')}` : `${name}: none`);
  return [
    list('console errors', record.consoleErrors),
    list('failed requests', record.failedRequests),
    list('responses >= 400', record.badResponses),
    `hosts: ${[...record.hosts].join(', ') || 'none'}`,
  ].join('\n');
}

/**
 * Waits for `document.body.dataset.mapIdle === "1"` (set by the app on the map's first idle event) and returns
 * the time from navigation start to that moment in ms.
 */
export async function waitForMapIdle(page, record, { timeoutMs = 60_000 } = {}) {
  try {
    await page.waitForFunction(() => document.body && document.body.dataset.mapIdle === '1', null, {
      timeout: timeoutMs,
      polling: 100,
    });
  } catch (err) {
    throw new Error(`the map did not become idle within ${timeoutMs} ms (${err.message})\n${describeRecord(record)}`);
  }
  return page.evaluate(() => window.__mapIdleAt ?? performance.now());
}

/** Rendered features per layer id (and their `name`/`line` properties) in the current view. */
export async function renderedFeatures(page, layers) {
  return page.evaluate((layerIds) => {
    const map = window.__map;
    const present = layerIds.filter((id) => map.getLayer(id));
    const out = Object.fromEntries(layerIds.map((id) => [id, { present: present.includes(id), count: 0, props: [] }]));
    if (present.length === 0) return out;
    for (const f of map.queryRenderedFeatures({ layers: present })) {
      const entry = out[f.layer.id];
      entry.count += 1;
      if (entry.props.length < 50) entry.props.push({ name: f.properties.name, line: f.properties.line });
    }
    return out;
  }, layers);
}

/** Moves the map and waits for the next idle event. */
export async function jumpAndIdle(page, view, { timeoutMs = 60_000 } = {}) {
  await page.evaluate(
    ({ view, timeoutMs }) =>
      new Promise((resolve, reject) => {
        const map = window.__map;
        const timer = setTimeout(() => reject(new Error(`no idle within ${timeoutMs} ms after jumpTo`)), timeoutMs);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        map.jumpTo(view);
      }),
    { view, timeoutMs },
  );
}

export const LINE_LAYERS = ['line:soviet', 'line:japanese', 'line:two-island-1956'];

/**
 * Renders the three boundary lines: at the current view, or else at a view that holds all three.
 * Returns { counts, view } where view is 'initial' or the view jumped to.
 */
export async function renderedLines(page) {
  let features = await renderedFeatures(page, LINE_LAYERS);
  if (LINE_LAYERS.every((id) => features[id].count > 0)) return { features, view: 'initial' };
  const view = { center: [147.5, 44.8], zoom: 6 };
  await jumpAndIdle(page, view);
  features = await renderedFeatures(page, LINE_LAYERS);
  return { features, view };
}

/** With $KURIL_E2E_SCREENSHOTS set to a folder, saves a PNG of the page there as NAME.png (for a person to look at). */
export async function maybeScreenshot(page, name) {
  const dir = process.env.KURIL_E2E_SCREENSHOTS;
  if (!dir) return null;
  const { mkdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** The text of MapLibre's attribution control ('' when it shows none). */
export async function attributionText(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.maplibregl-ctrl-attrib-inner')].map((el) => el.textContent.trim()).join(' '),
  );
}
