// Interface strings in English, Japanese and Russian. The data (summaries, events, notes, method texts) comes from
// the API in the reader's language; only citations keep the language of the source they cite.
import type { AnyLineId, Lang } from './state';

export interface Strings {
  title: string;
  controls: string;
  lines: string;
  line: Record<AnyLineId, string>;
  details: string;
  /** The label of the areas select. */
  areas: string;
  /** The sentence of the text description that says which scenario the shaded areas follow. */
  areasNow: (line: string) => string;
  areasNone: string;
  historical: string;
  japan: string;
  russia: string;
  areasNote: string;
  naming: string;
  namingBoth: string;
  namingJa: string;
  namingRu: string;
  language: string;
  copyLink: string;
  copied: string;
  copyFailed: string;
  close: string;
  sources: string;
  sourcesAndLicences: string;
  positionOf: string;
  dates: string;
  method: string;
  area: string;
  computedArea: string;
  officialAreas: string;
  mainIsland: string;
  withIslets: string;
  minWidth: string;
  notes: string;
  underEachLine: string;
  loading: string;
  notFound: string;
  neutral: string;
  mapShows: (lines: string) => string;
  noLines: string;
  holds: (line: string, japan: string, russia: string) => string;
  divided: (islands: string) => string;
  none: string;
  habomai: string;
  listJoin: string;
  descriptionHeading: string;
  selectedNow: (name: string) => string;
  dataLicences: string;
  /** Each data source or library with its licence: what, licence. */
  dataLicence: Record<DataLicence, [string, string]>;
  documentSources: string;
  /** Punctuation as each language writes it: "label: value", "value (note)", two sentences, figures in a row. */
  labelValue: (label: string, value: string) => string;
  withNote: (value: string, note: string) => string;
  sentences: (first: string, second: string) => string;
  figureJoin: string;
}

/** The data and software whose licences the sources panel lists, in that order. */
export const DATA_LICENCES = ['shorelines', 'habomai', 'lowZoom', 'worldAtlas', 'facts', 'font', 'maplibre', 'pmtiles'] as const;
export type DataLicence = (typeof DATA_LICENCES)[number];

const en: Strings = {
  title: 'Kuril Islands dispute map',
  controls: 'Map controls',
  lines: 'Lines',
  line: {
    soviet: "Russia's position",
    japanese: "Japan's position",
    'two-island-1956': '1956 Joint Declaration: two islands',
    'equal-area-split': 'Equal-area split (computed)',
    'shimoda-1855': '1855 Treaty of Shimoda',
    'saint-petersburg-1875': '1875 Treaty of Saint Petersburg',
    'portsmouth-1905': '1905 Treaty of Portsmouth',
  },
  details: 'Details',
  areas: 'Show the areas each side holds under',
  areasNow: (line) => `Show the areas each side holds under: ${line}.`,
  areasNone: 'None',
  historical: 'Historical treaties',
  japan: 'Japan',
  russia: 'Russia',
  areasNote: 'Land of the four disputed islands',
  naming: 'Place names',
  namingBoth: 'Both names',
  namingJa: 'Japanese names',
  namingRu: 'Russian names',
  language: 'Language',
  copyLink: 'Copy link',
  copied: 'Link copied',
  copyFailed: 'Copy this link:',
  close: 'Close',
  sources: 'Sources',
  sourcesAndLicences: 'Sources and licences',
  positionOf: 'Position of',
  dates: 'Dates and documents',
  method: 'Method',
  area: 'Area',
  computedArea: 'Computed by this map',
  officialAreas: 'Official and published figures',
  mainIsland: 'main island',
  withIslets: 'with islets',
  minWidth: 'Narrowest width (computed)',
  notes: 'Notes',
  underEachLine: 'Held by, under each position',
  loading: 'Loading…',
  notFound: 'No such feature.',
  neutral:
    'Each line is a boundary as one position, treaty or idea would draw it: the two governments’ positions, the 1956 Declaration both signed, the historical treaties, the equal-area idea. Lines at sea are computed as equidistance lines. The map takes no side.',
  mapShows: (lines) => `The map shows these lines: ${lines}.`,
  noLines: 'The map shows no boundary line.',
  holds: (line, japan, russia) => `${line}: Japan holds ${japan}; Russia holds ${russia}.`,
  divided: (islands) => `The line divides ${islands} between the two sides.`,
  none: 'none of them',
  habomai: 'the Habomai islets',
  listJoin: ', ',
  descriptionHeading: 'What the map shows',
  selectedNow: (name) => `Selected: ${name}.`,
  dataLicences: 'Map data and licences',
  dataLicence: {
    shorelines: ['Shorelines: GSHHG 2.3.7 (Wessel & Smith)', 'LGPL-3.0'],
    habomai: ['Habomai islets: © OpenStreetMap contributors (via geo-maps)', 'ODbL 1.0'],
    lowZoom: ['Low-zoom land: Natural Earth 10 m', 'public domain'],
    worldAtlas: ['Natural Earth in TopoJSON: world-atlas', 'ISC'],
    facts: ['Names, areas, dates: curated, a source on every feature', 'CC BY-SA 4.0 where from Wikipedia'],
    font: ['Label font: Noto Sans, Noto Sans CJK JP', 'SIL OFL 1.1'],
    maplibre: ['MapLibre GL JS', 'BSD-3-Clause'],
    pmtiles: ['PMTiles', 'BSD-3-Clause'],
  },
  documentSources: 'Documents cited',
  labelValue: (label, value) => `${label}: ${value}`,
  withNote: (value, note) => `${value} (${note})`,
  sentences: (first, second) => `${first}. ${second}`,
  figureJoin: '; ',
};

const ja: Strings = {
  title: '北方領土／南クリル諸島をめぐる問題の地図',
  controls: '地図の操作',
  lines: '境界線',
  line: {
    soviet: 'ロシアの立場',
    japanese: '日本の立場',
    'two-island-1956': '1956年 日ソ共同宣言（2島引き渡し）',
    'equal-area-split': '面積等分案（計算）',
    'shimoda-1855': '1855年 日魯通好条約（下田条約）',
    'saint-petersburg-1875': '1875年 樺太千島交換条約',
    'portsmouth-1905': '1905年 ポーツマス条約',
  },
  details: '詳細',
  areas: '区域を色分けするシナリオ',
  areasNow: (line) => `区域を色分けするシナリオ：${line}。`,
  areasNone: 'なし',
  historical: '過去の条約',
  japan: '日本',
  russia: 'ロシア',
  areasNote: '係争4島の陸地面積',
  naming: '地名',
  namingBoth: '両方の名称',
  namingJa: '日本側の名称',
  namingRu: 'ロシア側の名称',
  language: '言語',
  copyLink: 'リンクをコピー',
  copied: 'リンクをコピーしました',
  copyFailed: 'このリンクをコピーしてください：',
  close: '閉じる',
  sources: '出典',
  sourcesAndLicences: '出典とライセンス',
  positionOf: '立場をとる側',
  dates: '日付と文書',
  method: '計算方法',
  area: '面積',
  computedArea: '本地図による計算値',
  officialAreas: '公表値',
  mainIsland: '本島',
  withIslets: '属島を含む',
  minWidth: '最小幅（計算値）',
  notes: '注記',
  underEachLine: '各立場における帰属',
  loading: '読み込み中…',
  notFound: '該当する地物がありません。',
  neutral:
    '各線は、両政府それぞれの立場、両国が署名した1956年の共同宣言、歴史上の条約、面積等分案のそれぞれが示す境界です。海上の線は等距離線として計算しています。本地図はどちらの立場もとりません。',
  mapShows: (lines) => `表示中の境界線：${lines}。`,
  noLines: '境界線は表示されていません。',
  holds: (line, japan, russia) => `${line}：日本側は${japan}、ロシア側は${russia}。`,
  divided: (islands) => `${islands}は、この線で日露に分割されます。`,
  none: 'なし',
  habomai: '歯舞群島',
  listJoin: '、',
  descriptionHeading: '地図の内容',
  selectedNow: (name) => `選択中：${name}。`,
  dataLicences: '地図データとライセンス',
  dataLicence: {
    shorelines: ['海岸線：GSHHG 2.3.7（Wessel & Smith）', 'LGPL-3.0'],
    habomai: ['歯舞群島の小島：© OpenStreetMap 貢献者', 'ODbL 1.0'],
    lowZoom: ['縮尺の小さい表示の陸地：Natural Earth 10 m', 'パブリックドメイン'],
    worldAtlas: ['Natural EarthのTopoJSON版（World Atlas TopoJSON）', 'ISC'],
    facts: ['地名・面積・年月日：独自に編集し、すべての地物に出典を付記', 'ウィキペディアに由来する部分はCC BY-SA 4.0'],
    font: ['ラベルのフォント：Noto Sans、Noto Sans CJK JP', 'SIL OFL 1.1'],
    maplibre: ['MapLibre GL JS', 'BSD-3-Clause'],
    pmtiles: ['PMTiles', 'BSD-3-Clause'],
  },
  documentSources: '参照文書',
  labelValue: (label, value) => `${label}：${value}`,
  withNote: (value, note) => `${value}（${note}）`,
  sentences: (first, second) => `${String(first).replace(/。$/, '')}。${second}`,
  figureJoin: '、',
};

const ru: Strings = {
  title: 'Южные Курилы / «Северные территории»: карта спора',
  controls: 'Управление картой',
  lines: 'Линии',
  line: {
    soviet: 'Позиция России',
    japanese: 'Позиция Японии',
    'two-island-1956': 'Советско-японская декларация 1956 года: передача двух островов',
    'equal-area-split': 'Раздел поровну по площади (расчёт)',
    'shimoda-1855': 'Симодский трактат 1855 года',
    'saint-petersburg-1875': 'Санкт-Петербургский договор 1875 года',
    'portsmouth-1905': 'Портсмутский мирный договор 1905 года',
  },
  details: 'Подробнее',
  areas: 'Показать районы сторон по варианту',
  areasNow: (line) => `Районы сторон закрашены по варианту «${line}».`,
  areasNone: 'Не показывать',
  historical: 'Исторические договоры',
  japan: 'Япония',
  russia: 'Россия',
  areasNote: 'Суша четырёх спорных островов',
  naming: 'Названия',
  namingBoth: 'Оба названия',
  namingJa: 'Японские названия',
  namingRu: 'Русские названия',
  language: 'Язык',
  copyLink: 'Копировать ссылку',
  copied: 'Ссылка скопирована',
  copyFailed: 'Скопируйте эту ссылку:',
  close: 'Закрыть',
  sources: 'Источники',
  sourcesAndLicences: 'Источники и лицензии',
  positionOf: 'Чья позиция',
  dates: 'Даты и документы',
  method: 'Метод',
  area: 'Площадь',
  computedArea: 'Расчёт по данным этой карты',
  officialAreas: 'Официальные и опубликованные данные',
  mainIsland: 'только основной остров',
  withIslets: 'с прилегающими островками',
  minWidth: 'Наименьшая ширина (расчёт)',
  notes: 'Примечания',
  underEachLine: 'Принадлежность по каждому варианту',
  loading: 'Загрузка…',
  notFound: 'Объект не найден.',
  neutral:
    'Каждая линия — граница так, как её проводит одна из позиций, договоров или идей: позиции двух правительств, подписанная обоими декларация 1956 года, исторические договоры, идея раздела по площади. Линии на море рассчитаны как линии равного отстояния. Карта не встаёт ни на чью сторону.',
  mapShows: (lines) => `На карте показаны линии: ${lines}.`,
  noLines: 'Линии границ не показаны.',
  holds: (line, japan, russia) => `${line}: Японии — ${japan}; России — ${russia}.`,
  divided: (islands) => `Линия делит между сторонами: ${islands}.`,
  none: 'ни одного острова',
  habomai: 'острова Хабомаи',
  listJoin: ', ',
  descriptionHeading: 'Что показывает карта',
  selectedNow: (name) => `Выбрано: ${name}.`,
  dataLicences: 'Данные карты и лицензии',
  dataLicence: {
    shorelines: ['Береговые линии: GSHHG 2.3.7 (Wessel & Smith)', 'LGPL-3.0'],
    habomai: ['Островки Хабомаи: © участники OpenStreetMap', 'ODbL 1.0'],
    lowZoom: ['Суша на мелких масштабах: Natural Earth 10 m', 'общественное достояние'],
    worldAtlas: ['Natural Earth в формате TopoJSON (World Atlas TopoJSON)', 'ISC'],
    facts: ['Названия, площади, даты: собраны вручную, у каждого объекта указан источник', 'CC BY-SA 4.0 для сведений из Википедии'],
    font: ['Шрифт подписей: Noto Sans, Noto Sans CJK JP', 'SIL OFL 1.1'],
    maplibre: ['MapLibre GL JS', 'BSD-3-Clause'],
    pmtiles: ['PMTiles', 'BSD-3-Clause'],
  },
  documentSources: 'Упомянутые документы',
  labelValue: (label, value) => `${label}: ${value}`,
  withNote: (value, note) => `${value} (${note})`,
  sentences: (first, second) => `${first}. ${second}`,
  figureJoin: '; ',
};

export const STRINGS: Record<Lang, Strings> = { en, ja, ru };

export const LANG_NAMES: Record<Lang, string> = { en: 'English', ja: '日本語', ru: 'Русский' };

export function t(lang: Lang): Strings {
  return STRINGS[lang];
}
