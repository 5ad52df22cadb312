// Writes the tiles listed on stdin ("z/x/y" per line) from a PMTiles archive into DIR/z/x/y.mvt, gzip-compressed
// (what our server and Martin send to clients that accept gzip), and prints the lines of the tiles that exist.
// Usage: node bench/pmtiles-to-dir.mjs ARCHIVE.pmtiles DIR < tiles.txt > existing.txt
import { mkdirSync, openSync, readSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';

const require = createRequire(join(dirname(new URL(import.meta.url).pathname), '../web/package.json'));
const { PMTiles } = require('pmtiles');

const [archive, dir] = process.argv.slice(2);
if (!archive || !dir) {
  console.error('usage: node bench/pmtiles-to-dir.mjs ARCHIVE.pmtiles DIR < tiles.txt');
  process.exit(2);
}
const fd = openSync(archive, 'r');
const source = {
  getKey: () => archive,
  getBytes: async (offset, length) => {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + n) };
  },
};
const gunzip = async (buf, compression) => (compression === 2 ? gunzipSync(Buffer.from(buf)).buffer : buf);
const pm = new PMTiles(source, undefined, gunzip);
let written = 0;
for (const line of readFileSync(0, 'utf8').split('\n')) {
  const m = /^(\d+)\/(\d+)\/(\d+)$/.exec(line.trim());
  if (!m) continue;
  const [z, x, y] = m.slice(1).map(Number);
  const tile = await pm.getZxy(z, x, y);
  if (!tile || tile.data.byteLength === 0) continue;
  mkdirSync(join(dir, `${z}`, `${x}`), { recursive: true });
  writeFileSync(join(dir, `${z}`, `${x}`, `${y}.mvt`), gzipSync(Buffer.from(tile.data)));
  process.stdout.write(`${z}/${x}/${y}\n`);
  written++;
}
console.error(`pmtiles-to-dir: ${written} tiles written to ${dir}`);
