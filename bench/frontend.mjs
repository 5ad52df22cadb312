#!/usr/bin/env node
// The front end against its floor: cold loads of the app at `/` and of a bare MapLibre page drawing the same
// style (`/style.json`) from the same server, same viewport (1280×800) and camera, in headless Chromium.
//
//   node bench/frontend.mjs http://127.0.0.1:8080 [RUNS=7] [PORT=18221]
//
// Each run is a fresh browser context (empty cache), app and bare alternating. The time is from navigation
// start to the map's first `idle` (the page's own clock). The bytes are those on the wire (response headers and
// the possibly compressed body, as DevTools' encodedDataLength; Playwright's request sizes, which see the map's
// web worker too, i.e. the tiles) of every request that finished before that idle.
// The bare page is served by a tiny Node server on 127.0.0.1:PORT (bench only, nothing added to the product):
// an HTML page plus MapLibre's own dist files from web/node_modules; style, tiles and glyphs come from the server
// under test (cross-origin; the server allows CORS). Its map takes the options of web/src/map.ts that change what
// is fetched and drawn (localIdeographFontFamily: false, fadeDuration 300) and the app's padding (the dock).
//
// Prints, for bench/compare.sh and docs/benchmarks.md, one line
//   frontend idle-ratio=R app-ms=A bare-ms=B min-ratio=Q app-bytes=X bare-bytes=Y app-files=N bare-files=M runs=K
// (medians over the runs; the ratio is app-ms/bare-ms, target ≤ 1.1; min-ratio, of the fastest runs), and each page's files before its idle
// (median bytes over the runs; the server's own without their host) as
//   frontend-file page=app file=/app.js bytes=…
// Needs: Chromium (/usr/bin/chromium or $CHROMIUM_PATH) and tests/e2e/node_modules (npm ci there).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1280, height: 800 };
const TIMEOUT_MS = 60_000;

function usage(message) {
  console.error(`bench/frontend.mjs: ${message}\nusage: node bench/frontend.mjs SERVER_URL [RUNS=7] [PORT=18221]`);
  process.exit(2);
}

const [serverArg, runsArg = '7', portArg = '18221'] = process.argv.slice(2);
if (!serverArg) usage('the URL of a running server is required');
let server;
try {
  server = new URL(serverArg);
} catch {
  usage(`not a URL: ${serverArg}`);
}
const RUNS = Number(runsArg);
const PORT = Number(portArg);
if (!Number.isInteger(RUNS) || RUNS < 1) usage(`RUNS must be a positive integer, not ${runsArg}`);
if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) usage(`PORT must be a port number, not ${portArg}`);
const origin = server.origin;

let chromium;
try {
  ({ chromium } = createRequire(join(ROOT, 'tests/e2e/package.json'))('playwright-core'));
} catch (err) {
  console.error(`bench/frontend.mjs: playwright-core missing: run \`npm ci\` in tests/e2e (${err.message})`);
  process.exit(1);
}
const maplibreDist = join(ROOT, 'web/node_modules/maplibre-gl/dist');
let maplibreJs;
let maplibreCss;
try {
  maplibreJs = readFileSync(join(maplibreDist, 'maplibre-gl.js'));
  maplibreCss = readFileSync(join(maplibreDist, 'maplibre-gl.css'));
} catch (err) {
  console.error(`bench/frontend.mjs: MapLibre's dist files missing: run \`npm ci\` in web (${err.message})`);
  process.exit(1);
}

/** The bare page: MapLibre and the server's style, nothing else; `?c=lng,lat,zoom&p=top,right,bottom,left`. */
const BARE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare MapLibre</title>
<link rel="stylesheet" href="maplibre-gl.css">
<style>html,body,#map{margin:0;width:100%;height:100%}</style>
<script src="maplibre-gl.js"></script></head>
<body><div id="map"></div><script>
{
const q = new URLSearchParams(location.search);
const [lng, lat, zoom] = q.get('c').split(',').map(Number);
const [top, right, bottom, left] = q.get('p').split(',').map(Number);
const map = new maplibregl.Map({
  container: 'map', style: q.get('style'), center: [lng, lat], zoom, fadeDuration: 300,
  attributionControl: false, localIdeographFontFamily: false,
});
map.setPadding({ top, right, bottom, left });
map.once('idle', () => { window.__idleAt = performance.now(); window.__idleWall = performance.timeOrigin + performance.now(); });
}
</script></body></html>`;

/** Serves the bare page and MapLibre's files, gzipped when the browser accepts it (as the server under test does). */
function startBareServer() {
  const files = {
    '/': ['text/html; charset=utf-8', Buffer.from(BARE_HTML)],
    '/maplibre-gl.js': ['text/javascript', maplibreJs],
    '/maplibre-gl.css': ['text/css', maplibreCss],
  };
  const gzipped = Object.fromEntries(Object.entries(files).map(([path, [, body]]) => [path, gzipSync(body)]));
  const srv = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = files[path];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? gzipped[path] : file[1];
    res.writeHead(200, {
      'content-type': file[0],
      'content-length': body.length,
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
  return new Promise((resolve, reject) => {
    srv.once('error', (err) => reject(new Error(`bare page server on 127.0.0.1:${PORT}: ${err.message}`)));
    srv.listen(PORT, '127.0.0.1', () => resolve(srv));
  });
}

/**
 * One cold load of `url` in a new context: resolves to { ms, bytes, files } once `idleReady` (run in the page)
 * holds; `files` maps each request finished before the idle to its encodedDataLength.
 */
async function coldLoad(browser, url, { idleAt, idleWall }, after) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    // The app marks its first idle on <body data-map-idle>; the time is taken by an observer, as in the e2e
    // harness (tests/e2e/lib/browser.mjs), so polling does not blur it.
    await context.addInitScript(() => {
      new MutationObserver((_records, observer) => {
        if (document.body && document.body.dataset.mapIdle === '1') {
          window.__idleAt = performance.now();
          window.__idleWall = performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-idle'] });
    });
    const page = await context.newPage();
    // Playwright's request events cover the map's web worker too (the tiles), which a page CDP session does not.
    const finished = [];
    const errors = [];
    context.on('requestfinished', (req) => {
      const t = req.timing();
      finished.push(
        req.sizes().then(
          (sizes) => ({ url: req.url(), end: t.startTime + t.responseEnd, bytes: sizes.responseHeadersSize + sizes.responseBodySize }),
          (err) => {
            errors.push(`${req.url()}: no sizes (${err.message})`);
            return null;
          },
        ),
      );
    });
    context.on('requestfailed', (req) => {
      const text = req.failure()?.errorText ?? 'failed';
      if (text !== 'net::ERR_ABORTED') errors.push(`${req.url()}: ${text}`);
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await page.waitForFunction(idleAt, null, { timeout: TIMEOUT_MS, polling: 50 });
    const ms = await page.evaluate(idleAt);
    const wall = await page.evaluate(idleWall);
    const extra = after ? await after(page) : undefined;
    const done = await Promise.all(finished);
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    const files = new Map();
    let bytes = 0;
    for (const r of done) {
      if (!r || !(r.end <= wall)) continue;
      const u = new URL(r.url);
      if (u.protocol === 'data:' || u.protocol === 'blob:') continue;
      const key = `${u.origin === origin ? '' : u.host}${u.pathname}`;
      files.set(key, (files.get(key) ?? 0) + r.bytes);
      bytes += r.bytes;
    }
    return { ms, bytes, files, extra };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  const health = await fetch(new URL('/healthz', origin)).catch((err) => err);
  if (!(health instanceof Response) || !health.ok) {
    console.error(`bench/frontend.mjs: no server at ${origin} (${health instanceof Response ? `HTTP ${health.status}` : health.message})`);
    process.exit(1);
  }
  const bare = await startBareServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const appUrl = `${origin}/`;
    const appIdle = { idleAt: () => window.__idleAt, idleWall: () => window.__idleWall };
    // A warm-up load of each (the server prepares its documents and tiles once; Chromium starts its processes);
    // the app's camera and padding after it are the bare page's.
    const view = (
      await coldLoad(browser, appUrl, appIdle, (page) =>
        page.evaluate(() => {
          const m = window.__map;
          const c = m.getCenter();
          const p = m.getPadding();
          return { c: [c.lng, c.lat, m.getZoom()], p: [p.top, p.right, p.bottom, p.left] };
        }),
      )
    ).extra;
    const bareUrl = `http://127.0.0.1:${PORT}/?style=${encodeURIComponent(`${origin}/style.json`)}&c=${view.c.join(',')}&p=${view.p.join(',')}`;
    await coldLoad(browser, bareUrl, appIdle);

    const app = [];
    const plain = [];
    for (let i = 0; i < RUNS; i++) {
      app.push(await coldLoad(browser, appUrl, appIdle));
      plain.push(await coldLoad(browser, bareUrl, appIdle));
    }
    const appMs = median(app.map((r) => r.ms));
    const bareMs = median(plain.map((r) => r.ms));
    // The fastest runs too: on a shared machine the other load only ever adds time.
    const appMin = Math.min(...app.map((r) => r.ms));
    const bareMin = Math.min(...plain.map((r) => r.ms));
    const appBytes = median(app.map((r) => r.bytes));
    const bareBytes = median(plain.map((r) => r.bytes));
    const round = (x) => Math.round(x);
    console.log(
      `# camera: center ${view.c.slice(0, 2).map((x) => x.toFixed(4)).join(',')} zoom ${view.c[2].toFixed(2)} padding ${view.p.join(',')}; viewport ${VIEWPORT.width}x${VIEWPORT.height}`,
    );
    console.log(`# app-ms runs: ${app.map((r) => round(r.ms)).join(',')}`);
    console.log(`# bare-ms runs: ${plain.map((r) => round(r.ms)).join(',')}`);
    for (const [name, runs] of [
      ['app', app],
      ['bare', plain],
    ]) {
      // Per file, the median over the runs (a file missing from a run counts 0 there).
      const keys = new Set(runs.flatMap((r) => [...r.files.keys()]));
      const rows = [...keys].map((k) => [k, median(runs.map((r) => r.files.get(k) ?? 0))]);
      for (const [k, b] of rows.sort((x, y) => y[1] - x[1])) console.log(`frontend-file page=${name} file=${k} bytes=${round(b)}`);
    }
    console.log(
      `frontend idle-ratio=${(appMs / bareMs).toFixed(2)} app-ms=${round(appMs)} bare-ms=${round(bareMs)} min-ratio=${(appMin / bareMin).toFixed(2)} app-bytes=${round(appBytes)} bare-bytes=${round(bareBytes)} app-files=${median(app.map((r) => r.files.size))} bare-files=${median(plain.map((r) => r.files.size))} runs=${RUNS}`,
    );
  } finally {
    await browser.close();
    bare.close();
  }
}

main().catch((err) => {
  console.error(`bench/frontend.mjs: ${err.stack ?? err}`);
  process.exit(1);
});
