// The download menu: every collection and the scenarios on the map as GeoJSON, KML, CSV and GeoPackage from the
// server (crates/kuril-server/src/routes/download.rs), and the OGC API address for QGIS. In the static export
// only the GeoJSON files the export contains are offered, with a word on what needs the server.
import type { DataMode } from './data';
import { h } from './dom';
import { LINE_IDS, type AppState, type LineId } from './state';
import type { ToolStrings } from './tools-i18n';

export const COLLECTIONS = ['islands', 'straits', 'lines', 'claim-areas', 'maritime-zones', 'places'] as const;
export type CollectionId = (typeof COLLECTIONS)[number];

export const FORMATS = [
  { ext: 'geojson', name: 'GeoJSON' },
  { ext: 'kml', name: 'KML' },
  { ext: 'csv', name: 'CSV' },
  { ext: 'gpkg', name: 'GeoPackage' },
] as const;
export type FormatExt = (typeof FORMATS)[number]['ext'];

/** Relative URL of a collection's download from the server. */
export const collectionUrl = (id: CollectionId, ext: FormatExt): string => `api/download/${id}.${ext}`;
/** Relative URL of a scenario bundle's download from the server. */
export const scenarioUrl = (id: LineId, ext: FormatExt): string => `api/download/scenario/${id}.${ext}`;

/**
 * The scenarios "on the map now": the two compared, else the one whose areas are shown, else the visible lines;
 * all of them when none of these applies. Order as in LINE_IDS, no repeats.
 */
export function currentScenarios(state: AppState): LineId[] {
  let ids: LineId[];
  if (state.compare) ids = [...state.compare];
  else if (state.areas && (LINE_IDS as readonly string[]).includes(state.areas)) ids = [state.areas as LineId];
  else ids = LINE_IDS.filter((id) => state.lines[id]);
  if (ids.length === 0) ids = [...LINE_IDS];
  return LINE_IDS.filter((id) => ids.includes(id));
}

/** The export's own GeoJSON files (see crates/kuril-server/src/export.rs). */
export function staticFiles(scenarios: readonly LineId[]): { label: string; href: string }[] {
  return [
    { label: 'islands.geojson', href: 'api/islands.geojson' },
    { label: 'straits.geojson', href: 'api/straits.geojson' },
    { label: 'places.geojson', href: 'api/places.geojson' },
    ...scenarios.flatMap((id) => [
      { label: `lines/${id}.geojson`, href: `api/lines/${id}.geojson` },
      { label: `claim-areas/${id}.geojson`, href: `api/claim-areas/${id}.geojson` },
    ]),
  ];
}

function formatLinks(what: string, url: (ext: FormatExt) => string, testid: string): HTMLElement {
  return h(
    'ul',
    { class: 'formats' },
    FORMATS.map((f) =>
      h(
        'li',
        {},
        h('a', { href: url(f.ext), download: true, 'data-testid': `${testid}.${f.ext}`, 'aria-label': `${what}: ${f.name}` }, f.name),
      ),
    ),
  );
}

export type ViewImageFormat = 'png' | 'svg' | 'snapshot';

/**
 * Links to the current view as an image, for handouts and slides: made when clicked, so that they show the view
 * as it is then (the server draws PNG and SVG; the static export offers a snapshot of the map).
 */
function viewImageLinks(mode: DataMode, s: ToolStrings, viewImage: (format: ViewImageFormat) => string): HTMLElement[] {
  const formats: { format: ViewImageFormat; label: string; file: string }[] =
    mode === 'static'
      ? [{ format: 'snapshot', label: 'PNG', file: 'kuril-map.png' }]
      : [
          { format: 'png', label: 'PNG', file: 'kuril-map.png' },
          { format: 'svg', label: 'SVG', file: 'kuril-map.svg' },
        ];
  return [
    h('h3', {}, s.viewImage),
    h(
      'ul',
      { class: 'formats', 'data-testid': 'view-image' },
      formats.map((f) => {
        const a = h('a', { href: '#', download: f.file, 'data-testid': `view-image.${f.format}` }, f.label);
        const refresh = () => a.setAttribute('href', viewImage(f.format));
        a.addEventListener('pointerdown', refresh);
        a.addEventListener('focus', refresh);
        a.addEventListener('click', refresh);
        return h('li', {}, a);
      }),
    ),
  ];
}

/** The content of the downloads pane for a state. */
export function downloadsPane(
  state: AppState,
  mode: DataMode,
  s: ToolStrings,
  lineName: (id: LineId) => string,
  viewImage?: (format: ViewImageFormat) => string,
): HTMLElement[] {
  const scenarios = currentScenarios(state);
  const images = viewImage ? viewImageLinks(mode, s, viewImage) : [];
  if (mode === 'static') {
    return [
      ...images,
      h('p', { class: 'note' }, s.staticDownloads),
      h(
        'ul',
        { class: 'plain files', 'data-testid': 'static-downloads' },
        staticFiles(scenarios).map((f) => h('li', {}, h('a', { href: f.href, download: true }, f.label))),
      ),
    ];
  }
  const ogc = new URL('ogc', document.baseURI).href;
  return [
    ...images,
    h('p', { class: 'note' }, s.downloadsIntro),
    h('h3', {}, s.collections),
    h(
      'dl',
      { class: 'downloads' },
      COLLECTIONS.flatMap((id) => [
        h('dt', {}, s.collectionNames[id] ?? id),
        h('dd', {}, formatLinks(s.collectionNames[id] ?? id, (ext) => collectionUrl(id, ext), `download:${id}`)),
      ]),
    ),
    h('h3', {}, s.currentScenarios),
    h(
      'dl',
      { class: 'downloads' },
      scenarios.flatMap((id) => [
        h('dt', {}, lineName(id)),
        h('dd', {}, formatLinks(lineName(id), (ext) => scenarioUrl(id, ext), `download:scenario:${id}`)),
      ]),
    ),
    h('p', {}, `${s.ogcIntro} `, h('a', { href: ogc, 'data-testid': 'ogc-link' }, ogc)),
    ...tileLinks(s),
  ];
}

/** The vector tiles and the style, written out for readers who add layers by hand (QGIS, GDAL, MapLibre). */
function tileLinks(s: ToolStrings): HTMLElement[] {
  const abs = (path: string) => new URL(path, document.baseURI).href;
  const xyz = `${abs('tiles/')}{z}/{x}/{y}.mvt`;
  const link = (path: string, testid: string) => h('a', { href: abs(path), 'data-testid': testid }, abs(path));
  return [
    h('h3', {}, s.tilesTitle),
    h('p', { class: 'note' }, s.tilesIntro),
    h(
      'dl',
      { class: 'downloads', 'data-testid': 'tile-urls' },
      h('dt', {}, s.xyzUrl),
      h('dd', {}, h('code', { 'data-testid': 'xyz-url' }, xyz)),
      h('dt', {}, 'TileJSON'),
      h('dd', {}, link('tiles.json', 'tilejson-link')),
      h('dt', {}, s.styleUrl),
      h('dd', {}, link('style.json', 'style-link')),
    ),
  ];
}
