// The scenario comparison table: for each scenario, land, territorial sea, EEZ-like zone and sea beyond 200 nm per
// side (from /api/scenarios/{id}, or the export's scenarios.json), each with its difference from a baseline
// scenario, and the method and simplifications stated next to the numbers. The arithmetic is pure (`rows`).
import type { ScenarioDoc } from './data';
import { h, on } from './dom';
import { t } from './i18n';
import { LINE_IDS, type Lang, type LineId } from './state';
import type { ToolStrings } from './tools-i18n';

export const METRICS = ['land_km2', 'territorial_sea_km2', 'eez_km2', 'beyond_200nm_km2'] as const;
export type Metric = (typeof METRICS)[number];
export const SIDES = ['japan', 'russia'] as const;
export type Side = (typeof SIDES)[number];

export interface Cell {
  metric: Metric;
  side: Side;
  /** km², null when the document lacks the figure. */
  value: number | null;
  /** value minus the baseline's value; null for the baseline itself or when either is missing. */
  delta: number | null;
}

export interface Row {
  id: LineId;
  cells: Cell[];
}

function figure(doc: ScenarioDoc | undefined, metric: Metric, side: Side): number | null {
  const v = (doc as unknown as Record<string, { japan?: unknown; russia?: unknown } | undefined> | undefined)?.[metric]?.[side];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** One row per scenario document (in LINE_IDS order), with differences from `baseline`. */
export function rows(docs: readonly ScenarioDoc[], baseline: LineId): Row[] {
  const base = docs.find((d) => d.id === baseline);
  return LINE_IDS.flatMap((id) => {
    const doc = docs.find((d) => d.id === id);
    if (!doc) return [];
    const cells = METRICS.flatMap((metric) =>
      SIDES.map((side): Cell => {
        const value = figure(doc, metric, side);
        const ref = figure(base, metric, side);
        const delta = id === baseline || value === null || ref === null ? null : value - ref;
        return { metric, side, value, delta };
      }),
    );
    return [{ id, cells }];
  });
}

const METRIC_LABEL: Record<Metric, keyof ToolStrings> = {
  land_km2: 'land',
  territorial_sea_km2: 'territorialSea',
  eez_km2: 'eez',
  beyond_200nm_km2: 'beyond',
};

/**
 * The table with its baseline chooser and the method notes. `lineName` and `sideName` give the interface's
 * names; `onBaseline` is called when the reader picks another baseline.
 */
export function comparisonPane(
  docs: readonly ScenarioDoc[],
  baseline: LineId,
  opts: { lang: Lang; s: ToolStrings; lineName: (id: LineId) => string; sideName: (side: Side) => string; onBaseline: (id: LineId) => void },
): HTMLElement[] {
  const { s, lang, lineName, sideName } = opts;
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(lang, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  const select = h(
    'select',
    { id: 'stats-baseline', 'data-testid': 'stats-baseline' },
    docs.map((d) => h('option', { value: d.id, selected: d.id === baseline }, lineName(d.id))),
  );
  on(select, 'change', () => opts.onBaseline(select.value as LineId));

  const head1 = h(
    'tr',
    {},
    h('th', { scope: 'col', rowspan: '2' }, s.scenario),
    METRICS.map((m) => h('th', { scope: 'colgroup', colspan: '2' }, s[METRIC_LABEL[m]] as string)),
  );
  const head2 = h('tr', {}, METRICS.flatMap(() => SIDES.map((side) => h('th', { scope: 'col' }, sideName(side)))));
  const body = rows(docs, baseline).map((row) =>
    h(
      'tr',
      { 'data-scenario': row.id },
      h('th', { scope: 'row' }, lineName(row.id)),
      row.cells.map((c) =>
        h(
          'td',
          {
            'data-testid': `stat:${row.id}:${c.metric}:${c.side}`,
            'data-value': c.value === null ? undefined : String(c.value),
          },
          h('span', { class: 'value' }, c.value === null ? '–' : fmt.format(c.value)),
          row.id === baseline
            ? h('span', { class: 'delta' }, s.isBaseline)
            : c.delta === null
              ? null
              : h('span', { class: 'delta', 'data-delta': String(c.delta) }, signed.format(c.delta)),
        ),
      ),
    ),
  );
  const table = h(
    'table',
    { class: 'stats', 'data-testid': 'stats-table' },
    h('caption', {}, t(lang).sentences(s.statsCaption, s.differenceNote)),
    h('colgroup', {}, h('col', {})),
    ...METRICS.map(() => h('colgroup', { span: '2' })),
    h('thead', {}, head1, head2),
    h('tbody', {}, body),
  );

  const first = docs[0];
  const notes: HTMLElement[] = [];
  if (first?.window_sea_km2 !== undefined) notes.push(h('p', {}, s.windowSea(fmt.format(first.window_sea_km2))));
  const methods = new Set<string>();
  for (const d of docs) {
    if (d.land_km2_note) methods.add(s.methodNote(s.land, d.land_km2_note));
    if (d.sea_method) methods.add(d.sea_method);
    if (d.split) methods.add(s.methodNote(lineName(d.id), d.split.method));
  }
  return [
    h('div', { class: 'field inline' }, h('label', { for: 'stats-baseline' }, s.baseline), select),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': s.statsCaption }, table),
    h(
      'div',
      { class: 'method', 'data-testid': 'stats-method' },
      h('h3', {}, s.methodHeading),
      ...notes,
      ...[...methods].map((m) => h('p', {}, m)),
    ),
  ];
}
