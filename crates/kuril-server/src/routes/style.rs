//! `GET /style.json` and the glyphs it names, `GET /glyphs/{fontstack}/{range}.pbf`.

use crate::media;
use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use include_dir::{Dir, include_dir};
use kuril_tiles::style::{FONTSTACK, StyleUrls, style};

use crate::error::ApiError;
use crate::state::{AppState, etag, not_modified};

/// Glyph ranges generated from Noto Sans and Noto Sans CJK JP (tools/glyphs).
pub static GLYPHS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../web/glyphs");

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/style.json", get(style_json))
        .route("/glyphs/{fontstack}/{range}", get(glyphs))
}

async fn style_json(State(state): State<AppState>, headers: HeaderMap) -> Json<serde_json::Value> {
    let base = state.base_url(&headers);
    Json(style(&StyleUrls {
        source: format!("{base}/tiles.json"),
        glyphs: format!("{base}/glyphs/{{fontstack}}/{{range}}.pbf"),
    }))
}

/// An empty glyph range: a `glyphs` message with one fontstack and no glyphs (protobuf, written by hand: field 1,
/// length-delimited, holding the fontstack's name (1) and range (2)).
fn empty_range(fontstack: &str, range: &str) -> Vec<u8> {
    let mut inner = Vec::new();
    for (field, s) in [(1u8, fontstack), (2u8, range)] {
        inner.push((field << 3) | 2);
        push_varint(&mut inner, s.len());
        inner.extend_from_slice(s.as_bytes());
    }
    let mut out = vec![(1 << 3) | 2];
    push_varint(&mut out, inner.len());
    out.extend(inner);
    out
}

fn push_varint(out: &mut Vec<u8>, mut v: usize) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Parse "START-END.pbf" with END = START + 255 and START a multiple of 256 below 65536.
fn parse_range(range: &str) -> Result<(u32, u32), ApiError> {
    let bad = || ApiError::bad_request(format!("glyph range must look like 0-255.pbf, got {range:?}"));
    let r = range.strip_suffix(".pbf").ok_or_else(bad)?;
    let (a, b) = r.split_once('-').ok_or_else(bad)?;
    let digits = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|c| c.is_ascii_digit());
    if !digits(a) || !digits(b) {
        return Err(bad());
    }
    let (a, b): (u32, u32) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
    if a % 256 != 0 || b != a + 255 || b > 65535 {
        return Err(ApiError::not_found(format!("no glyph range {a}-{b}")));
    }
    Ok((a, b))
}

async fn glyphs(
    path: Result<Path<(String, String)>, axum::extract::rejection::PathRejection>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Path((fontstack, range)) = path.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let (a, b) = parse_range(&range)?;
    // MapLibre asks for the style's text-font list joined by commas; we serve the one fontstack we have.
    if fontstack.split(',').map(str::trim).all(|f| f != FONTSTACK) {
        return Err(ApiError::unknown_id("fontstack", &fontstack, [FONTSTACK.to_string()]));
    }
    let file = format!("{FONTSTACK}/{a}-{b}.pbf");
    let body = match GLYPHS.get_file(&file) {
        Some(f) => f.contents().to_vec(),
        // No label uses a character of this range: answer with a valid, empty range rather than an error.
        None => empty_range(&fontstack, &format!("{a}-{b}")),
    };
    let tag = etag(&body);
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media::PROTOBUF));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    if not_modified(&headers, &tag) {
        return Ok((axum::http::StatusCode::NOT_MODIFIED, h).into_response());
    }
    Ok((h, body).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_ranges() {
        assert_eq!(parse_range("0-255.pbf").ok(), Some((0, 255)));
        assert_eq!(parse_range("65280-65535.pbf").ok(), Some((65280, 65535)));
        assert!(parse_range("1-256.pbf").is_err());
        assert!(parse_range("0-255").is_err());
        assert!(parse_range("65536-65791.pbf").is_err());
        assert!(parse_range("-1-254.pbf").is_err());
    }
}
