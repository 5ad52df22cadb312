// axe-core on the app in Chromium: no serious or critical violations, in the states a reader meets (default,
// a panel open with areas shown, Japanese and Russian interface, dark mode). axe sees the DOM, not the canvas.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { openApp, settle } from './lib/driver.mjs';
import { useSuite } from './lib/harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function axe(page) {
  // Evaluated through DevTools, not added as a <script>: the server's Content-Security-Policy blocks inline scripts.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    }));
  });
}

function assertNoSerious(violations, what) {
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !bad.includes(v));
  if (minor.length) console.log(`# a11y ${what}: minor: ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
  assert.deepEqual(bad, [], `${what}: ${JSON.stringify(bad, null, 2)}`);
}

describe('accessibility (axe-core)', () => {
  const suite = useSuite();

  const cases = [
    { name: 'default view', hash: '' },
    { name: 'line panel open, areas shown', hash: '#map=7/44/146.5&areas=japanese&sel=line:two-island-1956' },
    { name: 'island panel, Japanese interface and names', hash: '#map=7/44.5/147&naming=ja&lang=ja&sel=island:kunashir' },
    { name: 'strait panel, Russian interface', hash: '#map=8/43.7/145.4&naming=ru&lang=ru&sel=strait:izmeny' },
    { name: 'sources panel, dark mode', hash: '#sel=about:sources', colorScheme: 'dark' },
  ];
  for (const c of cases) {
    test(`no serious or critical violations: ${c.name}`, { timeout: 120_000 }, async () => {
      const app = await openApp(suite.browser, suite.server.url, { hash: c.hash, colorScheme: c.colorScheme ?? 'light' });
      try {
        if (c.hash.includes('sel=')) await app.byTestId('panel').waitFor({ state: 'visible' });
        if (c.hash.includes('areas=')) {
          await app.page.waitForFunction(() => /km²/.test(document.querySelector('[data-testid="areas-summary"]').textContent), null, {
            timeout: 60_000,
          });
        }
        await settle(app.page);
        assertNoSerious(await axe(app.page), c.name);
        assert.deepEqual(app.record.consoleErrors, [], app.describe());
      } finally {
        await app.close();
      }
    });
  }
});
