// Measure: the reader clicks points on the map (or adds the map's centre from the keyboard) and reads the geodesic
// length of the path through them (geodesic.ts). The points are drawn on top of the map. While measuring, a
// click adds a point instead of opening a panel; Escape finishes.
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { geodesicDistance, pathLength, type LngLat } from './geodesic';
import { t } from './i18n';
import type { Lang } from './state';
import { withUnit } from './units';

export const MEASURE_SOURCE = 'measure';
export const MEASURE_LAYERS = ['measure:line', 'measure:points'] as const;

const NAUTICAL_MILE_M = 1852;

/**
 * "3.563 km (1.924 nmi)", "850 m (0.459 nmi)": metres below a kilometre, else km with three decimals; units as the
 * language writes them ("3,563 км (1,924 мор. миль)").
 */
export function formatDistance(metres: number, lang: Lang): string {
  const nmi = withUnit(metres / NAUTICAL_MILE_M, lang, 'nmi', 3, true);
  const { withNote } = t(lang);
  if (metres < 1000) return withNote(withUnit(metres, lang, 'm'), nmi);
  return withNote(withUnit(metres / 1000, lang, 'km', 3, true), nmi);
}

export interface MeasureReading {
  points: LngLat[];
  /** Geodesic length of the path in metres; null when a leg cannot be computed (nearly antipodal). */
  metres: number | null;
  /** Each leg's length. */
  legs: (number | null)[];
}

export class Measure {
  private points: LngLat[] = [];
  private measuring = false;
  private readonly onClick = (e: MapMouseEvent) => this.add([e.lngLat.lng, e.lngLat.lat]);
  /** Other maps that take clicks and draw the path too (the right-hand map while comparing). */
  private readonly others = new Set<MapLibreMap>();

  constructor(
    private readonly map: MapLibreMap,
    private readonly onChange: (reading: MeasureReading, measuring: boolean) => void,
  ) {}

  addMap(map: MapLibreMap): void {
    this.others.add(map);
    if (this.measuring) {
      map.on('click', this.onClick);
      map.getCanvas().classList.add('measuring');
    }
    this.drawOn(map);
  }

  /** Forgets a map (before it is removed). */
  removeMap(map: MapLibreMap): void {
    map.off('click', this.onClick);
    this.others.delete(map);
  }

  private maps(): MapLibreMap[] {
    return [this.map, ...this.others];
  }

  get active(): boolean {
    return this.measuring;
  }

  reading(): MeasureReading {
    const legs = this.points.slice(1).map((p, i) => geodesicDistance(this.points[i]!, p));
    return { points: [...this.points], metres: pathLength(this.points), legs };
  }

  start(): void {
    if (this.measuring) return;
    this.measuring = true;
    for (const map of this.maps()) {
      map.on('click', this.onClick);
      map.getCanvas().classList.add('measuring');
    }
    this.changed();
  }

  /** Stops adding points; the path stays on the map until cleared. */
  stop(): void {
    if (!this.measuring) return;
    this.measuring = false;
    for (const map of this.maps()) {
      map.off('click', this.onClick);
      map.getCanvas().classList.remove('measuring');
    }
    this.changed();
  }

  add(point: LngLat): void {
    // Longitudes continue across the antimeridian from the previous point, so the drawn line takes the short way.
    const prev = this.points.at(-1);
    let [lng, lat] = point;
    if (prev) while (lng - prev[0] > 180) lng -= 360;
    if (prev) while (prev[0] - lng > 180) lng += 360;
    this.points.push([lng, lat]);
    this.draw();
    this.changed();
  }

  addCentre(): void {
    const c = this.map.getCenter();
    this.add([c.lng, c.lat]);
  }

  clear(): void {
    this.points = [];
    this.draw();
    this.changed();
  }

  private changed(): void {
    this.onChange(this.reading(), this.measuring);
  }

  private draw(): void {
    for (const map of this.maps()) this.drawOn(map);
  }

  private drawOn(map: MapLibreMap): void {
    const data = {
      type: 'FeatureCollection',
      features: [
        ...(this.points.length > 1 ? [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: this.points } }] : []),
        ...this.points.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } })),
      ],
    };
    const source = map.getSource(MEASURE_SOURCE) as GeoJSONSource | undefined;
    if (source) {
      source.setData(data as never);
      return;
    }
    if (this.points.length === 0) return;
    map.addSource(MEASURE_SOURCE, { type: 'geojson', data: data as never });
    map.addLayer({
      id: 'measure:line',
      type: 'line',
      source: MEASURE_SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': '#000000', 'line-width': 2, 'line-dasharray': [2, 1] },
    });
    map.addLayer({
      id: 'measure:points',
      type: 'circle',
      source: MEASURE_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': '#ffffff', 'circle-radius': 4, 'circle-stroke-color': '#000000', 'circle-stroke-width': 2 },
    });
  }
}
