// Starts the real `kuril` binary on a free port for a test file, and stops it afterwards.
//
//   import { startServer } from './lib/server.mjs';
//   const server = await startServer();   // { url, origin, port, host, stop() }
//   after(() => server.stop());
//
// The binary is $KURIL_BIN, by default ../../target/release/kuril relative to tests/e2e.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** tests/e2e */
export const E2E_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const REPO_ROOT = resolve(E2E_DIR, '..', '..');

/** Path of the kuril binary: $KURIL_BIN (relative paths against tests/e2e) or target/release/kuril. */
export function kurilBin() {
  return resolve(E2E_DIR, process.env.KURIL_BIN || '../../target/release/kuril');
}

/** Throws a clear error when the binary is missing or not executable. */
export function requireBin() {
  const bin = kurilBin();
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    throw new Error(
      `kuril binary not found (or not executable) at ${bin}: run \`cargo build --release\` at the repository ` +
        `root (${REPO_ROOT}), or set KURIL_BIN to the binary`,
    );
  }
  return bin;
}

// Children still running when the test process exits (a failed `before`, an interrupted run) are killed here.
const live = new Set();
process.on('exit', () => {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

/** Registers a child process so that it is killed if the test process exits before stopping it. */
export function track(child) {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export function stopChild(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

const URL_LINE = /Kuril Islands dispute map: (http:\/\/\S+)/;

/**
 * Starts `kuril --addr 127.0.0.1:0` and resolves once it prints its URL line.
 * @returns {Promise<{url: string, origin: string, host: string, port: number, output: () => string, stop: () => Promise<void>}>}
 */
export async function startServer({ timeoutMs = 30_000, extraArgs = [] } = {}) {
  const bin = requireBin();
  // A private working directory, so that nothing the server might write lands in the repository.
  const cwd = mkdtempSync(join(tmpdir(), 'kuril-e2e-server-'));
  const child = track(
    spawn(bin, ['--addr', '127.0.0.1:0', ...extraArgs], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RUST_BACKTRACE: '1' },
    }),
  );
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });

  const url = await new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`kuril did not print its URL within ${timeoutMs} ms; output so far:\n${output}`));
    }, timeoutMs);
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      buffered += chunk;
      const match = URL_LINE.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${bin}: ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`kuril exited before listening (code ${code}, signal ${signal}); output:\n${output}`));
    });
  });

  const parsed = new URL(url);
  return {
    url: parsed.href,
    origin: parsed.origin,
    host: parsed.host,
    port: Number(parsed.port),
    output: () => output,
    async stop() {
      await stopChild(child);
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}
