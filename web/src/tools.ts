// The analyst tools bar along the top of the map: Compare, Statistics, Downloads, Your file (overlay) and Measure,
// each a button that opens its pane below the bar (one at a time). It renders from the AppState like ui.ts and
// reports changes through `onChange`; what is not in the URL (the open pane, the overlay, the measured points,
// the baseline) lives here.
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { CompareView, mainMapState } from './compare';
import { comparisonPane } from './comparison';
import type { DataMode, Documents, ScenarioDoc } from './data';
import { h, on } from './dom';
import { downloadsPane, type ViewImageFormat } from './downloads';
import { t } from './i18n';
import { Measure, formatDistance, type MeasureReading } from './measure';
import { OVERLAY_MAX_BYTES, checkSize, parseOverlay, type FeatureCollection, type OverlayErrorCode } from './overlay';
import { removeOverlay, showOverlay } from './overlay-map';
import { LINE_IDS, cloneState, type AppState, type LineId } from './state';
import { TOOL_IDS, toolBarContent, toolBarSection, toolPanesBox, type ToolElements, type ToolId } from './tool-bar';
import { toolStrings, type ToolStrings } from './tools-i18n';

export { TOOL_IDS, type ToolId };

export interface ToolsOptions {
  root: HTMLElement;
  /** Where the tool buttons and the open pane go (layout.ts). */
  slots: { tools: HTMLElement; panels: HTMLElement };
  /** The bar and the panes' box, already in the slots (`ToolBar` until now); else new ones are added there. */
  elements?: ToolElements;
  map: MapLibreMap;
  style: StyleSpecification;
  docs: Documents;
  mode: DataMode;
  getState: () => AppState;
  onChange: (next: AppState) => void;
  dark: () => boolean;
  /** The current view as an image URL: drawn by the server (`png`, `svg`) or a snapshot of the map (`snapshot`). */
  viewImage?: (format: ViewImageFormat) => string;
}

type OverlayStatus = { kind: 'ok'; name: string; count: number } | { kind: 'error'; code: OverlayErrorCode; detail?: string } | { kind: 'removed' } | null;

const DEFAULT_PAIR: [LineId, LineId] = ['soviet', 'japanese'];

export class Tools {
  readonly compare: CompareView;
  readonly measure: Measure;
  private readonly bar: HTMLElement;
  private readonly paneBox: HTMLElement;
  private readonly panes = new Map<ToolId, HTMLElement>();
  /** The pane whose heading takes the focus once it is filled (statistics fill in asynchronously). */
  private focusPending: ToolId | null = null;
  private open: ToolId | null = null;
  private state: AppState | null = null;
  private builtFor: string | null = null;
  private pair: [LineId, LineId] = [...DEFAULT_PAIR];
  private baseline: LineId = 'soviet';
  private stats: Promise<ScenarioDoc[]> | null = null;
  private overlayStatus: OverlayStatus = null;
  private overlayData: FeatureCollection | null = null;
  private reading: MeasureReading = { points: [], metres: 0, legs: [] };
  private downloadsKey = '';

  constructor(private readonly opts: ToolsOptions) {
    this.bar = opts.elements?.bar ?? toolBarSection();
    this.paneBox = opts.elements?.panes ?? toolPanesBox();
    if (!opts.elements) {
      opts.slots.tools.append(this.bar);
      opts.slots.panels.append(this.paneBox);
    }
    // Escape closes the open pane and gives the focus back to its button (measuring ends first, below).
    this.paneBox.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Escape' || !this.open || this.measure.active) return;
      ev.stopPropagation();
      const id = this.open;
      this.show(null);
      this.bar.querySelector<HTMLElement>(`[data-testid="tool:${id}"]`)?.focus();
    });
    this.compare = new CompareView({
      map: opts.map,
      style: opts.style,
      dark: opts.dark,
      labels: () => {
        const s = this.s();
        return { divider: s.divider, left: s.left, right: s.right, lineName: (id) => this.lineName(id) };
      },
      onRightReady: (right) => {
        if (this.overlayData) showOverlay(right, this.overlayData, { fit: false });
        this.measure.addMap(right);
      },
      onRightClosing: (right) => this.measure.removeMap(right),
    });
    this.measure = new Measure(opts.map, (reading) => {
      this.reading = reading;
      this.syncMeasure();
    });
    // Escape ends measuring before anything else hears it (the details panel also closes on Escape).
    document.addEventListener(
      'keydown',
      (ev) => {
        if (ev.key === 'Escape' && this.measure.active) {
          ev.stopPropagation();
          this.measure.stop();
        }
      },
      true,
    );
    this.setupDrop();
  }

  /** True while map clicks add measuring points (the page's own click handling stands aside). */
  get capturesClicks(): boolean {
    return this.measure.active;
  }

  /** The state the page's own map shows (the left scenario while comparing). */
  mapState(state: AppState): AppState {
    return mainMapState(state);
  }

  private s(): ToolStrings {
    return toolStrings(this.state?.lang ?? 'en');
  }

  private lineName(id: LineId): string {
    return t(this.state?.lang ?? 'en').line[id];
  }

  private change(mutate: (next: AppState) => void): void {
    const next = cloneState(this.opts.getState());
    mutate(next);
    this.opts.onChange(next);
  }

  render(state: AppState): void {
    const prev = this.state;
    this.state = state;
    if (state.compare) this.pair = [state.compare[0], state.compare[1]];
    this.compare.update(state);
    if (this.builtFor !== state.lang) {
      const focused = (document.activeElement as HTMLElement | null)?.dataset?.testid;
      this.build();
      this.builtFor = state.lang;
      if (focused) this.opts.root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
    } else {
      this.syncCompare();
      if (prev && this.downloadsKeyOf(state) !== this.downloadsKey) this.fillDownloads();
    }
  }

  theme(): void {
    this.compare.theme();
  }

  // --- the bar and its panes ---

  private build(): void {
    const s = this.s();
    this.panes.clear();
    const panes = TOOL_IDS.map((id) => {
      const pane = h('div', {
        class: 'tool-pane',
        id: `pane-${id}`,
        role: 'region',
        'aria-labelledby': `pane-${id}-title`,
        'data-testid': `pane:${id}`,
        hidden: this.open !== id,
      });
      this.panes.set(id, pane);
      return pane;
    });
    this.bar.replaceChildren(...toolBarContent(s, this.open, (id) => this.toggle(id), true));
    this.paneBox.replaceChildren(...panes);
    this.fillCompare();
    this.fillDownloads();
    this.fillOverlay();
    this.fillMeasure();
    if (this.open === 'stats') void this.fillStats();
  }

  private toggle(id: ToolId): void {
    this.show(this.open === id ? null : id);
  }

  /** Opens one pane (or none), focusing its heading when opened. */
  show(id: ToolId | null, focus = true): void {
    if (id !== 'measure' && this.measure.active) this.measure.stop();
    this.open = id;
    for (const tool of TOOL_IDS) {
      const pane = this.panes.get(tool);
      if (pane) pane.hidden = tool !== id;
      this.bar.querySelector(`[data-testid="tool:${tool}"]`)?.setAttribute('aria-expanded', String(tool === id));
    }
    if (id && focus) {
      this.focusPending = id;
      this.panes.get(id)?.querySelector<HTMLElement>('h2')?.focus();
    }
    if (id === 'stats') void this.fillStats();
  }

  private paneHead(id: ToolId): HTMLElement {
    const s = this.s();
    const close = h('button', { type: 'button', class: 'close', 'aria-label': `${t(this.state?.lang ?? 'en').close}: ${s[id]}` }, '×');
    on(close, 'click', () => {
      this.show(null);
      this.bar.querySelector<HTMLElement>(`[data-testid="tool:${id}"]`)?.focus();
    });
    return h('div', { class: 'panel-head' }, h('h2', { id: `pane-${id}-title`, tabindex: '-1' }, s[id]), close);
  }

  // --- compare ---

  private fillCompare(): void {
    const pane = this.panes.get('compare');
    if (!pane) return;
    const s = this.s();
    const select = (side: 0 | 1) => {
      const el = h(
        'select',
        { id: `compare-${side ? 'right' : 'left'}`, 'data-testid': `compare-${side ? 'right' : 'left'}` },
        LINE_IDS.map((id) => h('option', { value: id }, this.lineName(id))),
      );
      on(el, 'change', () => {
        this.pair[side] = el.value as LineId;
        if (this.state?.compare && this.pair[0] !== this.pair[1]) this.change((n) => (n.compare = [this.pair[0], this.pair[1]]));
        else this.syncCompare();
      });
      return h('div', { class: 'field' }, h('label', { for: el.id }, side ? s.right : s.left), el);
    };
    const toggle = h('button', { type: 'button', 'data-testid': 'compare-toggle' });
    on(toggle, 'click', () => {
      if (this.state?.compare) this.change((n) => (n.compare = null));
      else if (this.pair[0] !== this.pair[1]) this.change((n) => (n.compare = [this.pair[0], this.pair[1]]));
    });
    pane.replaceChildren(
      this.paneHead('compare'),
      h('p', { class: 'note' }, s.compareIntro),
      h('div', { class: 'compare-selects' }, select(0), select(1)),
      h('p', { class: 'note', 'data-testid': 'compare-message', 'aria-live': 'polite' }),
      toggle,
      h('p', { class: 'note' }, s.compareHint),
    );
    this.syncCompare();
  }

  private syncCompare(): void {
    const pane = this.panes.get('compare');
    if (!pane) return;
    const s = this.s();
    const active = this.state?.compare != null;
    const left = pane.querySelector<HTMLSelectElement>('[data-testid="compare-left"]');
    const right = pane.querySelector<HTMLSelectElement>('[data-testid="compare-right"]');
    if (left) left.value = this.pair[0];
    if (right) right.value = this.pair[1];
    const same = this.pair[0] === this.pair[1];
    const toggle = pane.querySelector<HTMLButtonElement>('[data-testid="compare-toggle"]');
    if (toggle) {
      toggle.textContent = active ? s.compareStop : s.compareStart;
      toggle.setAttribute('aria-pressed', String(active));
      toggle.disabled = !active && same;
    }
    const message = pane.querySelector<HTMLElement>('[data-testid="compare-message"]');
    if (message) message.textContent = same ? s.compareSame : '';
  }

  // --- statistics ---

  private async fillStats(): Promise<void> {
    const pane = this.panes.get('stats');
    const state = this.state;
    if (!pane || !state) return;
    const s = this.s();
    if (!pane.dataset.filled) {
      pane.replaceChildren(this.paneHead('stats'), h('p', {}, t(state.lang).loading));
      if (this.focusPending === 'stats') pane.querySelector<HTMLElement>('h2')?.focus();
    }
    this.stats ??= Promise.all(LINE_IDS.map((id) => this.opts.docs.scenario(id))).then((docs) => docs.filter((d): d is ScenarioDoc => d !== null));
    let docs: ScenarioDoc[];
    try {
      docs = await this.stats;
    } catch {
      this.stats = null;
      pane.replaceChildren(this.paneHead('stats'), h('p', { role: 'alert' }, s.loadFailed));
      return;
    }
    if (this.state?.lang !== state.lang) return; // rebuilt meanwhile
    const focusedBaseline = document.activeElement?.id === 'stats-baseline';
    const body = comparisonPane(docs, this.baseline, {
      lang: state.lang,
      s,
      lineName: (id) => this.lineName(id),
      sideName: (side) => t(state.lang)[side],
      onBaseline: (id) => {
        this.baseline = id;
        void this.fillStats();
      },
    });
    const hadFocus = pane.contains(document.activeElement) || this.focusPending === 'stats';
    pane.replaceChildren(this.paneHead('stats'), ...body);
    pane.dataset.filled = '1';
    if (focusedBaseline) pane.querySelector<HTMLElement>('#stats-baseline')?.focus();
    else if (hadFocus && this.open === 'stats') pane.querySelector<HTMLElement>('h2')?.focus();
    if (this.focusPending === 'stats') this.focusPending = null;
  }

  // --- downloads ---

  private downloadsKeyOf(state: AppState): string {
    return `${state.compare ?? ''}/${state.areas ?? ''}/${LINE_IDS.map((id) => (state.lines[id] ? 1 : 0)).join('')}`;
  }

  private fillDownloads(): void {
    const pane = this.panes.get('downloads');
    const state = this.state;
    if (!pane || !state) return;
    this.downloadsKey = this.downloadsKeyOf(state);
    pane.replaceChildren(
      this.paneHead('downloads'),
      ...downloadsPane(state, this.opts.mode, this.s(), (id) => this.lineName(id), this.opts.viewImage),
    );
  }

  // --- overlay ---

  private fillOverlay(): void {
    const pane = this.panes.get('overlay');
    if (!pane) return;
    const s = this.s();
    const input = h('input', {
      type: 'file',
      id: 'overlay-file',
      'data-testid': 'overlay-file',
      accept: '.geojson,.json,.kml,application/geo+json,application/json,application/vnd.google-earth.kml+xml',
    });
    on(input, 'change', () => {
      const file = input.files?.[0];
      if (file) void this.loadFile(file);
      input.value = '';
    });
    const remove = h('button', { type: 'button', 'data-testid': 'overlay-remove' }, s.removeOverlay);
    on(remove, 'click', () => {
      removeOverlay(this.opts.map);
      const right = this.compare.rightMap;
      if (right) removeOverlay(right);
      this.overlayData = null;
      this.overlayStatus = { kind: 'removed' };
      this.syncOverlay();
    });
    pane.replaceChildren(
      this.paneHead('overlay'),
      h('p', { class: 'note' }, s.overlayIntro(OVERLAY_MAX_BYTES / 1024 / 1024)),
      h('div', { class: 'field' }, h('label', { for: 'overlay-file' }, s.chooseFile), input),
      h('p', { class: 'status', role: 'status', 'data-testid': 'overlay-status' }),
      remove,
    );
    this.syncOverlay();
  }

  private syncOverlay(): void {
    const pane = this.panes.get('overlay');
    if (!pane) return;
    const s = this.s();
    const status = pane.querySelector<HTMLElement>('[data-testid="overlay-status"]');
    const st = this.overlayStatus;
    if (status) {
      status.dataset.kind = st?.kind ?? '';
      if (!st) status.textContent = '';
      else if (st.kind === 'ok') status.textContent = s.overlayLoaded(st.name, st.count);
      else if (st.kind === 'removed') status.textContent = s.overlayRemoved;
      else status.textContent = `${s.overlayErrors[st.code]}${st.detail ? ` (${st.detail})` : ''}`;
      if (st?.kind === 'error') status.dataset.code = st.code;
      else delete status.dataset.code;
    }
    const remove = pane.querySelector<HTMLButtonElement>('[data-testid="overlay-remove"]');
    if (remove) remove.hidden = this.overlayData === null;
  }

  /** Reads, checks and shows a file (from the file input or a drop). */
  async loadFile(file: File): Promise<void> {
    this.show('overlay', false);
    const tooBig = checkSize(file.size);
    let result;
    if (tooBig) result = { ok: false as const, error: tooBig };
    else {
      const text = await file.text();
      result = parseOverlay(text, { name: file.name, parseXml: (x) => new DOMParser().parseFromString(x, 'application/xml') });
    }
    if (result.ok) {
      showOverlay(this.opts.map, result.data);
      const right = this.compare.rightMap;
      if (right) showOverlay(right, result.data, { fit: false });
      this.overlayData = result.data;
      this.overlayStatus = { kind: 'ok', name: file.name, count: result.data.features.length };
    } else {
      this.overlayStatus = { kind: 'error', code: result.error.code, detail: result.error.code === 'too-large' ? undefined : result.error.detail };
    }
    this.syncOverlay();
  }

  private setupDrop(): void {
    const host = this.opts.map.getContainer();
    const hint = h('div', { class: 'drop-hint', 'data-testid': 'drop-hint', hidden: true });
    host.append(hint);
    let depth = 0;
    const hasFiles = (ev: DragEvent) => [...(ev.dataTransfer?.types ?? [])].includes('Files');
    on(host, 'dragenter', (ev) => {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      depth += 1;
      hint.textContent = this.s().dropHere;
      hint.hidden = false;
    });
    on(host, 'dragover', (ev) => {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'copy';
    });
    on(host, 'dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) hint.hidden = true;
    });
    on(host, 'drop', (ev) => {
      ev.preventDefault();
      depth = 0;
      hint.hidden = true;
      const file = ev.dataTransfer?.files?.[0];
      if (file) void this.loadFile(file);
    });
  }

  // --- measure ---

  private fillMeasure(): void {
    const pane = this.panes.get('measure');
    if (!pane) return;
    const s = this.s();
    const toggle = h('button', { type: 'button', 'data-testid': 'measure-toggle' });
    on(toggle, 'click', () => (this.measure.active ? this.measure.stop() : this.measure.start()));
    const centre = h('button', { type: 'button', 'data-testid': 'measure-centre' }, s.addCentre);
    on(centre, 'click', () => {
      if (!this.measure.active) this.measure.start();
      this.measure.addCentre();
    });
    const clear = h('button', { type: 'button', 'data-testid': 'measure-clear' }, s.clear);
    on(clear, 'click', () => this.measure.clear());
    pane.replaceChildren(
      this.paneHead('measure'),
      h('p', { class: 'note' }, s.measureIntro),
      h('div', { class: 'actions' }, toggle, centre, clear),
      h('p', { class: 'measure-result', role: 'status', 'data-testid': 'measure-distance' }),
      h('p', { class: 'note' }, s.measureMethod),
    );
    this.syncMeasure();
  }

  private syncMeasure(): void {
    const pane = this.panes.get('measure');
    if (!pane) return;
    const s = this.s();
    const lang = this.state?.lang ?? 'en';
    const toggle = pane.querySelector<HTMLButtonElement>('[data-testid="measure-toggle"]');
    if (toggle) {
      toggle.textContent = this.measure.active ? s.measureStop : s.measureStart;
      toggle.setAttribute('aria-pressed', String(this.measure.active));
    }
    const out = pane.querySelector<HTMLElement>('[data-testid="measure-distance"]');
    if (!out) return;
    const r = this.reading;
    out.dataset.points = String(r.points.length);
    if (r.points.length < 2) {
      out.textContent = s.measureNone;
      delete out.dataset.metres;
    } else if (r.metres === null) {
      out.textContent = s.measureFailed;
      delete out.dataset.metres;
    } else {
      out.textContent = s.measureTotal(formatDistance(r.metres, lang), r.points.length);
      out.dataset.metres = String(r.metres);
    }
  }
}
