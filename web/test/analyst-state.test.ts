// The analyst tools' fields of the URL state: the equal-area split line and `compare`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_STATE, cloneState, decodeState, encodeState, type AppState } from '../src/state';

function state(patch: Partial<AppState> = {}): AppState {
  return { ...cloneState(DEFAULT_STATE), ...patch };
}

describe('equal-area split line', () => {
  test('off by default, so the default hash is the one permalinks had before it existed', () => {
    assert.equal(DEFAULT_STATE.lines['equal-area-split'], false);
    assert.equal(encodeState(DEFAULT_STATE), '#map=6/44.3/146.5&lines=soviet,japanese,two-island-1956&areas=none&naming=both&lang=en');
  });

  test('an old hash decodes with the line off, and re-encodes to itself', () => {
    const old = '#map=7/44/146.5&lines=soviet,japanese&areas=japanese&naming=ja&lang=ru&sel=island:kunashir';
    const s = decodeState(old);
    assert.equal(s.lines['equal-area-split'], false);
    assert.equal(s.lines.soviet, true);
    assert.equal(s.lines['two-island-1956'], false);
    assert.equal(encodeState(s), old);
  });

  test('in `lines`, `areas` and `sel=line:`; round trip', () => {
    const s = decodeState('#lines=equal-area-split,soviet&areas=equal-area-split&sel=line:equal-area-split');
    assert.deepEqual(s.lines, { soviet: true, japanese: false, 'two-island-1956': false, 'equal-area-split': true });
    assert.equal(s.areas, 'equal-area-split');
    assert.deepEqual(s.selected, { kind: 'line', id: 'equal-area-split' });
    assert.match(encodeState(s), /&lines=soviet,equal-area-split&areas=equal-area-split&/);
    assert.deepEqual(decodeState(encodeState(s)), s);
  });
});

describe('compare', () => {
  test('absent by default and not written when off', () => {
    assert.equal(DEFAULT_STATE.compare, null);
    assert.doesNotMatch(encodeState(DEFAULT_STATE), /compare/);
  });

  test('written as compare=left,right and read back', () => {
    const s = state({ compare: ['soviet', 'japanese'] });
    assert.match(encodeState(s), /&compare=soviet,japanese(&|$)/);
    assert.deepEqual(decodeState(encodeState(s)).compare, ['soviet', 'japanese']);
    const t = state({ compare: ['equal-area-split', 'two-island-1956'], selected: { kind: 'about', id: 'sources' } });
    assert.deepEqual(decodeState(encodeState(t)), t);
  });

  test('the order is kept: left first', () => {
    assert.deepEqual(decodeState('#compare=japanese,soviet').compare, ['japanese', 'soviet']);
  });

  test('invalid values are ignored (the default stays) and never throw', () => {
    const bad = [
      'compare=soviet',
      'compare=soviet,soviet',
      'compare=soviet,japanese,two-island-1956',
      'compare=soviet,atlantis',
      'compare=,japanese',
      'compare=soviet%2Cjapanese%ZZ',
      'compare=shimoda-1855,soviet',
      'compare=SOVIET,JAPANESE',
    ];
    for (const b of bad) assert.equal(decodeState(`#${b}`).compare, null, b);
    const defaults = state({ compare: ['soviet', 'japanese'] });
    for (const b of bad) assert.deepEqual(decodeState(`#${b}`, defaults).compare, ['soviet', 'japanese'], b);
  });

  test('none or empty turns it off', () => {
    const defaults = state({ compare: ['soviet', 'japanese'] });
    assert.equal(decodeState('#compare=none', defaults).compare, null);
    assert.equal(decodeState('#compare=', defaults).compare, null);
  });

  test('an invalid compare does not spoil the other fields', () => {
    const s = decodeState('#compare=x,y&naming=ru&lines=japanese');
    assert.equal(s.naming, 'ru');
    assert.equal(s.lines.japanese, true);
    assert.equal(s.lines.soviet, false);
  });

  test('cloneState copies the pair (no shared array)', () => {
    const a = state({ compare: ['soviet', 'japanese'] });
    const b = cloneState(a);
    assert.notEqual(a.compare, b.compare);
    assert.deepEqual(a.compare, b.compare);
  });
});
