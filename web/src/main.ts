// Entry point: becomes dist/app.js. Holds the one AppState, keeps it in the URL hash and applies it to the map
// (apply.ts) and the page (ui.ts). `start` (at the end) sets the page up in named steps, in order.
import type { Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent, PointLike, StyleSpecification } from 'maplibre-gl';
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
  type Lang,
  type LineId,
} from './state';
import { Ui } from './ui';
import { mainMapState } from './compare-state';
import { st } from './story-i18n';
import { selectedStrait, stepOnlyLink, tourOnlyLink } from './story-links';
import type { Frame } from './story-panel';
import { Layout } from './layout';
import { PrintView } from './print';
import { ToolBar, type ToolId } from './tool-bar';
// Types only: the module itself (later.ts) is loaded on demand, see `later`.
import type { EmbedDialog, StraitsTourPanel, TimelinePanel, Tools } from './later';

declare global {
  interface Window {
    /** The map, for browser tests. */
    __map?: MapLibreMap;
    /** The app's state and the hash it writes for that state (after its debounce), for browser tests. */
    __app?: { state: () => AppState; hash: () => string };
  }
}

const HASH_DELAY_MS = 250;

/** What the first view does not need (later.ts, a chunk of its own), loaded once, when first asked for. */
type LaterModule = typeof import('./later');
let laterModule: Promise<LaterModule> | null = null;
const loadLater = (): Promise<LaterModule> =>
  (laterModule ??= import('./later').catch((err: unknown) => {
    laterModule = null;
    throw err;
  }));

/** A state that shows one of the parts in later.ts at once: a timeline step, the straits tour, a comparison. */
function needsLater(state: AppState): boolean {
  return Boolean(state.step) || state.tour === 'straits' || state.compare !== null;
}

function cameraOf(map: MapLibreMap): Camera {
  const c = map.getCenter();
  return { lng: c.lng, lat: c.lat, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}

/** The reader's settings that the page follows as they change. */
interface Media {
  reducedMotion: MediaQueryList;
  darkScheme: MediaQueryList;
}

/** What the page's link asks for. */
interface Link {
  /** The defaults (in the reader's preferred language) that the link's fields override; also for later links. */
  defaults: AppState;
  state: AppState;
  /** A link naming only a timeline step (`#step=<id>`) takes the step's map state. */
  step: boolean;
  /** Likewise a straits-tour link without a camera (`#tour=straits&sel=strait:vries`) takes the stop's camera. */
  tour: boolean;
}

/** The one state, read by every part through `store.state`; `ready` once the style has loaded and it is applied. */
interface Store {
  state: AppState;
  ready: boolean;
}

interface ChangeOptions {
  focusPanel?: boolean;
  moveCamera?: boolean;
  jump?: boolean;
}

/** Writes the state into the URL hash: `now`, or `soon` (once the camera has rested for a moment). */
interface HashWriter {
  now: () => void;
  soon: () => void;
}

/** The description for screen readers (`describe`) and the disputed islands it names, seen in the tiles so far. */
interface Description {
  describe: () => void;
  collectIslands: () => void;
}

/** The parts of the page the state is rendered into: the first view's, and the others once loaded (`later`). */
interface Parts {
  ui: Ui;
  /** The tools' buttons until the tools are loaded. */
  bar: ToolBar;
  later: LaterParts | null;
  /** The parts of later.ts, made once the module has loaded (`later`). */
  loading: Promise<LaterParts> | null;
}

/** The parts made from later.ts. */
interface LaterParts {
  timeline: TimelinePanel;
  straits: StraitsTourPanel;
  embed: EmbedDialog;
  tools: Tools;
}

/** What the steps of `start` share once the map, the dock and the panels exist. */
interface App {
  readonly root: HTMLElement;
  readonly media: Media;
  readonly store: Store;
  readonly style: StyleSpecification;
  readonly docs: Documents;
  readonly map: MapLibreMap;
  readonly layout: Layout;
  readonly frame: Frame;
  readonly printView: PrintView;
  readonly hash: HashWriter;
  readonly description: Description;
  readonly parts: Parts;
}

/** The map's container and the element the dock goes in. */
function pageElements(): { container: HTMLElement; root: HTMLElement } {
  const container = document.getElementById('map');
  const root = document.getElementById('main');
  if (!container || !root) throw new Error('#map or #main missing from index.html');
  return { container, root };
}

function watchMedia(): Media {
  return {
    reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)'),
    darkScheme: window.matchMedia('(prefers-color-scheme: dark)'),
  };
}

function readLink(): Link {
  const defaults: AppState = { ...cloneState(DEFAULT_STATE), lang: preferredLang(navigator.languages) };
  const state = decodeState(location.hash, defaults);
  return { defaults, state, step: stepOnlyLink(location.hash), tour: state.tour === 'straits' && tourOnlyLink(location.hash) };
}

/** The documents (from the server or the static export); their texts (timeline, tour, scenarios) in `lang`. */
function openDocuments(style: StyleSpecification, lang: Lang): Documents {
  const docs = new Documents(dataModeOfStyle(style));
  docs.lang = lang;
  return docs;
}

/**
 * The state a step (a stop) link asks for, from `base`. It is read before the map exists: on a slow network the
 * map would otherwise fetch the default view's tiles first and then jump away from them. The map starts at the
 * step's own camera; once the dock exists, `frame` frames the subject beside it.
 */
async function linkedStoryState(link: Link, docs: Documents, base: AppState, frame?: Frame): Promise<AppState> {
  const m = await loadLater();
  return link.step ? m.linkedStepState(docs, base, frame) : m.linkedStopState(docs, base, frame);
}

function makeMap(container: HTMLElement, style: StyleSpecification, camera: Camera, media: Media): Promise<MapLibreMap> {
  return createMap({
    container,
    style,
    camera: { center: [camera.lng, camera.lat], zoom: camera.zoom, bearing: camera.bearing, pitch: camera.pitch },
    reducedMotion: media.reducedMotion.matches,
  });
}

/** Resolves once the style has loaded; listened for at once, as the documents read next may take longer. */
function whenStyleLoaded(map: MapLibreMap): Promise<void> {
  return map.isStyleLoaded() ? Promise.resolve() : new Promise<void>((r) => map.once('style.load', () => r()));
}

/** The dock (title, tools, panels, controls) and the map's padding beside it; `frame` fits a subject beside it. */
function createDock(root: HTMLElement, map: MapLibreMap, lang: Lang): { layout: Layout; frame: Frame } {
  const layout = new Layout(root, map, st(lang));
  return { layout, frame: (subject, maxZoom) => layout.cameraFor(subject, maxZoom) };
}

/** Then, before the map draws (the document is cached: no network wait), the subject is framed beside the dock. */
async function frameLinkedSubject(link: Link, docs: Documents, map: MapLibreMap, base: AppState, frame: Frame): Promise<AppState> {
  const state = await linkedStoryState(link, docs, base, frame);
  map.jumpTo({ center: [state.camera.lng, state.camera.lat], zoom: state.camera.zoom });
  return state;
}

/** The map and the app's state for browser tests; the body's `data-map-idle` after the first idle; the canvas's description. */
function exposeForTests(map: MapLibreMap, store: Store): void {
  window.__map = map;
  window.__app = { state: () => cloneState(store.state), hash: () => encodeState(store.state) };
  map.once('idle', () => {
    document.body.dataset.mapIdle = '1';
  });
  map.getCanvas().setAttribute('aria-describedby', 'map-description');
}

function hashWriter(store: Store): HashWriter {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const now = () => {
    clearTimeout(timer);
    timer = undefined;
    const hash = encodeState(store.state);
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(now, HASH_DELAY_MS);
  };
  return { now, soon };
}

/** `show` puts the sentences on the page (the Ui, made later). */
function islandDescription(map: MapLibreMap, store: Store, show: (sentences: string[]) => void): Description {
  const disputed = new Map<string, IslandInfo>();
  const describe = () => show(describeMap(store.state, [...disputed.values()]));
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
  return { describe, collectIslands };
}

/** A new state: kept, and once the app is ready applied to the map (its camera too, if asked) and the page. */
function setState(app: App, next: AppState, opts: ChangeOptions = {}): void {
  const { store, map, parts } = app;
  store.state = next;
  app.docs.lang = store.state.lang;
  if (!store.ready) return;
  if (opts.moveCamera && encodeCamera(cameraOf(map)) !== encodeCamera(store.state.camera)) {
    const camera = store.state.camera;
    const target = {
      center: [camera.lng, camera.lat] as [number, number],
      zoom: camera.zoom,
      bearing: camera.bearing,
      pitch: camera.pitch,
    };
    if (app.media.reducedMotion.matches || opts.jump) map.jumpTo(target);
    else map.flyTo({ ...target, duration: 800 });
  }
  applyState(map, mainMapState(store.state));
  app.layout.setStrings(st(store.state.lang));
  parts.ui.render(store.state, { focusPanel: opts.focusPanel });
  parts.bar.render(store.state.lang);
  if (parts.later) renderLater(parts.later, store.state);
  else if (needsLater(store.state)) void later(app).then((l) => renderLater(l, app.store.state));
  app.description.describe();
  app.hash.now();
}

function renderLater(later: LaterParts, state: AppState): void {
  later.tools.render(state);
  renderStories(later, state);
}

function renderStories(later: LaterParts, state: AppState): void {
  later.timeline.render(state);
  later.straits.render(state);
  later.embed.render(state);
}

/** Everything `createPanels` needs: the app without its panels. */
type Shell = Omit<App, 'parts'>;

/**
 * The first view's parts: the control panel and the tools' buttons. The rest (`later`) follows in this order in
 * the dock: the guided views (timeline, straits tour; the export carries their documents too), the embed code
 * (live server only: /embed, /image.png and /oembed are drawn by the server) and the analyst tools' panes
 * (compare, statistics, downloads, overlay, measure). `change` is `setState`.
 */
function createPanels(shell: Shell, change: (next: AppState, opts?: ChangeOptions) => void, later: () => Promise<LaterParts>, openTool: (id: ToolId) => void): Parts {
  const { root, layout, docs, store } = shell;
  const ui = new Ui(root, {
    map: shell.map,
    slots: { title: layout.title, controls: layout.controls, panels: layout.panels },
    docs,
    getState: () => store.state,
    onChange: (next, opts) => change(next, opts),
    onCopy: async () => {
      shell.hash.now();
      try {
        await navigator.clipboard.writeText(location.href);
        return true;
      } catch {
        return false;
      }
    },
    actions: () => storyButtons(store, { later, printView: shell.printView, live: docs.dataMode === 'server' }),
  });
  const bar = new ToolBar({ tools: layout.tools, panels: layout.panels }, openTool);
  return { ui, bar, later: null, loading: null };
}

/**
 * The parts of later.ts, made once (after the first view's, so the dock keeps its order) and then kept in
 * `parts.later`; the tools render the current state at once (drawing into the bar's element, so nothing moves).
 */
function later(app: App): Promise<LaterParts> {
  const { parts } = app;
  parts.loading ??= loadLater().then((m) => {
    const { map, layout, docs, store, printView } = app;
    const change = (next: AppState, opts?: ChangeOptions) => setState(app, next, opts);
    const storyOpts = { map, docs, frame: app.frame, getState: () => store.state, onChange: change };
    const timeline = new m.TimelinePanel(layout.panels, storyOpts);
    const straits = new m.StraitsTourPanel(layout.panels, storyOpts);
    const embed = new m.EmbedDialog(layout.panels, () => store.state);
    const elements = parts.bar.take();
    // The dock's order: the guided views and the embed code, then the tools' panes (placed by the bar).
    elements.panes.before(timeline.el, straits.el, embed.el);
    const tools = new m.Tools({
      root: app.root,
      slots: { tools: layout.tools, panels: layout.panels },
      elements,
      map,
      style: app.style,
      docs,
      mode: docs.dataMode,
      getState: () => store.state,
      onChange: (next) => change(next),
      dark: () => app.media.darkScheme.matches,
      // The view as an image: drawn by the server (PNG, SVG) at the size of the map's free part, or a snapshot of
      // the map where there is no server (the static export).
      viewImage: (format) => {
        if (format === 'snapshot') return printView.snapshot().url;
        const i = layout.insets();
        const canvas = map.getCanvas();
        return m.imageUrl(location.href, store.state, canvas.clientWidth - i.left - i.right, canvas.clientHeight - i.top - i.bottom, format);
      },
    });
    tools.render(store.state);
    parts.later = { timeline, straits, embed, tools };
    return parts.later;
  });
  // A chunk that did not arrive (the network) is asked for again next time, rather than never.
  parts.loading.catch(() => {
    if (laterModule === null) parts.loading = null;
  });
  return parts.loading;
}

/** The buttons of the control panel's actions row: the guided views, the embed code (live server) and print. */
function storyButtons(store: Store, p: { later: () => Promise<LaterParts>; printView: PrintView; live: boolean }): HTMLElement[] {
  const s = st(store.state.lang);
  const button = (testid: string, label: string, action: (b: HTMLButtonElement) => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.testid = testid;
    b.textContent = label;
    b.addEventListener('click', () => action(b));
    return b;
  };
  return [
    button('timeline-button', s.timeline, (b) => void p.later().then((l) => l.timeline.open(store.state.step, { opener: b }))),
    button('straits-button', s.straitsTour, (b) => void p.later().then((l) => l.straits.open(selectedStrait(store.state), { opener: b }))),
    ...(p.live ? [button('embed-button', s.embed, (b) => void p.later().then((l) => l.embed.toggle(!l.embed.isOpen, b)))] : []),
    button('print-button', s.print, () => void p.printView.print()),
  ];
}

/**
 * Once the style has loaded: the layers, the theme and the state; a step or stop link opens its panel. What the
 * state does not show yet (later.ts) is loaded once the map is first idle and the browser has a moment.
 */
function applyInitialState(app: App, link: Link): void {
  const { map, store, parts, media } = app;
  setupLayers(map);
  applyTheme(map, media.darkScheme.matches);
  applyState(map, mainMapState(store.state));
  store.ready = true;
  parts.ui.render(store.state, { theme: media.darkScheme.matches ? 'dark' : 'light' });
  parts.bar.render(store.state.lang);
  if (link.step) void later(app).then((l) => l.timeline.open(store.state.step, { jump: true }));
  else if (link.tour) void later(app).then((l) => l.straits.open(selectedStrait(store.state), { jump: true }));
  else if (needsLater(store.state)) void later(app).then((l) => renderStories(l, app.store.state));
  else whenIdle(map, () => void later(app).then((l) => renderStories(l, app.store.state)));
  app.description.describe();
  app.hash.now();
}

/** Runs `then` after the map's first idle, when the browser is idle too (or after a second at most). */
function whenIdle(map: MapLibreMap, then: () => void): void {
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(then, { timeout: 1000 }) : setTimeout(then, 0));
  if (document.body.dataset.mapIdle === '1') idle();
  else map.once('idle', idle);
}

/** The map's theme follows the reader's colour scheme. */
function followColourScheme(app: App): void {
  const { map, store, parts, media } = app;
  media.darkScheme.addEventListener('change', () => {
    if (!store.ready) return;
    applyTheme(map, media.darkScheme.matches);
    parts.ui.render(store.state, { theme: media.darkScheme.matches ? 'dark' : 'light' });
    parts.later?.tools.theme();
  });
}

/**
 * The camera goes into the state and (soon) the hash; the islands seen so far into the description; a new hash
 * (the reader's, or a link followed) becomes the state, a step or stop link opening its panel at the current camera.
 */
function followMapAndHash(app: App, defaults: AppState): void {
  const { map, store } = app;
  map.on('moveend', () => {
    store.state = { ...cloneState(store.state), camera: cameraOf(map) };
    app.hash.soon();
  });
  map.on('idle', app.description.collectIslands);
  window.addEventListener('hashchange', () => {
    const next = decodeState(location.hash, defaults);
    if (stepOnlyLink(location.hash)) {
      store.state = { ...next, camera: store.state.camera };
      void later(app).then((l) => l.timeline.open(next.step));
    } else if (next.tour === 'straits' && tourOnlyLink(location.hash)) {
      store.state = { ...next, camera: store.state.camera };
      void later(app).then((l) => l.straits.open(selectedStrait(next)));
    } else setState(app, next, { moveCamera: true });
  });
}

/** Pointer interaction: lines, islands and straits open the panel; straits highlight on hover. */
function wirePointer(app: App): void {
  const { map, store, parts } = app;
  const first = (point: PointLike | [PointLike, PointLike], layers: string[]): MapGeoJSONFeature | undefined => {
    const present = layers.filter((l) => map.getLayer(l));
    return present.length ? map.queryRenderedFeatures(point, { layers: present })[0] : undefined;
  };
  map.on('click', (e: MapMouseEvent) => {
    if (parts.later?.tools.capturesClicks) return; // a measuring point, not a selection
    const { x, y } = e.point;
    const near: [PointLike, PointLike] = [
      [x - 6, y - 6],
      [x + 6, y + 6],
    ];
    const visibleLines = LINE_IDS.filter((id) => store.state.lines[id]).map(lineLayer);
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
    parts.ui.select(selected, map.getCanvas());
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
      LINE_IDS.filter((id) => store.state.lines[id]).map(lineLayer),
    );
    map.getCanvas().style.cursor = pointer ? 'pointer' : '';
  });
  map.getCanvas().addEventListener('mouseleave', () => setHover(undefined));
}

/** Sets the page up, step by step: the link, the style and documents, the map, the dock, the panels, the listeners. */
async function start(): Promise<void> {
  const { container, root } = pageElements();
  const media = watchMedia();
  const link = readLink();
  // A link to a guided view or a comparison needs later.ts at once: fetched alongside the style.
  if (link.step || link.tour || needsLater(link.state)) void loadLater();
  const style = await loadStyle();
  const docs = openDocuments(style, link.state.lang);
  const store: Store = { state: link.state, ready: false };
  if (link.step || link.tour) store.state = await linkedStoryState(link, docs, store.state);
  const map = await makeMap(container, style, store.state.camera, media);
  const styleLoaded = whenStyleLoaded(map);
  const { layout, frame } = createDock(root, map, store.state.lang);
  if (link.step || link.tour) store.state = await frameLinkedSubject(link, docs, map, store.state, frame);
  exposeForTests(map, store);
  const printView = new PrintView(root, map, layout, () => store.state);
  const hash = hashWriter(store);
  const description = islandDescription(map, store, (sentences) => app.parts.ui.setDescription(sentences));
  const shell: Shell = { root, media, store, style, docs, map, layout, frame, printView, hash, description };
  const openTool = (id: ToolId) => void later(app).then((l) => l.tools.show(id));
  const app: App = { ...shell, parts: createPanels(shell, (next, opts) => setState(app, next, opts), () => later(app), openTool) };
  void styleLoaded.then(() => applyInitialState(app, link));
  followColourScheme(app);
  followMapAndHash(app, link.defaults);
  wirePointer(app);
}

void start();
