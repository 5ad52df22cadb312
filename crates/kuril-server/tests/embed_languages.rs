//! The embed page and its oEmbed answer in Japanese and Russian (`lang=ja|ru`): the page's language, its title,
//! text alternative, key, buttons and credits in that language, with no English left besides proper names and
//! licence ids; English as before.

mod common;

use axum::http::StatusCode;
use kuril_model::i18n::Lang;
use kuril_server::routes::oembed::{embed_height, embed_height_in, fit, fit_in};

use common::{BASE, STATE, unescape};

async fn get(uri: &str) -> (StatusCode, String) {
    let r = common::get(uri).await;
    (r.status(), common::text(r).await)
}

/// The value of an attribute in the first tag that contains `tag_start`.
fn attr(html: &str, tag_start: &str, name: &str) -> Option<String> {
    let at = html.find(tag_start)?;
    let tag = &html[at..at + html[at..].find('>')?];
    let key = format!(" {name}=\"");
    let v = &tag[tag.find(&key)? + key.len()..];
    Some(unescape(&v[..v.find('"')?]))
}

/// The text between the end of the first tag containing `tag_start` and the next `end`.
fn inner(html: &str, tag_start: &str, end: &str) -> String {
    let at = html.find(tag_start).expect(tag_start);
    let from = at + html[at..].find('>').expect("a tag") + 1;
    let to = from + html[from..].find(end).expect(end);
    html[from..to].to_string()
}

/// The page's text as a reader meets it: the title, the body's text without its tags, and the texts of
/// attributes read aloud or shown (alt, aria-label, the description and share tags, the button's other labels).
fn reader_texts(html: &str) -> Vec<String> {
    let mut out = vec![unescape(&inner(html, "<title>", "</title>"))];
    let body = inner(html, "<body", "</body>");
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    out.push(unescape(&text));
    for (tag, name) in [
        ("<img", "alt"),
        ("data-testid=\"embed-key\"", "aria-label"),
        ("<button", "data-loading"),
        ("<button", "data-failed"),
        ("name=\"description\"", "content"),
        ("property=\"og:title\"", "content"),
        ("property=\"og:site_name\"", "content"),
        ("property=\"og:description\"", "content"),
        ("name=\"twitter:title\"", "content"),
        ("type=\"application/json+oembed\"", "title"),
    ] {
        out.push(attr(html, tag, name).unwrap_or_else(|| panic!("{tag} {name}")));
    }
    out
}

/// Words in Latin letters a Japanese or Russian page may keep: the sources' names and licence ids.
const PROPER: [&str; 6] = ["GSHHG", "LGPL", "OpenStreetMap", "ODbL", "Natural", "Earth"];

fn in_script(lang: Lang, s: &str) -> bool {
    s.chars().any(|c| match lang {
        Lang::Ja => matches!(u32::from(c), 0x3040..=0x30FF | 0x4E00..=0x9FFF),
        Lang::Ru => matches!(u32::from(c), 0x0400..=0x04FF),
        Lang::En => c.is_ascii_alphabetic(),
    })
}

fn english_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty() && !PROPER.contains(w))
        .map(str::to_string)
        .collect()
}

/// A scenario's title in a language up to its colon.
fn short(lang: Lang, id: &str) -> String {
    let model = &STATE.model;
    let title = match model.translations(lang) {
        Some(t) => t[&format!("scenario:{id}:/title")].clone(),
        None => model.scenario(id).expect("scenario").title.clone(),
    };
    title.split([':', '：']).next().expect("title").trim().to_string()
}

const VIEW: &str = "map=7/44.2/146.1&lines=soviet,two-island-1956&areas=two-island-1956&naming=both";

#[tokio::test]
async fn the_embed_page_in_japanese_and_russian_has_no_english_left() {
    let model = &STATE.model;
    for lang in [Lang::Ja, Lang::Ru] {
        let (status, html) = get(&format!("/embed?{VIEW}&lang={}", lang.code())).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())), "{lang:?}");
        for text in reader_texts(&html) {
            assert!(in_script(lang, &text), "{lang:?}: not in its script: {text}");
            assert_eq!(
                english_words(&text),
                Vec::<String>::new(),
                "{lang:?}: English left in {text}"
            );
        }
        // The title: the service and the lines, by the model's translated titles.
        let title = unescape(&inner(&html, "<title>", "</title>"));
        assert!(
            title.contains(&short(lang, "soviet")) && title.contains(&short(lang, "two-island-1956")),
            "{title}"
        );
        // The text alternative: under the 1956 Declaration Shikotan and the Habomai islets on Japan's side,
        // Iturup and Kunashir on Russia's, with both names in the reader's script.
        let alt = attr(&html, "<img", "alt").expect("alt");
        let name = |id: &str| model.island(id).expect("island").names.both(lang);
        let (japan, russia, habomai) = match lang {
            Lang::Ja => ("日本側は", "ロシア側は", "歯舞群島"),
            _ => ("за Японией —", "за Россией —", "острова Хабомаи"),
        };
        let sentence = alt
            .split(['.', '。'])
            .find(|s| s.contains(&short(lang, "two-island-1956")) && s.contains(japan))
            .expect("the 1956 sentence");
        let (j, r) = sentence.split_at(sentence.find(russia).expect("Russia's side"));
        assert!(j.contains(&name("shikotan")) && j.contains(habomai), "{sentence}");
        assert!(
            r.contains(&name("iturup")) && r.contains(&name("kunashir")),
            "{sentence}"
        );
        let centre = match lang {
            Lang::Ja => "北緯44.20度、東経146.10度、ズーム7",
            _ => "44,20° с. ш., 146,10° в. д., масштаб 7",
        };
        assert!(alt.contains(centre), "{alt}");
        // The same text on the page, under a heading in the language.
        let description = inner(&html, "data-testid=\"embed-description\"", "</section>");
        assert!(description.contains(match lang {
            Lang::Ja => "<h2>地図の内容</h2>",
            _ => "<h2>Что показывает карта</h2>",
        }));
        // The key: the lines' titles, the shaded areas' heading and each side.
        let key = inner(&html, "data-testid=\"embed-key\"", "</ul>");
        for id in ["soviet", "two-island-1956"] {
            assert!(key.contains(&short(lang, id)), "{key}");
        }
        let (japan, russia) = match lang {
            Lang::Ja => ("日本", "ロシア"),
            _ => ("Япония", "Россия"),
        };
        assert!(
            key.contains(&format!("</svg>{japan}</li>")) && key.contains(&format!("</svg>{russia}</li>")),
            "{key}"
        );
        // The credits and the link to the full map: the app in the same language.
        let credits = inner(&html, "class=\"embed-credits\"", "</p>");
        assert!(
            credits.contains("GSHHG") && credits.contains("OpenStreetMap"),
            "{credits}"
        );
        let app_url = attr(&credits, "<a ", "href").expect("a link");
        assert!(app_url.starts_with(&format!("{BASE}/#")) && app_url.ends_with(&format!("lang={}", lang.code())));
        // The picture is asked for in the language too.
        assert!(
            attr(&html, "<img", "src")
                .expect("src")
                .contains(&format!("lang={}", lang.code()))
        );
    }
}

#[tokio::test]
async fn the_english_page_is_as_before() {
    let (_, html) = get(&format!("/embed?{VIEW}&lang=en")).await;
    let (_, default) = get(&format!("/embed?{VIEW}")).await;
    assert_eq!(html, default, "English is the default");
    assert!(html.contains("<html lang=\"en\">"));
    let title = unescape(&inner(&html, "<title>", "</title>"));
    assert_eq!(
        title,
        format!(
            "Kuril Islands dispute map: {}, {}",
            short(Lang::En, "soviet"),
            short(Lang::En, "two-island-1956")
        )
    );
    let alt = attr(&html, "<img", "alt").expect("alt");
    assert!(alt.starts_with(&format!(
        "The map shows these lines: {}; {}.",
        short(Lang::En, "soviet"),
        short(Lang::En, "two-island-1956")
    )));
    assert!(
        alt.contains("on Japan's side Shikotan, the Habomai islets; on Russia's side Iturup / Etorofu"),
        "{alt}"
    );
    assert!(alt.contains(&format!(
        "Shaded: each side's areas under {}.",
        short(Lang::En, "two-island-1956")
    )));
    assert!(alt.ends_with("Centred on 44.20° N, 146.10° E at zoom 7."), "{alt}");
    assert!(html.contains("aria-label=\"Key\""));
    assert!(html.contains(&format!(
        "<li class=\"embed-key-areas\">Areas under {}:</li>",
        short(Lang::En, "two-island-1956")
    )));
    assert!(html.contains("</svg>Japan</li>") && html.contains("</svg>Russia</li>"));
    assert!(html.contains(">Load interactive map</span>"));
    assert!(html.contains("<h2>What the map shows</h2>"));
    for s in [
        "Shorelines: GSHHG (LGPL-3.0), © OpenStreetMap contributors (ODbL); land: Natural Earth. Lines computed \
         from the shorelines; each position attributed to its side.",
        "Shorelines: GSHHG, © OpenStreetMap contributors; land: Natural Earth.",
        "Open the full map",
    ] {
        assert!(html.contains(&s.replace('\'', "&#39;")), "{s}");
    }
    assert_eq!(
        attr(&html, "property=\"og:site_name\"", "content").as_deref(),
        Some("Kuril Islands dispute map")
    );
    for text in reader_texts(&html) {
        assert!(!in_script(Lang::Ja, &text) && !in_script(Lang::Ru, &text), "{text}");
    }
}

#[tokio::test]
async fn oembed_titles_and_sizes_follow_the_links_language() {
    for lang in Lang::ALL {
        let url = format!("{BASE}/#{VIEW}&lang={}", lang.code());
        let enc: String = url
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        let (status, body) = get(&format!("/oembed?url={enc}")).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let v: serde_json::Value = serde_json::from_str(&body).expect("JSON");
        let title = v["title"].as_str().expect("a title");
        let provider = v["provider_name"].as_str().expect("a provider name");
        assert!(in_script(lang, title) && in_script(lang, provider), "{v}");
        assert!(title.contains(&short(lang, "two-island-1956")), "{title}");
        if lang != Lang::En {
            assert_eq!(english_words(title), Vec::<String>::new(), "{title}");
        }
        let html = v["html"].as_str().expect("html");
        assert!(html.contains(&format!("lang={}", lang.code())), "{html}");
        assert_eq!(v["height"].as_u64(), Some(u64::from(embed_height_in(800, lang))), "{v}");
    }
}

/// The frame's height holds each language's credits: wider characters, more lines at the same width.
#[test]
fn the_embed_height_counts_each_languages_credits() {
    for w in (240..=800).step_by(20) {
        assert_eq!(embed_height_in(w, Lang::En), embed_height(w), "English as before");
        for lang in [Lang::Ja, Lang::Ru] {
            let h = embed_height_in(w, lang);
            assert!(
                h >= embed_height(w) - 16 && h <= embed_height(w) + 4 * 16,
                "{lang:?} {w}: {h}"
            );
            let (fw, fh) = fit_in(Some(w), None, lang).expect("fits");
            assert_eq!((fw, fh), (w, h));
        }
    }
    assert_eq!(fit(None, None), fit_in(None, None, Lang::En));
}
