// Entry point: becomes dist/app.js. Holds the one AppState, keeps it in the URL hash and applies it to the map
// (apply.ts) and the page (ui.ts).
import type { Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent, PointLike } from 'maplibre-gl';
import { SOURCE, applyState, applyTheme, lineLayer, setupLayers } from './apply';
import { Documents, dataModeOfStyle } from './data';
import { describeMap, islandFromTile, type IslandInfo } from './describe';
import { createMap, loadStyle } from './map';
import {
  DEFAULT_STATE,
  LINE_IDS,
  cloneState,
  decodeState,
  encodeCamera,
  encodeState,
  preferredLang,
  type AppState,
  type Camera,
  type LineId,
} from './state';
import { Ui } from './ui';
import { EmbedDialog } from './embed-dialog';
import { StraitsTourPanel, linkedStopState, selectedStrait, tourOnlyLink } from './straits-tour';
import { st } from './story-i18n';
import type { Frame } from './story-panel';
import { TimelinePanel, linkedStepState, stepOnlyLink } from './timeline';
import { Layout } from './layout';
import { PrintView } from './print';
import { imageUrl } from './embed-code';
import { Tools } from './tools';

declare global {
  interface Window {
    /** The map, for browser tests. */
    __map?: MapLibreMap;
    /** The app's state and the hash it writes for that state (after its debounce), for browser tests. */
    __app?: { state: () => AppState; hash: () => string };
  }
}

const HASH_DELAY_MS = 250;

function cameraOf(map: MapLibreMap): Camera {
  const c = map.getCenter();
  return { lng: c.lng, lat: c.lat, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

async function start(): Promise<void> {
  const container = document.getElementById('map');
  const root = document.getElementById('main');
  if (!container || !root) throw new Error('#map or #main missing from index.html');

  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
  const defaults: AppState = { ...cloneState(DEFAULT_STATE), lang: preferredLang(navigator.languages) };
  let state = decodeState(location.hash, defaults);
  // A link naming only a timeline step (`#step=<id>`) takes the step's map state.
  const openStepFromLink = stepOnlyLink(location.hash);
  // Likewise a straits-tour link without a camera (`#tour=straits&sel=strait:vries`) takes the stop's camera.
  const openTourFromLink = state.tour === 'straits' && tourOnlyLink(location.hash);

  const style = await loadStyle();
  const docs = new Documents(dataModeOfStyle(style));
  // The documents' texts (timeline, tour, scenarios) come in the reader's language.
  docs.lang = state.lang;
  // A step's (a stop's) document is read before the map exists: on a slow network the map would otherwise fetch
  // the default view's tiles first and then jump away from them. The map starts at the step's own camera.
  const linked = (frame?: Frame) => (openStepFromLink ? linkedStepState(docs, state, frame) : linkedStopState(docs, state, frame));
  if (openStepFromLink || openTourFromLink) state = await linked();
  const map = await createMap({
    container,
    style,
    camera: { center: [state.camera.lng, state.camera.lat], zoom: state.camera.zoom, bearing: state.camera.bearing, pitch: state.camera.pitch },
    reducedMotion: reducedMotion.matches,
  });
  // Listened for now: the documents read below may take longer than the style.
  const styleLoaded = map.isStyleLoaded() ? Promise.resolve() : new Promise<void>((r) => map.once('style.load', () => r()));
  // The dock (title, tools, panels, controls) and the map's padding beside it.
  const layout = new Layout(root, map, st(state.lang));
  const frame: Frame = (subject, maxZoom) => layout.cameraFor(subject, maxZoom);
  // Then, before the map draws (the document is cached: no network wait), the subject is framed beside the dock.
  if (openStepFromLink || openTourFromLink) {
    state = await linked(frame);
    map.jumpTo({ center: [state.camera.lng, state.camera.lat], zoom: state.camera.zoom });
  }
  window.__map = map;
  const printView = new PrintView(root, map, layout, () => state);
  window.__app = { state: () => cloneState(state), hash: () => encodeState(state) };
  map.once('idle', () => {
    document.body.dataset.mapIdle = '1';
  });
  map.getCanvas().setAttribute('aria-describedby', 'map-description');

  // --- the URL hash ---
  let hashTimer: ReturnType<typeof setTimeout> | undefined;
  const writeHash = () => {
    clearTimeout(hashTimer);
    hashTimer = undefined;
    const hash = encodeState(state);
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  };
  const writeHashSoon = () => {
    clearTimeout(hashTimer);
    hashTimer = setTimeout(writeHash, HASH_DELAY_MS);
  };

  // --- the description for screen readers: disputed islands seen in the tiles so far ---
  const disputed = new Map<string, IslandInfo>();
  const describe = () => ui.setDescription(describeMap(state, [...disputed.values()]));
  const collectIslands = () => {
    let added = false;
    for (const f of map.querySourceFeatures(SOURCE, { sourceLayer: 'island_labels' })) {
      if (f.properties.disputed !== true) continue;
      const island = islandFromTile(f.properties);
      if (island && !disputed.has(island.id)) {
        disputed.set(island.id, island);
        added = true;
      }
    }
    if (added) describe();
  };

  // --- state changes ---
  let ready = false;
  const setState = (next: AppState, opts: { focusPanel?: boolean; moveCamera?: boolean; jump?: boolean } = {}) => {
    state = next;
    docs.lang = state.lang;
    if (!ready) return;
    if (opts.moveCamera && encodeCamera(cameraOf(map)) !== encodeCamera(state.camera)) {
      const target = {
        center: [state.camera.lng, state.camera.lat] as [number, number],
        zoom: state.camera.zoom,
        bearing: state.camera.bearing,
        pitch: state.camera.pitch,
      };
      if (reducedMotion.matches || opts.jump) map.jumpTo(target);
      else map.flyTo({ ...target, duration: 800 });
    }
    applyState(map, tools.mapState(state));
    layout.setStrings(st(state.lang));
    ui.render(state, { focusPanel: opts.focusPanel });
    tools.render(state);
    renderStories();
    describe();
    writeHash();
  };

  const ui = new Ui(root, {
    map,
    slots: { title: layout.title, controls: layout.controls, panels: layout.panels },
    docs,
    getState: () => state,
    onChange: (next, opts) => setState(next, opts),
    onCopy: async () => {
      writeHash();
      try {
        await navigator.clipboard.writeText(location.href);
        return true;
      } catch {
        return false;
      }
    },
    actions: () => storyButtons(),
  });

  // --- guided views (timeline, straits tour; the export carries their documents too) and the embed code (live
  // server only: /embed, /image.png and /oembed are drawn by the server) ---
  const live = docs.dataMode === 'server';
  const storyOpts = { map, docs, frame, getState: () => state, onChange: (next: AppState, o: { moveCamera?: boolean; jump?: boolean }) => setState(next, o) };
  const timeline = new TimelinePanel(layout.panels, storyOpts);
  const straits = new StraitsTourPanel(layout.panels, storyOpts);
  const embed = new EmbedDialog(layout.panels, () => state);
  const renderStories = () => {
    timeline.render(state);
    straits.render(state);
    embed.render(state);
  };
  function storyButtons(): HTMLElement[] {
    const s = st(state.lang);
    const button = (testid: string, label: string, action: (b: HTMLButtonElement) => void) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.testid = testid;
      b.textContent = label;
      b.addEventListener('click', () => action(b));
      return b;
    };
    return [
      button('timeline-button', s.timeline, (b) => void timeline.open(state.step, { opener: b })),
      button('straits-button', s.straitsTour, (b) => void straits.open(selectedStrait(state), { opener: b })),
      ...(live ? [button('embed-button', s.embed, (b) => embed.toggle(!embed.isOpen, b))] : []),
      button('print-button', s.print, () => void printView.print()),
    ];
  }

  // --- analyst tools (compare, statistics, downloads, overlay, measure) ---
  const tools = new Tools({
    root,
    slots: { tools: layout.tools, panels: layout.panels },
    map,
    style,
    docs,
    mode: docs.dataMode,
    getState: () => state,
    onChange: (next) => setState(next),
    dark: () => darkScheme.matches,
    // The view as an image: drawn by the server (PNG, SVG) at the size of the map's free part, or a snapshot of
    // the map where there is no server (the static export).
    viewImage: (format) => {
      if (format === 'snapshot') return printView.snapshot().url;
      const i = layout.insets();
      const canvas = map.getCanvas();
      return imageUrl(location.href, state, canvas.clientWidth - i.left - i.right, canvas.clientHeight - i.top - i.bottom, format);
    },
  });

  const init = () => {
    setupLayers(map);
    applyTheme(map, darkScheme.matches);
    applyState(map, tools.mapState(state));
    ready = true;
    ui.render(state, { theme: darkScheme.matches ? 'dark' : 'light' });
    tools.render(state);
    if (openStepFromLink) void timeline.open(state.step, { jump: true });
    else if (openTourFromLink) void straits.open(selectedStrait(state), { jump: true });
    else renderStories();
    describe();
    writeHash();
  };
  void styleLoaded.then(init);

  darkScheme.addEventListener('change', () => {
    if (!ready) return;
    applyTheme(map, darkScheme.matches);
    ui.render(state, { theme: darkScheme.matches ? 'dark' : 'light' });
    tools.theme();
  });

  map.on('moveend', () => {
    state = { ...cloneState(state), camera: cameraOf(map) };
    writeHashSoon();
  });
  map.on('idle', collectIslands);
  window.addEventListener('hashchange', () => {
    const next = decodeState(location.hash, defaults);
    if (stepOnlyLink(location.hash)) {
      state = { ...next, camera: state.camera };
      void timeline.open(next.step);
    } else if (next.tour === 'straits' && tourOnlyLink(location.hash)) {
      state = { ...next, camera: state.camera };
      void straits.open(selectedStrait(next));
    } else setState(next, { moveCamera: true });
  });

  // --- pointer interaction: lines, islands and straits open the panel; straits highlight on hover ---
  const first = (point: PointLike | [PointLike, PointLike], layers: string[]): MapGeoJSONFeature | undefined => {
    const present = layers.filter((l) => map.getLayer(l));
    return present.length ? map.queryRenderedFeatures(point, { layers: present })[0] : undefined;
  };
  map.on('click', (e: MapMouseEvent) => {
    if (tools.capturesClicks) return; // a measuring point, not a selection
    const { x, y } = e.point;
    const near: [PointLike, PointLike] = [
      [x - 6, y - 6],
      [x + 6, y + 6],
    ];
    const visibleLines = LINE_IDS.filter((id) => state.lines[id]).map(lineLayer);
    const line = first(near, visibleLines)?.properties.line;
    const label = first(e.point, ['island-labels', 'islands']);
    // A group's label (the Habomai Islands) leads to its islets: the map zooms in to where each has its own.
    // A line under the pointer comes first, as it does over an island.
    if (typeof line !== 'string' && label && typeof label.properties.until_zoom === 'number' && label.geometry.type === 'Point') {
      const [lng, lat] = label.geometry.coordinates as [number, number];
      map.easeTo({ center: [lng, lat], zoom: label.properties.until_zoom + 1 });
      return;
    }
    const island = label?.properties.id;
    const strait = first(e.point, ['straits'])?.properties.id;
    let selected: AppState['selected'] = null;
    if (typeof line === 'string' && (LINE_IDS as readonly string[]).includes(line)) selected = { kind: 'line', id: line as LineId };
    else if (typeof island === 'string') selected = { kind: 'island', id: island };
    else if (typeof strait === 'string') selected = { kind: 'strait', id: strait };
    ui.select(selected, map.getCanvas());
  });

  let hovered: string | number | undefined;
  const setHover = (id: string | number | undefined) => {
    if (hovered === id) return;
    if (hovered !== undefined) map.setFeatureState({ source: SOURCE, sourceLayer: 'straits', id: hovered }, { hover: false });
    hovered = id;
    if (id !== undefined) map.setFeatureState({ source: SOURCE, sourceLayer: 'straits', id }, { hover: true });
  };
  map.on('mousemove', (e: MapMouseEvent) => {
    const strait = first(e.point, ['straits']);
    setHover(strait?.id);
    const pointer = strait || first(e.point, ['islands']) || first(
      [
        [e.point.x - 6, e.point.y - 6],
        [e.point.x + 6, e.point.y + 6],
      ],
      LINE_IDS.filter((id) => state.lines[id]).map(lineLayer),
    );
    map.getCanvas().style.cursor = pointer ? 'pointer' : '';
  });
  map.getCanvas().addEventListener('mouseleave', () => setHover(undefined));
}

void start();
