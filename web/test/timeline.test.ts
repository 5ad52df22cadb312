// The map state a timeline step or a straits-tour stop asks for, and which links open a step with its own view.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stopState, tourOnlyLink, type StraitStop } from '../src/straits-tour';
import { DEFAULT_STATE, cloneState, decodeState, encodeState, lineVisible, type AppState } from '../src/state';
import { stepOnlyLink, stepState, type TimelineStep } from '../src/timeline';

function step(map: Partial<TimelineStep['map']>, id = '1875-saint-petersburg'): TimelineStep {
  return {
    id,
    date: '1875-05-07',
    date_end: null,
    title: 'Treaty of Saint Petersburg',
    text: '…',
    sources: [],
    map: { lines: [], areas: null, areas_meaning: null, camera: { lng: 152.5, lat: 47.5, zoom: 5.2 }, ...map },
  };
}

function base(): AppState {
  const s = cloneState(DEFAULT_STATE);
  s.naming = 'ru';
  s.lang = 'ja';
  s.selected = { kind: 'island', id: 'iturup' };
  s.tour = 'straits';
  s.camera = { lng: 140, lat: 40, zoom: 3, bearing: 30, pitch: 20 };
  return s;
}

describe('stepState', () => {
  test('shows exactly the lines of the step, historical ones included', () => {
    const s = stepState(base(), step({ lines: ['saint-petersburg-1875', 'soviet'] }));
    assert.equal(lineVisible(s, 'saint-petersburg-1875'), true);
    assert.equal(lineVisible(s, 'soviet'), true);
    for (const id of ['japanese', 'two-island-1956', 'shimoda-1855', 'portsmouth-1905'] as const) assert.equal(lineVisible(s, id), false, id);
  });

  test('areas, camera (north up, no tilt) and the step id; naming and language kept; panels closed', () => {
    const s = stepState(base(), step({ areas: 'saint-petersburg-1875', areas_meaning: 'treaty' }));
    assert.equal(s.areas, 'saint-petersburg-1875');
    assert.deepEqual(s.camera, { lng: 152.5, lat: 47.5, zoom: 5.2, bearing: 0, pitch: 0 });
    assert.equal(s.step, '1875-saint-petersburg');
    assert.equal(s.naming, 'ru');
    assert.equal(s.lang, 'ja');
    assert.equal(s.selected, null);
    assert.equal(s.tour, null);
  });

  test('an unknown line or scenario id from the server is ignored rather than trusted', () => {
    const s = stepState(base(), step({ lines: ['yalta-1945', 'japanese'], areas: 'yalta-1945' }));
    assert.equal(lineVisible(s, 'japanese'), true);
    assert.equal(s.areas, null);
    assert.doesNotMatch(encodeState(s), /yalta/);
  });

  test('its permalink decodes to the same state', () => {
    const s = stepState(base(), step({ lines: ['portsmouth-1905'], areas: 'portsmouth-1905', areas_meaning: 'treaty' }, '1905-portsmouth'));
    assert.deepEqual(decodeState(encodeState(s)), s);
  });
});

describe('stepOnlyLink', () => {
  test('a link naming a step without a view of its own', () => {
    assert.equal(stepOnlyLink('#step=1855-shimoda'), true);
    assert.equal(stepOnlyLink('#step=1855-shimoda&lang=ru&naming=ja'), true);
  });
  test('a full permalink keeps its own view; no step, no timeline', () => {
    assert.equal(stepOnlyLink('#map=6/44.3/146.5&step=1855-shimoda'), false);
    assert.equal(stepOnlyLink('#lines=soviet&step=1855-shimoda'), false);
    assert.equal(stepOnlyLink('#map=6/44.3/146.5'), false);
    assert.equal(stepOnlyLink(''), false);
  });
});

describe('stopState', () => {
  test('selects the strait (the map highlights it), opens the tour, moves the camera, keeps the lines', () => {
    const stop: StraitStop = {
      id: 'vries',
      names: { en: 'Vries Strait', ja: null, ja_latn: null, ru: null, ru_latn: null },
      title: '',
      text: '',
      camera: { lng: 149.5, lat: 45.6, zoom: 8 },
      width: null,
      depth: { max_m: null, text: '', sources: [] },
      claims: [],
    };
    const from = base();
    const s = stopState(from, stop);
    assert.deepEqual(s.selected, { kind: 'strait', id: 'vries' });
    assert.equal(s.tour, 'straits');
    assert.deepEqual(s.camera, { lng: 149.5, lat: 45.6, zoom: 8, bearing: 0, pitch: 0 });
    assert.deepEqual(s.lines, from.lines);
    assert.match(encodeState(s), /&sel=strait:vries&tour=straits$/);
  });
});

describe('tourOnlyLink', () => {
  test('a tour link without a camera takes the stop camera; with one it keeps its own', () => {
    assert.equal(tourOnlyLink('#tour=straits&sel=strait:vries'), true);
    assert.equal(tourOnlyLink('#map=8/45/149&tour=straits&sel=strait:vries'), false);
    assert.equal(tourOnlyLink('#sel=strait:vries'), false);
  });
});
