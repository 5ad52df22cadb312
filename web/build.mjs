// Builds dist/: index.html, app.js, app.css, favicon.svg, and for the /embed page embed.js, embed.css (small: shown
// before any interaction) and embed-map.js, embed-map.css (MapLibre, loaded on request). Stable names; the server
// embeds this folder.
// Usage: node build.mjs [--dev]   (--dev: no minification, inline source maps)
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
try {
  await esbuild.build({
    ...common,
    entryPoints: { app: 'src/main.ts', embed: 'src/embed.ts', 'embed-map': 'src/embed-map.ts' },
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome111', 'edge111', 'firefox111', 'safari16.4'],
    sourcemap: dev ? 'inline' : false,
  });
  // MapLibre's stylesheet and ours, bundled into one file (src/app.css imports both).
  await esbuild.build({
    ...common,
    entryPoints: { app: 'src/app.css', embed: 'src/embed.css', 'embed-map': 'src/embed-map.css' },
  });
  cpSync(join(root, 'index.html'), join(staging, 'index.html'));
  cpSync(join(root, 'public'), staging, { recursive: true });

  rmSync(dist, { recursive: true, force: true });
  renameSync(staging, dist);
} catch (err) {
  rmSync(staging, { recursive: true, force: true });
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
