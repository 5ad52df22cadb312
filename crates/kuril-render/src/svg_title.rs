//! The SVG's text alternative (its `<title>`) in each language: one function per language, so that a language
//! without one does not compile. Not drawn, so not scanned by tools/glyphs (texts.rs holds the drawn texts).

use kuril_model::i18n::Lang;

/// What the SVG's text alternative is about.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    pub lat: f64,
    pub lng: f64,
    /// The zoom as written (trailing zeros dropped).
    pub zoom: &'a str,
    /// The lines shown, by name in this language (ids in English, as before), joined.
    pub lines: &'a str,
    /// The scenario whose areas are shaded, if any.
    pub areas: Option<&'a str>,
    /// The naming, as the query spells it (`both`, `ja`, `ru`).
    pub naming: &'a str,
}

/// The texts of one language.
#[derive(Debug)]
pub struct TitleTexts {
    /// Joins the names of the lines.
    pub lines_join: &'static str,
    /// The SVG's `<title>`.
    pub describe: fn(&Subject<'_>) -> String,
}

/// The texts of a language.
pub fn texts(lang: Lang) -> &'static TitleTexts {
    match lang {
        Lang::En => &EN,
        Lang::Ja => &JA,
        Lang::Ru => &RU,
    }
}

/// A decimal number with a comma, as Russian writes it.
fn comma(s: String) -> String {
    s.replace('.', ",")
}

const EN: TitleTexts = TitleTexts {
    lines_join: ", ",
    describe: |s| {
        let lines = if s.lines.is_empty() {
            "no lines".to_string()
        } else {
            format!("lines: {}", s.lines)
        };
        let areas = s.areas.map(|a| format!("; claim areas: {a}")).unwrap_or_default();
        format!(
            "Map of the Kuril Islands dispute around {:.2}°N {:.2}°E (zoom {}); {lines}{areas}; names: {}",
            s.lat, s.lng, s.zoom, s.naming
        )
    },
};

const JA: TitleTexts = TitleTexts {
    lines_join: "、",
    describe: |s| {
        let lat = if s.lat < 0.0 { "南緯" } else { "北緯" };
        let lng = if s.lng < 0.0 { "西経" } else { "東経" };
        let lines = if s.lines.is_empty() {
            "境界線なし".to_string()
        } else {
            format!("境界線：{}", s.lines)
        };
        let areas = s.areas.map(|a| format!("、区域：{a}")).unwrap_or_default();
        let naming = match s.naming {
            "ja" => "日本側の名称",
            "ru" => "ロシア側の名称",
            _ => "両方の名称",
        };
        format!(
            "北方領土／南クリル諸島をめぐる問題の地図（{lat}{:.2}度・{lng}{:.2}度付近、ズーム{}）。{lines}{areas}、地名：{naming}",
            s.lat.abs(),
            s.lng.abs(),
            s.zoom
        )
    },
};

const RU: TitleTexts = TitleTexts {
    lines_join: "; ",
    describe: |s| {
        let lat = if s.lat < 0.0 { "ю. ш." } else { "с. ш." };
        let lng = if s.lng < 0.0 { "з. д." } else { "в. д." };
        let lines = if s.lines.is_empty() {
            "линии границ не показаны".to_string()
        } else {
            format!("линии: {}", s.lines)
        };
        let areas = s
            .areas
            .map(|a| format!("; районы сторон по варианту «{a}»"))
            .unwrap_or_default();
        let naming = match s.naming {
            "ja" => "японские названия",
            "ru" => "русские названия",
            _ => "оба названия",
        };
        format!(
            "Карта спора о Южных Курилах / «Северных территориях» с центром в точке {}° {lat}, {}° {lng} \
             (масштаб {}); {lines}{areas}; {naming}",
            comma(format!("{:.2}", s.lat.abs())),
            comma(format!("{:.2}", s.lng.abs())),
            comma(s.zoom.to_string())
        )
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_its_own_words() {
        let subject = Subject {
            lat: 44.3,
            lng: 146.5,
            zoom: "6.5",
            lines: "x",
            areas: Some("y"),
            naming: "both",
        };
        let en = (texts(Lang::En).describe)(&subject);
        assert!(
            en.starts_with("Map of the Kuril Islands dispute around 44.30°N 146.50°E (zoom 6.5)"),
            "{en}"
        );
        let ja = (texts(Lang::Ja).describe)(&subject);
        assert!(
            ja.contains("北緯44.30度") && ja.contains("東経146.50度") && ja.contains("両方の名称"),
            "{ja}"
        );
        let ru = (texts(Lang::Ru).describe)(&subject);
        assert!(
            ru.contains("44,30° с. ш., 146,50° в. д.") && ru.contains("масштаб 6,5"),
            "{ru}"
        );
    }
}
