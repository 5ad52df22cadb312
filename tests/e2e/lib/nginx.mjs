// Serves a folder with Debian's nginx on a free 127.0.0.1 port, as a plain static host (Range requests included).
//
// The config is master-less (`master_process off; daemon off;`): one process, running as whoever starts it, so
// the same config works as root and as any other user, and the process is our child (killed in `stop()`).
// Everything nginx writes (pid, logs, temp files) goes to a temp dir; only the served folder is reachable.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild, track } from './server.mjs';

/** The nginx binary (root's PATH has /usr/sbin, other users' often not), or null. */
export function findNginx() {
  const candidates = [process.env.NGINX_BIN, '/usr/sbin/nginx', '/usr/bin/nginx'].filter(Boolean);
  for (const dir of (process.env.PATH || '').split(':')) if (dir) candidates.push(join(dir, 'nginx'));
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      /* next */
    }
  }
  return null;
}

/** A port that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

function config({ root, tmp, port }) {
  const q = (s) => JSON.stringify(s); // nginx accepts double-quoted strings with backslash escapes
  return `# written by tests/e2e/lib/nginx.mjs
master_process off;
daemon off;
worker_processes 1;
pid ${q(join(tmp, 'nginx.pid'))};
error_log ${q(join(tmp, 'error.log'))} warn;

events {
  worker_connections 64;
}

http {
  access_log ${q(join(tmp, 'access.log'))};
  client_body_temp_path ${q(join(tmp, 'client_body'))};
  proxy_temp_path ${q(join(tmp, 'proxy'))};
  fastcgi_temp_path ${q(join(tmp, 'fastcgi'))};
  uwsgi_temp_path ${q(join(tmp, 'uwsgi'))};
  scgi_temp_path ${q(join(tmp, 'scgi'))};

  types {
    text/html                  html;
    text/javascript            js mjs;
    text/css                   css;
    application/json           json;
    application/geo+json       geojson;
    image/svg+xml              svg;
    application/x-protobuf     pbf;
    application/vnd.pmtiles    pmtiles;
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/javascript application/json application/geo+json image/svg+xml;

  sendfile on;
  server_tokens off;

  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${q(root)};
    index index.html;
    autoindex off;
    disable_symlinks on;

    location / {
      try_files $uri $uri/ =404;
    }
  }
}
`;
}

/**
 * Starts nginx serving `root`. Resolves to { url, origin, host, port, log(), stop() } once it answers.
 */
export async function startNginx(root, { timeoutMs = 15_000 } = {}) {
  const bin = findNginx();
  if (!bin) throw new Error('nginx not found: apt-get install -y --no-install-recommends nginx (tests/e2e/run.sh does)');
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const tmp = mkdtempSync(join(tmpdir(), 'kuril-e2e-nginx-'));
    const port = await freePort();
    const conf = join(tmp, 'nginx.conf');
    writeFileSync(conf, config({ root, tmp, port }));
    // -e: the error log before the config is read (otherwise nginx tries /var/log/nginx/error.log first).
    const child = track(spawn(bin, ['-p', tmp, '-e', join(tmp, 'error.log'), '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] }));
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const log = () => {
      let text = output;
      try {
        text += readFileSync(join(tmp, 'error.log'), 'utf8');
      } catch {
        /* none yet */
      }
      return text;
    };
    const origin = `http://127.0.0.1:${port}`;
    const stop = async () => {
      await stopChild(child);
      rmSync(tmp, { recursive: true, force: true });
    };
    const deadline = Date.now() + timeoutMs;
    let up = false;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      try {
        const res = await fetch(`${origin}/`, { signal: AbortSignal.timeout(1000) });
        await res.arrayBuffer();
        up = true;
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (up) return { url: `${origin}/`, origin, host: `127.0.0.1:${port}`, port, log, stop };
    lastError = new Error(`nginx did not start on port ${port}:\n${log()}`);
    await stop();
  }
  throw lastError;
}
