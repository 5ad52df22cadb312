// The text description of what the map shows, for screen readers: which lines, and which of the disputed
// islands each visible line puts on which side. Pure (unit-tested).
import { t } from './i18n';
import { displayName, type Names } from './naming';
import { ALL_LINE_IDS, lineVisible, type AnyLineId, type AppState } from './state';

export type Side = 'japan' | 'russia';

export interface IslandInfo {
  id: string;
  names: Names;
  /** `four-islands`, `habomai`, … */
  group: string;
  holders: Partial<Record<AnyLineId, Side>>;
}

/** The tile attribute that says who holds an island under a line's scenario. */
export function holderProperty(line: AnyLineId): string {
  return `holder_${line.replace(/-/g, '_')}`;
}

/** Reads an island from the properties of an `island_labels` (or `islands`) tile feature. */
export function islandFromTile(p: Record<string, unknown>): IslandInfo | null {
  if (typeof p.id !== 'string' || typeof p.name !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const holders: Partial<Record<AnyLineId, Side>> = {};
  for (const line of ALL_LINE_IDS) {
    const h = p[holderProperty(line)];
    if (h === 'japan' || h === 'russia') holders[line] = h;
  }
  return {
    id: p.id,
    names: {
      en: p.name,
      ja: str(p.name_ja),
      ja_latn: str(p.name_ja_latn),
      ru: str(p.name_ru),
      ru_latn: str(p.name_ru_latn),
      both_ja: str(p.name_both_ja),
      both_ru: str(p.name_both_ru),
    },
    group: typeof p.group === 'string' ? p.group : '',
    holders,
  };
}

const ORDER = ['iturup', 'kunashir', 'shikotan'];

/** Island names for a sentence: the main islands by name (in a fixed order), the Habomai islets as one group. */
function islandList(islands: IslandInfo[], state: AppState): string {
  const s = t(state.lang);
  const sorted = [...islands].sort((a, b) => {
    const ia = ORDER.indexOf(a.id);
    const ib = ORDER.indexOf(b.id);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.id.localeCompare(b.id);
  });
  const parts: string[] = [];
  let habomai = false;
  for (const island of sorted) {
    if (island.group === 'habomai') {
      if (!habomai) parts.push(s.habomai);
      habomai = true;
    } else {
      parts.push(displayName(island.names, state.naming, state.lang));
    }
  }
  return parts.length ? parts.join(s.listJoin) : s.none;
}

/**
 * Sentences describing the map for a state, given the disputed islands known so far (from the tiles).
 * One sentence per visible line says which islands it gives to which side.
 */
export function describeMap(state: AppState, disputed: IslandInfo[]): string[] {
  const s = t(state.lang);
  const visible: AnyLineId[] = ALL_LINE_IDS.filter((id) => lineVisible(state, id));
  const out: string[] = [];
  if (visible.length === 0) out.push(s.noLines);
  else out.push(s.mapShows(visible.map((id) => s.line[id]).join(s.listJoin)));
  const scenarios = [...visible];
  if (state.areas && !scenarios.includes(state.areas)) scenarios.push(state.areas);
  if (disputed.length > 0) {
    for (const id of scenarios) {
      const japan = disputed.filter((i) => i.holders[id] === 'japan');
      const russia = disputed.filter((i) => i.holders[id] === 'russia');
      out.push(s.holds(s.line[id], islandList(japan, state), islandList(russia, state)));
      // An island with no single holder is divided by the line (Iturup under the equal-area split).
      const divided = disputed.filter((i) => i.holders[id] === undefined);
      if (divided.length > 0) out.push(s.divided(islandList(divided, state)));
    }
  }
  if (state.areas) out.push(s.areasNow(s.line[state.areas]));
  return out;
}
