//! Query parsing: the parameters every `/ogc` route accepts (`f`), and an items request's `limit`, `offset`,
//! `bbox` and `datetime`. Dates and times are read by the `time` crate's RFC 3339 parser.

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use geo::{Coord, Rect};
use time::format_description::BorrowedFormatItem;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

use crate::error::ApiError;

/// Items per page when `limit` is absent.
pub const LIMIT_DEFAULT: usize = 10;
/// The largest page; a larger `limit` is treated as this (the standard allows it; no error).
pub const LIMIT_MAX: usize = 1000;

/// The query as name–value pairs, in order (so that repeated names can be refused).
pub type QueryPairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Reject unknown and repeated query parameters and any `f` other than JSON.
pub fn check_query(q: QueryPairs, allowed: &[&str]) -> Result<Vec<(String, String)>, ApiError> {
    let Query(pairs) = q.map_err(|e| ApiError::bad_request(e.body_text()))?;
    for (i, (k, v)) in pairs.iter().enumerate() {
        if k != "f" && !allowed.contains(&k.as_str()) {
            let mut valid: Vec<&str> = allowed.to_vec();
            valid.push("f");
            return Err(ApiError::bad_request(format!(
                "unknown query parameter {k:?}; valid here: {}",
                valid.join(", ")
            )));
        }
        if pairs[..i].iter().any(|(p, _)| p == k) {
            return Err(ApiError::bad_request(format!(
                "query parameter {k:?} given more than once"
            )));
        }
        if k == "f" && !matches!(v.as_str(), "json" | "geojson") {
            return Err(ApiError::bad_request(format!(
                "f={v:?} is not offered: this API answers in JSON only (f=json)"
            )));
        }
    }
    Ok(pairs)
}

/// The validated parameters of an items request.
#[derive(Debug, PartialEq)]
pub struct ItemsQuery {
    pub limit: usize,
    pub offset: usize,
    /// Rectangles to intersect (two when the bbox crosses the antimeridian); the original text for links.
    pub bbox: Option<(Vec<Rect>, String)>,
    pub datetime: Option<String>,
}

/// A non-negative integer; `None` when not one. Digits beyond `usize` saturate (a huge limit or offset is valid).
fn natural(s: &str) -> Option<usize> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.parse().unwrap_or(usize::MAX))
}

pub fn parse_items_query(pairs: &[(String, String)]) -> Result<ItemsQuery, ApiError> {
    let mut q = ItemsQuery {
        limit: LIMIT_DEFAULT,
        offset: 0,
        bbox: None,
        datetime: None,
    };
    for (k, v) in pairs {
        match k.as_str() {
            "limit" => {
                let n = natural(v.trim()).filter(|&n| n >= 1).ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "limit must be an integer from 1 (at most {LIMIT_MAX} are returned), not {v:?}"
                    ))
                })?;
                q.limit = n.min(LIMIT_MAX);
            }
            "offset" => {
                q.offset = natural(v.trim())
                    .ok_or_else(|| ApiError::bad_request(format!("offset must be an integer ≥ 0, not {v:?}")))?;
            }
            "bbox" => q.bbox = Some((parse_bbox(v)?, v.clone())),
            "datetime" => {
                if !valid_datetime(v) {
                    return Err(ApiError::bad_request(format!(
                        "datetime must be an RFC 3339 date or date-time, or an interval of them with '/' \
                         ('..' or empty for an open end), not {v:?}"
                    )));
                }
                q.datetime = Some(v.clone());
            }
            _ => {}
        }
    }
    Ok(q)
}

/// `minLon,minLat,maxLon,maxLat` (or six numbers with heights) in CRS84. A box with minLon > maxLon crosses
/// the antimeridian and becomes two rectangles.
pub fn parse_bbox(v: &str) -> Result<Vec<Rect>, ApiError> {
    let bad = |why: &str| ApiError::bad_request(format!("bbox {v:?}: {why}"));
    let n: Vec<f64> = v
        .split(',')
        .map(|s| s.trim().parse::<f64>().ok().filter(|x| x.is_finite()))
        .collect::<Option<_>>()
        .ok_or_else(|| bad("every value must be a finite number"))?;
    let (x0, y0, x1, y1) = match n[..] {
        [x0, y0, x1, y1] => (x0, y0, x1, y1),
        [x0, y0, z0, x1, y1, z1] => {
            if z0 > z1 {
                return Err(bad("the minimum height is above the maximum"));
            }
            (x0, y0, x1, y1)
        }
        _ => return Err(bad("give 4 numbers (minLon,minLat,maxLon,maxLat) or 6 (with heights)")),
    };
    if !(-180.0..=180.0).contains(&x0) || !(-180.0..=180.0).contains(&x1) {
        return Err(bad("longitudes must be within -180..180"));
    }
    if !(-90.0..=90.0).contains(&y0) || !(-90.0..=90.0).contains(&y1) {
        return Err(bad("latitudes must be within -90..90"));
    }
    if y0 > y1 {
        return Err(bad("the minimum latitude is above the maximum"));
    }
    let rect = |a: f64, b: f64| Rect::new(Coord { x: a, y: y0 }, Coord { x: b, y: y1 });
    Ok(if x0 <= x1 {
        vec![rect(x0, x1)]
    } else {
        vec![rect(x0, 180.0), rect(-180.0, x1)]
    })
}

/// RFC 3339 `full-date`.
const FULL_DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// An RFC 3339 `full-date` (ten characters) or `date-time` (`T` or `t` after the date, a `Z` or numeric offset).
/// A leap second (`:60`) is accepted where one can be: 23:59:60 UTC on the last day of a month.
fn valid_instant(s: &str) -> bool {
    if s.len() == 10 {
        return Date::parse(s, FULL_DATE).is_ok();
    }
    // The parser takes any separator; RFC 3339's grammar has only `T` (case-insensitive).
    matches!(s.as_bytes().get(10), Some(b'T' | b't')) && OffsetDateTime::parse(s, &Rfc3339).is_ok()
}

/// RFC 3339 date or date-time, or an interval `start/end` where either end may be `..` or empty.
pub fn valid_datetime(s: &str) -> bool {
    match s.split_once('/') {
        Some((a, b)) => {
            let end = |e: &str| e.is_empty() || e == ".." || valid_instant(e);
            end(a) && end(b) && !(a.is_empty() && b.is_empty())
        }
        None => valid_instant(s),
    }
}

/// Now as RFC 3339 UTC, seconds precision.
pub fn timestamp() -> String {
    OffsetDateTime::now_utc()
        .format(format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z"))
        .expect("a UTC date-time has every component of the format")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetimes() {
        for ok in [
            "2024-02-29",
            "2024-01-01T00:00:00Z",
            "2024-01-01T12:30:59.123+09:00",
            "2020-01-01/2021-01-01",
            "../2021-01-01T00:00:00Z",
            "2021-01-01/..",
            "2021-01-01/",
            "2024-01-01t00:00:00z",
            "2016-12-31T23:59:60Z",
        ] {
            assert!(valid_datetime(ok), "{ok}");
        }
        for bad in [
            "",
            "yesterday",
            "2023-02-29",
            "2024-13-01",
            "2024-01-01T25:00:00Z",
            "2024-01-01T00:00:00",
            "/",
            "1/2",
            "+2024-01-01",
            "2024-01-01 00:00:00Z",
            "2024-01-01T00:00:00+09:60",
            "2024-01-01T00:00:00.Z",
        ] {
            assert!(!valid_datetime(bad), "{bad}");
        }
    }

    #[test]
    fn bboxes() {
        assert_eq!(parse_bbox("146,43,147,44").map(|r| r.len()).ok(), Some(1));
        assert_eq!(parse_bbox("179,43,-179,44").map(|r| r.len()).ok(), Some(2));
        assert!(parse_bbox("146,43,0,147,44,10").is_ok());
        for bad in [
            "146,43,147",
            "146,NaN,147,44",
            "146,inf,147,44",
            "146,44,147,43",
            "a,b,c,d",
            "146,43,147,44,5",
            "200,0,201,1",
        ] {
            assert!(parse_bbox(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn timestamp_is_rfc3339() {
        let t = timestamp();
        assert_eq!(t.len(), 20, "{t}");
        assert!(valid_datetime(&t), "{t}");
    }
}
