// The app's bundle is split as build.mjs means it: the first view (app.js and the chunks it imports statically,
// which index.html preloads) holds neither the analyst tools, nor the guided views, nor the embed dialog, nor the
// PMTiles reader; those come in chunks loaded with import() (main.ts, map.ts). A new static import of one of them
// from the first view's modules would pull it back into the first view, silently: this catches it.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import * as esbuild from 'esbuild';

const WEB = fileURLToPath(new URL('../..', import.meta.url));

/** Loaded on demand only. */
const LATER = [
  'src/tools.ts',
  'src/compare.ts',
  'src/comparison.ts',
  'src/measure.ts',
  'src/geodesic.ts',
  'src/overlay.ts',
  'src/overlay-map.ts',
  'src/downloads.ts',
  'src/timeline.ts',
  'src/straits-tour.ts',
  'src/story-panel.ts',
  'src/embed-dialog.ts',
  'src/embed-code.ts',
  'src/pmtiles-protocol.ts',
  'src/range-source.ts',
  'src/tools-i18n.ts',
];
/** Packages only those need. */
const LATER_PACKAGES = ['node_modules/@tmcw/togeojson/', 'node_modules/pmtiles/', 'node_modules/fflate/'];
/** What the first view draws: the map, the control panel (toggles, legend, language, naming), the tools' buttons. */
const FIRST = ['src/main.ts', 'src/map.ts', 'src/ui.ts', 'src/layout.ts', 'src/apply.ts', 'src/tool-bar.ts', 'src/tool-names-i18n.ts', 'src/print.ts', 'node_modules/maplibre-gl/'];

async function outputs(): Promise<esbuild.Metafile['outputs']> {
  const result = await esbuild.build({
    absWorkingDir: WEB,
    entryPoints: { app: 'src/main.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    chunkNames: '[name]-[hash]',
    outdir: 'split-test-out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile.outputs;
}

/** The inputs of app.js and of every chunk it reaches by static imports. */
function firstViewInputs(outs: esbuild.Metafile['outputs']): Set<string> {
  const entry = Object.keys(outs).find((k) => outs[k]?.entryPoint === 'src/main.ts');
  assert.ok(entry, 'an output for src/main.ts');
  const seen = new Set<string>();
  const inputs = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const out = outs[path];
    assert.ok(out, `output ${path} in the metafile`);
    for (const input of Object.keys(out.inputs)) inputs.add(input);
    for (const i of out.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  return inputs;
}

describe('the bundle split (build.mjs, main.ts, map.ts)', () => {
  test('the first view holds what it draws, and nothing that is loaded on demand', async () => {
    const outs = await outputs();
    const first = [...firstViewInputs(outs)];
    const all = Object.values(outs).flatMap((o) => Object.keys(o.inputs));
    const has = (inputs: string[], name: string) => inputs.some((i) => i === name || (name.endsWith('/') && i.startsWith(name)));
    for (const name of FIRST) assert.ok(has(first, name), `${name} is in the first view`);
    for (const name of [...LATER, ...LATER_PACKAGES]) {
      assert.ok(!has(first, name), `${name} is not in the first view`);
      assert.ok(has(all, name), `${name} is in a chunk loaded on demand`);
    }
  });
});
