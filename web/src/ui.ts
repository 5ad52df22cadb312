// The page around the map: controls with the legend, the details panel and the text description. It renders
// from an AppState and reports changes through `onChange`; it keeps no state of its own beyond the DOM.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { claimLayer, lineLayer } from './apply';
import type { Documents, Source } from './data';
import { h, on } from './dom';
import { DATA_LICENCES, LANG_NAMES, t, type DataLicence, type Strings } from './i18n';
import { displayName, type Names } from './naming';
import { sourceList } from './sources';
import { fillSwatch, lineSwatch } from './swatch';
import { toolNames } from './tool-names-i18n';
import { withUnit } from './units';
import { HISTORICAL_LINE_IDS, LANGS, LINE_IDS, NAMINGS, cloneState, type AnyLineId, type AppState, type LineId, type Naming } from './state';

export interface UiOptions {
  map: MapLibreMap;
  /** Where the page's parts go (layout.ts): the title row, the controls and the panels. */
  slots: { title: HTMLElement; controls: HTMLElement; panels: HTMLElement };
  docs: Documents;
  /** The current state (the camera moves without the page hearing of it). */
  getState: () => AppState;
  /** Called with the next state after a user action; `focusPanel` when a panel was opened by the user. */
  onChange: (next: AppState, opts?: { focusPanel?: boolean }) => void;
  onCopy: () => Promise<boolean>;
  /** More buttons for the actions row (timeline, straits tour, embed), rebuilt with the controls. */
  actions?: () => HTMLElement[];
}

const NAMING_LABEL: Record<Naming, keyof Strings> = { both: 'namingBoth', ja: 'namingJa', ru: 'namingRu' };

/** Where the data licences link to (the texts are the interface's, `Strings.dataLicence`). */
const DATA_LICENCE_URLS: Record<DataLicence, string> = {
  shorelines: 'https://www.soest.hawaii.edu/pwessel/gshhg/',
  habomai: 'https://www.openstreetmap.org/copyright',
  lowZoom: 'https://www.naturalearthdata.com/',
  worldAtlas: 'https://github.com/topojson/world-atlas',
  facts: 'https://creativecommons.org/licenses/by-sa/4.0/',
  font: 'https://openfontlicense.org/',
  maplibre: 'https://maplibre.org/',
  pmtiles: 'https://github.com/protomaps/PMTiles',
};

function otherNames(names: Names): string {
  const seen = new Set<string>([names.en]);
  const out: string[] = [];
  for (const n of [names.ja, names.ja_latn, names.ru, names.ru_latn]) {
    if (n && !seen.has(n)) {
      seen.add(n);
      out.push(n);
    }
  }
  return out.join(' · ');
}

export class Ui {
  private state: AppState | null = null;
  private readonly controls: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly description: HTMLElement;
  private readonly heading: HTMLElement;
  private panelToken = 0;
  private panelOpener: HTMLElement | null = null;
  private builtFor: string | null = null;
  private theme = 'light';

  constructor(
    private readonly root: HTMLElement,
    private readonly opts: UiOptions,
  ) {
    this.controls = h('section', { class: 'controls', 'data-testid': 'controls', 'aria-labelledby': 'controls-title' });
    this.panel = h('aside', {
      class: 'panel',
      'data-testid': 'panel',
      'aria-labelledby': 'panel-title',
      hidden: true,
    });
    const existing = document.getElementById('map-description');
    this.description = existing ?? h('div', { id: 'map-description' });
    this.description.setAttribute('data-testid', 'map-description');
    this.description.setAttribute('aria-live', 'polite');
    this.heading = h('h1', { id: 'page-title' });
    opts.slots.title.append(this.heading);
    opts.slots.controls.append(this.controls);
    opts.slots.panels.append(this.panel);
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && this.state?.selected) this.select(null);
    });
  }

  private s(): Strings {
    return t(this.state?.lang ?? 'en');
  }

  private change(mutate: (next: AppState) => void, opts?: { focusPanel?: boolean }): void {
    if (!this.state) return;
    const next = cloneState(this.opts.getState());
    mutate(next);
    this.opts.onChange(next, opts);
  }

  /** Opens the panel for a selection (or closes it), remembering what to give the focus back to. */
  select(selected: AppState['selected'], opener?: HTMLElement): void {
    if (selected) this.panelOpener = opener ?? (document.activeElement as HTMLElement | null);
    this.change((n) => (n.selected = selected), { focusPanel: selected !== null });
    if (!selected && this.panelOpener) {
      this.panelOpener.focus();
      this.panelOpener = null;
    }
  }

  /** Re-renders for a state; `theme` changes rebuild the legend (its colours come from the style). */
  render(state: AppState, opts: { focusPanel?: boolean; theme?: string } = {}): void {
    const prev = this.state;
    this.state = state;
    if (opts.theme) this.theme = opts.theme;
    document.documentElement.lang = state.lang;
    document.title = t(state.lang).title;
    this.heading.textContent = t(state.lang).title;
    const key = `${state.lang}/${this.theme}`;
    if (this.builtFor !== key) {
      const focused = (document.activeElement as HTMLElement | null)?.dataset?.testid;
      this.buildControls();
      this.builtFor = key;
      if (focused) this.root.querySelector<HTMLElement>(`[data-testid="${CSS.escape(focused)}"]`)?.focus();
    }
    this.syncControls(state);
    const selKey = (s: AppState | null) =>
      s ? `${s.lang}/${s.naming}/${s.selected ? `${s.selected.kind}:${s.selected.id}` : ''}` : '';
    if (selKey(prev) !== selKey(state) || prev?.tour !== state.tour || opts.theme) void this.renderPanel(state, opts.focusPanel ?? false);
    if (prev?.areas !== state.areas || prev?.lang !== state.lang || opts.theme) void this.renderAreas(state);
  }

  setDescription(sentences: string[]): void {
    const s = this.s();
    this.description.replaceChildren(
      h('h2', {}, s.descriptionHeading),
      ...sentences.map((text) => h('p', {}, text)),
    );
  }

  private buildControls(): void {
    const s = this.s();
    const map = this.opts.map;
    const lineRows = LINE_IDS.map((id) => {
      const input = h('input', { type: 'checkbox', id: `line-${id}`, 'data-testid': `line-toggle:${id}` });
      on(input, 'change', () => this.change((n) => (n.lines[id] = input.checked)));
      const info = h(
        'button',
        { type: 'button', class: 'link-button', 'data-testid': `line-info:${id}`, 'aria-label': `${s.details}: ${s.line[id]}` },
        s.details,
      );
      on(info, 'click', () => this.select({ kind: 'line', id }, info));
      return h(
        'li',
        { class: 'line-row' },
        h('label', { for: `line-${id}` }, input, lineSwatch(map, lineLayer(id)), h('span', {}, s.line[id])),
        info,
      );
    });

    // Every scenario, the historical treaties too (a timeline step may show their areas).
    const areas = h('select', { id: 'areas-select', 'data-testid': 'areas-select' }, [
      h('option', { value: 'none' }, s.areasNone),
      ...LINE_IDS.map((id) => h('option', { value: id }, s.line[id])),
      h('optgroup', { label: s.historical }, HISTORICAL_LINE_IDS.map((id) => h('option', { value: id }, s.line[id]))),
    ]);
    on(areas, 'change', () =>
      this.change((n) => (n.areas = areas.value === 'none' ? null : (areas.value as AnyLineId))),
    );

    const namingRadios = NAMINGS.map((naming) => {
      const input = h('input', { type: 'radio', name: 'naming', value: naming, id: `naming-${naming}`, 'data-testid': `naming:${naming}` });
      on(input, 'change', () => {
        if (input.checked) this.change((n) => (n.naming = naming));
      });
      return h('label', { for: `naming-${naming}`, class: 'radio' }, input, h('span', {}, s[NAMING_LABEL[naming]] as string));
    });

    const lang = h(
      'select',
      { id: 'lang-select', 'data-testid': 'lang-select' },
      LANGS.map((l) => h('option', { value: l, lang: l }, LANG_NAMES[l])),
    );
    on(lang, 'change', () => this.change((n) => (n.lang = lang.value as AppState['lang'])));

    const status = h('span', { class: 'status', role: 'status', 'data-testid': 'copy-status' });
    const copy = h('button', { type: 'button', 'data-testid': 'copy-link' }, s.copyLink);
    on(copy, 'click', async () => {
      const ok = await this.opts.onCopy();
      status.textContent = ok ? s.copied : `${s.copyFailed} ${location.href}`;
    });
    const sources = h('button', { type: 'button', class: 'link-button', 'data-testid': 'sources-button' }, s.sourcesAndLicences);
    on(sources, 'click', () => this.select({ kind: 'about', id: 'sources' }, sources));

    this.controls.replaceChildren(
      h('h2', { id: 'controls-title', class: 'controls-title' }, s.controls),
      h(
        'fieldset',
        { class: 'lines', 'data-testid': 'legend' },
        h('legend', {}, s.lines),
        h('ul', { class: 'plain' }, lineRows),
        h('p', { class: 'note' }, s.neutral),
        h('p', { class: 'note', 'data-testid': 'equal-area-note', hidden: true }, toolNames(this.state?.lang ?? 'en').equalAreaNote),
      ),
      h('div', { class: 'field' }, h('label', { for: 'areas-select' }, s.areas), areas),
      h('div', { class: 'areas-summary', 'data-testid': 'areas-summary', 'aria-live': 'polite' }),
      h('fieldset', { class: 'naming' }, h('legend', {}, s.naming), namingRadios),
      h('div', { class: 'field' }, h('label', { for: 'lang-select' }, s.language), lang),
      h('div', { class: 'actions' }, copy, sources, ...(this.opts.actions?.() ?? [])),
      status,
    );
  }

  private syncControls(state: AppState): void {
    for (const id of LINE_IDS) {
      const box = this.controls.querySelector<HTMLInputElement>(`[data-testid="line-toggle:${id}"]`);
      if (box) box.checked = state.lines[id];
    }
    const equalArea = this.controls.querySelector<HTMLElement>('[data-testid="equal-area-note"]');
    if (equalArea) equalArea.hidden = !state.lines['equal-area-split'];
    const areas = this.controls.querySelector<HTMLSelectElement>('[data-testid="areas-select"]');
    if (areas) {
      areas.value = state.areas ?? 'none';
      // While comparing, each side shows its own scenario's areas (compare.ts).
      areas.disabled = state.compare !== null;
    }
    for (const naming of NAMINGS) {
      const radio = this.controls.querySelector<HTMLInputElement>(`[data-testid="naming:${naming}"]`);
      if (radio) radio.checked = state.naming === naming;
    }
    const lang = this.controls.querySelector<HTMLSelectElement>('[data-testid="lang-select"]');
    if (lang) lang.value = state.lang;
  }

  private async renderAreas(state: AppState): Promise<void> {
    const box = this.controls.querySelector<HTMLElement>('[data-testid="areas-summary"]');
    if (!box) return;
    const id = state.areas;
    if (!id) {
      box.replaceChildren();
      return;
    }
    const s = t(state.lang);
    let land: { japan: number; russia: number } | null = null;
    try {
      land = (await this.opts.docs.scenario(id))?.land_km2 ?? null;
    } catch {
      land = null;
    }
    if (this.state?.areas !== id) return;
    const row = (side: 'japan' | 'russia') =>
      h(
        'li',
        {},
        fillSwatch(this.opts.map, claimLayer(id, side)),
        h('span', {}, `${s[side]}${land ? `: ${withUnit(land[side], state.lang, 'km2')}` : ''}`),
      );
    box.replaceChildren(h('ul', { class: 'plain' }, row('japan'), row('russia')), h('p', { class: 'note' }, `${s.areasNote} (${s.line[id]})`));
  }

  private async renderPanel(state: AppState, focus: boolean): Promise<void> {
    const token = ++this.panelToken;
    const sel = state.selected;
    const s = t(state.lang);
    // During the straits tour its own panel describes the selected strait.
    if (!sel || (state.tour === 'straits' && sel.kind === 'strait')) {
      this.panel.hidden = true;
      this.panel.replaceChildren();
      return;
    }
    const close = h('button', { type: 'button', class: 'close', 'data-testid': 'panel-close', 'aria-label': s.close }, '×');
    on(close, 'click', () => this.select(null));
    const show = (title: string, ...body: (Node | null)[]) => {
      if (token !== this.panelToken) return;
      const heading = h('h2', { id: 'panel-title', tabindex: '-1' }, title);
      this.panel.replaceChildren(h('div', { class: 'panel-head' }, heading, close), ...body.filter((b): b is Node => b !== null));
      this.panel.hidden = false;
      this.panel.dataset.kind = sel.kind;
      this.panel.dataset.id = sel.id;
      if (focus) heading.focus();
    };
    this.panel.dataset.loading = '1';
    try {
      switch (sel.kind) {
        case 'line':
          await this.linePanel(sel.id as LineId, state, show);
          break;
        case 'island':
          await this.islandPanel(sel.id, state, show);
          break;
        case 'strait':
          await this.straitPanel(sel.id, state, show);
          break;
        case 'about':
          await this.aboutPanel(state, show);
          break;
      }
    } catch (err) {
      show(s.notFound, h('p', {}, String(err instanceof Error ? err.message : err)));
    } finally {
      if (token === this.panelToken) delete this.panel.dataset.loading;
    }
  }

  private async linePanel(id: LineId, state: AppState, show: (title: string, ...body: (Node | null)[]) => void) {
    const s = t(state.lang);
    const doc = (await this.opts.docs.lines()).find((l) => l.id === id);
    if (!doc) return show(s.notFound);
    show(
      s.line[id],
      h('p', { class: 'subtitle' }, doc.title),
      h('dl', {}, h('dt', {}, s.positionOf), h('dd', {}, doc.position_of)),
      h('p', {}, doc.summary),
      h('h3', {}, s.dates),
      h(
        'ul',
        { class: 'dates' },
        doc.dates.map((d) =>
          h(
            'li',
            {},
            h('time', { datetime: d.date }, d.date),
            ' ',
            h('span', {}, d.event),
            d.sources.length ? sourceList(d.sources) : null,
          ),
        ),
      ),
      h('h3', {}, s.method),
      h('p', {}, doc.method),
      h('h3', {}, s.sources),
      sourceList(doc.sources),
    );
  }

  private async islandPanel(id: string, state: AppState, show: (title: string, ...body: (Node | null)[]) => void) {
    const s = t(state.lang);
    show(s.loading);
    const island = await this.opts.docs.island(id);
    if (!island) return show(s.notFound);
    const scope = (sc: string) => (sc === 'with-islets' ? s.withIslets : sc === 'main-island' ? s.mainIsland : sc);
    const computed = island.computed_area_km2;
    show(
      displayName(island.names, state.naming, state.lang),
      h('p', { class: 'subtitle' }, otherNames(island.names)),
      h('h3', {}, s.area),
      computed
        ? h(
            'dl',
            {},
            h('dt', {}, s.computedArea),
            h(
              'dd',
              {},
              [
                s.withNote(withUnit(computed.main_island, state.lang, 'km2', 2), s.mainIsland),
                s.withNote(withUnit(computed.with_islets, state.lang, 'km2', 2), s.withIslets),
              ].join(s.figureJoin),
            ),
            h('dd', { class: 'note' }, computed.method),
          )
        : null,
      island.official_areas.length
        ? h(
            'div',
            {},
            h('h4', {}, s.officialAreas),
            h(
              'ul',
              { class: 'areas' },
              island.official_areas.map((a) =>
                h('li', {}, `${s.withNote(withUnit(a.km2, state.lang, 'km2', 2), scope(a.scope))} — `, h('span', {}, a.by), sourceList(a.sources)),
              ),
            ),
          )
        : null,
      h('h3', {}, s.underEachLine),
      h(
        'dl',
        { class: 'holders' },
        LINE_IDS.flatMap((line) => {
          const side = island.holders[line];
          return side ? [h('dt', {}, s.line[line]), h('dd', {}, s[side])] : [];
        }),
      ),
      h('h3', {}, s.sources),
      sourceList(island.sources),
    );
  }

  private async straitPanel(id: string, state: AppState, show: (title: string, ...body: (Node | null)[]) => void) {
    const s = t(state.lang);
    show(s.loading);
    const strait = await this.opts.docs.strait(id);
    if (!strait) return show(s.notFound);
    show(
      displayName(strait.names, state.naming, state.lang),
      h('p', { class: 'subtitle' }, otherNames(strait.names)),
      strait.width
        ? h(
            'dl',
            {},
            h('dt', {}, s.minWidth),
            h('dd', { 'data-testid': 'strait-width' }, withUnit(strait.width.km, state.lang, 'km', 2)),
            h('dd', { class: 'note' }, strait.width.method),
          )
        : null,
      strait.notes.length
        ? h(
            'div',
            {},
            h('h3', {}, s.notes),
            h('ul', {}, strait.notes.map((n) => h('li', {}, h('span', {}, n.text), sourceList(n.sources)))),
          )
        : null,
      h('h3', {}, s.sources),
      sourceList(strait.sources),
    );
  }

  private async aboutPanel(state: AppState, show: (title: string, ...body: (Node | null)[]) => void) {
    const s = t(state.lang);
    const lines = await this.opts.docs.lines();
    const cited = new Map<string, Source>();
    for (const doc of lines) {
      for (const src of doc.sources) cited.set(src.id, src);
      for (const d of doc.dates) for (const src of d.sources) cited.set(src.id, src);
    }
    show(
      s.sourcesAndLicences,
      h('h3', {}, s.dataLicences),
      h(
        'ul',
        { class: 'sources' },
        DATA_LICENCES.map((k) =>
          h('li', {}, h('a', { href: DATA_LICENCE_URLS[k], target: '_blank', rel: 'noopener noreferrer' }, s.dataLicence[k][0]), ` — ${s.dataLicence[k][1]}`),
        ),
      ),
      h('h3', {}, s.documentSources),
      sourceList([...cited.values()].sort((a, b) => a.title.localeCompare(b.title))),
    );
  }
}
