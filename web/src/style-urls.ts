// Resolves the relative URLs of a style (as written by the static export) against the style's own URL, so the
// same style works wherever the export is hosted. Absolute URLs are left alone.
import type { StyleSpecification } from 'maplibre-gl';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** Resolve `url` against `base`, keeping `{placeholders}` unescaped. */
export function resolveUrl(url: string, base: string): string {
  if (ABSOLUTE.test(url)) return url;
  return new URL(url, base).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}

export function resolveStyleUrls(style: StyleSpecification, base: string): StyleSpecification {
  const out: StyleSpecification = structuredClone(style);
  if (out.glyphs) out.glyphs = resolveUrl(out.glyphs, base);
  if (typeof out.sprite === 'string') out.sprite = resolveUrl(out.sprite, base);
  for (const source of Object.values(out.sources)) {
    if ('url' in source && typeof source.url === 'string') {
      source.url = source.url.startsWith('pmtiles://')
        ? 'pmtiles://' + resolveUrl(source.url.slice('pmtiles://'.length), base)
        : resolveUrl(source.url, base);
    }
    if ('tiles' in source && Array.isArray(source.tiles)) {
      source.tiles = source.tiles.map((t) => resolveUrl(t, base));
    }
  }
  return out;
}
