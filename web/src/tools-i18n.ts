// Interface strings of the analyst tools (compare, statistics, downloads, overlay, measure) in English, Japanese
// and Russian. Kept apart from i18n.ts so that the tools are one folder of concerns; figures and method texts
// come from the API in the reader's language.
import { OVERLAY_MAX_BYTES, type OverlayErrorCode } from './overlay-limits';
import type { Lang } from './state';
import { TOOL_NAMES, type ToolNames } from './tool-names-i18n';
import { ruPlural } from './units';

/** The overlay's size limit in megabytes, as `lang` writes numbers (the same figure as `overlayIntro` gets). */
function maxMb(lang: Lang): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(OVERLAY_MAX_BYTES / 1024 / 1024);
}

/** All the tools' strings: their names (tool-names-i18n.ts, for the first view) and what their panes say. */
export interface ToolStrings extends ToolNames {
  // compare
  compareIntro: string;
  left: string;
  right: string;
  compareStart: string;
  compareStop: string;
  divider: string;
  compareSame: string;
  compareHint: string;
  // statistics
  statsCaption: string;
  baseline: string;
  scenario: string;
  land: string;
  territorialSea: string;
  eez: string;
  beyond: string;
  differenceNote: string;
  isBaseline: string;
  windowSea: (km2: string) => string;
  methodHeading: string;
  /** A method note with what it is about ("Land: …."). */
  methodNote: (about: string, text: string) => string;
  loadFailed: string;
  // downloads
  downloadsIntro: string;
  collections: string;
  currentScenarios: string;
  ogcIntro: string;
  viewImage: string;
  tilesTitle: string;
  tilesIntro: string;
  xyzUrl: string;
  styleUrl: string;
  staticDownloads: string;
  collectionNames: Record<string, string>;
  // overlay
  overlayIntro: (mb: number) => string;
  chooseFile: string;
  removeOverlay: string;
  overlayLoaded: (name: string, count: number) => string;
  overlayRemoved: string;
  dropHere: string;
  overlayErrors: Record<OverlayErrorCode, string>;
  // measure
  measureStart: string;
  measureStop: string;
  measureIntro: string;
  addCentre: string;
  clear: string;
  measureNone: string;
  measureTotal: (distance: string, points: number) => string;
  measureFailed: string;
  measureMethod: string;
}

const en: ToolStrings = {
  ...TOOL_NAMES.en,
  compareIntro: 'Two scenarios side by side: drag the divider, or focus it and use the arrow keys. Both maps move together.',
  left: 'Left',
  right: 'Right',
  compareStart: 'Compare',
  compareStop: 'Stop comparing',
  divider: 'Divider between the two scenarios (percent of the map width from the left)',
  compareSame: 'Choose two different scenarios.',
  compareHint: 'Each side shows its scenario’s areas and line.',
  statsCaption: 'Area each side holds under each scenario, in km²',
  baseline: 'Differences relative to',
  scenario: 'Scenario',
  land: 'Land (the four islands)',
  territorialSea: 'Territorial sea (12 nm)',
  eez: 'EEZ-like zone (12–200 nm)',
  beyond: 'Sea beyond 200 nm',
  differenceNote: 'Second line of each cell: difference from the baseline scenario.',
  isBaseline: 'baseline',
  windowSea: (km2) => `Sea in the analysis window: ${km2} km² (each scenario’s sea areas of both sides add up to it).`,
  methodHeading: 'Method and simplifications',
  methodNote: (about, text) => `${about}: ${text}.`,
  loadFailed: 'The figures could not be loaded.',
  downloadsIntro: 'Every file is made by this server from the same data as the map.',
  collections: 'Collections',
  currentScenarios: 'Scenarios on the map now',
  ogcIntro: 'For QGIS and GDAL: the OGC API – Features service at',
  viewImage: 'This view as an image',
  tilesTitle: 'Vector tiles and style',
  tilesIntro: 'To add the map by hand in QGIS (Vector Tiles), GDAL or another MapLibre page:',
  xyzUrl: 'Tile URL (XYZ)',
  styleUrl: 'Style (MapLibre)',
  staticDownloads:
    'This copy of the map is a static export: KML, CSV, GeoPackage and the OGC API need the map server. The GeoJSON files of this copy:',
  collectionNames: {
    islands: 'Islands',
    straits: 'Straits',
    lines: 'Lines',
    'claim-areas': 'Claim areas',
    'maritime-zones': 'Maritime zones',
    places: 'Places',
  },
  overlayIntro: (mb) =>
    `Show a GeoJSON or KML file of your own over the map: drop it on the map or choose it here. It is read in your browser and sent nowhere. At most ${mb} MB.`,
  chooseFile: 'Choose a GeoJSON or KML file',
  removeOverlay: 'Remove your file from the map',
  overlayLoaded: (name, count) => `${name}: ${count} feature${count === 1 ? '' : 's'} shown.`,
  overlayRemoved: 'Your file was removed from the map.',
  dropHere: 'Drop a GeoJSON or KML file to show it on the map',
  overlayErrors: {
    'too-large': `The file is too large: the limit is ${maxMb('en')} MB.`,
    empty: 'The file holds no features to show.',
    'invalid-json': 'The file is not valid JSON.',
    'not-geojson': 'The file is JSON but not GeoJSON.',
    'not-lnglat': 'The coordinates are not longitude/latitude in WGS 84 (GeoJSON requires them).',
    'invalid-kml': 'The file is not valid KML.',
    unsupported: 'This kind of file is not supported.',
  },
  measureStart: 'Start measuring',
  measureStop: 'Finish measuring',
  measureIntro:
    'Click points on the map, or move the map with the keyboard and add its centre. Escape finishes. Distances are geodesic on the WGS 84 ellipsoid.',
  addCentre: 'Add the map centre',
  clear: 'Clear',
  measureNone: 'No points yet.',
  measureTotal: (distance, points) => `${distance} along ${points} points`,
  measureFailed: 'Two of the points are nearly antipodal: the distance cannot be computed.',
  measureMethod: 'Vincenty’s inverse formula on WGS 84',
};

const ja: ToolStrings = {
  ...TOOL_NAMES.ja,
  compareIntro: '2つのシナリオを左右に並べて表示します。仕切り線をドラッグするか、仕切り線にフォーカスを移して矢印キーで動かします。2つの地図は連動します。',
  left: '左',
  right: '右',
  compareStart: '比較する',
  compareStop: '比較を終了',
  divider: '2つのシナリオの仕切り線（地図の左端からの位置、地図幅に対する割合）',
  compareSame: '異なる2つのシナリオを選んでください。',
  compareHint: '左右それぞれに、そのシナリオの区域と線を表示します。',
  statsCaption: '各シナリオにおける日露それぞれの面積（km²）',
  baseline: '差の基準',
  scenario: 'シナリオ',
  land: '陸地（4島）',
  territorialSea: '領海（12海里）',
  eez: 'EEZ相当（12〜200海里）',
  beyond: '200海里以遠の海域',
  differenceNote: '各セルの2行目は基準シナリオとの差です。',
  isBaseline: '基準',
  windowSea: (km2) => `分析範囲内の海域：${km2} km²（各シナリオで両側の海域を合計した値）。`,
  methodHeading: '計算方法と簡略化',
  methodNote: (about, text) => `${about}：${text}。`,
  loadFailed: '数値を読み込めませんでした。',
  downloadsIntro: 'すべてのファイルは地図と同じデータからこのサーバーが作成します。',
  collections: 'コレクション',
  currentScenarios: '表示中のシナリオ',
  ogcIntro: 'QGIS・GDAL 向け：OGC API – Features サービスの URL：',
  viewImage: '現在の表示の画像',
  tilesTitle: 'ベクトルタイルとスタイル',
  tilesIntro: 'QGIS（ベクトルタイル）、GDAL、他の MapLibre ページに地図を手動で追加するには：',
  xyzUrl: 'タイルの URL（XYZ）',
  styleUrl: 'スタイル（MapLibre）',
  staticDownloads: 'この地図は静的エクスポートです。KML・CSV・GeoPackage と OGC API には地図サーバーが必要です。このコピーの GeoJSON ファイル：',
  collectionNames: {
    islands: '島',
    straits: '海峡',
    lines: '境界線',
    'claim-areas': '日露の区域',
    'maritime-zones': '海域',
    places: '地点',
  },
  overlayIntro: (mb) =>
    `手元の GeoJSON または KML ファイルを地図に重ねて表示します。地図にドロップするか、ここで選択してください。ファイルはブラウザ内で読み込まれ、送信されません。最大 ${new Intl.NumberFormat('ja').format(mb)} MB。`,
  chooseFile: 'GeoJSON または KML ファイルを選択',
  removeOverlay: 'ファイルの表示を消す',
  overlayLoaded: (name, count) => `${name}：${new Intl.NumberFormat('ja').format(count)}件の地物を表示しています。`,
  overlayRemoved: 'ファイルの表示を消しました。',
  dropHere: 'GeoJSON または KML ファイルをドロップすると地図に表示します',
  overlayErrors: {
    'too-large': `ファイルが大きすぎます（上限 ${maxMb('ja')} MB）。`,
    empty: '表示できる地物がありません。',
    'invalid-json': '正しい JSON ではありません。',
    'not-geojson': 'JSON ですが GeoJSON ではありません。',
    'not-lnglat': '座標が WGS 84 の経度・緯度ではありません（GeoJSON の要件）。',
    'invalid-kml': '正しい KML ではありません。',
    unsupported: 'この形式には対応していません。',
  },
  measureStart: '計測を開始',
  measureStop: '計測を終了',
  measureIntro: '地図上をクリックするか、キーボードで地図を動かして中心点を追加します。Esc キーで終了。距離は WGS 84 楕円体上の測地線長です。',
  addCentre: '地図の中心を追加',
  clear: '消去',
  measureNone: 'まだ点がありません。',
  measureTotal: (distance, points) => `${points}点を結ぶ経路：${distance}`,
  measureFailed: '互いにほぼ対蹠点となる2点があるため、距離を計算できません。',
  measureMethod: 'WGS 84 上の Vincenty 逆解法',
};

const ru: ToolStrings = {
  ...TOOL_NAMES.ru,
  compareIntro: 'Два варианта рядом: перетащите разделитель или переведите на него фокус и нажимайте клавиши со стрелками. Обе карты перемещаются синхронно.',
  left: 'Слева',
  right: 'Справа',
  compareStart: 'Сравнить',
  compareStop: 'Закончить сравнение',
  divider: 'Разделитель между вариантами (положение от левого края, в процентах ширины карты)',
  compareSame: 'Выберите два разных варианта.',
  compareHint: 'Каждая половина карты показывает районы и линию своего варианта.',
  statsCaption: 'Площадь каждой стороны по каждому варианту, км²',
  baseline: 'Разница относительно',
  scenario: 'Вариант',
  land: 'Суша (четыре острова)',
  territorialSea: 'Территориальное море (12 мор. миль)',
  eez: 'Зона типа ИЭЗ (12–200 мор. миль)',
  beyond: 'Море за пределами 200 мор. миль',
  differenceNote: 'Вторая строка ячейки: разница с базовым вариантом.',
  isBaseline: 'базовый',
  windowSea: (km2) => `Море в пределах области анализа: ${km2} км² (морские районы обеих сторон в каждом варианте дают в сумме эту величину).`,
  methodHeading: 'Метод и упрощения',
  methodNote: (about, text) => `${about}: ${text}.`,
  loadFailed: 'Не удалось загрузить данные.',
  downloadsIntro: 'Все файлы создаются этим сервером из тех же данных, что и карта.',
  collections: 'Коллекции',
  currentScenarios: 'Варианты на карте сейчас',
  ogcIntro: 'Для QGIS и GDAL: сервис OGC API – Features по адресу',
  viewImage: 'Изображение текущего вида',
  tilesTitle: 'Векторные тайлы и стиль',
  tilesIntro: 'Чтобы добавить карту вручную в QGIS (векторные тайлы), GDAL или на другую страницу с MapLibre:',
  xyzUrl: 'Адрес тайлов (XYZ)',
  styleUrl: 'Стиль (MapLibre)',
  staticDownloads: 'Это статическая копия карты: для KML, CSV, GeoPackage и OGC API нужен сервер карты. Файлы GeoJSON этой копии:',
  collectionNames: {
    islands: 'Острова',
    straits: 'Проливы',
    lines: 'Линии',
    'claim-areas': 'Районы сторон',
    'maritime-zones': 'Морские зоны',
    places: 'Географические объекты',
  },
  overlayIntro: (mb) =>
    `Показать свой файл GeoJSON или KML поверх карты: перетащите его на карту или выберите здесь. Файл читается в браузере и никуда не отправляется. Не более ${new Intl.NumberFormat('ru').format(mb)} МБ.`,
  chooseFile: 'Выбрать файл GeoJSON или KML',
  removeOverlay: 'Убрать свой файл с карты',
  overlayLoaded: (name, count) =>
    `${name}: ${ruPlural(count, ['показан', 'показаны', 'показано'])} ${count} ${ruPlural(count, ['объект', 'объекта', 'объектов'])}.`,
  overlayRemoved: 'Ваш файл убран с карты.',
  dropHere: 'Отпустите файл GeoJSON или KML, чтобы показать его на карте',
  overlayErrors: {
    'too-large': `Файл слишком большой: не более ${maxMb('ru')} МБ.`,
    empty: 'В файле нет объектов для показа.',
    'invalid-json': 'Файл не является корректным JSON.',
    'not-geojson': 'Это JSON, но не GeoJSON.',
    'not-lnglat': 'Координаты не являются долготой и широтой WGS 84 (этого требует GeoJSON).',
    'invalid-kml': 'Файл не является корректным KML.',
    unsupported: 'Этот тип файлов не поддерживается.',
  },
  measureStart: 'Начать измерение',
  measureStop: 'Закончить измерение',
  measureIntro:
    'Щёлкайте по карте или двигайте карту клавиатурой и добавляйте её центр. Esc — завершить измерение. Расстояния геодезические, на эллипсоиде WGS 84.',
  addCentre: 'Добавить центр карты',
  clear: 'Очистить',
  measureNone: 'Точек пока нет.',
  measureTotal: (distance, points) => `${distance}, ${points} ${ruPlural(points, ['точка', 'точки', 'точек'])}`,
  measureFailed: 'Две точки почти диаметрально противоположны: расстояние невозможно вычислить.',
  measureMethod: 'Формула Винсенти (обратная геодезическая задача), эллипсоид WGS 84',
};

const STRINGS: Record<Lang, ToolStrings> = { en, ja, ru };

export function toolStrings(lang: Lang): ToolStrings {
  return STRINGS[lang];
}
