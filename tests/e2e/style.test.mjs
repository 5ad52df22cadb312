// The served style and the static export's style pass the MapLibre style-spec validator with zero errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { ensureExport } from './lib/export.mjs';
import { startServer } from './lib/server.mjs';

const LINE_LAYERS = ['line:soviet', 'line:japanese', 'line:two-island-1956'];

/**
 * Validates a style with the style-spec's full validator (`validateStyleMin`: everything the `gl-style-validate`
 * CLI checks but the JSON syntax, which JSON.parse has checked) and fails with every error listed.
 */
function assertValid(text, what) {
  const style = JSON.parse(text);
  const errors = validateStyleMin(style);
  assert.deepEqual(
    errors.map((e) => e.message),
    [],
    `${what}: ${errors.length} style-spec error(s):\n  ${errors.map((e) => e.message).join('\n  ')}`,
  );
  const ids = style.layers.map((l) => l.id);
  for (const id of [...LINE_LAYERS, 'island-labels']) assert.ok(ids.includes(id), `${what}: no layer ${id}`);
  for (const id of LINE_LAYERS) {
    const layer = style.layers.find((l) => l.id === id);
    assert.equal(layer.type, 'line', `${what}: ${id} type`);
    assert.equal(layer['source-layer'], 'lines', `${what}: ${id} source-layer`);
  }
  return style;
}

describe('style.json passes the MapLibre style-spec validator', () => {
  let server;
  let exported;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
    exported?.cleanup();
  });

  test('served /style.json: zero errors', async () => {
    const res = await fetch(new URL('/style.json', server.url));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /json/);
    const style = assertValid(await res.text(), '/style.json');
    assert.equal(style.version, 8);
  });

  test('exported style.json: zero errors, relative pmtiles source and glyphs', { timeout: 600_000 }, async () => {
    exported = await ensureExport();
    const style = assertValid(readFileSync(join(exported.dir, 'style.json'), 'utf8'), 'export style.json');
    const vector = Object.values(style.sources).filter((s) => s.type === 'vector');
    assert.equal(vector.length, 1, 'one vector source');
    assert.equal(vector[0].url, `pmtiles://${exported.archive}`);
    assert.match(vector[0].url, /^pmtiles:\/\/tiles-[0-9a-f]{16}\.pmtiles$/, 'a content-addressed archive name');
    assert.equal(style.glyphs, 'glyphs/{fontstack}/{range}.pbf');
  });
});
