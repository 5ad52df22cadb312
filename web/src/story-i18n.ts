// Interface strings of the timeline, the straits tour and the embed controls, in English, Japanese and Russian
// (kept apart from i18n.ts so the guided views stay in their own files). Data texts come from the API in the
// reader's language.
import type { Lang } from './state';

export interface StoryStrings {
  timeline: string;
  timelineTitle: string;
  straitsTour: string;
  straitsTitle: string;
  previous: string;
  next: string;
  stepOf: (n: number, total: number) => string;
  stopOf: (n: number, total: number) => string;
  steps: string;
  stops: string;
  linesShown: string;
  noLinesShown: string;
  shaded: string;
  treaty: (scenario: string) => string;
  administered: (scenario: string) => string;
  japanSide: string;
  russiaSide: string;
  sources: string;
  linkToStep: string;
  computedWidth: string;
  depth: string;
  noDepth: string;
  claims: string;
  unavailable: string;
  embed: string;
  embedTitle: string;
  embedIntro: string;
  embedCode: string;
  embedHeightNote: string;
  staticImage: string;
  copy: string;
  copied: string;
  close: string;
  keysHint: string;
  /** The dock (layout.ts): the phone sheet's toggle, the wide screen's panel toggle. */
  showMore: string;
  showLess: string;
  hidePanel: string;
  showPanel: string;
  print: string;
  /**
   * The map's credits (MapLibre's attribution control), data first, as HTML fragments; shown as one text, since
   * MapLibre orders separate entries by length.
   */
  credits: string[];
}

const en: StoryStrings = {
  credits: [
    'Shorelines: GSHHG 2.3.7 © Wessel &amp; Smith (LGPL-3.0)',
    'Habomai islets: © OpenStreetMap contributors (ODbL 1.0)',
    'Land: Made with Natural Earth (public domain)',
    'Names and facts: see sources (CC BY-SA 4.0 where from Wikipedia)',
    'Font: Noto Sans (SIL OFL 1.1)',
    'MapLibre GL JS (BSD-3-Clause)',
  ],
  timeline: 'History timeline',
  timelineTitle: 'History timeline, 1855–2022',
  straitsTour: 'Straits explainer',
  straitsTitle: 'The straits',
  previous: 'Previous',
  next: 'Next',
  stepOf: (n, total) => `Step ${n} of ${total}`,
  stopOf: (n, total) => `Strait ${n} of ${total}`,
  steps: 'All steps',
  stops: 'All straits',
  linesShown: 'Lines on the map',
  noLinesShown: 'No line on the map for this step.',
  shaded: 'Shaded areas',
  treaty: (s) => `What the treaty assigned (${s})`,
  administered: (s) => `Administered (de facto), as drawn by ${s}; not a statement on either side's claim`,
  japanSide: 'Japan',
  russiaSide: 'Russia',
  sources: 'Sources',
  linkToStep: 'Link to this step',
  computedWidth: 'Narrowest width (computed by this map)',
  depth: 'Depth',
  noDepth: 'No sourced depth figure.',
  claims: 'Claims, as attributed',
  unavailable: 'Not available in this copy of the map.',
  embed: 'Embed',
  embedTitle: 'Embed this view',
  embedIntro: 'Paste this code into a web page. It shows a static image first and loads the interactive map on request.',
  embedCode: 'Embed code',
  embedHeightNote: 'The script resizes the frame to the embed’s height (optional).',
  staticImage: 'Static image (PNG)',
  copy: 'Copy code',
  copied: 'Copied',
  close: 'Close',
  keysHint: 'Left and right arrow keys move between steps (with the focus in this panel).',
  showMore: 'More',
  showLess: 'Less',
  hidePanel: 'Hide panel',
  showPanel: 'Show panel',
  print: 'Print',
};

const ja: StoryStrings = {
  credits: [
    '海岸線：GSHHG 2.3.7 © Wessel &amp; Smith（LGPL-3.0）',
    '歯舞群島の小島：© OpenStreetMap 貢献者（ODbL 1.0）',
    '陸地：Natural Earth（パブリックドメイン）',
    '地名と事実：出典を参照（ウィキペディア由来の部分はCC BY-SA 4.0）',
    'フォント：Noto Sans（SIL OFL 1.1）',
    'MapLibre GL JS（BSD-3-Clause）',
  ],
  timeline: '歴史年表',
  timelineTitle: '歴史年表（1855〜2022年）',
  straitsTour: '海峡の解説',
  straitsTitle: '海峡',
  previous: '前へ',
  next: '次へ',
  stepOf: (n, total) => `${n}／${total}`,
  stopOf: (n, total) => `海峡 ${n}／${total}`,
  steps: 'すべての項目',
  stops: 'すべての海峡',
  linesShown: '地図上の線',
  noLinesShown: 'この項目では線を表示しません。',
  shaded: '色分けした区域',
  treaty: (s) => `条約が定めた帰属：${s}`,
  administered: (s) => `実効支配の範囲（「${s}」の線で表示）。いずれの側の主張の当否を示すものでもありません。`,
  japanSide: '日本',
  russiaSide: 'ロシア',
  sources: '出典',
  linkToStep: 'この項目へのリンク',
  computedWidth: '最小幅（本地図による計算値）',
  depth: '水深',
  noDepth: '出典を確認できる水深データはありません。',
  claims: '主張（出典付き）',
  unavailable: 'この版の地図では利用できません。',
  embed: '埋め込み',
  embedTitle: 'この表示を埋め込む',
  embedIntro: 'このコードをウェブページに貼り付けてください。最初に静止画像を表示し、ボタンを押すと操作できる地図を読み込みます。',
  embedCode: '埋め込みコード',
  embedHeightNote: 'スクリプト（任意）を入れると、枠の高さが埋め込み内容に合わせて自動調整されます。',
  staticImage: '静止画像（PNG）',
  copy: 'コードをコピー',
  copied: 'コピーしました',
  close: '閉じる',
  keysHint: 'このパネルにフォーカスがあるとき、左右の矢印キーで項目を移動できます。',
  showMore: '展開する',
  showLess: '折りたたむ',
  hidePanel: 'パネルを隠す',
  showPanel: 'パネルを表示',
  print: '印刷',
};

const ru: StoryStrings = {
  credits: [
    'Береговые линии: GSHHG 2.3.7 © Wessel &amp; Smith (LGPL-3.0)',
    'Островки Хабомаи: © участники OpenStreetMap (ODbL 1.0)',
    'Суша: Natural Earth (общественное достояние)',
    'Названия и факты: см. источники (CC BY-SA 4.0 для сведений из Википедии)',
    'Шрифт: Noto Sans (SIL OFL 1.1)',
    'MapLibre GL JS (BSD-3-Clause)',
  ],
  timeline: 'Хронология',
  timelineTitle: 'Хронология: 1855–2022 гг.',
  straitsTour: 'О проливах',
  straitsTitle: 'Проливы',
  previous: 'Назад',
  next: 'Далее',
  stepOf: (n, total) => `Шаг ${n} из ${total}`,
  stopOf: (n, total) => `Пролив ${n} из ${total}`,
  steps: 'Все шаги',
  stops: 'Все проливы',
  linesShown: 'Линии на карте',
  noLinesShown: 'На этом шаге линии не показаны.',
  shaded: 'Закрашенные районы',
  treaty: (s) => `Что договор отнёс каждой стороне (${s})`,
  administered: (s) => `Фактическое управление (по линии «${s}»). Это не оценка позиции ни одной из сторон.`,
  japanSide: 'Япония',
  russiaSide: 'Россия',
  sources: 'Источники',
  linkToStep: 'Ссылка на этот шаг',
  computedWidth: 'Наименьшая ширина (по расчёту этой карты)',
  depth: 'Глубина',
  noDepth: 'Нет данных о глубине с указанием источника.',
  claims: 'Утверждения (с указанием источника)',
  unavailable: 'Недоступно в этой копии карты.',
  embed: 'Встроить',
  embedTitle: 'Встроить этот вид',
  embedIntro: 'Вставьте этот код в веб-страницу. Сначала показывается статическое изображение, интерактивная карта загружается по нажатию кнопки.',
  embedCode: 'Код для встраивания',
  embedHeightNote: 'Необязательный скрипт подгоняет высоту фрейма под содержимое.',
  staticImage: 'Статическое изображение (PNG)',
  copy: 'Копировать код',
  copied: 'Скопировано',
  close: 'Закрыть',
  keysHint: 'Когда фокус находится в этой панели, клавиши со стрелками влево и вправо переключают шаги.',
  showMore: 'Развернуть',
  showLess: 'Свернуть',
  hidePanel: 'Скрыть панель',
  showPanel: 'Показать панель',
  print: 'Печать',
};

const STRINGS: Record<Lang, StoryStrings> = { en, ja, ru };

export function st(lang: Lang): StoryStrings {
  return STRINGS[lang];
}
