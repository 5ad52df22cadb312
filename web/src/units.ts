// Units as each language writes them: "km", "km²", "m" and nautical miles in English and Japanese (海里), and
// "км", "км²", "м", "мор. миль" in Russian. Numbers in the reader's own format (Intl).
import type { Lang } from './state';

const UNITS: Record<Lang, { km: string; km2: string; m: string; nmi: string }> = {
  en: { km: 'km', km2: 'km²', m: 'm', nmi: 'nmi' },
  ja: { km: 'km', km2: 'km²', m: 'm', nmi: '海里' },
  ru: { km: 'км', km2: 'км²', m: 'м', nmi: 'мор. миль' },
};

export function unit(lang: Lang, u: 'km' | 'km2' | 'm' | 'nmi'): string {
  return UNITS[lang][u];
}

/** A number with at most `digits` decimals (exactly `digits` with `fixed`), then the unit, as `lang` writes it. */
export function withUnit(value: number, lang: Lang, u: 'km' | 'km2' | 'm' | 'nmi', digits = 0, fixed = false): string {
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 }).format(value);
  return `${n} ${unit(lang, u)}`;
}
