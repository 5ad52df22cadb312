// `npm test`: bundles test/*.test.ts with esbuild (the modules under test are pure TypeScript) into a temp
// folder and runs them with Node's test runner. Exit status is the runner's, or 1 when no test ran or (with CI
// set) a test was skipped (tests/lib/tap-check.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { checkTap } from '../../tests/lib/tap-check.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here).filter((f) => f.endsWith('.test.ts'));
// Inside node_modules, so that the bundles' external packages (xmldom, togeojson) resolve from web/node_modules.
const out = mkdtempSync(join(here, '..', 'node_modules', '.kuril-web-test-'));
let status = 1;
try {
  await esbuild.build({
    absWorkingDir: here,
    entryPoints: files,
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const tests = files.map((f) => join(out, f.replace(/\.ts$/, '.mjs')));
  const reporter = process.argv.includes('--tap') ? 'tap' : 'spec';
  const tap = join(out, 'results.tap');
  const args = ['--test', `--test-reporter=${reporter}`, '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`];
  status = spawnSync(process.execPath, [...args, ...tests], { stdio: 'inherit' }).status ?? 1;
  if (status === 0) status = checkTap(tap, 'web unit tests');
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(status);
