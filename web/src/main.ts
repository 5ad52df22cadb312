// Entry point: becomes dist/app.js.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createMap } from './map';

declare global {
  interface Window {
    /** The map, for browser tests. */
    __map?: MapLibreMap;
  }
}

async function start(): Promise<void> {
  const container = document.getElementById('map');
  if (!container) throw new Error('#map container missing from index.html');

  const map = await createMap({ container });
  window.__map = map;
  map.once('idle', () => {
    document.body.dataset.mapIdle = '1';
  });
}

void start();
