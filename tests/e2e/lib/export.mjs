// The static export (`kuril export --out DIR --max-zoom 9`), made once and shared by the test files.
//
// With $KURIL_E2E_TMP set (run.sh sets it and removes it afterwards) the export is made once into
// $KURIL_E2E_TMP/export-z9 and reused by every test file of the run; the test file that made it (or a later one)
// reads how long it took from export-meta.json. Without it each test file makes its own in a temp dir that
// it removes in its `after` hook.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBin, track } from './server.mjs';

export const EXPORT_MAX_ZOOM = 9;

function run(bin, args, timeoutMs) {
  return new Promise((resolvePromise, reject) => {
    const child = track(spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${bin} ${args.join(' ')} took longer than ${timeoutMs} ms; output:\n${output}`));
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else reject(new Error(`${bin} ${args.join(' ')} failed (code ${code}, signal ${signal}); output:\n${output}`));
    });
  });
}

/** The tile archive an export's style names (its `pmtiles://` source, relative to the folder). */
export function archiveOf(dir) {
  const style = JSON.parse(readFileSync(join(dir, 'style.json'), 'utf8'));
  const url = style.sources.kuril.url;
  if (!url.startsWith('pmtiles://')) throw new Error(`${dir}/style.json: source ${url} is not pmtiles://`);
  return url.slice('pmtiles://'.length);
}

/**
 * Returns the export: { dir, archive, seconds, pmtilesBytes, output, cleanup() }. `archive` is the file name of
 * the tile archive, as the export's style names it (`tiles-<hash>.pmtiles`). `seconds` is the wall time of the
 * `kuril export` run that made it (possibly in another test file of the same run).
 */
export async function ensureExport({ timeoutMs = 300_000 } = {}) {
  const bin = requireBin();
  const shared = process.env.KURIL_E2E_TMP;
  const base = shared || mkdtempSync(join(tmpdir(), 'kuril-e2e-export-'));
  const dir = join(base, `export-z${EXPORT_MAX_ZOOM}`);
  const metaFile = join(base, `export-z${EXPORT_MAX_ZOOM}.json`);
  const cleanup = () => {
    if (!shared) rmSync(base, { recursive: true, force: true });
  };

  if (!(existsSync(dir) && existsSync(metaFile))) {
    mkdirSync(base, { recursive: true });
    // Export into a private folder, then rename it into place: a test file running at the same time either
    // finds the finished export or makes its own, never a half-written one.
    const work = mkdtempSync(join(base, 'export-work-'));
    const out = join(work, 'site');
    const started = process.hrtime.bigint();
    const output = await run(bin, ['export', '--out', out, '--max-zoom', String(EXPORT_MAX_ZOOM)], timeoutMs);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const archive = archiveOf(out);
    const pmtilesBytes = statSync(join(out, archive)).size;
    try {
      renameSync(out, dir);
      writeFileSync(metaFile, JSON.stringify({ seconds, archive, pmtilesBytes, output }));
    } catch {
      // another test file finished first: use its export
    }
    rmSync(work, { recursive: true, force: true });
  }
  const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
  return { dir, ...meta, cleanup };
}
