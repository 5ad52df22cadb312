// The analyst tools' names and the equal-area note, in English, Japanese and Russian: what the first view shows of
// the tools (the bar's buttons, tool-bar.ts; the note beside the equal-area toggle, ui.ts). The rest of the tools'
// strings (tools-i18n.ts) come with the tools, on demand.
import type { Lang } from './state';

export interface ToolNames {
  tools: string;
  compare: string;
  stats: string;
  downloads: string;
  overlay: string;
  measure: string;
  /** Beside the equal-area split toggle (ui.ts). */
  equalAreaNote: string;
}

export const TOOL_NAMES: Record<Lang, ToolNames> = {
  en: {
    tools: 'Analyst tools',
    compare: 'Compare',
    stats: 'Statistics',
    downloads: 'Downloads',
    overlay: 'Your file',
    measure: 'Measure',
    equalAreaNote:
      'Equal-area split: an idea mentioned in 2006 by Japan’s foreign minister, adopted by neither government (see Details). The cut across Iturup is computed so that each side holds half of the four islands’ land.',
  },
  ja: {
    tools: '分析ツール',
    compare: '比較',
    stats: '統計',
    downloads: 'ダウンロード',
    overlay: '手元のファイル',
    measure: '距離計測',
    equalAreaNote:
      '面積等分案：2006年に日本の外務大臣が言及した考えで、どちらの政府も採用していません（「詳細」を参照）。択捉島を横切る線は、各側が4島の陸地の半分を持つように計算したものです。',
  },
  ru: {
    tools: 'Инструменты анализа',
    compare: 'Сравнение',
    stats: 'Статистика',
    downloads: 'Скачать',
    overlay: 'Свой файл',
    measure: 'Измерение',
    equalAreaNote:
      'Раздел поровну по площади: идея, высказанная министром иностранных дел Японии в 2006 году; ни одно правительство её не приняло (см. «Подробнее»). Линия через Итуруп рассчитана так, чтобы каждой стороне досталась половина суши четырёх островов.',
  },
};

export function toolNames(lang: Lang): ToolNames {
  return TOOL_NAMES[lang];
}
