// Whose names the map shows. Pure (unit-tested): the label expression for the style and the same choice for
// names shown in the page.
import type { Lang, Naming } from './state';

/** The symbol layers whose text follows the naming choice. */
export const LABEL_LAYERS = ['island-labels', 'place-labels', 'strait-labels'] as const;

/** Which tile attribute carries the name for a naming choice in a given interface language. */
export function nameProperty(naming: Naming, lang: Lang): string {
  switch (naming) {
    case 'both':
      // Both names in the reader's script: 択捉島（Итуруп） in Japanese, Итуруп (Эторофу) in Russian.
      return lang === 'en' ? 'name' : `name_both_${lang}`;
    case 'ja':
      // Japanese script for Japanese readers, otherwise its romanisation.
      return lang === 'ja' ? 'name_ja' : 'name_ja_latn';
    case 'ru':
      return lang === 'ru' ? 'name_ru' : 'name_ru_latn';
  }
}

/** The `text-field` expression for the label layers: the chosen name, else the English display form. */
export function textField(naming: Naming, lang: Lang): unknown[] {
  const prop = nameProperty(naming, lang);
  return prop === 'name' ? ['get', 'name'] : ['coalesce', ['get', prop], ['get', 'name']];
}

/** The names of a feature as the GeoJSON API writes them. */
export interface Names {
  en: string;
  ja?: string | null;
  ja_latn?: string | null;
  ru?: string | null;
  ru_latn?: string | null;
  /** Both names as the Japanese and the Russian interface write them (computed by the server). */
  both_ja?: string | null;
  both_ru?: string | null;
}

/** The name to show in the page for a feature, by the same rule as the map labels. */
export function displayName(names: Names, naming: Naming, lang: Lang): string {
  const key = nameProperty(naming, lang);
  const byKey: Record<string, string | null | undefined> = {
    name: names.en,
    name_ja: names.ja,
    name_ja_latn: names.ja_latn,
    name_ru: names.ru,
    name_ru_latn: names.ru_latn,
    name_both_ja: names.both_ja,
    name_both_ru: names.both_ru,
  };
  return byKey[key] || names.en;
}
