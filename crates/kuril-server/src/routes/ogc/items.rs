//! `GET /ogc/collections/{collection}/items` (a page of features, with `next` and `prev` links) and
//! `GET /ogc/collections/{collection}/items/{feature}` (one feature).

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use super::{ItemsQuery, Link, QueryPairs, base, catalogue, check_query, json_response, link, parse_items_query};
use crate::error::ApiError;
use crate::media::{GEOJSON, JSON};
use crate::state::AppState;

/// What a query value in a link keeps as it is: the unreserved characters, and `,` and `:` for readable bboxes,
/// datetimes and feature ids.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b',')
    .remove(b':');

fn encode(s: &str) -> String {
    utf8_percent_encode(s, QUERY_VALUE).to_string()
}

fn items_href(b: &str, id: &str, q: &ItemsQuery, offset: usize) -> String {
    let mut href = format!("{b}/collections/{id}/items?limit={}", q.limit);
    if offset > 0 {
        href.push_str(&format!("&offset={offset}"));
    }
    if let Some((_, text)) = &q.bbox {
        href.push_str(&format!("&bbox={}", encode(text)));
    }
    if let Some(dt) = &q.datetime {
        href.push_str(&format!("&datetime={}", encode(dt)));
    }
    href
}

/// An items page without its features, which are spliced in from their prepared text.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PageHead {
    #[serde(rename = "type")]
    kind: &'static str,
    number_matched: usize,
    number_returned: usize,
    time_stamp: String,
    links: Vec<Link>,
}

pub async fn items(
    State(s): State<AppState>,
    h: HeaderMap,
    Path(id): Path<String>,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    let cat = catalogue(&s).await?;
    let c = cat.get(&id)?;
    let pairs = check_query(q, &["limit", "offset", "bbox", "datetime"])?;
    let q = parse_items_query(&pairs)?;
    let matched = c.matching(q.bbox.as_ref().map(|(r, _)| r.as_slice()));
    let page: Vec<usize> = matched.iter().copied().skip(q.offset).take(q.limit).collect();
    let b = base(&s, &h);
    let mut links = vec![
        link(items_href(&b, &id, &q, q.offset), "self", GEOJSON, "This page"),
        link(format!("{b}/collections/{id}"), "collection", JSON, c.def.title),
    ];
    let end = q.offset.saturating_add(page.len());
    if end < matched.len() {
        links.push(link(items_href(&b, &id, &q, end), "next", GEOJSON, "Next page"));
    }
    if q.offset > 0 {
        let prev = q.offset.saturating_sub(q.limit).min(matched.len().saturating_sub(1));
        links.push(link(items_href(&b, &id, &q, prev), "prev", GEOJSON, "Previous page"));
    }
    let head = serde_json::to_string(&PageHead {
        kind: "FeatureCollection",
        number_matched: matched.len(),
        number_returned: page.len(),
        time_stamp: super::timestamp(),
        links,
    })
    .map_err(ApiError::internal)?;
    let mut body = String::with_capacity(head.len() + page.iter().map(|&i| c.json[i].len() + 1).sum::<usize>() + 16);
    body.push_str(head.strip_suffix('}').unwrap_or(&head));
    body.push_str(",\"features\":[");
    for (n, &i) in page.iter().enumerate() {
        if n > 0 {
            body.push(',');
        }
        body.push_str(&c.json[i]);
    }
    body.push_str("]}");
    Ok(super::respond(GEOJSON, body.into_bytes()))
}

pub async fn feature(
    State(s): State<AppState>,
    h: HeaderMap,
    Path((id, fid)): Path<(String, String)>,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let cat = catalogue(&s).await?;
    let c = cat.get(&id)?;
    let f = c.layer.features.iter().find(|f| f.id == fid).ok_or_else(|| {
        ApiError::unknown_id(
            &format!("{id} feature"),
            &fid,
            c.layer.features.iter().map(|f| f.id.clone()),
        )
    })?;
    let b = base(&s, &h);
    let mut v = f.to_geojson(&c.columns, &[]);
    let links = [
        link(
            format!("{b}/collections/{id}/items/{}", encode(&fid)),
            "self",
            GEOJSON,
            "This feature",
        ),
        link(format!("{b}/collections/{id}"), "collection", JSON, c.def.title),
    ];
    v["links"] = serde_json::to_value(links).map_err(ApiError::internal)?;
    Ok(json_response(GEOJSON, &v))
}
