// What a link asks of the guided views (timeline, straits tour), read from the hash and the state alone: the
// first view needs it to decide whether to load those views at once (they are loaded on demand otherwise).
import type { AppState } from './state';

/** True when a hash names a step but no view of its own: the step's map state is applied then. */
export function stepOnlyLink(hash: string): boolean {
  const keys = hash.replace(/^#/, '').split('&').map((p) => p.split('=')[0]);
  return keys.includes('step') && !keys.includes('map') && !keys.includes('lines');
}

/** True when a hash opens the tour without a camera of its own: the stop's camera is applied then. */
export function tourOnlyLink(hash: string): boolean {
  const keys = hash.replace(/^#/, '').split('&').map((p) => p.split('=')[0]);
  return keys.includes('tour') && !keys.includes('map');
}

/** The strait a state selects, if any. */
export const selectedStrait = (state: AppState): string | null => (state.selected?.kind === 'strait' ? state.selected.id : null);
