//! The embed page's own texts (embed.rs) in English, Japanese and Russian: one struct per language, so that a
//! language without one of them does not compile. The names of the lines come from the model's translations and
//! the islands' names from the model (`Names::both`); the terms follow docs/glossary.md and the app's strings
//! (web/src/i18n.ts), and each side is named as a side ("Japan's side"), never with its slogan (docs/neutrality.md).

use kuril_model::i18n::Lang;

/// A point's latitude and longitude and the zoom, for the description's last sentence.
#[derive(Debug, Clone, Copy)]
pub struct Centre {
    pub lat: f64,
    pub lng: f64,
    pub zoom: f64,
}

/// The texts of one language.
#[derive(Debug)]
pub struct EmbedTexts {
    pub lang: Lang,
    /// The service's name (page titles, oEmbed `provider_name`): the app's title in that language.
    pub provider_name: &'static str,
    /// The page title: the service's name and the lines shown (already joined).
    pub title: fn(&str) -> String,
    /// Joins the lines' names in the title and the key's list.
    pub title_join: &'static str,
    /// Joins the lines' names in the description.
    pub lines_join: &'static str,
    /// Joins the islands' names.
    pub islands_join: &'static str,
    /// Joins the description's sentences into one text (alt, meta description).
    pub sentence_join: &'static str,
    pub no_lines: &'static str,
    pub shows_lines: fn(&str) -> String,
    /// Under a scenario (its short title): the disputed islands on Japan's side, on Russia's side.
    pub sides: fn(&str, &str, &str) -> String,
    /// An island the line divides.
    pub divided: fn(&str) -> String,
    /// The Habomai islets as one group.
    pub habomai: &'static str,
    /// A side with none of the disputed islands.
    pub none_of_them: &'static str,
    /// The areas shaded: each side's under a scenario.
    pub shaded: fn(&str) -> String,
    pub centred: fn(Centre) -> String,
    pub key_label: &'static str,
    /// The key's heading of the shaded areas.
    pub areas_under: fn(&str) -> String,
    pub japan: &'static str,
    pub russia: &'static str,
    pub load_map: &'static str,
    pub load_note: &'static str,
    /// The button's label while the map loads, and when it failed (for web/src/embed.ts: `data-loading`,
    /// `data-failed` on the button).
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub description_heading: &'static str,
    /// The credits under the embedded picture, and their short form on frames narrower than
    /// [`super::NARROW_EMBED`] px (web/src/embed.css shows it instead); the link to the full map follows them.
    pub credits: &'static str,
    pub credits_short: &'static str,
    pub full_map_link: &'static str,
}

/// The texts of a language (the service's name, page titles and oEmbed's `provider_name` included).
pub const fn texts(lang: Lang) -> &'static EmbedTexts {
    match lang {
        Lang::En => &EN,
        Lang::Ja => &JA,
        Lang::Ru => &RU,
    }
}

/// Rounds to `digits` decimals and drops trailing zeros (`super::num`), with a decimal comma for Russian.
fn number(value: f64, digits: usize, comma: bool) -> String {
    let s = super::num(value, digits);
    if comma { s.replace('.', ",") } else { s }
}

/// Degrees at two decimals, without sign (the hemisphere says it).
fn degrees(value: f64, comma: bool) -> String {
    let s = format!("{:.2}", value.abs());
    if comma { s.replace('.', ",") } else { s }
}

const EN: EmbedTexts = EmbedTexts {
    lang: Lang::En,
    provider_name: "Kuril Islands dispute map",
    title: |lines| format!("Kuril Islands dispute map: {lines}"),
    title_join: ", ",
    lines_join: "; ",
    islands_join: ", ",
    sentence_join: " ",
    no_lines: "The map shows no boundary line.",
    shows_lines: |lines| format!("The map shows these lines: {lines}."),
    sides: |scenario, japan, russia| format!("{scenario}: on Japan's side {japan}; on Russia's side {russia}."),
    divided: |island| format!("{island} is divided between them."),
    habomai: "the Habomai islets",
    none_of_them: "none of the disputed islands",
    shaded: |scenario| format!("Shaded: each side's areas under {scenario}."),
    centred: |c| {
        format!(
            "Centred on {}° {}, {}° {} at zoom {}.",
            degrees(c.lat, false),
            if c.lat < 0.0 { "S" } else { "N" },
            degrees(c.lng, false),
            if c.lng < 0.0 { "W" } else { "E" },
            number(c.zoom, 1, false)
        )
    },
    key_label: "Key",
    areas_under: |scenario| format!("Areas under {scenario}:"),
    japan: "Japan",
    russia: "Russia",
    load_map: "Load interactive map",
    load_note: "Loads the map that you can zoom and pan; the image shows the same view.",
    loading: "Loading the interactive map…",
    load_failed: "The interactive map could not be loaded: try again",
    description_heading: "What the map shows",
    credits: "Shorelines: GSHHG (LGPL-3.0), © OpenStreetMap contributors (ODbL); land: Natural Earth. Lines computed \
              from the shorelines; each position attributed to its side.",
    credits_short: "Shorelines: GSHHG, © OpenStreetMap contributors; land: Natural Earth.",
    full_map_link: "Open the full map",
};

const JA: EmbedTexts = EmbedTexts {
    lang: Lang::Ja,
    provider_name: "北方領土／南クリル諸島をめぐる問題の地図",
    title: |lines| format!("北方領土／南クリル諸島をめぐる問題の地図：{lines}"),
    title_join: "、",
    lines_join: "、",
    islands_join: "、",
    sentence_join: "",
    no_lines: "境界線は表示されていません。",
    shows_lines: |lines| format!("表示中の境界線：{lines}。"),
    sides: |scenario, japan, russia| format!("{scenario}：日本側は{japan}、ロシア側は{russia}。"),
    divided: |island| format!("{island}は、この線で日露に分割されます。"),
    habomai: "歯舞群島",
    none_of_them: "なし",
    shaded: |scenario| format!("色分け：{scenario}による日露それぞれの区域。"),
    centred: |c| {
        format!(
            "地図の中心は{}{}度、{}{}度、ズーム{}。",
            if c.lat < 0.0 { "南緯" } else { "北緯" },
            degrees(c.lat, false),
            if c.lng < 0.0 { "西経" } else { "東経" },
            degrees(c.lng, false),
            number(c.zoom, 1, false)
        )
    },
    key_label: "凡例",
    areas_under: |scenario| format!("{scenario}による区域："),
    japan: "日本",
    russia: "ロシア",
    load_map: "操作できる地図を読み込む",
    load_note: "拡大・縮小や移動ができる地図を読み込みます。画像と同じ範囲を表示します。",
    loading: "地図を読み込み中…",
    load_failed: "地図を読み込めませんでした。もう一度お試しください",
    description_heading: "地図の内容",
    credits: "海岸線：GSHHG（LGPL-3.0）、© OpenStreetMap 貢献者（ODbL）、陸地：Natural Earth。線は海岸線から計算したもので、\
              各立場はそれぞれの側のものとして示しています。",
    credits_short: "海岸線：GSHHG、© OpenStreetMap 貢献者、陸地：Natural Earth。",
    full_map_link: "地図全体を開く",
};

const RU: EmbedTexts = EmbedTexts {
    lang: Lang::Ru,
    provider_name: "Южные Курилы / «Северные территории»: карта спора",
    title: |lines| format!("Южные Курилы / «Северные территории»: карта спора — {lines}"),
    title_join: ", ",
    lines_join: "; ",
    islands_join: ", ",
    sentence_join: " ",
    no_lines: "Линии границ на карте не показаны.",
    shows_lines: |lines| format!("На карте показаны линии: {lines}."),
    sides: |scenario, japan, russia| format!("{scenario}: за Японией — {japan}; за Россией — {russia}."),
    divided: |island| format!("{island} делится между сторонами."),
    habomai: "острова Хабомаи",
    none_of_them: "ни одного из спорных островов",
    shaded: |scenario| format!("Закрашены районы каждой стороны по варианту «{scenario}»."),
    centred: |c| {
        format!(
            "Центр карты: {}° {}, {}° {}, масштаб {}.",
            degrees(c.lat, true),
            if c.lat < 0.0 { "ю. ш." } else { "с. ш." },
            degrees(c.lng, true),
            if c.lng < 0.0 { "з. д." } else { "в. д." },
            number(c.zoom, 1, true)
        )
    },
    key_label: "Условные обозначения",
    areas_under: |scenario| format!("Районы по варианту «{scenario}»:"),
    japan: "Япония",
    russia: "Россия",
    load_map: "Загрузить интерактивную карту",
    load_note: "Загружает карту, которую можно масштабировать и перемещать; на изображении тот же вид.",
    loading: "Загрузка интерактивной карты…",
    load_failed: "Не удалось загрузить интерактивную карту: попробуйте ещё раз",
    description_heading: "Что показывает карта",
    credits: "Береговые линии: GSHHG (LGPL-3.0), © участники OpenStreetMap (ODbL); суша: Natural Earth. Линии \
              рассчитаны по береговым линиям; каждая позиция приписана своей стороне.",
    credits_short: "Береговые линии: GSHHG, © участники OpenStreetMap; суша: Natural Earth.",
    full_map_link: "Открыть полную карту",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_hemispheres_per_language() {
        let c = Centre {
            lat: 44.3,
            lng: 146.5,
            zoom: 6.5,
        };
        assert_eq!((EN.centred)(c), "Centred on 44.30° N, 146.50° E at zoom 6.5.");
        assert_eq!((JA.centred)(c), "地図の中心は北緯44.30度、東経146.50度、ズーム6.5。");
        assert_eq!(
            (RU.centred)(c),
            "Центр карты: 44,30° с. ш., 146,50° в. д., масштаб 6,5."
        );
        let south_west = Centre {
            lat: -10.0,
            lng: -20.5,
            zoom: 3.0,
        };
        assert_eq!((EN.centred)(south_west), "Centred on 10.00° S, 20.50° W at zoom 3.");
        assert!((JA.centred)(south_west).contains("南緯10.00度、西経20.50度"));
        assert!((RU.centred)(south_west).contains("10,00° ю. ш., 20,50° з. д."));
        for lang in Lang::ALL {
            assert_eq!(texts(lang).lang, lang);
        }
    }
}
