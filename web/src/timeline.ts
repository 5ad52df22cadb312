// The history timeline (story mode): a story panel (story-panel.ts) that steps through the events of
// /api/timeline. Each step sets the map (lines, the areas of a scenario with what they mean, the camera) and
// shows its short text with sources. The step is part of the state (`step=<id>` in the URL hash), so each step
// has its own link.
import { claimLayer, lineLayer } from './apply';
import type { Documents, Source } from './data';
import { h } from './dom';
import { sourceList } from './sources';
import { t } from './i18n';
import { ALL_LINE_IDS, HISTORICAL_LINE_IDS, LINE_IDS, cloneState, type AnyLineId, type AppState } from './state';
import { StoryPanel, type Frame, type StoryKind, type StoryOptions } from './story-panel';
import { st } from './story-i18n';
import { stepOnlyLink } from './story-links';

export { stepOnlyLink };
import { fillSwatch, lineSwatch } from './swatch';

export interface TimelineStep {
  id: string;
  date: string;
  date_end: string | null;
  title: string;
  text: string;
  sources: Source[];
  map: {
    lines: string[];
    areas: string | null;
    areas_meaning: 'treaty' | 'administered' | null;
    camera: { lng: number; lat: number; zoom: number };
    /** What the step is about, [west, south, east, north]: framed in the part of the map no panel covers. */
    subject: [number, number, number, number];
  };
}

export interface TimelineDoc {
  steps: TimelineStep[];
  lines: { id: string; kind: string; year: number | null; title: string }[];
  note: string;
}

const isLine = (id: string | null): id is AnyLineId => id !== null && (ALL_LINE_IDS as readonly string[]).includes(id);

/** How much closer than the data's own camera a framed subject may be shown. */
const FRAME_ZOOM_IN = 1;

/**
 * The state a step asks for, from `base` (naming and language kept): its lines, areas, camera; no panel. The
 * camera frames the step's subject when `frame` can (the page's layout), else it is the step's own camera.
 */
export function stepState(base: AppState, step: TimelineStep, frame?: Frame): AppState {
  const next = cloneState(base);
  for (const id of LINE_IDS) next.lines[id] = step.map.lines.includes(id);
  for (const id of HISTORICAL_LINE_IDS) next.historical[id] = step.map.lines.includes(id);
  next.areas = isLine(step.map.areas) ? step.map.areas : null;
  const c = (step.map.subject && frame?.(step.map.subject, step.map.camera.zoom + FRAME_ZOOM_IN)) || step.map.camera;
  next.camera = { lng: c.lng, lat: c.lat, zoom: c.zoom, bearing: 0, pitch: 0 };
  next.step = step.id;
  next.tour = null;
  next.selected = null;
  return next;
}

/** The step `id` names; the first when `id` is null or unknown. */
function findStep(doc: TimelineDoc, id: string | null): TimelineStep | undefined {
  return doc.steps.find((s) => s.id === id) ?? doc.steps[0];
}

/** Where the timeline document lives (the static export has its own copy, see `Documents.extra`). */
const TIMELINE_DOC = 'api/timeline';

/**
 * The state a step-only link asks for, read before the map is made so that the map opens at the step's camera
 * (rather than loading the default view's tiles and dropping them on the jump); `base` when the timeline cannot
 * be loaded, in which case the panel reports it as before.
 */
export async function linkedStepState(docs: Documents, base: AppState, frame?: Frame): Promise<AppState> {
  const doc = await docs.extra<TimelineDoc>(TIMELINE_DOC).catch(() => null);
  const step = doc ? findStep(doc, base.step) : undefined;
  return step ? stepState(base, step, frame) : base;
}


/** The timeline: its steps, each with the map state it asks for and its text with sources. */
const TIMELINE: StoryKind<TimelineDoc, TimelineStep> = {
  ids: {
    panel: 'timeline',
    title: 'timeline-title',
    prefix: 'timeline',
    item: 'step',
    itemTitle: 'timeline-step-title',
    position: 'timeline-position',
  },
  doc: TIMELINE_DOC,
  items: (doc) => doc.steps,
  find: findStep,
  isOpen: (state) => Boolean(state.step),
  shown: (doc, state) => (state.step ? doc.steps.find((s) => s.id === state.step) : undefined),
  itemState: stepState,
  clear: (next) => {
    next.step = null;
  },
  texts: (s) => ({ title: s.timelineTitle, list: s.steps, position: s.stepOf }),
  listEntry: (item) => [h('time', { datetime: item.date }, item.date.slice(0, 4)), ' ', h('span', {}, item.title)],
  article: (step, doc, state, map) => {
    const s = st(state.lang);
    const names = t(state.lang).line;
    const lineTitle = (id: string) => (isLine(id) ? names[id] : (doc.lines.find((l) => l.id === id)?.title ?? id));
    const shown = step.map.lines.filter((id) => map.getLayer(lineLayer(id as AnyLineId)));
    const areas = step.map.areas;
    const meaning = step.map.areas_meaning;
    const areasLegend =
      areas && isLine(areas)
        ? h(
            'div',
            { class: 'story-areas', 'data-testid': 'timeline-areas', 'data-meaning': meaning ?? '' },
            h('h4', {}, s.shaded),
            h('p', { class: 'note' }, meaning === 'administered' ? s.administered(lineTitle(areas)) : s.treaty(lineTitle(areas))),
            h(
              'ul',
              { class: 'plain' },
              (['japan', 'russia'] as const).map((side) =>
                h('li', {}, fillSwatch(map, claimLayer(areas, side)), h('span', {}, side === 'japan' ? s.japanSide : s.russiaSide)),
              ),
            ),
          )
        : null;
    const link = h('a', { href: `#step=${encodeURIComponent(step.id)}&lang=${state.lang}`, 'data-testid': 'timeline-link' }, s.linkToStep);
    const dates = step.date_end ? `${step.date} – ${step.date_end}` : step.date;
    return [
      h('h3', { id: 'timeline-step-title', tabindex: '-1' }, h('time', { datetime: step.date }, dates), ' ', h('span', {}, step.title)),
      h('p', {}, step.text),
      h('h4', {}, s.linesShown),
      shown.length
        ? h('ul', { class: 'plain story-lines' }, shown.map((id) => h('li', {}, lineSwatch(map, lineLayer(id as AnyLineId)), h('span', {}, lineTitle(id)))))
        : h('p', { class: 'note' }, s.noLinesShown),
      areasLegend,
      h('h4', {}, s.sources),
      sourceList(step.sources),
      h('p', {}, link),
    ];
  },
  notes: (doc) => [h('p', { class: 'note', 'data-testid': 'timeline-note' }, doc.note)],
};

/** The timeline panel: shown while the state names a step (`step=<id>`). */
export class TimelinePanel extends StoryPanel<TimelineDoc, TimelineStep> {
  constructor(root: HTMLElement, opts: StoryOptions) {
    super(root, opts, TIMELINE);
  }
}
