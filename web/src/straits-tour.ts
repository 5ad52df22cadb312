// The straits explainer: a guided view of the Catherine, Vries, Nemuro and Goyomai straits from
// /api/straits-tour, in a story panel (story-panel.ts). Each stop selects its strait (highlighted on the map, see apply.ts), moves the camera, and
// shows the computed width, the sourced depth and the attributed claims. Its link: `tour=straits&sel=strait:<id>`.
import type { Documents, Source } from './data';
import { h } from './dom';
import { displayName, type Names } from './naming';
import { cloneState, type AppState } from './state';
import { st } from './story-i18n';
import { withUnit } from './units';
import { sourceList } from './sources';
import { selectedStrait, tourOnlyLink } from './story-links';

export { selectedStrait, tourOnlyLink };
import { StoryPanel, type Frame, type StoryKind, type StoryOptions } from './story-panel';

export interface StraitStop {
  id: string;
  names: Names;
  title: string;
  text: string;
  camera: { lng: number; lat: number; zoom: number };
  /** The strait's box, [west, south, east, north]: framed in the part of the map no panel covers. */
  subject?: [number, number, number, number] | null;
  width: { km: number; from: [number, number]; to: [number, number]; method: string } | null;
  depth: { max_m: number | null; text: string; sources: Source[] };
  claims: { text: string; attributed_to: string; sources: Source[] }[];
}

export interface StraitsTourDoc {
  stops: StraitStop[];
}

/**
 * The state of a stop: its strait selected, the strait framed beside the panels when `frame` can (else the stop's
 * own camera), lines and areas as they were.
 */
export function stopState(base: AppState, stop: StraitStop, frame?: Frame): AppState {
  const next = cloneState(base);
  next.tour = 'straits';
  next.step = null;
  next.selected = { kind: 'strait', id: stop.id };
  const c = (stop.subject && frame?.(stop.subject, stop.camera.zoom + 1)) || stop.camera;
  next.camera = { lng: c.lng, lat: c.lat, zoom: c.zoom, bearing: 0, pitch: 0 };
  return next;
}

/** The stop `id` names; the first when `id` is null or not a stop. */
function findStop(doc: StraitsTourDoc, id: string | null): StraitStop | undefined {
  return doc.stops.find((s) => s.id === id) ?? doc.stops[0];
}

/** Where the tour document lives (the static export has its own copy, see `Documents.extra`). */
const TOUR_DOC = 'api/straits-tour';


/**
 * The state a tour-only link asks for, read before the map is made so that the map opens at the stop's camera;
 * `base` when the tour cannot be loaded, in which case the panel reports it as before.
 */
export async function linkedStopState(docs: Documents, base: AppState, frame?: Frame): Promise<AppState> {
  const doc = await docs.extra<StraitsTourDoc>(TOUR_DOC).catch(() => null);
  const stop = doc ? findStop(doc, selectedStrait(base)) : undefined;
  return stop ? stopState(base, stop, frame) : base;
}


/** The straits tour: its stops, each selecting its strait, with the width, depth and attributed claims. */
const STRAITS_TOUR: StoryKind<StraitsTourDoc, StraitStop> = {
  ids: { panel: 'straits-tour', title: 'straits-tour-title', prefix: 'straits', item: 'stop', itemTitle: 'straits-stop-title' },
  doc: TOUR_DOC,
  items: (doc) => doc.stops,
  find: findStop,
  isOpen: (state) => state.tour === 'straits',
  // The stop a state shows: its selected strait when that is a stop, else the first.
  shown: (doc, state) => (state.tour === 'straits' ? findStop(doc, selectedStrait(state)) : undefined),
  itemState: stopState,
  clear: (next) => {
    next.tour = null;
    next.selected = null;
  },
  renderKey: (state) => state.naming,
  texts: (s) => ({ title: s.straitsTitle, list: s.stops, position: s.stopOf }),
  listEntry: (item, state) => [displayName(item.names, state.naming, state.lang)],
  article: (stop, _doc, state) => {
    const s = st(state.lang);
    const depth = stop.depth;
    return [
      h('h3', { id: 'straits-stop-title', tabindex: '-1' }, displayName(stop.names, state.naming, state.lang)),
      h('p', { class: 'subtitle' }, stop.title),
      h('p', {}, stop.text),
      h(
        'dl',
        {},
        h('dt', {}, s.computedWidth),
        h('dd', { 'data-testid': 'straits-width' }, stop.width ? withUnit(stop.width.km, state.lang, 'km', 1) : '—'),
        stop.width ? h('dd', { class: 'note' }, stop.width.method) : null,
        h('dt', {}, s.depth),
        h('dd', { 'data-testid': 'straits-depth' }, depth.max_m !== null ? withUnit(depth.max_m, state.lang, 'm', 1) : s.noDepth),
        h('dd', { class: 'note' }, depth.text),
        depth.sources.length ? h('dd', {}, sourceList(depth.sources)) : null,
      ),
      stop.claims.length
        ? h(
            'div',
            { 'data-testid': 'straits-claims' },
            h('h4', {}, s.claims),
            h(
              'ul',
              {},
              stop.claims.map((c) => h('li', {}, h('q', {}, c.text), ` — ${c.attributed_to}`, sourceList(c.sources))),
            ),
          )
        : null,
    ];
  },
};

/** The straits tour panel: shown while the state has `tour=straits`. */
export class StraitsTourPanel extends StoryPanel<StraitsTourDoc, StraitStop> {
  constructor(root: HTMLElement, opts: StoryOptions) {
    super(root, opts, STRAITS_TOUR);
  }
}
