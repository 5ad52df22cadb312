// Reads the static export's tiles.pmtiles by HTTP Range requests, as pmtiles' FetchSource does, and checks that
// each body is as long as the range asked for. Chromium's HTTP cache can answer a range it has stored before with
// a truncated body while the status (206) and Content-Range look right: the e2e tests caught 762 of 3,146 bytes on
// a reload. The tile then failed to decompress ("Failed to fetch" in the console) and MapLibre left a hole in the
// map. A short body is asked for once more from the server itself, past the browser cache.
import { FetchSource, type RangeResponse, type Source } from 'pmtiles';

export class CheckedRangeSource implements Source {
  private readonly cached: FetchSource;
  private readonly fresh: FetchSource;

  constructor(url: string) {
    this.cached = new FetchSource(url);
    this.fresh = new FetchSource(url);
    // FetchSource's own switch for ETag trouble: every request with `cache: 'reload'`.
    this.fresh.mustReload = true;
  }

  getKey(): string {
    return this.cached.getKey();
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    const first = await this.cached.getBytes(offset, length, signal, etag);
    if (first.data.byteLength >= length) return first;
    // Short: a truncated body from the cache, or the end of the archive (a small archive's 16 KiB header read).
    // The server's answer stands either way.
    return this.fresh.getBytes(offset, length, signal, etag);
  }
}
