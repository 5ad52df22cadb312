import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataModeOfStyle, documentPath, textsPath } from '../src/data';

test('the export (pmtiles:// source) reads .json files, the server its API routes', () => {
  assert.equal(dataModeOfStyle({ sources: { kuril: { type: 'vector', url: 'pmtiles://https://x/tiles.pmtiles' } } }), 'static');
  assert.equal(dataModeOfStyle({ sources: { kuril: { type: 'vector', url: 'http://127.0.0.1/tiles.json' } } }), 'server');
  assert.equal(dataModeOfStyle({}), 'server');
  assert.equal(documentPath('lines', 'server'), 'api/lines');
  assert.equal(documentPath('lines', 'static'), 'api/lines.json');
  assert.equal(documentPath('scenarios', 'static'), 'api/scenarios.json');
  assert.equal(documentPath('islands', 'static'), 'api/islands.geojson');
  assert.equal(documentPath('straits', 'server'), 'api/straits.geojson');
  // Every document in the reader's language (islands and straits carry notes and method texts).
  assert.equal(documentPath('lines', 'server', 'ja'), 'api/lines?lang=ja');
  assert.equal(documentPath('scenarios', 'static', 'ru'), 'api/scenarios.ru.json');
  assert.equal(documentPath('islands', 'static', 'ru'), 'api/islands.ru.geojson');
  assert.equal(documentPath('islands', 'server', 'ja'), 'api/islands.geojson?lang=ja');
  assert.equal(documentPath('straits', 'static', 'en'), 'api/straits.geojson');
  assert.equal(textsPath('api/timeline', 'static', 'ja'), 'api/timeline.ja.json');
  assert.equal(textsPath('api/timeline', 'server', 'en'), 'api/timeline');
});
