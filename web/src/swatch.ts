// The legend's swatches, drawn from the map's own paint so that a key always matches what the map shows: a line
// with its colour, width and dash; an area with its fill colour and opacity over the map's sea colour.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { svg } from './dom';

const WIDTH = 3;

/** A line swatch for the line layer `layer` (its colour, dash pattern and cap as the style draws them). */
export function lineSwatch(map: MapLibreMap, layer: string): SVGElement {
  const paint = (p: string) => (map.getLayer(layer) ? map.getPaintProperty(layer, p) : undefined);
  const colour = paint('line-color');
  const dash = paint('line-dasharray');
  const round = map.getLayer(layer) ? map.getLayoutProperty(layer, 'line-cap') === 'round' : false;
  const attrs: Record<string, string> = {
    x1: '2',
    y1: '7',
    x2: '42',
    y2: '7',
    stroke: typeof colour === 'string' ? colour : '#000000',
    'stroke-width': String(WIDTH),
    'stroke-linecap': round ? 'round' : 'butt',
  };
  // MapLibre dashes are in multiples of the line width.
  if (Array.isArray(dash) && dash.every((d) => typeof d === 'number')) {
    attrs['stroke-dasharray'] = dash.map((d) => String(Math.max(d * WIDTH, 0.01))).join(' ');
  }
  return svg('svg', { class: 'swatch', width: '44', height: '14', viewBox: '0 0 44 14', 'aria-hidden': 'true', focusable: 'false' }, svg('line', attrs));
}

/** An area swatch for the fill layer `layer`: its colour at its opacity over the sea, as on the map. */
export function fillSwatch(map: MapLibreMap, layer: string): SVGElement {
  const paint = (l: string, p: string) => (map.getLayer(l) ? map.getPaintProperty(l, p) : undefined);
  const colour = paint(layer, 'fill-color');
  const opacity = paint(layer, 'fill-opacity');
  const sea = paint('background', 'background-color');
  const fill = typeof colour === 'string' ? colour : '#888888';
  return svg(
    'svg',
    { class: 'swatch swatch-fill', width: '18', height: '14', viewBox: '0 0 18 14', 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { x: '1', y: '1', width: '16', height: '12', fill: typeof sea === 'string' ? sea : '#dfe9f2' }),
    svg('rect', { x: '1', y: '1', width: '16', height: '12', fill, 'fill-opacity': typeof opacity === 'number' ? String(opacity) : '0.3', stroke: fill }),
  );
}
