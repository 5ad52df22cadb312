// The documents behind the panels, from the live API or from the static export's files. URLs are relative to
// the page, so the same build works at the server root and in an export folder. Which of the two the page is
// in is read from the style: the export's vector source is a pmtiles:// archive.
import type { Names } from './naming';
import type { Lang, LineId } from './state';

export interface Source {
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  /** A full bibliographic reference (treaty series volume and page), where the data has one. */
  citation?: string;
}

export interface DatedEvent {
  date: string;
  event: string;
  sources: Source[];
}

export interface LineDoc {
  id: LineId;
  title: string;
  position_of: string;
  summary: string;
  dates: DatedEvent[];
  method: string;
  sources: Source[];
}

export interface ScenarioDoc extends LineDoc {
  holders: { japan: string[]; russia: string[] };
  land_km2: { japan: number; russia: number };
  land_km2_note?: string;
  /** Sea per side inside the analysis window (the server's maritime statistics; docs/geometry.md). */
  territorial_sea_km2?: { japan: number; russia: number };
  eez_km2?: { japan: number; russia: number };
  beyond_200nm_km2?: { japan: number; russia: number };
  sea_km2?: { japan: number; russia: number };
  sea_method?: string;
  window_sea_km2?: number;
  window_land_km2?: { japan: number; russia: number };
  /** The equal-area split's cut across an island. */
  split?: { island: string; japan_end: string; japan_km2: number; russia_km2: number; method: string };
}

export interface OfficialArea {
  by: string;
  km2: number;
  scope: string;
  sources: Source[];
}

export interface IslandProps {
  id: string;
  names: Names;
  group: string;
  disputed: boolean;
  holders: Partial<Record<LineId, 'japan' | 'russia'>>;
  computed_area_km2: { main_island: number; with_islets: number; method: string } | null;
  official_areas: OfficialArea[];
  sources: Source[];
}

export interface StraitProps {
  id: string;
  names: Names;
  notes: { text: string; sources: Source[] }[];
  sources: Source[];
  width: { km: number; method: string; from: [number, number]; to: [number, number] } | null;
}

interface FeatureCollection<P> {
  features: { properties: P }[];
}

export type DataMode = 'server' | 'static';

/** 'static' when the style's vector source is a PMTiles archive (the export), else 'server'. */
export function dataModeOfStyle(style: { sources?: Record<string, unknown> }): DataMode {
  for (const source of Object.values(style.sources ?? {})) {
    const url = (source as { url?: unknown }).url;
    if (typeof url === 'string' && url.startsWith('pmtiles://')) return 'static';
  }
  return 'server';
}

/**
 * The relative URL of a document in either mode (see crates/kuril-server/src/export.rs for the file names). The
 * documents with texts (lines, scenarios, and the extras such as the timeline) come in the reader's language:
 * `?lang=` from the server, `<name>.<lang>.json` in the export; English is the plain form.
 */
export function documentPath(doc: 'lines' | 'scenarios' | 'islands' | 'straits', mode: DataMode, lang: Lang = 'en'): string {
  switch (doc) {
    case 'lines':
    case 'scenarios':
      return textsPath(`api/${doc}`, mode, lang);
    case 'islands':
    case 'straits':
      return textsPath(`api/${doc}`, mode, lang, 'geojson');
  }
}

/**
 * A document with texts, in `lang`: the server's `path?lang=`, the export's `path.<lang>.json`. GeoJSON documents
 * have their extension in the server's path too (`api/islands.geojson?lang=ja`, `api/islands.ja.geojson`).
 */
export function textsPath(path: string, mode: DataMode, lang: Lang, ext: 'json' | 'geojson' = 'json'): string {
  if (mode === 'static') return lang === 'en' ? `${path}.${ext}` : `${path}.${lang}.${ext}`;
  const served = ext === 'geojson' ? `${path}.geojson` : path;
  return lang === 'en' ? served : `${served}?lang=${lang}`;
}

async function getJson<T>(path: string): Promise<T> {
  const url = new URL(path, document.baseURI).href;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Loads each document once per language, on first use. */
export class Documents {
  private cache = new Map<string, Promise<unknown>>();
  /** The language of the documents with texts; set by the app when the reader changes it. */
  lang: Lang = 'en';

  constructor(private readonly mode: DataMode) {}

  private load<T>(doc: 'lines' | 'scenarios' | 'islands' | 'straits'): Promise<T> {
    const path = documentPath(doc, this.mode, this.lang);
    let p = this.cache.get(path) as Promise<T> | undefined;
    if (!p) {
      p = getJson<T>(path);
      // A failed load is retried next time rather than cached.
      p.catch(() => this.cache.delete(path));
      this.cache.set(path, p);
    }
    return p;
  }

  lines(): Promise<LineDoc[]> {
    return this.load<LineDoc[]>('lines');
  }

  private scenarioCache = new Map<string, Promise<ScenarioDoc | null>>();

  /**
   * One scenario (holders, land per side): `api/scenarios/{id}` from the server, which computes each scenario
   * on first use; the export's `api/scenarios.json` holds them all.
   */
  scenario(id: string): Promise<ScenarioDoc | null> {
    if (this.mode === 'static') return this.load<ScenarioDoc[]>('scenarios').then((all) => all.find((d) => d.id === id) ?? null);
    const path = textsPath(`api/scenarios/${encodeURIComponent(id)}`, this.mode, this.lang);
    let p = this.scenarioCache.get(path);
    if (!p) {
      p = getJson<ScenarioDoc>(path);
      p.catch(() => this.scenarioCache.delete(path));
      this.scenarioCache.set(path, p);
    }
    return p;
  }

  async island(id: string): Promise<IslandProps | null> {
    const fc = await this.load<FeatureCollection<IslandProps>>('islands');
    return fc.features.find((f) => f.properties.id === id)?.properties ?? null;
  }

  async strait(id: string): Promise<StraitProps | null> {
    const fc = await this.load<FeatureCollection<StraitProps>>('straits');
    return fc.features.find((f) => f.properties.id === id)?.properties ?? null;
  }

  private extraCache = new Map<string, Promise<unknown>>();

  /**
   * A document with texts beside the collections (e.g. `api/timeline`), in the current language: the static
   * export writes it as `<path>.json` and `<path>.<lang>.json`.
   */
  extra<T>(path: string): Promise<T | null> {
    const url = textsPath(path, this.mode, this.lang);
    let p = this.extraCache.get(url) as Promise<T> | undefined;
    if (!p) {
      p = getJson<T>(url);
      p.catch(() => this.extraCache.delete(url));
      this.extraCache.set(url, p);
    }
    return p;
  }

  /**
   * `extra` in the language current when it arrives: a document asked for in a language the reader has since
   * left is asked for again in the new one.
   */
  async extraInLang<T>(path: string): Promise<{ doc: T | null; lang: Lang }> {
    for (;;) {
      const lang = this.lang;
      const doc = await this.extra<T>(path);
      if (this.lang === lang) return { doc, lang };
    }
  }

  get dataMode(): DataMode {
    return this.mode;
  }
}
