// Builds dist/: index.html, app.js, app.css, favicon.svg, and for the /embed page embed.js, embed.css (small: shown
// before any interaction) and embed-map.js, embed-map.css (MapLibre, loaded on request). Stable names for these;
// the server embeds this folder (flat: it serves top-level files only).
// app.js is split (ES modules): what the first view does not need comes in chunks loaded on demand (main.ts:
// later.ts; map.ts: pmtiles-protocol.ts), named `<name>-<hash>.js`; code app.js shares with them is in
// `chunk-<hash>.js`, which index.html preloads (<link rel="modulepreload">) so that it loads beside app.js.
// Usage: node build.mjs [--dev]   (--dev: no minification, inline source maps)
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
// Build next to dist, then swap it in, so a reader never sees a half-written dist.
const staging = join(root, `.dist-${process.pid}`);
const dev = process.argv.includes('--dev');

const common = {
  absWorkingDir: root,
  bundle: true,
  minify: !dev,
  legalComments: 'eof',
  logLevel: 'warning',
  outdir: staging,
};

/**
 * index.html with a <link rel="modulepreload"> for each chunk app.js imports statically, before app.js's own
 * <script>: the browser fetches them together rather than finding the chunks only once app.js has arrived.
 */
function withPreloads(html, metafile) {
  const entry = Object.entries(metafile.outputs).find(([, out]) => out.entryPoint === 'src/main.ts');
  if (!entry) throw new Error('build: no output for src/main.ts in the metafile');
  const chunks = entry[1].imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => basename(i.path));
  const tag = '<script type="module" src="app.js"></script>';
  if (!html.includes(tag)) throw new Error(`build: index.html has no ${tag}`);
  const links = chunks.map((c) => `<link rel="modulepreload" href="${c}">\n  `).join('');
  return html.replace(tag, `${links}${tag}`);
}

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
try {
  const script = {
    ...common,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome111', 'edge111', 'firefox111', 'safari16.4'],
    sourcemap: dev ? 'inline' : false,
  };
  const app = await esbuild.build({
    ...script,
    entryPoints: { app: 'src/main.ts' },
    splitting: true,
    chunkNames: '[name]-[hash]',
    metafile: true,
  });
  // The embed pages stay one file each (no chunks shared with the app).
  await esbuild.build({ ...script, entryPoints: { embed: 'src/embed.ts', 'embed-map': 'src/embed-map.ts' } });
  // MapLibre's stylesheet and ours, bundled into one file (src/app.css imports both).
  await esbuild.build({
    ...common,
    entryPoints: { app: 'src/app.css', embed: 'src/embed.css', 'embed-map': 'src/embed-map.css' },
  });
  writeFileSync(join(staging, 'index.html'), withPreloads(readFileSync(join(root, 'index.html'), 'utf8'), app.metafile));
  cpSync(join(root, 'public'), staging, { recursive: true });

  rmSync(dist, { recursive: true, force: true });
  renameSync(staging, dist);
} catch (err) {
  rmSync(staging, { recursive: true, force: true });
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
