// Every interface text, in every language, and every text of geodata/: no side's slogan stated as fact (the words
// docs/neutrality.md lists, outside a quotation or a sentence that says whose words or position they are), and no
// English left in the Japanese and Russian interfaces.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { STRINGS } from '../src/i18n';
import { LANGS, type Lang } from '../src/state';
import { st } from '../src/story-i18n';
import { toolStrings } from '../src/tools-i18n';

/** Every string a dictionary can show: its values, and what its functions return for sample arguments. */
function texts(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (typeof value === 'function') {
    for (const n of [1, 2, 5]) {
      const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? n : 'X'));
      texts((value as (...a: unknown[]) => unknown)(...args), `${path}(${n})`, out);
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) texts(v, `${path}.${k}`, out);
}

function interfaceTexts(lang: Lang): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  texts(STRINGS[lang], `i18n.${lang}`, out);
  texts(st(lang), `story.${lang}`, out);
  texts(toolStrings(lang), `tools.${lang}`, out);
  return out;
}

const GEODATA = resolve(process.cwd(), '..', 'geodata');
/** Text fields of the data documents (not coordinates, ids or source titles, which quote their publishers). */
function dataTexts(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const files = readdirSync(GEODATA).filter((f) => /\.(json|geojson)$/.test(f) && f !== 'sources.json');
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') out.push({ path, text: v });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k !== 'coordinates' && k !== 'geometry') walk(x, `${path}.${k}`);
    }
  };
  for (const f of files) {
    // The shoreline files hold geometry and provenance only.
    if (/coastline|world-land|habomai-osm/.test(f)) continue;
    walk(JSON.parse(readFileSync(join(GEODATA, f), 'utf8')), f);
  }
  // The Japanese and Russian texts of the same documents.
  for (const f of readdirSync(join(GEODATA, 'i18n')).filter((x) => x.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(join(GEODATA, 'i18n', f), 'utf8')), `i18n/${f}`);
  }
  return out;
}

/** One side's terms, never written as the map's own statement (docs/neutrality.md). */
const LOADED: RegExp[] = [
  /illegal(ly)? occup/i,
  /\breturn(ed)? (of )?(the )?(four |two |northern )?(islands|territories)\b/i,
  /\binherent(ly)? (japanese )?territor/i,
  /\bjapanese territory\b/i,
  /\brussian (islands|territory|land)\b/i,
  /\bintegral part\b/i,
  /\bprimordial/i,
  /不法占拠/,
  /固有の領土/,
  /返還/,
  /незаконн\S* оккупац/i,
  /исконн/i,
  /неотъемлем/i,
  /возвра\S* (остров|территор)/i,
];

/** Marks of an attributed statement: whose position, words or reading the sentence gives. */
const ATTRIBUTION =
  /(position|says|said|say |according to|in its (own )?words|holds that|considers|calls|claims?|reads?|の立場|によれば|と主張|としている|と述べ|позици|по словам|заявл|счита|по мнению|утвержда)/i;

/** A loaded term inside quotation marks is a quotation. */
function quoted(sentence: string, index: number): boolean {
  const before = sentence.slice(0, index);
  const open = (o: string, c: string) => before.split(o).length - 1 > before.split(c).length - 1;
  return open('“', '”') || open('«', '»') || open('「', '」') || (before.split('"').length - 1) % 2 === 1;
}

function violations(items: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of items) {
    for (const sentence of text.split(/(?<=[.!?。])\s*/)) {
      for (const re of LOADED) {
        const m = re.exec(sentence);
        if (m && !quoted(sentence, m.index) && !ATTRIBUTION.test(sentence)) found.push(`${path}: “${m[0]}” in “${sentence}”`);
      }
    }
  }
  return found;
}

describe('neutrality and translations', () => {
  test('the check finds a slogan stated as fact, and lets a quotation or an attributed position through', () => {
    assert.equal(violations([{ path: 'x', text: 'The islands are under illegal occupation.' }]).length, 1);
    assert.equal(violations([{ path: 'x', text: '北方四島は日本固有の領土です。' }]).length, 1);
    assert.equal(violations([{ path: 'x', text: 'Южные Курилы — исконно русская земля.' }]).length, 1);
    assert.equal(violations([{ path: 'x', text: "Japan's position is that they are inherent Japanese territory." }]).length, 0);
    assert.equal(violations([{ path: 'x', text: 'MOFA writes of “illegal occupation by the Soviet Union”.' }]).length, 0);
    assert.equal(violations([{ path: 'x', text: 'По словам МИД, острова — неотъемлемая часть России.' }]).length, 0);
  });

  test('no interface text in any language states one side’s terms as fact', () => {
    for (const lang of LANGS) assert.deepEqual(violations(interfaceTexts(lang)), [], lang);
  });

  test('no text of geodata/ states one side’s terms as fact', () => {
    const items = dataTexts();
    assert.ok(items.length > 200, `read the data's texts (${items.length})`);
    assert.deepEqual(violations(items), []);
  });

  test('every interface text exists in Japanese and Russian, and none is left in English', () => {
    const en = new Map(interfaceTexts('en').map((x) => [x.path.replace(/^(\w+)\.en/, '$1'), x.text]));
    for (const lang of ['ja', 'ru'] as const) {
      const own = new Map(interfaceTexts(lang).map((x) => [x.path.replace(new RegExp(`^(\\w+)\\.${lang}`), '$1'), x.text]));
      assert.deepEqual([...en.keys()].filter((k) => !own.has(k)), [], `${lang}: keys missing`);
      const english: string[] = [];
      for (const [k, text] of own) {
        // An English word of four letters or more (not a format name, a unit or a URL) is an untranslated text.
        const words = text.replace(/https?:\/\/\S+/g, '').match(/\b[a-z]{4,}\b/g) ?? [];
        if (words.length > 0 && text.trim() !== '') english.push(`${k}: ${text}`);
        if (text.trim() === '' && (en.get(k) ?? '').trim() !== '') english.push(`${k}: empty`);
      }
      assert.deepEqual(english, [], `${lang}: texts in English`);
    }
  });
});
