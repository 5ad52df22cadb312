// A story panel: the guided views (the history timeline, timeline.ts; the straits explainer, straits-tour.ts)
// share one panel that steps through the items of a document (steps, stops). The state says which item is
// shown (`step`, or `tour` and `sel`), so each item has its own link; the panel only renders it and turns
// Previous/Next, the list of all items, the arrow keys and Escape into new states. What an item sets on the map
// and what its article says are the guided view's own (`StoryKind`).
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Documents } from './data';
import { h, on } from './dom';
import { cloneState, type AppState, type Lang } from './state';
import { st, type StoryStrings } from './story-i18n';

/**
 * Frames a subject box ([west, south, east, north]) in the part of the map the panels leave free, no closer than
 * `maxZoom`; null when it cannot (the layout's `cameraFor`).
 */
export type Frame = (subject: [number, number, number, number], maxZoom: number) => { lng: number; lat: number; zoom: number } | null;

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

/** What one guided view brings to the panel: its names in the page, its document, its states and its texts. */
export interface StoryKind<Doc, Item extends { id: string }> {
  /**
   * Names in the page: the panel's `data-testid` and its title's id; the prefix of its buttons' test ids
   * (`<prefix>-close`, `-prev`, `-next`, `<prefix>-<item>:<id>` in the list); `item` names the item as a data
   * attribute (`data-step`, `data-stop`, on the panel and on the body); the id of the item's title, which takes
   * the focus; the test id of the position ("Step 2 of 9"), if it has one.
   */
  ids: { panel: string; title: string; prefix: string; item: 'step' | 'stop'; itemTitle: string; position?: string };
  /** Where the document lives (the static export has its own copy, see `Documents.extra`). */
  doc: string;
  items: (doc: Doc) => Item[];
  /** The item `id` names; the first when `id` is null or unknown. */
  find: (doc: Doc, id: string | null) => Item | undefined;
  /** True when the state asks for the panel (it is loaded then, if it is not yet). */
  isOpen: (state: AppState) => boolean;
  /** The item the state shows; undefined when the panel is closed. */
  shown: (doc: Doc, state: AppState) => Item | undefined;
  /** The state an item asks for, from `base`. */
  itemState: (base: AppState, item: Item, frame?: Frame) => AppState;
  /** Clears the fields that open the panel in `next` (a copy of the state). */
  clear: (next: AppState) => void;
  /** What the rendered panel depends on beside the item and the language (e.g. the naming). */
  renderKey?: (state: AppState) => string;
  /** The panel's title, the list's label and the position, in the reader's language. */
  texts: (s: StoryStrings) => { title: string; list: string; position: (n: number, total: number) => string };
  /** The content of an item's button in the list of all items. */
  listEntry: (item: Item, state: AppState) => (Node | string)[];
  /** The item's article: its title (with the id `ids.itemTitle`, tabindex -1) and its text. */
  article: (item: Item, doc: Doc, state: AppState, map: MapLibreMap) => (Node | string | null)[];
  /** Notes after the list of all items, before the keys hint. */
  notes?: (doc: Doc) => Node[];
}

export class StoryPanel<Doc, Item extends { id: string }> {
  readonly el: HTMLElement;
  private doc: Doc | null = null;
  private docLang: Lang = 'en';
  private renderedFor = '';
  private opener: HTMLElement | null = null;

  constructor(
    root: HTMLElement,
    private readonly opts: StoryOptions,
    private readonly kind: StoryKind<Doc, Item>,
  ) {
    this.el = h('aside', { class: 'panel story-panel', 'data-testid': kind.ids.panel, 'aria-labelledby': kind.ids.title, hidden: true });
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
  async load(): Promise<Doc | null> {
    // In the reader's language: a change of language loads that language's document.
    if (!this.doc || this.docLang !== this.opts.docs.lang) {
      ({ doc: this.doc, lang: this.docLang } = await this.opts.docs.extraInLang<Doc>(this.kind.doc));
    }
    return this.doc;
  }

  private focusItemTitle(): void {
    this.el.querySelector<HTMLElement>(`#${this.kind.ids.itemTitle}`)?.focus();
  }

  /** Opens the panel at an item (the first when `id` is null or unknown), applying its map state. */
  async open(id: string | null, opts: { jump?: boolean; opener?: HTMLElement; keepCamera?: boolean } = {}): Promise<void> {
    if (opts.opener) this.opener = opts.opener;
    const doc = await this.load();
    if (!doc || this.kind.items(doc).length === 0) return;
    const item = this.kind.find(doc, id);
    if (!item) return;
    const next = this.kind.itemState(this.opts.getState(), item, this.opts.frame);
    if (opts.keepCamera) next.camera = { ...this.opts.getState().camera };
    this.opts.onChange(next, { moveCamera: !opts.keepCamera, jump: opts.jump });
    document.body.dataset[this.kind.ids.item] = item.id;
    // Opened by the reader (a button): the focus goes into the panel, and back to the button when it closes.
    if (opts.opener) this.focusItemTitle();
  }

  private go(delta: number): void {
    const doc = this.doc;
    if (!doc) return;
    const current = this.kind.shown(doc, this.opts.getState());
    if (!current) return;
    const items = this.kind.items(doc);
    const i = items.indexOf(current);
    const j = Math.min(Math.max(i + delta, 0), items.length - 1);
    const target = items[j];
    if (j !== i && target) void this.open(target.id).then(() => this.focusItemTitle());
  }

  close(): void {
    const next = cloneState(this.opts.getState());
    this.kind.clear(next);
    this.opts.onChange(next, {});
    delete document.body.dataset[this.kind.ids.item];
    this.opener?.focus();
    this.opener = null;
  }

  /** Shows the panel for the state's item, or hides it. */
  render(state: AppState): void {
    const kind = this.kind;
    const doc = this.doc && this.docLang === state.lang ? this.doc : null;
    if (!doc && kind.isOpen(state)) {
      // First use (e.g. opened from a link): load, then render whatever the state is by then.
      this.load().then(
        (loaded) => loaded && this.render(this.opts.getState()),
        () => undefined,
      );
      return;
    }
    const item = doc ? kind.shown(doc, state) : undefined;
    if (!item || !doc) {
      this.el.hidden = true;
      this.renderedFor = '';
      return;
    }
    const key = [item.id, state.lang, ...(kind.renderKey ? [kind.renderKey(state)] : [])].join('/');
    if (this.renderedFor === key) return;
    const hadFocus = this.el.contains(document.activeElement);
    this.renderedFor = key;
    const s = st(state.lang);
    const texts = kind.texts(s);
    const items = kind.items(doc);
    const index = items.indexOf(item);
    const { prefix } = kind.ids;

    const close = h('button', { type: 'button', class: 'close', 'data-testid': `${prefix}-close`, 'aria-label': s.close }, '×');
    on(close, 'click', () => this.close());
    const prev = h('button', { type: 'button', 'data-testid': `${prefix}-prev`, disabled: index === 0 }, `← ${s.previous}`);
    on(prev, 'click', () => this.go(-1));
    const next = h('button', { type: 'button', 'data-testid': `${prefix}-next`, disabled: index === items.length - 1 }, `${s.next} →`);
    on(next, 'click', () => this.go(1));
    const list = h(
      'ol',
      { class: 'story-list', 'aria-label': texts.list },
      items.map((entry) => {
        const b = h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            'data-testid': `${prefix}-${kind.ids.item}:${entry.id}`,
            'aria-current': entry.id === item.id ? 'step' : undefined,
          },
          kind.listEntry(entry, state),
        );
        on(b, 'click', () => void this.open(entry.id));
        return h('li', {}, b);
      }),
    );
    const position = texts.position(index + 1, items.length);
    const article = kind.article(item, doc, state, this.opts.map);

    this.el.replaceChildren(
      h('div', { class: 'panel-head' }, h('h2', { id: kind.ids.title }, texts.title), close),
      // Right under the title, so that Previous and Next stay where they are from item to item.
      h('div', { class: 'story-nav' }, prev, h('span', { role: 'status', 'data-testid': kind.ids.position }, position), next),
      h('article', { class: 'story-step', 'data-testid': `${prefix}-${kind.ids.item}`, [`data-${kind.ids.item}`]: item.id }, article),
      h('details', { class: 'story-all' }, h('summary', {}, texts.list), list),
      ...(kind.notes ? kind.notes(doc) : []),
      h('p', { class: 'note' }, s.keysHint),
    );
    this.el.hidden = false;
    this.el.dataset[kind.ids.item] = item.id;
    if (hadFocus) this.focusItemTitle();
  }
}
