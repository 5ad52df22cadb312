// What each side of a comparison shows, from the state alone: the page's own map needs it from the first view,
// the comparison itself (compare.ts, with its second map) is loaded on demand.
import { HISTORICAL_LINE_IDS, LINE_IDS, cloneState, type AppState } from './state';

/**
 * The state one side of the comparison shows: its scenario's areas and its line only, whatever the toggles say
 * (the other lines on both sides would blur what is compared).
 */
export function sideState(state: AppState, side: 0 | 1): AppState {
  if (!state.compare) return state;
  const id = state.compare[side];
  const next = cloneState(state);
  next.areas = id;
  for (const line of LINE_IDS) next.lines[line] = line === id;
  for (const line of HISTORICAL_LINE_IDS) next.historical[line] = false;
  return next;
}

/** What the page's own map shows: the left side while comparing, else the state itself. */
export function mainMapState(state: AppState): AppState {
  return state.compare ? sideState(state, 0) : state;
}
