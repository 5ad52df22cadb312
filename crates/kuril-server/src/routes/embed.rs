//! `GET /embed`: a minimal page for iframes, and the head tags (oEmbed discovery, Open Graph, Twitter card) of
//! the app's `index.html`.
//!
//! The view comes from the same fields as the app's permalinks (`map`, `lines`, `areas`, `naming`, `lang`), here
//! as a query string. Like the app, anything that cannot be read falls back to the default for that field, so a
//! link never fails. The page shows the static image (`/image.png`) with a text alternative first; `embed.js`
//! loads the interactive map only when asked to (web/src/embed.ts). All text is escaped; the query written into
//! the page is re-encoded from the parsed view, never copied from the request.
//!
//! The page is in the view's language (`lang`): its own texts from [`texts`] (embed_texts.rs), the lines' names
//! from the model's translations, the islands' names in the reader's script (`Names::both`).

use crate::media;
use std::fmt::Write as _;

use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use kuril_model::i18n::Lang;
use kuril_model::{Model, Side};
use kuril_render::xml::escape_html;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::error::ApiError;
use crate::state::{AppState, etag, not_modified};

#[path = "embed_texts.rs"]
pub mod texts;
use texts::{Centre, EmbedTexts};

/// The texts of a view's language.
fn texts_of(view: &View) -> &'static EmbedTexts {
    texts::texts(view.language())
}

pub fn router() -> Router<AppState> {
    Router::new().route("/embed", get(embed))
}

/// Lines shown when a link does not say (the app's default).
pub const DEFAULT_LINES: [&str; 3] = ["soviet", "japanese", "two-island-1956"];
/// Size of the placeholder image when the embed page is not told otherwise (also oEmbed's default).
pub const DEFAULT_SIZE: (u32, u32) = (800, 500);
/// Social card size (Open Graph, Twitter summary_large_image).
pub const CARD_SIZE: (u32, u32) = (1200, 630);
/// Largest static image the server renders.
pub const MAX_SIZE: u32 = 2048;

/// A view of the map, as a permalink describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub zoom: f64,
    pub lat: f64,
    pub lng: f64,
    pub bearing: f64,
    pub pitch: f64,
    /// Ids of the lines shown, in the model's scenario order.
    pub lines: Vec<String>,
    pub areas: Option<String>,
    pub naming: &'static str,
    pub lang: &'static str,
}

const NAMINGS: [&str; 3] = ["both", "ja", "ru"];
const LANGS: [&str; 3] = ["en", "ja", "ru"];

impl View {
    pub fn default_view() -> View {
        View {
            zoom: 6.0,
            lat: 44.3,
            lng: 146.5,
            bearing: 0.0,
            pitch: 0.0,
            lines: DEFAULT_LINES.iter().map(|s| s.to_string()).collect(),
            areas: None,
            naming: "both",
            lang: "en",
        }
    }

    /// Reads the fields of a query string or URL hash (with or without its leading `?` or `#`); `line_ids` are
    /// the valid line ids (the model's scenarios). Never fails: an unreadable field keeps its default.
    pub fn parse(text: &str, line_ids: &[&str]) -> View {
        let mut view = View::default_view();
        let mut seen: Vec<(String, String)> = Vec::new();
        for part in text.trim_start_matches(['?', '#']).split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let Some(v) = kuril_render::decode_component(v) else {
                continue;
            };
            if !seen.iter().any(|(key, _)| key == k) {
                seen.push((k.to_string(), v));
            }
        }
        let get = |key: &str| seen.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        if let Some(map) = get("map") {
            view.read_camera(map);
        }
        if let Some(lines) = get("lines") {
            let ids: Vec<&str> = if lines.is_empty() || lines == "none" {
                vec![]
            } else {
                lines.split(',').collect()
            };
            if ids.iter().all(|id| line_ids.contains(id)) {
                view.lines = line_ids
                    .iter()
                    .filter(|id| ids.contains(id))
                    .map(|s| s.to_string())
                    .collect();
            }
        }
        match get("areas") {
            Some("none") => view.areas = None,
            Some(a) if line_ids.contains(&a) => view.areas = Some(a.to_string()),
            _ => {}
        }
        if let Some(n) = get("naming").and_then(|n| NAMINGS.iter().find(|x| **x == n)) {
            view.naming = n;
        }
        if let Some(l) = get("lang").and_then(|l| LANGS.iter().find(|x| **x == l)) {
            view.lang = l;
        }
        view
    }

    /// The view's language.
    pub fn language(&self) -> Lang {
        Lang::parse(self.lang).unwrap_or(Lang::En)
    }

    fn read_camera(&mut self, value: &str) {
        let parts: Vec<Option<f64>> = value
            .split('/')
            .map(|p| p.trim().parse::<f64>().ok().filter(|n| n.is_finite()))
            .collect();
        if parts.len() != 3 && parts.len() != 5 {
            return;
        }
        let (Some(zoom), Some(lat), Some(lng)) = (parts[0], parts[1], parts[2]) else {
            return;
        };
        if !(0.0..=24.0).contains(&zoom) || !(-85.06..=85.06).contains(&lat) || !(-540.0..=540.0).contains(&lng) {
            return;
        }
        let (mut bearing, mut pitch) = (0.0, 0.0);
        if parts.len() == 5 {
            let (Some(b), Some(p)) = (parts[3], parts[4]) else {
                return;
            };
            if !(0.0..=85.0).contains(&p) {
                return;
            }
            bearing = wrap(b);
            pitch = p;
        }
        *self = View {
            zoom,
            lat,
            lng: wrap(lng),
            bearing,
            pitch,
            ..self.clone()
        };
    }

    /// `zoom/lat/lng[/bearing/pitch]` at the permalink's precision.
    pub fn camera(&self) -> String {
        let mut s = format!("{}/{}/{}", num(self.zoom, 3), num(self.lat, 5), num(self.lng, 5));
        if self.bearing != 0.0 || self.pitch != 0.0 {
            let _ = write!(s, "/{}/{}", num(self.bearing, 1), num(self.pitch, 1));
        }
        s
    }

    fn lines_field(&self) -> String {
        if self.lines.is_empty() {
            "none".to_string()
        } else {
            self.lines.join(",")
        }
    }

    /// The view's fields as a query string (no `?`), in the permalinks' order. Only ids and numbers: no escaping
    /// is needed beyond what the ids' alphabet already guarantees.
    pub fn query(&self) -> String {
        format!(
            "map={}&lines={}&areas={}&naming={}&lang={}",
            self.camera(),
            self.lines_field(),
            self.areas.as_deref().unwrap_or("none"),
            self.naming,
            self.lang
        )
    }

    /// The query of the static image for this view at a size (in the view's language: its key, its romanisations).
    pub fn image_query(&self, width: u32, height: u32) -> String {
        format!(
            "map={}&lines={}&areas={}&naming={}&lang={}&width={width}&height={height}",
            self.camera(),
            self.lines_field(),
            self.areas.as_deref().unwrap_or("none"),
            self.naming,
            self.lang
        )
    }

    /// The page title, in the view's language: the service and the lines shown.
    pub fn title(&self, model: &Model) -> String {
        let t = texts_of(self);
        let names: Vec<String> = self.lines.iter().map(|id| short_title(model, id, t.lang)).collect();
        if names.is_empty() {
            t.provider_name.to_string()
        } else {
            (t.title)(&names.join(t.title_join))
        }
    }

    /// The text alternative, in the view's language: which lines the view shows and, under each, which disputed
    /// islands each side holds.
    pub fn describe(&self, model: &Model) -> Vec<String> {
        let t = texts_of(self);
        let mut out = Vec::new();
        if self.lines.is_empty() {
            out.push(t.no_lines.to_string());
        } else {
            let names: Vec<String> = self.lines.iter().map(|id| short_title(model, id, t.lang)).collect();
            out.push((t.shows_lines)(&names.join(t.lines_join)));
        }
        let mut scenarios: Vec<&str> = self.lines.iter().map(String::as_str).collect();
        if let Some(a) = self.areas.as_deref().filter(|a| !scenarios.contains(a)) {
            scenarios.push(a);
        }
        for id in scenarios {
            let Ok(scenario) = model.scenario(id) else { continue };
            let side = |side: Side| islands_held(model, t, |island| scenario.holder(island) == Some(side));
            let mut sentence = (t.sides)(&short_title(model, id, t.lang), &side(Side::Japan), &side(Side::Russia));
            if let Some(split) = &scenario.split
                && let Ok(island) = model.island(&split.island)
            {
                sentence.push_str(t.sentence_join);
                sentence.push_str(&(t.divided)(&island.names.both(t.lang)));
            }
            out.push(sentence);
        }
        if let Some(a) = &self.areas {
            out.push((t.shaded)(&short_title(model, a, t.lang)));
        }
        out.push((t.centred)(Centre {
            lat: self.lat,
            lng: self.lng,
            zoom: self.zoom,
        }));
        out
    }
}

/// A scenario's title in `lang` up to its colon ("1855 Treaty of Shimoda: …" → "1855 Treaty of Shimoda",
/// "日本の立場：…" → "日本の立場"), from the model's translations; its id when the model has none (a model loaded
/// without its translations), never the English title in another language.
pub fn short_title(model: &Model, id: &str, lang: Lang) -> String {
    let Ok(scenario) = model.scenario(id) else {
        return id.to_string();
    };
    let title = match model.translations(lang) {
        None => Some(scenario.title.as_str()),
        Some(table) => table.get(&format!("scenario:{id}:/title")).map(String::as_str),
    };
    title.map_or_else(|| id.to_string(), |t| kuril_render::short_title(t).to_string())
}

/// The disputed islands matching `held`, main islands by name (both names, in the reader's script), the Habomai
/// islets as one group.
fn islands_held(model: &Model, t: &EmbedTexts, held: impl Fn(&str) -> bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut habomai = false;
    for island in model.islands.iter().filter(|i| i.disputed && held(&i.id)) {
        if island.group == "habomai" {
            if !habomai {
                parts.push(t.habomai.to_string());
            }
            habomai = true;
        } else {
            parts.push(island.names.both(t.lang));
        }
    }
    if parts.is_empty() {
        t.none_of_them.to_string()
    } else {
        parts.join(t.islands_join)
    }
}

fn wrap(deg: f64) -> f64 {
    if (-180.0..180.0).contains(&deg) {
        return deg;
    }
    let w = (deg + 180.0).rem_euclid(360.0) - 180.0;
    if w == 0.0 { 0.0 } else { w }
}

/// Rounds to `digits` decimals and drops trailing zeros, like the app's permalinks.
pub fn num(value: f64, digits: usize) -> String {
    let s = format!("{value:.digits$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" { "0".to_string() } else { s }
}

/// RFC 3986's unreserved characters: kept as they are in a query component, every other byte escaped.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Escapes a URL query component (RFC 3986 unreserved characters kept).
pub fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

/// The model's line ids (every scenario).
pub fn line_ids(model: &Model) -> Vec<&str> {
    model.scenarios.iter().map(|s| s.id.as_str()).collect()
}

/// The `<head>` tags for sharing a page: oEmbed discovery, Open Graph and Twitter card, all with absolute URLs.
pub fn share_tags(base: &str, page_url: &str, view: &View, title: &str, description: &str) -> String {
    let oembed = format!("{base}/oembed?url={}&format=json", percent_encode(page_url));
    let (w, h) = CARD_SIZE;
    let image = format!("{base}/image.png?{}", view.image_query(w, h));
    let e = escape_html;
    format!(
        concat!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{oembed}\" title=\"{title}\">\n",
            "<meta property=\"og:type\" content=\"website\">\n",
            "<meta property=\"og:site_name\" content=\"{site}\">\n",
            "<meta property=\"og:locale\" content=\"{locale}\">\n",
            "<meta property=\"og:title\" content=\"{title}\">\n",
            "<meta property=\"og:description\" content=\"{description}\">\n",
            "<meta property=\"og:url\" content=\"{url}\">\n",
            "<meta property=\"og:image\" content=\"{image}\">\n",
            "<meta property=\"og:image:type\" content=\"image/png\">\n",
            "<meta property=\"og:image:width\" content=\"{w}\">\n",
            "<meta property=\"og:image:height\" content=\"{h}\">\n",
            "<meta property=\"og:image:alt\" content=\"{description}\">\n",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">\n",
            "<meta name=\"twitter:title\" content=\"{title}\">\n",
            "<meta name=\"twitter:description\" content=\"{description}\">\n",
            "<meta name=\"twitter:image\" content=\"{image}\">\n",
            "<meta name=\"twitter:image:alt\" content=\"{description}\">\n",
        ),
        oembed = e(&oembed),
        site = e(texts_of(view).provider_name),
        locale = match view.language() {
            Lang::En => "en_GB",
            Lang::Ja => "ja_JP",
            Lang::Ru => "ru_RU",
        },
        title = e(title),
        description = e(description),
        url = e(page_url),
        image = e(&image),
        w = w,
        h = h,
    )
}

fn size_param(query: &str, key: &str, default: u32) -> u32 {
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| v.parse::<u32>().ok())
        .filter(|n| (1..=MAX_SIZE).contains(n))
        .unwrap_or(default)
}

/// The parts of the embed page with a fixed height, px (web/src/embed.css sets the same): the page's padding
/// (top and bottom), the title row, the key row, the gaps between rows, and a line of credits.
const PAGE_PAD: u32 = 8;
const TITLE_ROW: u32 = 22;
const KEY_ROW: u32 = 20;
const GAP: u32 = 4;
const CREDIT_LINE: u32 = 16;
/// An upper bound of the credits' average character width at 12 px, px (so that the height given never falls short):
/// Latin, Cyrillic, and the full-width characters of Japanese (one em each).
const CREDIT_CHAR_PX: f64 = 7.5;
const CYRILLIC_CHAR_PX: f64 = 8.0;
const WIDE_CHAR_PX: f64 = 12.0;

/// The width of a line of credits at 12 px, px (an upper bound).
fn credit_px(s: &str) -> f64 {
    s.chars()
        .map(|c| match u32::from(c) {
            0x0400..=0x04FF => CYRILLIC_CHAR_PX,
            0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 => WIDE_CHAR_PX,
            _ => CREDIT_CHAR_PX,
        })
        .sum()
}

/// Below this frame width the page shows the short credits (embed.css: `@media (max-width: 399px)`).
pub const NARROW_EMBED: u32 = 400;

/// The English embed page's height at a frame width ([`embed_height_in`]).
pub fn embed_height(width: u32) -> u32 {
    embed_height_in(width, Lang::En)
}

/// The embed page's height at a frame width in a language: the picture keeps the default image's shape, the rows
/// around it have fixed heights, the credits wrap to as many lines as the width needs (counted with an upper bound
/// of the font's character width). The page is at least as tall as its frame (CSS), so a frame of this height
/// shows it whole with nothing to scroll.
pub fn embed_height_in(width: u32, lang: Lang) -> u32 {
    let t = texts::texts(lang);
    let inner = width.saturating_sub(2 * PAGE_PAD).max(1);
    let picture = (f64::from(inner) * f64::from(DEFAULT_SIZE.1) / f64::from(DEFAULT_SIZE.0)).round() as u32;
    let credits = if width < NARROW_EMBED {
        t.credits_short
    } else {
        t.credits
    };
    let px = credit_px(credits) + CREDIT_CHAR_PX + credit_px(t.full_map_link);
    let credit_lines = (px / f64::from(inner)).ceil().max(1.0) as u32;
    2 * PAGE_PAD + TITLE_ROW + GAP + KEY_ROW + GAP + picture + GAP + credit_lines * CREDIT_LINE
}

/// The colour key of a view as HTML: each line drawn (its colour and dash, as the style draws it) and, when a
/// scenario's areas are shaded, each side's fill. Presentation attributes only (the page's CSP forbids inline
/// styles).
fn key_html(model: &Model, view: &View) -> String {
    let e = escape_html;
    let t = texts_of(view);
    let mut items = String::new();
    for (id, colour, dash) in kuril_tiles::style::LINE_STYLES {
        if !view.lines.iter().any(|l| l == id) {
            continue;
        }
        let dasharray: Vec<String> = dash.iter().map(|d| num(d * 3.0, 2)).collect();
        // Dashed lines have round caps in the style (kuril_tiles::style), solid ones butt caps.
        let dash_attr = if dasharray.is_empty() {
            String::new()
        } else {
            format!(" stroke-dasharray=\"{}\" stroke-linecap=\"round\"", dasharray.join(" "))
        };
        let _ = write!(
            items,
            "<li data-line=\"{id}\"><svg width=\"30\" height=\"10\" viewBox=\"0 0 30 10\" aria-hidden=\"true\" focusable=\"false\"><line x1=\"1\" y1=\"5\" x2=\"29\" y2=\"5\" stroke=\"{colour}\" stroke-width=\"3\"{dash_attr}/></svg>{}</li>",
            e(&short_title(model, id, t.lang))
        );
    }
    if let Some(a) = &view.areas {
        let _ = write!(
            items,
            "<li class=\"embed-key-areas\">{}</li>",
            e(&(t.areas_under)(&short_title(model, a, t.lang)))
        );
        for (side, colour) in kuril_tiles::style::CLAIM_FILLS {
            let name = if side == "japan" { t.japan } else { t.russia };
            let _ = write!(
                items,
                "<li data-area=\"{side}\"><svg width=\"16\" height=\"10\" viewBox=\"0 0 16 10\" aria-hidden=\"true\" focusable=\"false\"><rect x=\"1\" y=\"1\" width=\"14\" height=\"8\" fill=\"{colour}\" fill-opacity=\"{}\" stroke=\"{colour}\"/></svg>{name}</li>",
                kuril_tiles::style::CLAIM_OPACITY
            );
        }
    }
    items
}

/// The image sizes the embed page offers (`srcset`), so that its picture is drawn at about the size shown.
const SRCSET_WIDTHS: [u32; 5] = [320, 480, 640, 800, 1200];

/// The embed page for a query string.
pub fn embed_page(model: &Model, base: &str, query: &str) -> String {
    let ids = line_ids(model);
    let view = View::parse(query, &ids);
    let width = size_param(query, "width", DEFAULT_SIZE.0);
    let height = size_param(query, "height", DEFAULT_SIZE.1);
    let load_visible = query.split('&').any(|p| p == "load=visible");
    let t = texts_of(&view);
    let title = view.title(model);
    let sentences = view.describe(model);
    let description = sentences.join(t.sentence_join);
    let page_url = format!("{base}/embed?{}", view.query());
    let app_url = format!("{base}/#{}", view.query());
    let tags = share_tags(base, &page_url, &view, &title, &description);
    let e = escape_html;
    let paragraphs: String = sentences.iter().map(|s| format!("<p>{}</p>", e(s))).collect();
    // The picture without its own key and credits (the page shows both, readable at any width), at the sizes a
    // browser may pick from.
    let picture = |w: u32| {
        let h = (f64::from(w) * f64::from(height) / f64::from(width)).round().max(1.0) as u32;
        format!("image.png?{}&legend=no&attribution=no", view.image_query(w, h))
    };
    let srcset: Vec<String> = SRCSET_WIDTHS.iter().map(|&w| format!("{} {w}w", picture(w))).collect();
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{description}">
<meta name="robots" content="noindex">
{tags}<link rel="icon" href="favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="embed.css">
<script type="module" src="embed.js"></script>
</head>
<body data-load="{load}">
<main class="embed" id="embed">
<h1 class="embed-title" id="embed-title">{title}</h1>
<ul class="embed-key" data-testid="embed-key" aria-label="{key_label}" tabindex="0">{key}</ul>
<figure class="embed-figure" id="embed-figure" aria-labelledby="embed-title">
<img class="embed-image" id="embed-image" data-testid="embed-image" src="{src}" srcset="{srcset}" sizes="100vw" width="{width}" height="{height}" alt="{description}">
<div class="embed-map" id="embed-map" data-testid="embed-map" hidden></div>
<button type="button" class="embed-load" id="embed-load" data-testid="embed-load" aria-describedby="embed-load-note" data-loading="{loading}" data-failed="{load_failed}"><span class="embed-load-label">{load_map}</span></button>
<p class="embed-load-note visually-hidden" id="embed-load-note">{load_note}</p>
</figure>
<section class="embed-description visually-hidden" id="embed-description" data-testid="embed-description" data-disputed="{disputed}" aria-live="polite">
<h2>{description_heading}</h2>
{paragraphs}
</section>
<p class="embed-credits"><span class="embed-credits-long">{credits}</span><span class="embed-credits-short">{credits_short}</span> <a href="{app_url}" target="_blank" rel="noopener">{full_map}</a></p>
</main>
</body>
</html>
"#,
        lang = t.lang.code(),
        title = e(&title),
        description = e(&description),
        tags = tags,
        key_label = e(t.key_label),
        loading = e(t.loading),
        load_failed = e(t.load_failed),
        load_map = e(t.load_map),
        load_note = e(t.load_note),
        description_heading = e(t.description_heading),
        load = if load_visible { "visible" } else { "click" },
        key = key_html(model, &view),
        src = e(&picture(width)),
        srcset = e(&srcset.join(", ")),
        credits = e(t.credits),
        credits_short = e(t.credits_short),
        full_map = e(t.full_map_link),
        width = width,
        height = height,
        paragraphs = paragraphs,
        disputed = model.islands.iter().filter(|i| i.disputed).count(),
        app_url = e(&app_url),
    )
}

fn html_response(body: String, headers: &HeaderMap) -> Response {
    let tag = etag(body.as_bytes());
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media::HTML));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    // The page depends on the Host it was asked through (absolute URLs in its head).
    h.insert(header::VARY, HeaderValue::from_static("Host"));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    if not_modified(headers, &tag) {
        return (StatusCode::NOT_MODIFIED, h).into_response();
    }
    (h, body).into_response()
}

async fn embed(State(state): State<AppState>, RawQuery(query): RawQuery, headers: HeaderMap) -> Response {
    let base = state.base_url(&headers);
    html_response(
        embed_page(&state.model, &base, query.as_deref().unwrap_or("")),
        &headers,
    )
}

/// The app's `index.html` with the sharing tags of its default view inserted before `</head>` (the hash, which
/// holds a shared view, never reaches the server), and a `<noscript>` static image of that view.
pub fn app_index(state: &AppState, headers: &HeaderMap, index_html: &[u8]) -> Result<Response, ApiError> {
    let html = std::str::from_utf8(index_html).map_err(ApiError::internal)?;
    let base = state.base_url(headers);
    let view = View::default_view();
    let title = texts_of(&view).provider_name.to_string();
    let description = view.describe(&state.model).join(texts_of(&view).sentence_join);
    let tags = share_tags(&base, &format!("{base}/"), &view, &title, &description);
    let mut body = match html.find("</head>") {
        Some(at) => format!("{}{}{}", &html[..at], tags, &html[at..]),
        None => html.to_string(),
    };
    // Without JavaScript: the static image of the default view, with the description as its text alternative.
    let (w, h) = CARD_SIZE;
    let noscript = format!(
        "<noscript><p><img src=\"image.png?{}\" width=\"{w}\" height=\"{h}\" alt=\"{}\" class=\"noscript-image\"></p></noscript>\n",
        escape_html(&view.image_query(w, h)),
        escape_html(&description)
    );
    if let Some(at) = body.rfind("</body>") {
        body.insert_str(at, &noscript);
    }
    Ok(html_response(body, headers))
}
