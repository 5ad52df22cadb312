//! `GET /oembed?url=…&maxwidth=…&maxheight=…&format=json`: an oEmbed 1.0 provider (https://oembed.com/) for the
//! app's pages (`/` or `/index.html` with a `#…` view) and the embed page (`/embed?…`). The answer is a `rich`
//! embed: an iframe of `/embed` for the same view, with the static image as its thumbnail.
//!
//! Errors as the spec asks, with this service's JSON error body: 404 for a URL that is not one of ours, 501 for
//! a format other than JSON, 400 for a missing `url` or a `maxwidth`/`maxheight` that is not a positive integer.

use crate::media;
use std::collections::HashMap;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use kuril_model::Model;
use kuril_render::xml::escape_html;
use serde_json::json;

use super::embed::{DEFAULT_SIZE, View, line_ids, texts};
pub use super::embed::{embed_height, embed_height_in};
use crate::error::ApiError;
use crate::state::AppState;
use kuril_model::i18n::Lang;

pub fn router() -> Router<AppState> {
    Router::new().route("/oembed", get(oembed))
}

/// How long a consumer may cache an answer, seconds (the data only changes with a release).
const CACHE_AGE: u64 = 86_400;

/// The narrowest embed the page's layout is made for, px.
pub const MIN_EMBED_WIDTH: u32 = 240;

/// The size of the embed frame of the English page ([`fit_in`]).
pub fn fit(maxwidth: Option<u32>, maxheight: Option<u32>) -> Option<(u32, u32)> {
    fit_in(maxwidth, maxheight, Lang::En)
}

/// The size of the embed frame in a language: the default width (800) or `maxwidth` if smaller, and the embed
/// page's height at that width (`embed_height_in`: its picture, key, title and credits in that language),
/// narrower still when that height would exceed `maxheight`; `None` when no embed of at least
/// [`MIN_EMBED_WIDTH`] fits.
pub fn fit_in(maxwidth: Option<u32>, maxheight: Option<u32>, lang: Lang) -> Option<(u32, u32)> {
    let widest = maxwidth.unwrap_or(DEFAULT_SIZE.0).min(DEFAULT_SIZE.0);
    // The widest that fits (the height is not monotonic in the width: the credits wrap, and shorten when narrow).
    (MIN_EMBED_WIDTH..=widest)
        .rev()
        .map(|w| (w, embed_height_in(w, lang)))
        .find(|&(_, h)| maxheight.is_none_or(|max| h <= max))
}

fn dimension(params: &HashMap<String, String>, key: &str) -> Result<Option<u32>, ApiError> {
    match params.get(key) {
        None => Ok(None),
        // Any positive integer; sizes beyond u32 are as good as "no limit".
        Some(v) => v
            .parse::<u64>()
            .ok()
            .filter(|n| *n > 0)
            .map(|n| Some(u32::try_from(n).unwrap_or(u32::MAX)))
            .ok_or_else(|| ApiError::bad_request(format!("{key} must be a positive integer, not {v:?}"))),
    }
}

/// The view of one of our page URLs, or `None` when the URL is not ours: same scheme, host and port as `base`,
/// and the path of the app (`/`, `/index.html`) or of the embed page (`/embed`) under `base`'s path.
pub fn view_of_url(url: &str, base: &str, line_ids: &[&str]) -> Option<View> {
    let rest = url.strip_prefix(base)?;
    let (path_and_query, hash) = rest.split_once('#').unwrap_or((rest, ""));
    let (path, query) = path_and_query.split_once('?').unwrap_or((path_and_query, ""));
    match path {
        "" | "/" | "/index.html" => Some(View::parse(hash, line_ids)),
        "/embed" => Some(View::parse(query, line_ids)),
        _ => None,
    }
}

/// A link that names a timeline step and no view of its own (`/#step=1855-shimoda`) shows that step's map, as the
/// app does when it opens it: the step's lines, areas and camera; the link's naming and language are kept.
pub fn with_step(model: &Model, url: &str, mut view: View) -> View {
    let Some((_, hash)) = url.split_once('#') else {
        return view;
    };
    let fields: Vec<(&str, &str)> = hash.split('&').map(|p| p.split_once('=').unwrap_or((p, ""))).collect();
    if fields.iter().any(|(k, _)| *k == "map" || *k == "lines") {
        return view;
    }
    let Some((_, id)) = fields.iter().find(|(k, _)| *k == "step") else {
        return view;
    };
    let Some(step) = model.timeline.iter().find(|s| s.id == *id) else {
        return view;
    };
    let ids = line_ids(model);
    view.lines = ids
        .iter()
        .filter(|id| step.map.lines.iter().any(|l| l == *id))
        .map(|s| s.to_string())
        .collect();
    view.areas = step.map.areas.clone().filter(|a| ids.contains(&a.as_str()));
    let c = &step.map.camera;
    (view.lng, view.lat, view.zoom, view.bearing, view.pitch) = (c.lng, c.lat, c.zoom, 0.0, 0.0);
    view
}

async fn oembed(
    State(state): State<AppState>,
    params: Result<Query<HashMap<String, String>>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::bad_request(e.body_text()))?;
    if let Some(format) = params.get("format").filter(|f| *f != "json") {
        return Err(ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            "format_not_implemented",
            format!("format {format:?} is not available: use format=json"),
        ));
    }
    let maxwidth = dimension(&params, "maxwidth")?;
    let maxheight = dimension(&params, "maxheight")?;
    let url = params
        .get("url")
        .ok_or_else(|| ApiError::bad_request("the url parameter is required"))?;
    let base = state.base_url(&headers);
    let ids = line_ids(&state.model);
    let view = view_of_url(url.trim(), &base, &ids).ok_or_else(|| {
        ApiError::not_found(format!(
            "not a page of this map: {url:?} (expected {base}/#… or {base}/embed?…)"
        ))
    })?;
    let view = with_step(&state.model, url.trim(), view);

    let lang = view.language();
    let (width, height) = fit_in(maxwidth, maxheight, lang).ok_or_else(|| {
        ApiError::not_found(format!(
            "no embed fits within maxwidth {} × maxheight {}: the narrowest is {MIN_EMBED_WIDTH}×{} px",
            maxwidth.map_or("-".to_string(), |w| w.to_string()),
            maxheight.map_or("-".to_string(), |h| h.to_string()),
            embed_height_in(MIN_EMBED_WIDTH, lang)
        ))
    })?;
    let title = view.title(&state.model);
    let src = format!("{base}/embed?{}", view.query());
    let html = format!(
        "<iframe src=\"{}\" width=\"{width}\" height=\"{height}\" title=\"{}\" style=\"border:0\" loading=\"lazy\" allow=\"fullscreen\"></iframe>",
        escape_html(&src),
        escape_html(&title)
    );
    let body = json!({
        "type": "rich",
        "version": "1.0",
        "title": title,
        "provider_name": texts::texts(lang).provider_name,
        "provider_url": format!("{base}/"),
        "cache_age": CACHE_AGE,
        "html": html,
        "width": width,
        "height": height,
        "thumbnail_url": format!("{base}/image.png?{}", view.image_query(width, height)),
        "thumbnail_width": width,
        "thumbnail_height": height,
    });
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media::JSON));
    h.insert(header::VARY, HeaderValue::from_static("Host"));
    Ok((h, body.to_string()).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_gives_the_pages_height_and_stays_within_both_maxima() {
        assert_eq!(fit(None, None), Some((DEFAULT_SIZE.0, embed_height(DEFAULT_SIZE.0))));
        assert_eq!(
            fit(Some(2000), Some(2000)),
            fit(None, None),
            "never wider than the default"
        );
        for (mw, mh) in [
            (Some(400), None),
            (None, Some(320)),
            (Some(333), Some(1000)),
            (Some(1000), Some(360)),
        ] {
            let (w, h) = fit(mw, mh).expect("fits");
            assert!(
                w <= mw.unwrap_or(u32::MAX) && h <= mh.unwrap_or(u32::MAX),
                "{w}x{h} within {mw:?}x{mh:?}"
            );
            assert_eq!(h, embed_height(w), "the page's own height at that width");
            // The widest that fits: no wider width up to the maximum would.
            if let Some(max) = mh {
                let top = mw.unwrap_or(DEFAULT_SIZE.0).min(DEFAULT_SIZE.0);
                assert!(
                    (w + 1..=top).all(|x| embed_height(x) > max),
                    "{w} is not the widest under {max}"
                );
            }
        }
        assert_eq!(fit(Some(MIN_EMBED_WIDTH - 1), None), None, "narrower than the layout");
        assert_eq!(fit(Some(1000), Some(77)), None, "no embed is that short");
    }

    #[test]
    fn the_height_holds_the_picture_and_the_rows() {
        for w in (MIN_EMBED_WIDTH..=DEFAULT_SIZE.0).step_by(10) {
            let h = f64::from(embed_height(w));
            let picture = f64::from(w - 16) * 0.625;
            // The picture (the default image's shape, inside 8 px padding), the title, key and one credit line at
            // least, and never more than four credit lines.
            assert!(h >= picture + 16.0 + 22.0 + 20.0 + 12.0 + 16.0 - 1.0, "{w}: {h}");
            assert!(h <= picture + 16.0 + 22.0 + 20.0 + 12.0 + 4.0 * 16.0 + 1.0, "{w}: {h}");
        }
    }

    #[test]
    fn only_our_pages_have_a_view() {
        let ids = ["soviet", "japanese"];
        let base = "http://maps.example:8080";
        assert!(view_of_url("http://maps.example:8080/", base, &ids).is_some());
        assert!(view_of_url("http://maps.example:8080", base, &ids).is_some());
        let v = view_of_url("http://maps.example:8080/#map=8/43.5/146&lines=soviet", base, &ids).expect("the app");
        assert_eq!(
            (v.zoom, v.lat, v.lng, v.lines.clone()),
            (8.0, 43.5, 146.0, vec!["soviet".to_string()])
        );
        let v = view_of_url("http://maps.example:8080/embed?lines=japanese&naming=ru", base, &ids).expect("the embed");
        assert_eq!((v.lines.clone(), v.naming), (vec!["japanese".to_string()], "ru"));
        for other in [
            "http://maps.example:8080/api/lines",
            "http://maps.example:8081/",
            "https://maps.example:8080/",
            "http://maps.example:8080.evil.test/",
            "http://evil.test/?http://maps.example:8080/",
            "http://maps.example:8080/embed/../x",
        ] {
            assert!(view_of_url(other, base, &ids).is_none(), "{other}");
        }
    }
}
