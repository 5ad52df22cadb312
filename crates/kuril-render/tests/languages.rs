//! Images in Japanese and Russian: the key (the lines' short titles from the model's translations, each side's
//! row), the credits and the SVG's text alternative are in the view's language, and every character an image can
//! draw in any language has a glyph in the served fontstack (tools/glyphs), so nothing is drawn with holes.

mod common;

use kuril_model::Model;
use kuril_model::i18n::Lang;
use kuril_render::glyphs::Glyphs;
use kuril_render::{RenderError, Renderer, Scene, attribution_text, attribution_text_in};

/// The model, its renderer and the fontstack.
fn fixture() -> (&'static Model, &'static Renderer, &'static Glyphs) {
    let (model, renderer) = common::fixture();
    (model, renderer, common::glyphs())
}

fn is_japanese(c: char) -> bool {
    matches!(u32::from(c), 0x3040..=0x30FF | 0x4E00..=0x9FFF)
}

fn is_cyrillic(c: char) -> bool {
    matches!(u32::from(c), 0x0400..=0x04FF)
}

fn in_script(lang: Lang, s: &str) -> bool {
    match lang {
        Lang::Ja => s.chars().any(is_japanese),
        Lang::Ru => s.chars().any(is_cyrillic),
        Lang::En => true,
    }
}

/// Words in Latin letters that a Japanese or Russian text may keep: proper names and licence ids.
const PROPER: [&str; 19] = [
    "GSHHG",
    "Wessel",
    "Smith",
    "LGPL",
    "OpenStreetMap",
    "ODbL",
    "Natural",
    "Earth",
    "Noto",
    "Sans",
    "SIL",
    "OFL",
    "Wikipedia",
    "CC",
    "BY",
    "SA",
    "Iturup",
    "Etorofu",
    "Kunashir",
];

fn latin_words(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every drawn character without a glyph (whitespace aside).
fn missing_glyphs(glyphs: &Glyphs, texts: &[String]) -> Vec<char> {
    let mut missing: Vec<char> = texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_whitespace() && glyphs.get(*c).is_none())
        .collect();
    missing.sort_unstable();
    missing.dedup();
    missing
}

fn drawn_texts(scene: &Scene) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(k) = &scene.legend {
        out.extend(k.lines.iter().map(|l| l.text.clone()));
    }
    if let Some(a) = &scene.attribution {
        out.extend(a.lines.iter().map(|l| l.text.clone()));
    }
    for l in &scene.labels {
        out.extend(l.lines.iter().map(|l| l.text.clone()));
    }
    out
}

#[test]
fn the_key_is_in_the_views_language_with_the_models_titles() {
    let (model, r, glyphs) = fixture();
    let all: Vec<&str> = model.scenarios.iter().map(|s| s.id.as_str()).collect();
    for lang in [Lang::Ja, Lang::Ru] {
        let table = model.translations(lang).expect("a translation table");
        for sc in &all {
            let q = format!(
                "map=6/44.3/146.5&lines={}&areas={sc}&lang={}&width=800&height=800",
                all.join(","),
                lang.code()
            );
            let view = r.parse(&q).expect("valid");
            let scene = r.scene(&view);
            let key = scene.legend.as_ref().expect("a key");
            let texts: Vec<&str> = key.lines.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(texts.len(), all.len() + 2, "{texts:?}");
            // The lines' rows: each title of the translation up to its colon (ASCII or full-width).
            for (id, text) in all.iter().zip(&texts) {
                let title = &table[&format!("scenario:{id}:/title")];
                let short = title.split([':', '：']).next().expect("a title").trim();
                assert_eq!(*text, short, "{lang:?} {id}");
                assert_eq!(*text, r.scenario_name(id, lang));
            }
            // The sides' rows name the side and the scenario, in the language.
            let name = r.scenario_name(sc, lang);
            let (japan, russia) = (texts[all.len()], texts[all.len() + 1]);
            let (j, ru) = match lang {
                Lang::Ja => ("日本", "ロシア"),
                _ => ("Япония", "Россия"),
            };
            assert!(japan.contains(j) && japan.contains(name), "{japan}");
            assert!(russia.contains(ru) && russia.contains(name), "{russia}");
            for t in &texts {
                assert!(in_script(lang, t), "{lang:?}: {t}");
                assert!(latin_words(t).is_empty(), "{lang:?}: English left in {t}");
            }
            let drawn = drawn_texts(&scene);
            assert_eq!(
                missing_glyphs(glyphs, &drawn),
                Vec::<char>::new(),
                "{lang:?} {sc}: run tools/glyphs/run.sh"
            );
        }
    }
    // English as before.
    let view = r
        .parse("lines=soviet&areas=japanese&width=800&height=500")
        .expect("valid");
    let scene = r.scene(&view);
    let texts: Vec<&str> = scene
        .legend
        .as_ref()
        .expect("a key")
        .lines
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    let en = |id: &str| {
        model
            .scenario(id)
            .expect("scenario")
            .title
            .split(':')
            .next()
            .expect("title")
            .trim()
            .to_string()
    };
    assert_eq!(
        texts,
        [
            en("soviet"),
            format!("Japan, under {}", en("japanese")),
            format!("Russia, under {}", en("japanese"))
        ]
    );
}

/// Every text an image can draw, in every language, for every scenario: not only those one view shows.
#[test]
fn every_character_an_image_can_draw_has_a_glyph() {
    let (model, r, glyphs) = fixture();
    for lang in Lang::ALL {
        let mut texts = vec![attribution_text_in(lang)];
        for s in &model.scenarios {
            let view = r
                .parse(&format!(
                    "lines={0}&areas={0}&lang={1}&width=800&height=800",
                    s.id,
                    lang.code()
                ))
                .expect("valid");
            texts.extend(drawn_texts(&r.scene(&view)));
            texts.push(r.scenario_name(&s.id, lang).to_string());
        }
        assert_eq!(
            missing_glyphs(glyphs, &texts),
            Vec::<char>::new(),
            "{lang:?}: run tools/glyphs/run.sh"
        );
    }
}

#[test]
fn credits_and_the_text_alternative_follow_the_language() {
    let (_, r, _) = fixture();
    assert_eq!(attribution_text_in(Lang::En), attribution_text());
    for lang in [Lang::Ja, Lang::Ru] {
        let credits = attribution_text_in(lang);
        assert!(in_script(lang, &credits), "{credits}");
        for w in latin_words(&credits) {
            assert!(PROPER.contains(&w), "{lang:?}: English word {w:?} in {credits}");
        }
        let view = r
            .parse(&format!(
                "map=6/44.3/146.5&lines=soviet,japanese&areas=japanese&lang={}&width=600&height=400",
                lang.code()
            ))
            .expect("valid");
        let scene = r.scene(&view);
        let drawn: String = scene
            .attribution
            .as_ref()
            .expect("credits")
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(in_script(lang, &drawn), "{drawn}");
        let svg = r.svg(&view);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed");
        let root = doc.root_element();
        assert_eq!(
            root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang.code())
        );
        let title = doc
            .descendants()
            .find(|n| n.tag_name().name() == "title")
            .and_then(|n| n.text())
            .expect("a title");
        assert!(in_script(lang, title), "{title}");
        assert!(title.contains(r.scenario_name("japanese", lang)), "{title}");
        for w in latin_words(title) {
            assert!(PROPER.contains(&w), "{lang:?}: English word {w:?} in {title}");
        }
        let (lat, lng) = match lang {
            Lang::Ja => ("北緯44.30度", "東経146.50度"),
            _ => ("44,30° с. ш.", "146,50° в. д."),
        };
        assert!(title.contains(lat) && title.contains(lng), "{title}");
        // The PNG draws the same texts from the glyphs without trouble.
        assert!(r.png(&view).expect("renders").starts_with(b"\x89PNG"));
    }
    let en = r
        .parse("map=6/44.3/146.5&lines=soviet&width=600&height=400")
        .expect("valid");
    let svg = r.svg(&en);
    assert!(
        svg.contains("Map of the Kuril Islands dispute around 44.30°N 146.50°E (zoom 6); lines: soviet; names: both")
    );
}

/// A model without its translations cannot make a Japanese or Russian key: the renderer refuses it rather than
/// falling back to English.
#[test]
fn a_model_without_translations_is_refused() {
    let english = Model::embedded_english().expect("model loads");
    let err = Renderer::with_layers(&english, Vec::new()).expect_err("no Japanese titles");
    assert!(matches!(err, RenderError::Texts(_)), "{err}");
    assert!(err.to_string().contains("ja"), "{err}");
}

/// The credits an image draws are the web map's in the same language (`credits` in web/src/story-i18n.ts, as
/// MapLibre shows them), without MapLibre's own, which images do not use.
#[test]
fn the_credits_are_the_web_maps_in_each_language() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/src/story-i18n.ts"))
        .expect("web/src/story-i18n.ts");
    for lang in Lang::ALL {
        let at = source
            .find(&format!("const {}: StoryStrings = {{", lang.code()))
            .expect("the language's strings");
        let block = &source[at..];
        let list = &block[block.find("credits: [").expect("credits") + "credits: [".len()..];
        let list = &list[..list.find(']').expect("end of credits")];
        let entries: Vec<String> = list
            .split('\'')
            .skip(1)
            .step_by(2)
            .map(|e| e.replace("&amp;", "&"))
            .filter(|e| !e.starts_with("MapLibre"))
            .collect();
        assert_eq!(entries.len(), 5, "{lang:?}: {entries:?}");
        let image = attribution_text_in(lang);
        for e in &entries {
            assert!(
                image.contains(e.as_str()),
                "{lang:?}: {e:?} not in the image's credits {image:?}"
            );
        }
    }
}
