// Creates the MapLibre map: style, controls, the pmtiles:// protocol for the static export (pmtiles-protocol.ts).
import * as maplibregl from 'maplibre-gl';
import { resolveStyleUrls } from './style-urls';

/** Initial view: the southern Kurils and eastern Hokkaido. */
export const INITIAL_CENTER: [number, number] = [146.5, 44.3];
export const INITIAL_ZOOM = 6;

/** True when a source of the style is a PMTiles archive (the static export), which needs pmtiles-protocol.ts. */
function usesPmtiles(style: maplibregl.StyleSpecification): boolean {
  return Object.values(style.sources).some((source) => 'url' in source && typeof source.url === 'string' && source.url.startsWith('pmtiles://'));
}

/**
 * The style URL: `style.json` next to the page, so the same build works at the server root and in a
 * static export folder.
 */
export function styleUrl(base: string = document.baseURI): string {
  return new URL('style.json', base).href;
}

export interface CreateMapOptions {
  container: HTMLElement;
  /** A style URL, or a style already loaded with `loadStyle`. */
  style?: string | maplibregl.StyleSpecification;
  /** Initial camera (default: the southern Kurils). */
  camera?: { center: [number, number]; zoom: number; bearing?: number; pitch?: number };
  /** prefers-reduced-motion: no label fade animations (MapLibre itself skips camera animations then). */
  reducedMotion?: boolean;
}

/** Fetch the style and make its relative URLs (static export) absolute. */
export async function loadStyle(url: string = styleUrl()): Promise<maplibregl.StyleSpecification> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`style ${url}: HTTP ${response.status}`);
  return resolveStyleUrls((await response.json()) as maplibregl.StyleSpecification, url);
}

/**
 * The style without its sources' attribution: the app shows the same credits in the reader's language
 * (`StoryStrings.credits`) as the attribution control's own text. A source's `attribution` in the style also
 * overrides the one of its TileJSON or PMTiles archive, so an empty one hides both.
 */
export function withoutSourceCredits(style: maplibregl.StyleSpecification): maplibregl.StyleSpecification {
  const sources = Object.fromEntries(
    Object.entries(style.sources).map(([id, source]) => [id, 'attribution' in source || 'url' in source ? { ...source, attribution: '' } : source]),
  ) as maplibregl.StyleSpecification['sources'];
  return { ...style, sources };
}

export async function createMap({
  container,
  style = styleUrl(),
  camera,
  reducedMotion = false,
}: CreateMapOptions): Promise<maplibregl.Map> {
  const spec = withoutSourceCredits(typeof style === 'string' ? await loadStyle(style) : style);
  // Only the static export's style needs the PMTiles reader: loaded then (the server's style has tile URLs).
  if (usesPmtiles(spec)) (await import('./pmtiles-protocol')).registerPmtilesProtocol(spec);

  const map = new maplibregl.Map({
    container,
    style: spec,
    center: camera?.center ?? INITIAL_CENTER,
    zoom: camera?.zoom ?? INITIAL_ZOOM,
    bearing: camera?.bearing ?? 0,
    pitch: camera?.pitch ?? 0,
    fadeDuration: reducedMotion ? 0 : 300,
    hash: false,
    attributionControl: false,
    // Our glyph ranges carry the Japanese characters too (Noto Sans CJK JP): draw them from the served
    // glyphs rather than a browser font, so labels look the same everywhere.
    localIdeographFontFamily: false,
  });

  map.addControl(new maplibregl.NavigationControl(), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  // The credits are placed by the layout (layout.ts), which knows how much of the map the dock leaves free, in the
  // reader's language.
  return map;
}
