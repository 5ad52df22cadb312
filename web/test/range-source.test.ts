// The export's archive reader: a range body shorter than asked for (Chromium's cache can truncate one) is asked
// for again from the server, past the browser cache; a whole body costs one request.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { CheckedRangeSource } from '../src/range-source';

const URL_ = 'http://127.0.0.1:8080/tiles.pmtiles';
const ARCHIVE = Uint8Array.from({ length: 5000 }, (_, i) => i % 251);
const realFetch = globalThis.fetch;

interface Call {
  range: string | null;
  cache: RequestCache | undefined;
}

/** A server for ARCHIVE whose answers through the cache (not `cache: 'reload'`) keep only `cachedBytes` bytes. */
function serve(cachedBytes: number | null): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const range = headers.get('range');
    calls.push({ range, cache: init?.cache });
    const [from, to] = (range ?? '').replace('bytes=', '').split('-').map(Number) as [number, number];
    const last = Math.min(to, ARCHIVE.length - 1);
    let body = ARCHIVE.slice(from, last + 1);
    if (cachedBytes !== null && init?.cache !== 'reload') body = body.slice(0, cachedBytes);
    return new Response(body, { status: 206, headers: { 'Content-Range': `bytes ${from}-${last}/${ARCHIVE.length}`, ETag: '"a"' } });
  }) as typeof fetch;
  return calls;
}

describe('CheckedRangeSource', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  test('a whole body is used as it came: one request, through the cache', async () => {
    const calls = serve(null);
    const got = await new CheckedRangeSource(URL_).getBytes(1000, 300);
    assert.deepEqual(new Uint8Array(got.data), ARCHIVE.slice(1000, 1300));
    assert.deepEqual(calls, [{ range: 'bytes=1000-1299', cache: undefined }]);
  });

  test('a truncated body is asked for again past the cache, and the whole range is returned', async () => {
    const calls = serve(120);
    const got = await new CheckedRangeSource(URL_).getBytes(1000, 300);
    assert.deepEqual(new Uint8Array(got.data), ARCHIVE.slice(1000, 1300));
    assert.deepEqual(calls, [
      { range: 'bytes=1000-1299', cache: undefined },
      { range: 'bytes=1000-1299', cache: 'reload' },
    ]);
  });

  test("a range past the archive's end is as long as the server says", async () => {
    const calls = serve(null);
    const got = await new CheckedRangeSource(URL_).getBytes(4800, 16384);
    assert.deepEqual(new Uint8Array(got.data), ARCHIVE.slice(4800));
    assert.equal(calls.length, 2, 'asked once more, then believed');
  });

  test('its key is the URL (the pmtiles protocol finds the archive by it)', () => {
    assert.equal(new CheckedRangeSource(URL_).getKey(), URL_);
  });
});
