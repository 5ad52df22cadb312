// The timeline's `step`, the straits tour's `tour` and the historical lines in the URL hash.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_STATE, HISTORICAL_LINE_IDS, cloneState, decodeState, encodeState, lineVisible, type AppState } from '../src/state';

function state(patch: Partial<AppState> = {}): AppState {
  return { ...cloneState(DEFAULT_STATE), ...patch };
}

describe('step and tour fields', () => {
  test('absent by default, so older links keep their form', () => {
    assert.equal(DEFAULT_STATE.step, null);
    assert.equal(DEFAULT_STATE.tour, null);
    assert.doesNotMatch(encodeState(DEFAULT_STATE), /step=|tour=/);
  });

  test('a step is written after the view fields and read back', () => {
    const s = state({ step: '1875-saint-petersburg', tour: null });
    const hash = encodeState(s);
    assert.match(hash, /&step=1875-saint-petersburg$/);
    assert.equal(decodeState(hash).step, '1875-saint-petersburg');
  });

  test('a link with only a step keeps the other fields at their defaults', () => {
    const s = decodeState('#step=1855-shimoda');
    assert.equal(s.step, '1855-shimoda');
    assert.deepEqual(s.camera, DEFAULT_STATE.camera);
    assert.deepEqual(s.lines, DEFAULT_STATE.lines);
  });

  test('a step id that is not a plain id is dropped, never thrown on', () => {
    for (const bad of ['<script>', '../x', 'A B', '%E0%A4%A', '-x', 'x'.repeat(65)]) {
      const s = decodeState(`#step=${bad}&naming=ja`);
      assert.equal(s.step, null, bad);
      assert.equal(s.naming, 'ja', `the other fields still read for ${bad}`);
    }
  });

  test('tour=straits round-trips; unknown tours are ignored', () => {
    const s = state({ tour: 'straits', selected: { kind: 'strait', id: 'catherine' } });
    const back = decodeState(encodeState(s));
    assert.equal(back.tour, 'straits');
    assert.deepEqual(back.selected, { kind: 'strait', id: 'catherine' });
    assert.equal(decodeState('#tour=everything').tour, null);
    assert.equal(decodeState('#tour=straits&tour=none').tour, 'straits', 'the first of a repeated field wins');
  });
});

describe('historical lines in `lines` and `areas`', () => {
  test('hidden by default', () => {
    for (const id of HISTORICAL_LINE_IDS) assert.equal(lineVisible(DEFAULT_STATE, id), false, id);
  });

  test('accepted alongside the current lines and written after them', () => {
    const s = decodeState('#lines=japanese,portsmouth-1905,shimoda-1855&areas=saint-petersburg-1875');
    assert.deepEqual(s.lines, { soviet: false, japanese: true, 'two-island-1956': false, 'equal-area-split': false });
    assert.deepEqual(s.historical, { 'shimoda-1855': true, 'saint-petersburg-1875': false, 'portsmouth-1905': true });
    assert.equal(s.areas, 'saint-petersburg-1875');
    assert.match(encodeState(s), /&lines=japanese,shimoda-1855,portsmouth-1905&areas=saint-petersburg-1875&/);
  });

  test('a list with an unknown id is rejected as a whole (the default stays)', () => {
    const s = decodeState('#lines=shimoda-1855,yalta-1945');
    assert.deepEqual(s.lines, DEFAULT_STATE.lines);
    assert.deepEqual(s.historical, DEFAULT_STATE.historical);
  });

  test('round trip of a state with everything set', () => {
    const s = state({
      lines: { soviet: false, japanese: false, 'two-island-1956': false, 'equal-area-split': false },
      historical: { 'shimoda-1855': false, 'saint-petersburg-1875': true, 'portsmouth-1905': false },
      areas: 'shimoda-1855',
      step: '1905-portsmouth',
      tour: 'straits',
    });
    assert.deepEqual(decodeState(encodeState(s)), s);
  });
});
