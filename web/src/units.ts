// Units as each language writes them: "km", "km²", "m" and nautical miles in English and Japanese (海里, with no
// space after the number), and
// "км", "км²", "м" and "мор. миля/мили/миль" in Russian (the plural form the number takes). Numbers in the reader's
// own format (Intl).
import type { Lang } from './state';

const UNITS: Record<Lang, { km: string; km2: string; m: string; nmi: string }> = {
  en: { km: 'km', km2: 'km²', m: 'm', nmi: 'nmi' },
  ja: { km: 'km', km2: 'km²', m: 'm', nmi: '海里' },
  ru: { km: 'км', km2: 'км²', m: 'м', nmi: 'мор. миль' },
};

export function unit(lang: Lang, u: 'km' | 'km2' | 'm' | 'nmi'): string {
  return UNITS[lang][u];
}

/** Russian plural forms: `forms` are [one, few, many] ("точка", "точки", "точек"); a fraction takes "few". */
export function ruPlural(n: number, forms: readonly [string, string, string], fractionDigits = 0): string {
  const category = new Intl.PluralRules('ru', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).select(n);
  if (category === 'one') return forms[0];
  if (category === 'few' || category === 'other') return forms[1];
  return forms[2];
}

const RU_NMI: readonly [string, string, string] = ['мор. миля', 'мор. мили', 'мор. миль'];

/** A number with at most `digits` decimals (exactly `digits` with `fixed`), then the unit, as `lang` writes it. */
export function withUnit(value: number, lang: Lang, u: 'km' | 'km2' | 'm' | 'nmi', digits = 0, fixed = false): string {
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 }).format(value);
  if (lang === 'ru' && u === 'nmi') {
    // The form follows the number as written: 1 миля, 2 мили, 5 миль, 1,924 мили.
    const shown = Number(value.toFixed(digits));
    const decimals = fixed ? digits : (String(shown).split('.')[1]?.length ?? 0);
    return `${n} ${ruPlural(shown, RU_NMI, decimals)}`;
  }
  // Japanese writes 海里 straight after the number, as its counters (6.666海里, 12海里); km, km² and m keep the space.
  if (lang === 'ja' && u === 'nmi') return `${n}${unit(lang, u)}`;
  return `${n} ${unit(lang, u)}`;
}
