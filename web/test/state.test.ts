import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DEFAULT_STATE,
  LINE_IDS,
  cloneState,
  decodeState,
  encodeCamera,
  encodeState,
  preferredLang,
  type AppState,
} from '../src/state';

function state(patch: Partial<AppState> = {}): AppState {
  return { ...cloneState(DEFAULT_STATE), ...patch };
}

describe('encodeState', () => {
  test('the default state, every field written in a fixed order', () => {
    assert.equal(encodeState(DEFAULT_STATE), '#map=6/44.3/146.5&lines=soviet,japanese,two-island-1956&areas=none&naming=both&lang=en');
  });

  test('the example of the design: two lines, a selected island', () => {
    const s = state({ lines: { soviet: true, japanese: true, 'two-island-1956': false, 'equal-area-split': false }, selected: { kind: 'island', id: 'iturup' } });
    assert.equal(encodeState(s), '#map=6/44.3/146.5&lines=soviet,japanese&areas=none&naming=both&lang=en&sel=island:iturup');
  });

  test('no lines is written as lines=none', () => {
    const s = state({ lines: { soviet: false, japanese: false, 'two-island-1956': false, 'equal-area-split': false } });
    assert.match(encodeState(s), /&lines=none&/);
  });

  test('bearing and pitch only when not zero', () => {
    assert.equal(encodeCamera({ lng: 146.5, lat: 44.3, zoom: 6, bearing: 0, pitch: 0 }), '6/44.3/146.5');
    assert.equal(encodeCamera({ lng: 146.5, lat: 44.3, zoom: 6, bearing: -12.34, pitch: 30 }), '6/44.3/146.5/-12.3/30');
  });

  test('camera rounded to 5 decimals of a degree and 3 of a zoom level, longitudes wrapped', () => {
    assert.equal(encodeCamera({ lng: 146.123456789, lat: 44.000001, zoom: 6.12345, bearing: 0, pitch: 0 }), '6.123/44/146.12346');
    assert.equal(encodeCamera({ lng: 506.5, lat: -0.000001, zoom: 0, bearing: 0, pitch: 0 }), '0/0/146.5');
  });
});

describe('decodeState', () => {
  test('round trip of every field', () => {
    const cases: AppState[] = [
      DEFAULT_STATE,
      state({
        camera: { lng: 147.12345, lat: 45.5, zoom: 9.25, bearing: 20, pitch: 40 },
        lines: { soviet: false, japanese: true, 'two-island-1956': false, 'equal-area-split': false },
        areas: 'two-island-1956',
        naming: 'ru',
        lang: 'ja',
        selected: { kind: 'strait', id: 'catherine' },
      }),
      state({ lines: { soviet: false, japanese: false, 'two-island-1956': false, 'equal-area-split': false }, naming: 'ja', lang: 'ru', selected: { kind: 'line', id: 'soviet' } }),
      state({ selected: { kind: 'about', id: 'sources' } }),
    ];
    for (const s of cases) {
      const decoded = decodeState(encodeState(s));
      assert.deepEqual(decoded, s);
      assert.equal(encodeState(decoded), encodeState(s));
    }
  });

  test('reads the hash with or without # and as a query string', () => {
    const expected = state({ naming: 'ja', camera: { lng: 146, lat: 44, zoom: 7, bearing: 0, pitch: 0 } });
    for (const prefix of ['#', '?', '']) assert.deepEqual(decodeState(`${prefix}map=7/44/146&naming=ja`), expected);
  });

  test('missing fields take the defaults given', () => {
    const defaults = state({ lang: 'ru' });
    assert.deepEqual(decodeState('', defaults), defaults);
    assert.deepEqual(decodeState('#naming=ja', defaults), { ...defaults, naming: 'ja' });
  });

  test('invalid input gives the defaults and never throws', () => {
    const inputs: unknown[] = [
      null,
      undefined,
      '#',
      '#&&&',
      '#map=abc',
      '#map=6/44.3',
      '#map=6/44.3/146.5/10',
      '#map=99/44.3/146.5',
      '#map=6/91/146.5',
      '#map=6/44/146/0/99',
      '#map=Infinity/1/1',
      '#map=//',
      '#lines=soviet,bogus',
      '#areas=everything',
      '#naming=zh',
      '#lang=fr',
      '#sel=island',
      '#sel=planet:earth',
      '#sel=line:not-a-line',
      '#sel=island:<script>',
      '#sel=island:' + 'x'.repeat(100),
      '#%E0%A4%A',
      '#lines=%',
      '#map=%zz',
      '#__proto__=1&constructor=2',
      '#' + 'a=b&'.repeat(10_000),
      42,
      {},
    ];
    for (const input of inputs) {
      assert.doesNotThrow(() => decodeState(input as string));
      assert.deepEqual(decodeState(input as string), DEFAULT_STATE, `input ${String(input).slice(0, 40)}`);
    }
  });

  test('an invalid field does not spoil the valid ones', () => {
    const s = decodeState('#map=nonsense&lines=japanese&naming=zh&lang=ja&sel=island:iturup');
    assert.deepEqual(s.camera, DEFAULT_STATE.camera);
    assert.deepEqual(s.lines, { soviet: false, japanese: true, 'two-island-1956': false, 'equal-area-split': false });
    assert.equal(s.naming, 'both');
    assert.equal(s.lang, 'ja');
    assert.deepEqual(s.selected, { kind: 'island', id: 'iturup' });
  });

  test('lines: empty and none both mean no lines; order does not matter; the first value of a key wins', () => {
    for (const v of ['', 'none']) {
      assert.deepEqual(decodeState(`#lines=${v}`).lines, { soviet: false, japanese: false, 'two-island-1956': false, 'equal-area-split': false });
    }
    assert.deepEqual(decodeState('#lines=two-island-1956,soviet').lines, { soviet: true, japanese: false, 'two-island-1956': true, 'equal-area-split': false });
    assert.equal(decodeState('#naming=ja&naming=ru').naming, 'ja');
  });

  test('bearing normalised to [-180, 180)', () => {
    assert.equal(decodeState('#map=6/44/146/190/0').camera.bearing, -170);
  });

  test('decoding does not alias the defaults', () => {
    const s = decodeState('');
    s.lines.soviet = false;
    s.camera.zoom = 1;
    assert.equal(DEFAULT_STATE.lines.soviet, true);
    assert.equal(DEFAULT_STATE.camera.zoom, 6);
  });

  test('every line id is a valid lines= and areas= value', () => {
    for (const id of LINE_IDS) {
      assert.equal(decodeState(`#areas=${id}`).areas, id);
      assert.deepEqual(
        LINE_IDS.filter((l) => decodeState(`#lines=${id}`).lines[l]),
        [id],
      );
    }
  });
});

describe('preferredLang', () => {
  test('first supported language, else English', () => {
    assert.equal(preferredLang(['ja-JP', 'en']), 'ja');
    assert.equal(preferredLang(['fr-FR', 'ru']), 'ru');
    assert.equal(preferredLang(['de']), 'en');
    assert.equal(preferredLang([]), 'en');
    assert.equal(preferredLang(undefined), 'en');
  });
});
