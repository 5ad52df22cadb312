// The history timeline (story mode): a panel that steps through the events of /api/timeline. Each step sets the
// map (lines, the areas of a scenario with what they mean, the camera) and shows its short text with sources.
// The step is part of the state (`step=<id>` in the URL hash), so each step has its own link.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { claimLayer, lineLayer } from './apply';
import type { Documents, Source } from './data';
import { h, on } from './dom';
import { sourceList } from './sources';
import { t } from './i18n';
import { ALL_LINE_IDS, HISTORICAL_LINE_IDS, LINE_IDS, cloneState, type AnyLineId, type AppState, type Lang } from './state';
import { st } from './story-i18n';
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

/**
 * Frames a subject box ([west, south, east, north]) in the part of the map the panels leave free, no closer than
 * `maxZoom`; null when it cannot (the layout's `cameraFor`).
 */
export type Frame = (subject: [number, number, number, number], maxZoom: number) => { lng: number; lat: number; zoom: number } | null;

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

/** True when a hash names a step but no view of its own: the step's map state is applied then. */
export function stepOnlyLink(hash: string): boolean {
  const keys = hash.replace(/^#/, '').split('&').map((p) => p.split('=')[0]);
  return keys.includes('step') && !keys.includes('map') && !keys.includes('lines');
}

/** Typing in a field, or a modifier held: leave the key alone. */
export function ownKey(ev: KeyboardEvent): boolean {
  const target = ev.target as HTMLElement | null;
  if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey) return false;
  return !(target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA'));
}

export interface StoryOptions {
  map: MapLibreMap;
  docs: Documents;
  getState: () => AppState;
  /** A new state; `moveCamera` flies (or jumps, with reduced motion) to its camera. */
  onChange: (next: AppState, opts: { moveCamera?: boolean; jump?: boolean }) => void;
  /** Frames a step's or a stop's subject beside the panels. */
  frame?: Frame;
}

export class TimelinePanel {
  readonly el: HTMLElement;
  private doc: TimelineDoc | null = null;
  private renderedFor = '';
  private opener: HTMLElement | null = null;

  constructor(
    root: HTMLElement,
    private readonly opts: StoryOptions,
  ) {
    this.el = h('aside', { class: 'panel story-panel', 'data-testid': 'timeline', 'aria-labelledby': 'timeline-title', hidden: true });
    root.append(this.el);
    this.el.addEventListener('keydown', (ev) => {
      if (!ownKey(ev)) return;
      if (ev.key === 'ArrowRight') this.go(1);
      else if (ev.key === 'ArrowLeft') this.go(-1);
      else if (ev.key === 'Escape') this.close();
      else return;
      ev.preventDefault();
      ev.stopPropagation();
    });
  }

  /** Loads the document (from the server, or the static export's own copy). */
  async load(): Promise<TimelineDoc | null> {
    // In the reader's language: a change of language loads that language's document.
    if (!this.doc || this.docLang !== this.opts.docs.lang) {
      ({ doc: this.doc, lang: this.docLang } = await this.opts.docs.extraInLang<TimelineDoc>(TIMELINE_DOC));
    }
    return this.doc;
  }

  private docLang: Lang = 'en';

  /** Opens the timeline at a step (the first when `id` is null or unknown), applying its map state. */
  async open(id: string | null, opts: { jump?: boolean; opener?: HTMLElement } = {}): Promise<void> {
    if (opts.opener) this.opener = opts.opener;
    const doc = await this.load();
    if (!doc || doc.steps.length === 0) return;
    const step = findStep(doc, id);
    if (!step) return;
    this.opts.onChange(stepState(this.opts.getState(), step, this.opts.frame), { moveCamera: true, jump: opts.jump });
    document.body.dataset.step = step.id;
    // Opened by the reader (a button): the focus goes into the panel, and back to the button when it closes.
    if (opts.opener) this.el.querySelector<HTMLElement>('#timeline-step-title')?.focus();
  }

  private go(delta: number): void {
    const doc = this.doc;
    const current = this.opts.getState().step;
    if (!doc || !current) return;
    const i = doc.steps.findIndex((s) => s.id === current);
    const j = Math.min(Math.max(i + delta, 0), doc.steps.length - 1);
    const target = doc.steps[j];
    if (j !== i && target) void this.open(target.id).then(() => this.el.querySelector<HTMLElement>('#timeline-step-title')?.focus());
  }

  close(): void {
    const next = cloneState(this.opts.getState());
    next.step = null;
    this.opts.onChange(next, {});
    delete document.body.dataset.step;
    this.opener?.focus();
    this.opener = null;
  }

  /** Shows the panel for the state's step, or hides it. */
  render(state: AppState): void {
    const doc = this.doc && this.docLang === state.lang ? this.doc : null;
    if (!doc && state.step) {
      // First use (e.g. opened from a link): load, then render whatever the state is by then.
      this.load().then(
        (loaded) => loaded && this.render(this.opts.getState()),
        () => undefined,
      );
      return;
    }
    const step = state.step && doc ? doc.steps.find((s) => s.id === state.step) : undefined;
    if (!step || !doc) {
      this.el.hidden = true;
      this.renderedFor = '';
      return;
    }
    const key = `${step.id}/${state.lang}`;
    if (this.renderedFor === key) return;
    const hadFocus = this.el.contains(document.activeElement);
    this.renderedFor = key;
    const s = st(state.lang);
    const names = t(state.lang).line;
    const index = doc.steps.indexOf(step);
    const map = this.opts.map;

    const close = h('button', { type: 'button', class: 'close', 'data-testid': 'timeline-close', 'aria-label': s.close }, '×');
    on(close, 'click', () => this.close());
    const prev = h('button', { type: 'button', 'data-testid': 'timeline-prev', disabled: index === 0 }, `← ${s.previous}`);
    on(prev, 'click', () => this.go(-1));
    const next = h('button', { type: 'button', 'data-testid': 'timeline-next', disabled: index === doc.steps.length - 1 }, `${s.next} →`);
    on(next, 'click', () => this.go(1));

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
    const list = h(
      'ol',
      { class: 'story-list', 'aria-label': s.steps },
      doc.steps.map((item) => {
        const b = h(
          'button',
          { type: 'button', class: 'link-button', 'data-testid': `timeline-step:${item.id}`, 'aria-current': item.id === step.id ? 'step' : undefined },
          h('time', { datetime: item.date }, item.date.slice(0, 4)),
          ' ',
          h('span', {}, item.title),
        );
        on(b, 'click', () => void this.open(item.id));
        return h('li', {}, b);
      }),
    );
    const dates = step.date_end ? `${step.date} – ${step.date_end}` : step.date;

    this.el.replaceChildren(
      h('div', { class: 'panel-head' }, h('h2', { id: 'timeline-title' }, s.timelineTitle), close),
      // Right under the title, so that Previous and Next stay where they are from step to step.
      h('div', { class: 'story-nav' }, prev, h('span', { role: 'status', 'data-testid': 'timeline-position' }, s.stepOf(index + 1, doc.steps.length)), next),
      h(
        'article',
        { class: 'story-step', 'data-testid': 'timeline-step', 'data-step': step.id },
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
      ),
      h('details', { class: 'story-all' }, h('summary', {}, s.steps), list),
      h('p', { class: 'note', 'data-testid': 'timeline-note' }, doc.note),
      h('p', { class: 'note' }, s.keysHint),
    );
    this.el.hidden = false;
    this.el.dataset.step = step.id;
    if (hadFocus) this.el.querySelector<HTMLElement>('#timeline-step-title')?.focus();
  }
}
