// URLs for the embed page, the static image and oEmbed, and the iframe code.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { embedQuery, embedUrl, iframeCode, imageUrl, oembedUrl } from '../src/embed-code';
import { DEFAULT_STATE, cloneState, decodeState, type AppState } from '../src/state';

const BASE = 'https://maps.example.org/kuril/';

function state(patch: Partial<AppState> = {}): AppState {
  return { ...cloneState(DEFAULT_STATE), ...patch };
}

describe('embed URLs', () => {
  test('the embed query carries the view and decodes back to the same view', () => {
    const s = state({
      camera: { lng: 145.8, lat: 43.6, zoom: 8.5, bearing: 0, pitch: 0 },
      lines: { soviet: true, japanese: false, 'two-island-1956': false, 'equal-area-split': false },
      historical: { 'shimoda-1855': true, 'saint-petersburg-1875': false, 'portsmouth-1905': false },
      areas: 'soviet',
      naming: 'ru',
      selected: { kind: 'island', id: 'iturup' },
      step: '1855-shimoda',
      tour: 'straits',
    });
    const q = embedQuery(s);
    assert.doesNotMatch(q, /sel=|step=|tour=|#/, 'panels and tours are not part of an embedded view');
    const back = decodeState(`?${q}`);
    assert.deepEqual(back.camera, s.camera);
    assert.deepEqual(back.lines, s.lines);
    assert.deepEqual(back.historical, s.historical);
    assert.equal(back.areas, 'soviet');
    assert.equal(back.naming, 'ru');
  });

  test('embed URL is resolved against the app folder', () => {
    const u = new URL(embedUrl(BASE + '#map=1/2/3', DEFAULT_STATE));
    assert.equal(u.origin + u.pathname, 'https://maps.example.org/kuril/embed');
    assert.equal(u.searchParams.get('map'), '6/44.3/146.5');
    assert.equal(u.searchParams.get('lines'), 'soviet,japanese,two-island-1956');
    assert.equal(u.hash, '');
  });

  test('image URL: the image fields and a size clamped to 1..2048', () => {
    const u = new URL(imageUrl(BASE, state({ lang: 'ja' }), 5000, 630.4));
    assert.equal(u.pathname, '/kuril/image.png');
    assert.equal(u.searchParams.get('width'), '2048');
    assert.equal(u.searchParams.get('height'), '630');
    assert.equal(u.searchParams.get('naming'), 'both');
    assert.equal(u.searchParams.get('lang'), 'ja', 'the image is drawn for the view\'s language');
    assert.equal(new URL(imageUrl(BASE, DEFAULT_STATE, 10, 10, 'svg')).pathname, '/kuril/image.svg');
  });

  test('oEmbed URL: the page URL (with its hash) escaped as one parameter, format json', () => {
    const page = 'https://maps.example.org/kuril/#map=6/44.3/146.5&lines=soviet&step=1855-shimoda';
    const u = new URL(oembedUrl(BASE, page, { maxwidth: 640.2, maxheight: 400 }));
    assert.equal(u.pathname, '/kuril/oembed');
    assert.equal(u.searchParams.get('url'), page, 'the whole page URL survives, & and # included');
    assert.equal(u.searchParams.get('maxwidth'), '640');
    assert.equal(u.searchParams.get('maxheight'), '400');
    assert.equal(u.searchParams.get('format'), 'json');
    assert.equal(new URL(oembedUrl(BASE, page)).searchParams.has('maxwidth'), false);
  });
});

describe('iframe code', () => {
  const src = 'https://maps.example.org/kuril/embed?map=6/44.3/146.5&lines=soviet';

  test('an iframe with the src (escaped), a title and a height', () => {
    const code = iframeCode(src, 'Map "A" <B>', { height: 420, autoHeight: false });
    assert.match(code, /^<iframe [^>]*><\/iframe>$/);
    assert.ok(code.includes('src="https://maps.example.org/kuril/embed?map=6/44.3/146.5&amp;lines=soviet"'), code);
    assert.ok(code.includes('title="Map &quot;A&quot; &lt;B&gt;"'), code);
    assert.ok(code.includes('height="420"'), code);
  });

  test('auto-height: a script that only listens to the embed origin', () => {
    const code = iframeCode(src, 'Map');
    const script = code.split('\n')[1];
    assert.match(script, /^<script>.*<\/script>$/);
    assert.ok(script.includes('"https://maps.example.org"'), 'checks the origin');
    assert.ok(script.includes('"kuril-embed:height"'), 'checks the message type');
    assert.ok(script.includes('e.source'), 'resizes only the iframe that sent the message');
  });
});
