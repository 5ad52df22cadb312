// Reads the TAP file that Node's test runner wrote (--test-reporter=tap --test-reporter-destination=FILE) and
// says how many tests ran, passed and were skipped. With CI set, a run that skipped anything (a test or a whole
// suite: `# SKIP`, `# TODO`) or ran no test fails, so that a green CI has run every check.
//
//   node tests/lib/tap-check.mjs FILE NAME      exit 0, or 1 with the reason on stderr
//   import { checkTap } from '.../tap-check.mjs'; checkTap(file, name) -> exit status
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export function checkTap(file, name) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`${name}: no test results (${err.message})`);
    return 1;
  }
  const total = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const tests = total('tests');
  const pass = total('pass');
  const skipped = [...text.matchAll(/^\s*ok \d+ - (.*?) # (SKIP|TODO)\b ?(.*)$/gm)].map((m) => `${m[1]} (${m[2].toLowerCase()}: ${m[3] || 'no reason'})`);
  console.log(`${name}: ${tests} tests, ${pass} passed, ${skipped.length} skipped`);
  for (const s of skipped) console.log(`${name}: skipped ${s}`);
  if (tests === 0) {
    console.error(`${name}: no test ran`);
    return 1;
  }
  if (process.env.CI && skipped.length > 0) {
    console.error(`${name}: ${skipped.length} skipped with CI set; CI runs every check (install what they need)`);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, name = 'tests'] = process.argv.slice(2);
  process.exit(checkTap(file, name));
}
