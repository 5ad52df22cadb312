// The map state a timeline step or a straits-tour stop asks for, and which links open a step with its own view.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Documents } from '../src/data';
import { linkedStopState, stopState, tourOnlyLink, type StraitStop } from '../src/straits-tour';
import { DEFAULT_STATE, cloneState, decodeState, encodeState, lineVisible, type AppState } from '../src/state';
import { linkedStepState, stepOnlyLink, stepState, type TimelineStep } from '../src/timeline';

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

function stop(id: string, camera: StraitStop['camera']): StraitStop {
  return {
    id,
    names: { en: `${id} Strait`, ja: null, ja_latn: null, ru: null, ru_latn: null },
    title: '',
    text: '',
    camera,
    width: null,
    depth: { max_m: null, text: '', sources: [] },
    claims: [],
  };
}

describe('stopState', () => {
  test('selects the strait (the map highlights it), opens the tour, moves the camera, keeps the lines', () => {
    const vries = stop('vries', { lng: 149.5, lat: 45.6, zoom: 8 });
    const from = base();
    const s = stopState(from, vries);
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

/** Documents that answer `extra(path)` from `docs` (a missing path fails, as an HTTP error would). */
function fakeDocs(docs: Record<string, unknown>): { docs: Documents; asked: string[] } {
  const asked: string[] = [];
  const extra = (path: string) => {
    asked.push(path);
    return path in docs ? Promise.resolve(docs[path]) : Promise.reject(new Error(`${path}: HTTP 500`));
  };
  return { docs: { extra } as unknown as Documents, asked };
}

// A step-only or tour-only link is resolved before the map is made, so that the map opens at its camera.
describe('linkedStepState and linkedStopState', () => {
  const timeline = {
    steps: [step({ lines: ['shimoda-1855'], camera: { lng: 148.7, lat: 45.4, zoom: 6.2 } }, '1855-shimoda'), step({ areas: 'portsmouth-1905', camera: { lng: 148.5, lat: 49.6, zoom: 4.6 } }, '1905-portsmouth')],
    lines: [],
    note: '',
  };
  const tour = { stops: [stop('catherine', { lng: 146.75, lat: 44.45, zoom: 8.5 }), stop('goyomai', { lng: 145.9, lat: 43.4, zoom: 10 })] };

  test('a step link takes the named step, with its camera, from the timeline document', async () => {
    const { docs, asked } = fakeDocs({ 'api/timeline': timeline });
    const from = decodeState('#step=1905-portsmouth&lang=ru');
    const s = await linkedStepState(docs, from);
    assert.deepEqual(asked, ['api/timeline']);
    assert.deepEqual(s, stepState(from, timeline.steps[1]!));
    assert.deepEqual(s.camera, { lng: 148.5, lat: 49.6, zoom: 4.6, bearing: 0, pitch: 0 });
  });

  test('an unknown step opens the first, as the panel does', async () => {
    const { docs } = fakeDocs({ 'api/timeline': timeline });
    const s = await linkedStepState(docs, decodeState('#step=1783-unknown'));
    assert.equal(s.step, '1855-shimoda');
    assert.deepEqual(s.camera, { lng: 148.7, lat: 45.4, zoom: 6.2, bearing: 0, pitch: 0 });
  });

  test('a tour link takes the selected stop, or the first when none is selected', async () => {
    const { docs, asked } = fakeDocs({ 'api/straits-tour': tour });
    const goyomai = await linkedStopState(docs, decodeState('#tour=straits&sel=strait:goyomai'));
    assert.deepEqual(asked, ['api/straits-tour']);
    assert.deepEqual(goyomai.camera, { lng: 145.9, lat: 43.4, zoom: 10, bearing: 0, pitch: 0 });
    assert.deepEqual(goyomai.selected, { kind: 'strait', id: 'goyomai' });
    const first = await linkedStopState(docs, decodeState('#tour=straits'));
    assert.deepEqual(first.selected, { kind: 'strait', id: 'catherine' });
  });

  test('a document that fails to load leaves the state as the link gave it (the panel then reports the failure)', async () => {
    const { docs } = fakeDocs({});
    const stepLink = decodeState('#step=1905-portsmouth');
    assert.deepEqual(await linkedStepState(docs, stepLink), stepLink);
    const tourLink = decodeState('#tour=straits&sel=strait:goyomai');
    assert.deepEqual(await linkedStopState(docs, tourLink), tourLink);
  });
});
