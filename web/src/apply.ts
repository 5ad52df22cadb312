// Applies an AppState to the map: the one place where the state touches the style (visibility, filters, label
// text, selection). The style stays the source of truth for colours and dashes; the legend reads them back.
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { LABEL_LAYERS, textField } from './naming';
import { ALL_LINE_IDS, LINE_IDS, lineVisible, type AnyLineId, type AppState, type LineId } from './state';

export const SOURCE = 'kuril';
export const lineLayer = (id: AnyLineId): string => `line:${id}`;
export const claimLayer = (id: AnyLineId, side: 'japan' | 'russia'): string => `claim:${id}:${side}`;
export const SELECTED_ISLAND_LAYER = 'selection:island';

/** Island labels by rank as the zoom grows: the four islands and Hokkaido first, the Habomai islets from z8. */
const ISLAND_LABEL_FILTER = ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 5, 2, 8, 3, 9, 4]];

/** A group's label (the Habomai Islands) gives way to its islets' own labels at its `until_zoom`. */
const GROUP_LABEL_FILTER = ['<', ['zoom'], ['coalesce', ['get', 'until_zoom'], 99]];

const NO_ID = '\u0000';

/** Layers the front end adds to the served style (once, after the style has loaded). */
export function setupLayers(map: MapLibreMap): void {
  if (map.getLayer('island-labels')) map.setFilter('island-labels', ['all', ISLAND_LABEL_FILTER, GROUP_LABEL_FILTER] as unknown as FilterSpecification);
  if (!map.getLayer(SELECTED_ISLAND_LAYER) && map.getLayer('islands')) {
    map.addLayer(
      {
        id: SELECTED_ISLAND_LAYER,
        type: 'line',
        source: SOURCE,
        'source-layer': 'islands',
        filter: ['==', ['get', 'id'], NO_ID],
        paint: { 'line-color': '#1b1b1b', 'line-width': 3 },
      },
      map.getLayer(lineLayer('soviet')) ? lineLayer('soviet') : undefined,
    );
  }
}

/** Strait fill: shown while hovered (feature-state, set in main.ts) or selected. */
function straitOpacity(selectedId: string): unknown[] {
  return [
    'case',
    ['any', ['boolean', ['feature-state', 'hover'], false], ['==', ['get', 'id'], selectedId]],
    0.35,
    0,
  ];
}

function setVisibility(map: MapLibreMap, layer: string, visible: boolean): void {
  if (map.getLayer(layer)) map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
}

export function applyState(map: MapLibreMap, state: AppState): void {
  for (const id of ALL_LINE_IDS) {
    setVisibility(map, lineLayer(id), lineVisible(state, id));
    for (const side of ['japan', 'russia'] as const) setVisibility(map, claimLayer(id, side), state.areas === id);
  }
  const field = textField(state.naming, state.lang);
  for (const layer of LABEL_LAYERS) {
    if (map.getLayer(layer)) map.setLayoutProperty(layer, 'text-field', field as never);
  }
  const sel = state.selected;
  const islandId = sel?.kind === 'island' ? sel.id : NO_ID;
  const straitId = sel?.kind === 'strait' ? sel.id : NO_ID;
  if (map.getLayer(SELECTED_ISLAND_LAYER)) map.setFilter(SELECTED_ISLAND_LAYER, ['==', ['get', 'id'], islandId]);
  if (map.getLayer('straits')) map.setPaintProperty('straits', 'fill-opacity', straitOpacity(straitId) as never);
  // A selected line is drawn wider.
  for (const id of LINE_IDS) {
    const layer = lineLayer(id);
    if (!map.getLayer(layer)) continue;
    const wide = sel?.kind === 'line' && sel.id === id;
    map.setPaintProperty(layer, 'line-width', [
      'interpolate',
      ['linear'],
      ['zoom'],
      4,
      wide ? 4 : 2,
      10,
      wide ? 7 : 4,
    ]);
  }
}

// Colours for dark mode (prefers-color-scheme: dark): same hues, lighter lines and text on a dark ground,
// keeping text contrast above WCAG AA. The light values are read from the served style at start.
const DARK: [layer: string, property: string, value: unknown][] = [
  ['background', 'background-color', '#0e1822'],
  ['land', 'fill-color', '#2a2d31'],
  ['islands', 'fill-color', ['case', ['get', 'disputed'], '#3b3628', '#2a2d31']],
  ['islands-outline', 'line-color', '#9aa3ab'],
  ['strait-widths', 'line-color', '#8fb8e0'],
  ['straits', 'fill-color', '#8fb8e0'],
  ['line:soviet', 'line-color', '#ff8a4c'],
  ['line:japanese', 'line-color', '#5fb8ee'],
  ['line:two-island-1956', 'line-color', '#3fd6a6'],
  ['line:equal-area-split', 'line-color', '#e9a6cd'],
  ['line:shimoda-1855', 'line-color', '#e6e6e6'],
  ['line:saint-petersburg-1875', 'line-color', '#b99fd6'],
  ['line:portsmouth-1905', 'line-color', '#d9a960'],
  ['places', 'circle-color', '#e6e6e6'],
  ['places', 'circle-stroke-color', '#0e1822'],
  [SELECTED_ISLAND_LAYER, 'line-color', '#ffffff'],
  ...(['island-labels', 'place-labels'] as const).flatMap((l): [string, string, unknown][] => [
    [l, 'text-color', '#f2f2f2'],
    [l, 'text-halo-color', '#0e1822'],
  ]),
  ['strait-labels', 'text-color', '#a9cdf0'],
  ['strait-labels', 'text-halo-color', '#0e1822'],
];

const lightValues = new WeakMap<MapLibreMap, Map<string, unknown>>();

/** Switches the map's paint between the served (light) colours and the dark variant. */
export function applyTheme(map: MapLibreMap, dark: boolean): void {
  let light = lightValues.get(map);
  if (!light) {
    light = new Map();
    for (const [layer, prop] of DARK) {
      if (map.getLayer(layer)) light.set(`${layer}\u0000${prop}`, map.getPaintProperty(layer, prop));
    }
    lightValues.set(map, light);
  }
  for (const [layer, prop, value] of DARK) {
    if (!map.getLayer(layer)) continue;
    const key = `${layer}\u0000${prop}`;
    map.setPaintProperty(layer, prop, (dark ? value : light.get(key)) as never);
  }
}

/** How a line is drawn, read from the style (for the legend). */
export function lineLook(map: MapLibreMap, id: LineId): { colour: string; dash: number[] } {
  const layer = lineLayer(id);
  const colour = map.getLayer(layer) ? map.getPaintProperty(layer, 'line-color') : undefined;
  const dash = map.getLayer(layer) ? map.getPaintProperty(layer, 'line-dasharray') : undefined;
  return {
    colour: typeof colour === 'string' ? colour : '#000000',
    dash: Array.isArray(dash) && dash.every((d) => typeof d === 'number') ? (dash as number[]) : [],
  };
}

export function fillColour(map: MapLibreMap, layer: string): string {
  const c = map.getLayer(layer) ? map.getPaintProperty(layer, 'fill-color') : undefined;
  return typeof c === 'string' ? c : '#888888';
}
