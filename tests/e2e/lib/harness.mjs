// The set-up the browser test files share. Inside a `describe`, `useSuite()` starts what the suite's tests need in
// a `before` hook (the real server, or the static export served by nginx, and a Chromium) and stops whatever was
// started in an `after` hook, however the tests ended. `withPage` opens a page for one part of a test and closes
// it afterwards; `gotoMap` opens a URL and waits for the map.
//
//   describe('…', () => {
//     const suite = useSuite();   // suite.server, suite.browser: set once `before` has run
//     test('…', () =>
//       withPage(suite.browser, { reducedMotion: 'reduce' }, async ({ page, record }) => {
//         await gotoMap(page, record, `${suite.server.url}#step=…`);
//       }));
//   });
//
// Hooks run in the order they are declared: a suite's own `before` declared after `useSuite()` finds the server
// and the browser running, and an `after` declared before it runs while they still are.
import { after, before } from 'node:test';
import { launchBrowser, openPage, waitForMapIdle } from './browser.mjs';
import { ensureExport } from './export.mjs';
import { startNginx } from './nginx.mjs';
import { startServer } from './server.mjs';

/**
 * Declares the suite's `before` and `after` hooks; returns the object they fill in.
 *
 * - `serve`: 'server' (default) starts the real binary (`suite.server`, lib/server.mjs); 'export' makes (or reuses)
 *   the static export (`suite.exported`, lib/export.mjs) and, with `nginx` (default true), serves it with nginx
 *   (`suite.nginx`, lib/nginx.mjs); null serves nothing.
 * - `browser` (default true): a headless Chromium in `suite.browser`.
 * - `skip`: a reason (or true) to start nothing; the suite's tests skip with it.
 * - `timeout`: of the `before` hook, in ms (the runner's default when not given).
 *
 * A test may start a part itself (`suite.nginx = await startNginx(…)`): the `after` hook stops it too.
 */
export function useSuite({ serve = 'server', nginx = true, browser = true, skip = false, timeout } = {}) {
  const suite = { server: null, exported: null, nginx: null, browser: null };
  before(
    async () => {
      if (skip) return;
      if (serve === 'server') suite.server = await startServer();
      if (serve === 'export') {
        suite.exported = await ensureExport();
        if (nginx) suite.nginx = await startNginx(suite.exported.dir);
      }
      if (browser) suite.browser = await launchBrowser();
    },
    timeout === undefined ? {} : { timeout },
  );
  after(async () => {
    await suite.browser?.close();
    await suite.nginx?.stop();
    await suite.server?.stop();
    suite.exported?.cleanup();
  });
  return suite;
}

/**
 * Opens a page in its own context (lib/browser.mjs `openPage`: viewport, recorder), emulates `reducedMotion` and
 * `colorScheme` when given, runs `fn({ context, page, record })` and closes the context, also when `fn` fails.
 * Resolves to what `fn` resolves to.
 */
export async function withPage(browser, { viewport, reducedMotion, colorScheme } = {}, fn) {
  const { context, page, record } = await openPage(browser, viewport ? { viewport } : {});
  try {
    if (reducedMotion !== undefined || colorScheme !== undefined) await page.emulateMedia({ reducedMotion, colorScheme });
    return await fn({ context, page, record });
  } finally {
    await context.close();
  }
}

/** Opens `url` in `page` and waits for the map's first idle; resolves to the ms from navigation start to it. */
export async function gotoMap(page, record, url) {
  await page.goto(url, { waitUntil: 'load' });
  return waitForMapIdle(page, record);
}
