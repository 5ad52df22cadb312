//! Every text an image draws, other than the data's own names and titles, in each language: the key's side rows
//! and the credits. One struct per language, so that a language without one of the texts does not compile. (The
//! SVG's text alternative, which is not drawn, is in svg_title.rs.)
//!
//! tools/glyphs reads this file (`--text`) and generates a glyph for each of its characters, so whatever is
//! written here can be drawn; the scenario titles drawn in the key come from `geodata/i18n/*.json`, which it
//! reads too. Keep to texts images draw: every non-ASCII character here becomes a glyph.

use kuril_model::i18n::Lang;

/// The side whose area a key row explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Japan,
    Russia,
}

/// The texts of one language.
#[derive(Debug)]
pub struct ImageTexts {
    /// A key row for one side's areas under a scenario (its short name).
    pub side_under: fn(Side, &str) -> String,
    /// The credits drawn at the bottom right.
    pub credits: fn() -> String,
}

/// The texts of a language.
pub fn texts(lang: Lang) -> &'static ImageTexts {
    match lang {
        Lang::En => &EN,
        Lang::Ja => &JA,
        Lang::Ru => &RU,
    }
}

/// The credits as the English image writes them: the font, then the data's credits (as the web map's credits in
/// that language, web/src/story-i18n.ts, without MapLibre, which images do not use).
fn join(parts: &[&str; 5]) -> String {
    format!("{} | {}", parts[0], parts[1..].join(" · "))
}

const EN: ImageTexts = ImageTexts {
    side_under: |side, scenario| match side {
        Side::Japan => format!("Japan, under {scenario}"),
        Side::Russia => format!("Russia, under {scenario}"),
    },
    credits: || format!("{} | {}", crate::FONT_ATTRIBUTION, kuril_tiles::attribution_plain()),
};

const JA: ImageTexts = ImageTexts {
    side_under: |side, scenario| match side {
        Side::Japan => format!("{scenario}による日本の区域"),
        Side::Russia => format!("{scenario}によるロシアの区域"),
    },
    credits: || {
        join(&[
            "フォント：Noto Sans（SIL OFL 1.1）",
            "海岸線：GSHHG 2.3.7 © Wessel & Smith（LGPL-3.0）",
            "歯舞群島の小島：© OpenStreetMap 貢献者（ODbL 1.0）",
            "陸地：Natural Earth（パブリックドメイン）",
            "地名と事実：出典を参照（ウィキペディア由来の部分はCC BY-SA 4.0）",
        ])
    },
};

const RU: ImageTexts = ImageTexts {
    side_under: |side, scenario| match side {
        Side::Japan => format!("Япония, по варианту «{scenario}»"),
        Side::Russia => format!("Россия, по варианту «{scenario}»"),
    },
    credits: || {
        join(&[
            "Шрифт: Noto Sans (SIL OFL 1.1)",
            "Береговые линии: GSHHG 2.3.7 © Wessel & Smith (LGPL-3.0)",
            "Островки Хабомаи: © участники OpenStreetMap (ODbL 1.0)",
            "Суша: Natural Earth (общественное достояние)",
            "Названия и факты: см. источники (CC BY-SA 4.0 для сведений из Википедии)",
        ])
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_its_own_words() {
        assert_eq!((texts(Lang::En).side_under)(Side::Russia, "X"), "Russia, under X");
        assert_eq!((texts(Lang::Ja).side_under)(Side::Japan, "X"), "Xによる日本の区域");
        assert_eq!(
            (texts(Lang::Ru).side_under)(Side::Russia, "X"),
            "Россия, по варианту «X»"
        );
        assert_eq!((texts(Lang::En).credits)(), crate::attribution_text());
        for lang in [Lang::Ja, Lang::Ru] {
            let credits = (texts(lang).credits)();
            assert!(credits.contains("GSHHG") && credits.contains("OpenStreetMap") && credits.contains("ODbL"));
            assert!(
                !credits.contains("Shorelines") && !credits.contains("contributors"),
                "{credits}"
            );
        }
    }
}
