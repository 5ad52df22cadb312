// The interactive map of the /embed page (dist/embed-map.js), loaded by embed.ts on request: MapLibre with
// cooperative gestures (no scroll hijacking in an article), attribution, the view from the page's query string,
// and the text alternative updated from the tiles by describe.ts once they have loaded.
import * as maplibregl from 'maplibre-gl';
import { SOURCE, applyState, setupLayers } from './apply';
import { describeMap, islandFromTile, type IslandInfo } from './describe';
import { t } from './i18n';
import { loadStyle, withoutSourceCredits } from './map';
import { st } from './story-i18n';
import { decodeState } from './state';

declare global {
  interface Window {
    __map?: maplibregl.Map;
  }
}

/** MapLibre's stylesheet, next to this script; resolves once it applies. */
function loadCss(): Promise<void> {
  const href = new URL('embed-map.css', import.meta.url).href;
  if (document.querySelector(`link[href="${CSS.escape(href)}"]`)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`could not load ${href}`));
    document.head.append(link);
  });
}

export interface EmbedMapOptions {
  container: HTMLElement;
  image: HTMLImageElement;
  description: HTMLElement | null;
}

export async function mountEmbedMap({ container, image, description }: EmbedMapOptions): Promise<maplibregl.Map> {
  const state = decodeState(location.search);
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const [loaded] = await Promise.all([loadStyle(new URL('style.json', document.baseURI).href), loadCss()]);
  const style = withoutSourceCredits(loaded);
  container.hidden = false;
  const map = new maplibregl.Map({
    container,
    style,
    center: [state.camera.lng, state.camera.lat],
    zoom: state.camera.zoom,
    bearing: state.camera.bearing,
    pitch: state.camera.pitch,
    cooperativeGestures: true,
    fadeDuration: reducedMotion ? 0 : 300,
    attributionControl: false,
    localIdeographFontFamily: false,
  });
  window.__map = map;
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.AttributionControl({ compact: true, customAttribution: st(state.lang).credits.join(' · ') }), 'bottom-right');
  // Folded from the start (MapLibre opens compact credits until the first drag): open, they would cover much of a
  // small embed; the ⓘ button opens them, and the page's own credits are under the map.
  map.once('idle', () => {
    const credits = container.querySelector('.maplibregl-ctrl-attrib.maplibregl-compact');
    credits?.classList.remove('maplibregl-compact-show');
    credits?.removeAttribute('open');
  });
  map.getCanvas().setAttribute('aria-describedby', 'embed-description');

  await new Promise<void>((resolve, reject) => {
    map.once('load', () => resolve());
    map.once('error', (e) => reject(e.error instanceof Error ? e.error : new Error('the map failed to load')));
  });
  setupLayers(map);
  applyState(map, state);
  image.classList.add('embed-image-behind');
  image.setAttribute('aria-hidden', 'true');
  document.body.dataset.mapLoaded = '1';

  // Once the tiles are in, the description is rewritten by describe.ts as in the app (in the link's language),
  // provided the tiles hold every disputed island the server counted (`data-disputed`): at low zooms the small
  // islets are not in the tiles, and the server's description, made from the whole model, stays.
  map.once('idle', () => {
    document.body.dataset.mapIdle = '1';
    const islands = new Map<string, IslandInfo>();
    for (const f of map.querySourceFeatures(SOURCE, { sourceLayer: 'island_labels' })) {
      if (f.properties.disputed !== true) continue;
      const island = islandFromTile(f.properties);
      if (island) islands.set(island.id, island);
    }
    const expected = Number(description?.dataset.disputed ?? NaN);
    if (description && islands.size > 0 && islands.size >= expected) {
      const heading = description.querySelector('h2');
      if (heading) heading.textContent = t(state.lang).descriptionHeading;
      description.lang = state.lang;
      description.replaceChildren(...(heading ? [heading] : []), ...describeMap(state, [...islands.values()]).map((text) => {
        const p = document.createElement('p');
        p.textContent = text;
        return p;
      }));
    }
  });
  return map;
}
