// The whole state of the app as data, and its URL-hash form. Pure: no DOM, no map (unit-tested in test/).
//
//   #map=6/44.3/146.5&lines=soviet,japanese&areas=none&naming=both&lang=en&sel=island:iturup
//
// `map` is zoom/lat/lng, with /bearing/pitch appended when either is not 0. decodeState never throws: anything
// it cannot read falls back to the default for that field.

// 'equal-area-split' is off by default: a hash without it (every permalink made before it existed) decodes as before.
export const LINE_IDS = ['soviet', 'japanese', 'two-island-1956', 'equal-area-split'] as const;
export type LineId = (typeof LINE_IDS)[number];

/** Historical treaty lines (1855, 1875, 1905): hidden unless a timeline step or a link asks for them. */
export const HISTORICAL_LINE_IDS = ['shimoda-1855', 'saint-petersburg-1875', 'portsmouth-1905'] as const;
export type HistoricalLineId = (typeof HISTORICAL_LINE_IDS)[number];
/** Every line the `lines` field of a link may name. */
export const ALL_LINE_IDS = [...LINE_IDS, ...HISTORICAL_LINE_IDS] as const;
export type AnyLineId = LineId | HistoricalLineId;

/** Guided views with a link of their own (`tour=straits`); the timeline is `step=<id>`. */
export const TOURS = ['straits'] as const;
export type Tour = (typeof TOURS)[number];

export const NAMINGS = ['both', 'ja', 'ru'] as const;
export type Naming = (typeof NAMINGS)[number];

export const LANGS = ['en', 'ja', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

/** What a panel can show: a line, an island, a strait, or the list of sources. */
export const SELECTION_KINDS = ['line', 'island', 'strait', 'about'] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];

export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface Selection {
  kind: SelectionKind;
  id: string;
}

export interface AppState {
  camera: Camera;
  lines: Record<LineId, boolean>;
  /** Historical lines shown (written into `lines` after the others). */
  historical: Record<HistoricalLineId, boolean>;
  /** The scenario whose areas (each side's land and sea) are shown, or null for none. */
  areas: AnyLineId | null;
  naming: Naming;
  lang: Lang;
  selected: Selection | null;
  /** Two scenarios side by side with a swipe divider (`compare=left,right`), or null. */
  compare: [LineId, LineId] | null;
  /** The timeline step shown (`step=<id>`; ids come from /api/timeline), or null when the timeline is closed. */
  step: string | null;
  /** The guided view that is open, if any. */
  tour: Tour | null;
}

export const DEFAULT_STATE: AppState = Object.freeze({
  camera: Object.freeze({ lng: 146.5, lat: 44.3, zoom: 6, bearing: 0, pitch: 0 }),
  lines: Object.freeze({ soviet: true, japanese: true, 'two-island-1956': true, 'equal-area-split': false }),
  historical: Object.freeze({ 'shimoda-1855': false, 'saint-petersburg-1875': false, 'portsmouth-1905': false }),
  areas: null,
  naming: 'both',
  lang: 'en',
  selected: null,
  compare: null,
  step: null,
  tour: null,
}) as AppState;

/** A deep copy of `state` (states are small plain objects). */
export function cloneState(state: AppState): AppState {
  return {
    camera: { ...state.camera },
    lines: { ...state.lines },
    historical: { ...state.historical },
    areas: state.areas,
    naming: state.naming,
    lang: state.lang,
    selected: state.selected ? { ...state.selected } : null,
    compare: state.compare ? [state.compare[0], state.compare[1]] : null,
    step: state.step,
    tour: state.tour,
  };
}

/** Is a line (current or historical) shown? */
export function lineVisible(state: AppState, id: AnyLineId): boolean {
  return (isOneOf(HISTORICAL_LINE_IDS, id) ? state.historical[id] : state.lines[id as LineId]) === true;
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Feature ids in the data are lowercase ASCII words joined by hyphens. */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Rounds to `digits` decimals and drops trailing zeros ("44.30000" → "44.3", "-0" → "0"). */
function num(value: number, digits: number): string {
  const s = value.toFixed(digits).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** Normalises a longitude to [-180, 180). */
function wrapLng(lng: number): number {
  if (lng >= -180 && lng < 180) return lng; // exact: no float noise in the common case
  const w = ((((lng + 180) % 360) + 360) % 360) - 180;
  return Object.is(w, -0) ? 0 : w;
}

export function encodeCamera(c: Camera): string {
  // 5 decimals of a degree is about a metre; 3 of a zoom level well below a pixel: a permalink restores the view.
  const parts = [num(c.zoom, 3), num(c.lat, 5), num(wrapLng(c.lng), 5)];
  if (c.bearing !== 0 || c.pitch !== 0) parts.push(num(c.bearing, 1), num(c.pitch, 1));
  return parts.join('/');
}

/** The URL hash (with the leading '#') for a state. Keys in a fixed order, every field written. */
export function encodeState(state: AppState): string {
  const lines = ALL_LINE_IDS.filter((id) => lineVisible(state, id));
  const params: [string, string][] = [
    ['map', encodeCamera(state.camera)],
    ['lines', lines.length ? lines.join(',') : 'none'],
    ['areas', state.areas ?? 'none'],
    ['naming', state.naming],
    ['lang', state.lang],
  ];
  if (state.selected) params.push(['sel', `${state.selected.kind}:${state.selected.id}`]);
  if (state.compare) params.push(['compare', state.compare.join(',')]);
  if (state.step) params.push(['step', state.step]);
  if (state.tour) params.push(['tour', state.tour]);
  // Only our own vocabulary goes in here, so no escaping is needed beyond what encodeURIComponent keeps.
  return '#' + params.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':')}`).join('&');
}

function finite(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function decodeCamera(value: string | undefined, fallback: Camera): Camera {
  if (value === undefined) return { ...fallback };
  const parts = value.split('/');
  if (parts.length !== 3 && parts.length !== 5) return { ...fallback };
  const [zoom, lat, lng, bearing, pitch] = parts.map(finite);
  if (zoom == null || lat == null || lng == null) return { ...fallback };
  if (zoom < 0 || zoom > 24 || lat < -85.06 || lat > 85.06 || lng < -540 || lng > 540) return { ...fallback };
  const camera: Camera = { zoom, lat, lng: wrapLng(lng), bearing: 0, pitch: 0 };
  if (parts.length === 5) {
    if (bearing == null || pitch == null || pitch < 0 || pitch > 85) return { ...fallback };
    let b = ((((bearing + 180) % 360) + 360) % 360) - 180;
    if (Object.is(b, -0)) b = 0;
    camera.bearing = b;
    camera.pitch = pitch;
  }
  return camera;
}

/**
 * The state a URL hash (or query string) describes; each missing or invalid field takes its value from
 * `defaults`. Never throws.
 */
export function decodeState(input: string | null | undefined, defaults: AppState = DEFAULT_STATE): AppState {
  const state = cloneState(defaults);
  if (typeof input !== 'string') return state;
  const text = input.replace(/^[#?]/, '');
  const params = new Map<string, string>();
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    let value = eq < 0 ? '' : part.slice(eq + 1);
    try {
      value = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      continue; // malformed escape: ignore this field
    }
    if (!params.has(key)) params.set(key, value);
  }

  state.camera = decodeCamera(params.get('map'), defaults.camera);

  const lines = params.get('lines');
  if (lines !== undefined) {
    const ids = lines === 'none' || lines === '' ? [] : lines.split(',');
    if (ids.every((id) => isOneOf(ALL_LINE_IDS, id))) {
      for (const id of LINE_IDS) state.lines[id] = ids.includes(id);
      for (const id of HISTORICAL_LINE_IDS) state.historical[id] = ids.includes(id);
    }
  }

  const areas = params.get('areas');
  if (areas === 'none') state.areas = null;
  else if (isOneOf(ALL_LINE_IDS, areas)) state.areas = areas;

  const naming = params.get('naming');
  if (isOneOf(NAMINGS, naming)) state.naming = naming;

  const lang = params.get('lang');
  if (isOneOf(LANGS, lang)) state.lang = lang;

  const sel = params.get('sel');
  if (sel !== undefined) {
    const colon = sel.indexOf(':');
    const kind = colon < 0 ? '' : sel.slice(0, colon);
    const id = colon < 0 ? '' : sel.slice(colon + 1);
    if (isOneOf(SELECTION_KINDS, kind) && ID.test(id) && (kind !== 'line' || isOneOf(LINE_IDS, id))) {
      state.selected = { kind, id };
    } else if (sel === '' || sel === 'none') {
      state.selected = null;
    }
  }

  // Two different scenarios, or nothing; anything else leaves the default.
  const compare = params.get('compare');
  if (compare === 'none' || compare === '') state.compare = null;
  else if (compare !== undefined) {
    const pair = compare.split(',');
    const [left, right] = pair;
    if (pair.length === 2 && isOneOf(LINE_IDS, left) && isOneOf(LINE_IDS, right) && left !== right) state.compare = [left, right];
  }

  const step = params.get('step');
  if (step !== undefined) state.step = ID.test(step) ? step : null;

  const tour = params.get('tour');
  if (tour === 'none' || tour === '') state.tour = null;
  else if (isOneOf(TOURS, tour)) state.tour = tour;
  return state;
}

/** The first of the user's languages that the interface speaks, else English. */
export function preferredLang(languages: readonly string[] | undefined): Lang {
  for (const tag of languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isOneOf(LANGS, base)) return base;
  }
  return 'en';
}

/** True when two states are the same (the camera compared at the precision of the URL). */
export function sameState(a: AppState, b: AppState): boolean {
  return encodeState(a) === encodeState(b);
}
