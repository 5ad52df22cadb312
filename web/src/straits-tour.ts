// The straits explainer: a guided view of the Catherine, Vries, Nemuro and Goyomai straits from
// /api/straits-tour. Each stop selects its strait (highlighted on the map, see apply.ts), moves the camera, and
// shows the computed width, the sourced depth and the attributed claims. Its link: `tour=straits&sel=strait:<id>`.
import type { Documents, Source } from './data';
import { h, on } from './dom';
import { displayName, type Names } from './naming';
import { cloneState, type AppState, type Lang } from './state';
import { st } from './story-i18n';
import { withUnit } from './units';
import { sourceList } from './sources';
import { ownKey, type Frame, type StoryOptions } from './timeline';

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

/** The strait a state selects, if any. */
export const selectedStrait = (state: AppState): string | null => (state.selected?.kind === 'strait' ? state.selected.id : null);

/**
 * The state a tour-only link asks for, read before the map is made so that the map opens at the stop's camera;
 * `base` when the tour cannot be loaded, in which case the panel reports it as before.
 */
export async function linkedStopState(docs: Documents, base: AppState, frame?: Frame): Promise<AppState> {
  const doc = await docs.extra<StraitsTourDoc>(TOUR_DOC).catch(() => null);
  const stop = doc ? findStop(doc, selectedStrait(base)) : undefined;
  return stop ? stopState(base, stop, frame) : base;
}

/** True when a hash opens the tour without a camera of its own: the stop's camera is applied then. */
export function tourOnlyLink(hash: string): boolean {
  const keys = hash.replace(/^#/, '').split('&').map((p) => p.split('=')[0]);
  return keys.includes('tour') && !keys.includes('map');
}

export class StraitsTourPanel {
  readonly el: HTMLElement;
  private doc: StraitsTourDoc | null = null;
  private renderedFor = '';
  private opener: HTMLElement | null = null;

  constructor(
    root: HTMLElement,
    private readonly opts: StoryOptions & { docs: Documents },
  ) {
    this.el = h('aside', { class: 'panel story-panel', 'data-testid': 'straits-tour', 'aria-labelledby': 'straits-tour-title', hidden: true });
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

  async load(): Promise<StraitsTourDoc | null> {
    // In the reader's language: a change of language loads that language's document.
    if (!this.doc || this.docLang !== this.opts.docs.lang) {
      ({ doc: this.doc, lang: this.docLang } = await this.opts.docs.extraInLang<StraitsTourDoc>(TOUR_DOC));
    }
    return this.doc;
  }

  private docLang: Lang = 'en';

  /** The stop a state shows: its selected strait when that is a stop, else the first. */
  private currentStop(state: AppState): StraitStop | undefined {
    return this.doc ? findStop(this.doc, selectedStrait(state)) : undefined;
  }

  /** Opens the tour at a strait (the first when `id` is null or not a stop). */
  async open(id: string | null, opts: { jump?: boolean; opener?: HTMLElement; keepCamera?: boolean } = {}): Promise<void> {
    if (opts.opener) this.opener = opts.opener;
    const doc = await this.load();
    if (!doc || doc.stops.length === 0) return;
    const stop = findStop(doc, id);
    if (!stop) return;
    const next = stopState(this.opts.getState(), stop, this.opts.frame);
    if (opts.keepCamera) next.camera = { ...this.opts.getState().camera };
    this.opts.onChange(next, { moveCamera: !opts.keepCamera, jump: opts.jump });
    document.body.dataset.stop = stop.id;
    // Opened by the reader (a button): the focus goes into the panel, and back to the button when it closes.
    if (opts.opener) this.el.querySelector<HTMLElement>('#straits-stop-title')?.focus();
  }

  private go(delta: number): void {
    const doc = this.doc;
    if (!doc) return;
    const current = this.currentStop(this.opts.getState());
    const i = current ? doc.stops.indexOf(current) : 0;
    const j = Math.min(Math.max(i + delta, 0), doc.stops.length - 1);
    const target = doc.stops[j];
    if (j !== i && target) void this.open(target.id).then(() => this.el.querySelector<HTMLElement>('#straits-stop-title')?.focus());
  }

  close(): void {
    const next = cloneState(this.opts.getState());
    next.tour = null;
    next.selected = null;
    this.opts.onChange(next, {});
    delete document.body.dataset.stop;
    this.opener?.focus();
    this.opener = null;
  }

  render(state: AppState): void {
    const doc = this.doc && this.docLang === state.lang ? this.doc : null;
    if (!doc && state.tour === 'straits') {
      // First use (e.g. opened from a link): load, then render whatever the state is by then.
      this.load().then(
        (loaded) => loaded && this.render(this.opts.getState()),
        () => undefined,
      );
      return;
    }
    const stop = state.tour === 'straits' && doc ? this.currentStop(state) : undefined;
    if (!stop || !doc) {
      this.el.hidden = true;
      this.renderedFor = '';
      return;
    }
    const key = `${stop.id}/${state.lang}/${state.naming}`;
    if (this.renderedFor === key) return;
    const hadFocus = this.el.contains(document.activeElement);
    this.renderedFor = key;
    const s = st(state.lang);
    const index = doc.stops.indexOf(stop);

    const close = h('button', { type: 'button', class: 'close', 'data-testid': 'straits-close', 'aria-label': s.close }, '×');
    on(close, 'click', () => this.close());
    const prev = h('button', { type: 'button', 'data-testid': 'straits-prev', disabled: index === 0 }, `← ${s.previous}`);
    on(prev, 'click', () => this.go(-1));
    const next = h('button', { type: 'button', 'data-testid': 'straits-next', disabled: index === doc.stops.length - 1 }, `${s.next} →`);
    on(next, 'click', () => this.go(1));
    const list = h(
      'ol',
      { class: 'story-list', 'aria-label': s.stops },
      doc.stops.map((item) => {
        const b = h(
          'button',
          { type: 'button', class: 'link-button', 'data-testid': `straits-stop:${item.id}`, 'aria-current': item.id === stop.id ? 'step' : undefined },
          displayName(item.names, state.naming, state.lang),
        );
        on(b, 'click', () => void this.open(item.id));
        return h('li', {}, b);
      }),
    );
    const depth = stop.depth;
    this.el.replaceChildren(
      h('div', { class: 'panel-head' }, h('h2', { id: 'straits-tour-title' }, s.straitsTitle), close),
      h('div', { class: 'story-nav' }, prev, h('span', { role: 'status' }, s.stopOf(index + 1, doc.stops.length)), next),
      h(
        'article',
        { class: 'story-step', 'data-testid': 'straits-stop', 'data-stop': stop.id },
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
                stop.claims.map((c) =>
                  h('li', {}, h('q', {}, c.text), ` — ${c.attributed_to}`, sourceList(c.sources)),
                ),
              ),
            )
          : null,
      ),
      h('details', { class: 'story-all' }, h('summary', {}, s.stops), list),
      h('p', { class: 'note' }, s.keysHint),
    );
    this.el.hidden = false;
    this.el.dataset.stop = stop.id;
    if (hadFocus) this.el.querySelector<HTMLElement>('#straits-stop-title')?.focus();
  }
}
