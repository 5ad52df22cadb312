// The pure parts of the analyst tools: what each side of a comparison shows, the divider's keys, the scenarios
// offered for download, the comparison table's differences and the distance format.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dividerAfterKey, mainMapState, sideState } from '../src/compare';
import { rows } from '../src/comparison';
import type { ScenarioDoc } from '../src/data';
import { collectionUrl, currentScenarios, scenarioUrl, staticFiles } from '../src/downloads';
import { formatDistance } from '../src/measure';
import { DEFAULT_STATE, cloneState, type AppState } from '../src/state';
import { toolStrings } from '../src/tools-i18n';
import { withUnit } from '../src/units';

function state(patch: Partial<AppState> = {}): AppState {
  return { ...cloneState(DEFAULT_STATE), ...patch };
}

describe('compare', () => {
  test('each side shows its scenario’s areas and its line only; the rest of the state is kept', () => {
    const s = state({ compare: ['soviet', 'equal-area-split'], naming: 'ja', lines: { soviet: false, japanese: true, 'two-island-1956': false, 'equal-area-split': false } });
    const left = sideState(s, 0);
    const right = sideState(s, 1);
    assert.equal(left.areas, 'soviet');
    assert.equal(left.lines.soviet, true);
    assert.equal(left.lines['equal-area-split'], false);
    assert.equal(right.areas, 'equal-area-split');
    assert.equal(right.lines['equal-area-split'], true);
    assert.equal(right.lines.soviet, false);
    // Lines checked on the page are not drawn on either side: each shows only what it compares.
    assert.equal(right.lines.japanese, false);
    assert.equal(left.lines.japanese, false);
    assert.equal(right.naming, 'ja');
    assert.equal(s.lines.soviet, false, 'the state itself is not changed');
    assert.deepEqual(mainMapState(s), left);
  });

  test('without compare the main map shows the state as it is', () => {
    const s = state({ areas: 'japanese' });
    assert.equal(mainMapState(s), s);
  });

  test('divider keys: 2 % steps, 10 % with Shift or Page keys, Home/End, clamped; other keys ignored', () => {
    assert.equal(dividerAfterKey(0.5, 'ArrowLeft', false), 0.48);
    assert.equal(dividerAfterKey(0.5, 'ArrowRight', false), 0.52);
    assert.equal(dividerAfterKey(0.5, 'ArrowRight', true), 0.6);
    assert.equal(dividerAfterKey(0.5, 'PageDown', false), 0.4);
    assert.equal(dividerAfterKey(0.5, 'Home', false), 0);
    assert.equal(dividerAfterKey(0.5, 'End', false), 1);
    assert.equal(dividerAfterKey(0.01, 'ArrowLeft', false), 0);
    assert.equal(dividerAfterKey(0.95, 'ArrowRight', true), 1);
    assert.equal(dividerAfterKey(0.5, 'Enter', false), null);
    assert.equal(dividerAfterKey(0.5, 'a', false), null);
  });
});

describe('downloads', () => {
  test('the scenarios on the map now: compared, else areas, else visible lines, else all', () => {
    assert.deepEqual(currentScenarios(state({ compare: ['japanese', 'soviet'], areas: 'two-island-1956' })), ['soviet', 'japanese']);
    assert.deepEqual(currentScenarios(state({ areas: 'equal-area-split' })), ['equal-area-split']);
    assert.deepEqual(currentScenarios(state()), ['soviet', 'japanese', 'two-island-1956']);
    const none = state({ lines: { soviet: false, japanese: false, 'two-island-1956': false, 'equal-area-split': false } });
    assert.deepEqual(currentScenarios(none), ['soviet', 'japanese', 'two-island-1956', 'equal-area-split']);
  });

  test('server URLs as routes/download.rs serves them; the export’s own files', () => {
    assert.equal(collectionUrl('maritime-zones', 'gpkg'), 'api/download/maritime-zones.gpkg');
    assert.equal(scenarioUrl('two-island-1956', 'kml'), 'api/download/scenario/two-island-1956.kml');
    const files = staticFiles(['soviet']).map((f) => f.href);
    assert.deepEqual(files, ['api/islands.geojson', 'api/straits.geojson', 'api/places.geojson', 'api/lines/soviet.geojson', 'api/claim-areas/soviet.geojson']);
  });
});

describe('comparison rows', () => {
  const doc = (id: string, land: [number, number], eez: [number, number]): ScenarioDoc =>
    ({
      id,
      land_km2: { japan: land[0], russia: land[1] },
      territorial_sea_km2: { japan: 1, russia: 2 },
      eez_km2: { japan: eez[0], russia: eez[1] },
      beyond_200nm_km2: { japan: 0, russia: 0 },
    }) as unknown as ScenarioDoc;
  const docs = [doc('japanese', [5120, 0], [180, 90]), doc('soviet', [0, 5120], [40, 230])];

  test('one row per scenario in the legend’s order, eight figures each, differences from the baseline', () => {
    const r = rows(docs, 'soviet');
    assert.deepEqual(r.map((x) => x.id), ['soviet', 'japanese']);
    assert.equal(r[0]!.cells.length, 8);
    assert.ok(r[0]!.cells.every((c) => c.delta === null), 'the baseline has no difference');
    const jp = r[1]!.cells;
    const cell = (metric: string, side: string) => jp.find((c) => c.metric === metric && c.side === side)!;
    assert.deepEqual([cell('land_km2', 'japan').value, cell('land_km2', 'japan').delta], [5120, 5120]);
    assert.deepEqual([cell('land_km2', 'russia').value, cell('land_km2', 'russia').delta], [0, -5120]);
    assert.equal(cell('eez_km2', 'russia').delta, 90 - 230);
    assert.equal(cell('territorial_sea_km2', 'japan').delta, 0);
  });

  test('a missing figure shows as null with no difference; a missing baseline gives no differences', () => {
    const partial = { id: 'two-island-1956', land_km2: { japan: 300, russia: 4820 } } as unknown as ScenarioDoc;
    const r = rows([...docs, partial], 'soviet');
    const two = r.find((x) => x.id === 'two-island-1956')!;
    assert.equal(two.cells.find((c) => c.metric === 'eez_km2' && c.side === 'japan')!.value, null);
    assert.equal(two.cells.find((c) => c.metric === 'eez_km2' && c.side === 'japan')!.delta, null);
    assert.equal(two.cells.find((c) => c.metric === 'land_km2' && c.side === 'japan')!.delta, 300);
    assert.ok(rows(docs, 'equal-area-split').every((row) => row.cells.every((c) => c.delta === null)));
  });
});

describe('formatDistance', () => {
  test('km with three decimals and nautical miles (1852 m); metres below a kilometre', () => {
    assert.equal(formatDistance(3563.04, 'en'), '3.563 km (1.924 nmi)');
    assert.equal(formatDistance(1852, 'en'), '1.852 km (1.000 nmi)');
    assert.equal(formatDistance(279542, 'en'), '279.542 km (150.941 nmi)');
    assert.equal(formatDistance(850.4, 'en'), '850 m (0.459 nmi)');
    // Russian writes its own units (and a decimal comma); Japanese its 海里.
    // A fraction takes the genitive singular in Russian (150,941 мили); whole numbers their own form.
    assert.equal(formatDistance(279542, 'ru'), '279,542 км (150,941 мор. мили)');
    assert.equal(withUnit(1, 'ru', 'nmi'), '1 мор. миля');
    assert.equal(withUnit(3, 'ru', 'nmi'), '3 мор. мили');
    assert.equal(withUnit(12, 'ru', 'nmi'), '12 мор. миль');
    assert.equal(withUnit(21, 'ru', 'nmi'), '21 мор. миля');
    assert.equal(toolStrings('ru').measureTotal('5 км', 1), '5 км, 1 точка');
    assert.equal(toolStrings('ru').measureTotal('5 км', 3), '5 км, 3 точки');
    assert.equal(toolStrings('ru').measureTotal('5 км', 11), '5 км, 11 точек');
    assert.equal(toolStrings('ru').overlayLoaded('f.kml', 22), 'f.kml: показаны 22 объекта.');
    // Japanese brackets and counters: full-width brackets, 海里 and 点 straight after the number.
    assert.equal(formatDistance(850.4, 'ja'), '850 m（0.459海里）');
    assert.equal(formatDistance(3563.04, 'ja'), '3.563 km（1.924海里）');
    assert.equal(toolStrings('ja').measureTotal(formatDistance(3563.04, 'ja'), 3), '3点を結ぶ経路：3.563 km（1.924海里）');
    assert.equal(toolStrings('ja').overlayLoaded('f.kml', 22), 'f.kml：22件の地物を表示しています。');
  });
});
