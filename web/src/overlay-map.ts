// The reader's own file on the map: one GeoJSON source and three layers (areas, lines, points) drawn above the
// claim areas, islands and boundary lines and below the labels. The file itself is read in overlay.ts.
import type { Map as MapLibreMap, GeoJSONSource, LayerSpecification } from 'maplibre-gl';
import { bounds, type FeatureCollection } from './overlay';

export const OVERLAY_SOURCE = 'overlay';
export const OVERLAY_LAYERS = ['overlay:fill', 'overlay:line', 'overlay:point'] as const;

const COLOUR = '#6a1b9a';

function layers(): LayerSpecification[] {
  return [
    {
      id: 'overlay:fill',
      type: 'fill',
      source: OVERLAY_SOURCE,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': COLOUR, 'fill-opacity': 0.2 },
    },
    {
      id: 'overlay:line',
      type: 'line',
      source: OVERLAY_SOURCE,
      filter: ['in', ['geometry-type'], ['literal', ['LineString', 'Polygon']]],
      paint: { 'line-color': COLOUR, 'line-width': 2.5 },
    },
    {
      id: 'overlay:point',
      type: 'circle',
      source: OVERLAY_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': COLOUR, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
    },
  ];
}

/** The first label layer: the overlay goes right below it. */
function firstSymbolLayer(map: MapLibreMap): string | undefined {
  return map.getStyle().layers.find((l) => l.type === 'symbol')?.id;
}

/** Shows (or replaces) the overlay and fits the view to it. */
export function showOverlay(map: MapLibreMap, data: FeatureCollection, opts: { fit?: boolean } = {}): void {
  const source = map.getSource(OVERLAY_SOURCE) as GeoJSONSource | undefined;
  if (source) source.setData(data as never);
  else {
    map.addSource(OVERLAY_SOURCE, { type: 'geojson', data: data as never });
    const before = firstSymbolLayer(map);
    for (const layer of layers()) map.addLayer(layer, before);
  }
  const box = opts.fit === false ? null : bounds(data);
  if (box) {
    const [w, s, e, n] = box;
    if (w === e && s === n) map.jumpTo({ center: [w, s] });
    else map.fitBounds([w, s, e, n], { padding: 60, maxZoom: 12, animate: false });
  }
}

export function removeOverlay(map: MapLibreMap): void {
  for (const id of OVERLAY_LAYERS) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(OVERLAY_SOURCE)) map.removeSource(OVERLAY_SOURCE);
}
