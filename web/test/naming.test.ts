import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeMap, holderProperty, islandFromTile } from '../src/describe';
import { STRINGS } from '../src/i18n';
import { displayName, nameProperty, textField } from '../src/naming';
import { DEFAULT_STATE, LANGS, LINE_IDS, NAMINGS, cloneState } from '../src/state';

const ITURUP = {
  en: 'Iturup / Etorofu',
  ja: '択捉島',
  ja_latn: 'Etorofu',
  ru: 'Итуруп',
  ru_latn: 'Iturup',
  both_ja: '択捉島（Итуруп）',
  both_ru: 'Итуруп (Эторофу)',
};

describe('naming', () => {
  test('text-field per naming and interface language', () => {
    assert.deepEqual(textField('both', 'en'), ['get', 'name']);
    // Both names in the reader's script in the Japanese and Russian interfaces.
    assert.deepEqual(textField('both', 'ja'), ['coalesce', ['get', 'name_both_ja'], ['get', 'name']]);
    assert.deepEqual(textField('both', 'ru'), ['coalesce', ['get', 'name_both_ru'], ['get', 'name']]);
    assert.deepEqual(textField('ja', 'en'), ['coalesce', ['get', 'name_ja_latn'], ['get', 'name']]);
    assert.deepEqual(textField('ja', 'ja'), ['coalesce', ['get', 'name_ja'], ['get', 'name']]);
    assert.deepEqual(textField('ru', 'en'), ['coalesce', ['get', 'name_ru_latn'], ['get', 'name']]);
    assert.deepEqual(textField('ru', 'ru'), ['coalesce', ['get', 'name_ru'], ['get', 'name']]);
    // Each side's names in its own script for its own readers, romanised for everyone else.
    assert.equal(nameProperty('ru', 'ja'), 'name_ru_latn');
    assert.equal(nameProperty('ja', 'ru'), 'name_ja_latn');
  });

  test('names in the page follow the same rule and fall back to the display form', () => {
    assert.equal(displayName(ITURUP, 'both', 'en'), 'Iturup / Etorofu');
    assert.equal(displayName(ITURUP, 'both', 'ja'), '択捉島（Итуруп）');
    assert.equal(displayName(ITURUP, 'both', 'ru'), 'Итуруп (Эторофу)');
    assert.equal(displayName(ITURUP, 'ja', 'en'), 'Etorofu');
    assert.equal(displayName(ITURUP, 'ja', 'ja'), '択捉島');
    assert.equal(displayName(ITURUP, 'ru', 'ru'), 'Итуруп');
    assert.equal(displayName({ en: 'South Kuril Strait', ja: null, ja_latn: null }, 'ja', 'ja'), 'South Kuril Strait');
  });
});

describe('interface strings', () => {
  test('every language has every string, none empty', () => {
    const keys = Object.keys(STRINGS.en).sort();
    for (const lang of LANGS) {
      assert.deepEqual(Object.keys(STRINGS[lang]).sort(), keys, lang);
      for (const [k, v] of Object.entries(STRINGS[lang])) {
        if (typeof v === 'string') assert.ok(v.trim().length > 0, `${lang}.${k}`);
      }
      for (const id of LINE_IDS) assert.ok(STRINGS[lang].line[id], `${lang}.line.${id}`);
    }
  });
});

describe('describeMap', () => {
  const tile = (id: string, group: string, names: Record<string, string>, holders: Record<string, string>) => ({
    id,
    group,
    disputed: true,
    name: names.en,
    name_ja: names.ja,
    name_ja_latn: names.ja_latn,
    name_ru: names.ru,
    name_ru_latn: names.ru_latn,
    ...Object.fromEntries(Object.entries(holders).map(([line, side]) => [holderProperty(line as never), side])),
  });
  const islands = [
    tile('shikotan', 'four-islands', { en: 'Shikotan', ja_latn: 'Shikotan', ru_latn: 'Shikotan' }, { soviet: 'russia', japanese: 'japan', 'two-island-1956': 'japan' }),
    tile('iturup', 'four-islands', ITURUP, { soviet: 'russia', japanese: 'japan', 'two-island-1956': 'russia' }),
    tile('yuri', 'habomai', { en: 'Yuri' }, { soviet: 'russia', japanese: 'japan', 'two-island-1956': 'japan' }),
    tile('taraku-polonsky', 'habomai', { en: 'Taraku / Polonsky' }, { soviet: 'russia', japanese: 'japan', 'two-island-1956': 'japan' }),
  ].map((p) => islandFromTile(p)!);

  test('holder attributes are read from tile properties', () => {
    assert.equal(holderProperty('two-island-1956'), 'holder_two_island_1956');
    assert.deepEqual(islands[1]!.holders, { soviet: 'russia', japanese: 'japan', 'two-island-1956': 'russia' });
    assert.equal(islandFromTile({ name: 'no id' }), null);
  });

  test('one sentence per visible line, islands in a fixed order, the Habomai islets as one group', () => {
    const s = cloneState(DEFAULT_STATE);
    s.lines.japanese = false;
    assert.deepEqual(describeMap(s, islands), [
      "The map shows these lines: Russia's position, 1956 Joint Declaration: two islands.",
      "Russia's position: Japan holds none of them; Russia holds Iturup / Etorofu, Shikotan, the Habomai islets.",
      '1956 Joint Declaration: two islands: Japan holds Shikotan, the Habomai islets; Russia holds Iturup / Etorofu.',
    ]);
  });

  test('no lines; the naming and language apply', () => {
    const s = cloneState(DEFAULT_STATE);
    for (const id of LINE_IDS) s.lines[id] = false;
    assert.deepEqual(describeMap(s, islands), ['The map shows no boundary line.']);
    s.lines.japanese = true;
    s.lang = 'ja';
    s.naming = 'ja';
    const text = describeMap(s, islands).join(' ');
    assert.match(text, /日本の立場/);
    assert.match(text, /択捉島/);
    assert.match(text, /歯舞群島/);
  });

  test('an island with no single holder is described as divided, not as held by nobody', () => {
    const split = [
      tile('iturup', 'four-islands', ITURUP, { 'equal-area-split': '' }),
      tile('shikotan', 'four-islands', { en: 'Shikotan' }, { 'equal-area-split': 'japan' }),
    ].map((p) => islandFromTile(p)!);
    const s = cloneState(DEFAULT_STATE);
    for (const id of LINE_IDS) s.lines[id] = false;
    s.lines['equal-area-split'] = true;
    const text = describeMap(s, split);
    assert.equal(text.length, 3);
    assert.match(text[1]!, /Japan holds Shikotan; Russia holds none of them/);
    assert.match(text[2]!, /divides Iturup \/ Etorofu between the two sides/);
  });

  test('the areas scenario is described even when its line is hidden', () => {
    const s = cloneState(DEFAULT_STATE);
    for (const id of LINE_IDS) s.lines[id] = false;
    s.areas = 'two-island-1956';
    const text = describeMap(s, islands);
    assert.equal(text.length, 3);
    assert.match(text[1]!, /^1956 Joint Declaration/);
  });

  test('Japanese and Russian sentences use their own punctuation and wording', () => {
    const s = cloneState(DEFAULT_STATE);
    for (const id of LINE_IDS) s.lines[id] = false;
    s.lines.soviet = true;
    s.areas = 'soviet';
    s.naming = 'ja';
    s.lang = 'ja';
    const ja = describeMap(s, islands);
    assert.equal(ja[0], '表示中の境界線：ロシアの立場。');
    assert.match(ja[1]!, /^ロシアの立場：日本側はなし、ロシア側は択捉島、/);
    assert.equal(ja[2], '区域を色分けするシナリオ：ロシアの立場。');
    s.naming = 'ru';
    s.lang = 'ru';
    const ru = describeMap(s, islands);
    assert.equal(ru[0], 'На карте показаны линии: Позиция России.');
    assert.match(ru[1]!, /^Позиция России: Японии — ни одного острова; России — /);
    assert.equal(ru[2], 'Районы сторон закрашены по варианту «Позиция России».');
  });

  test('every naming and language gives text', () => {
    for (const naming of NAMINGS) {
      for (const lang of LANGS) {
        const s = { ...cloneState(DEFAULT_STATE), naming, lang };
        assert.equal(describeMap(s, islands).length, 4);
      }
    }
  });
});
