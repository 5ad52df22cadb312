//! `GET /ogc/collections` and `GET /ogc/collections/{collection}`: each collection with its extent, its items
//! link and the download of all its features in every format.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;

use super::{CRS84, Collection, Link, QueryPairs, base, catalogue, check_query, json_response, link};
use crate::error::ApiError;
use crate::media::{GEOJSON, JSON};
use crate::routes::download;
use crate::state::AppState;

#[derive(Debug, Serialize)]
struct Collections {
    links: [Link; 1],
    collections: Vec<CollectionDoc>,
}

#[derive(Debug, Serialize)]
struct CollectionDoc {
    id: &'static str,
    title: &'static str,
    description: &'static str,
    #[serde(rename = "itemType")]
    item_type: &'static str,
    crs: [&'static str; 1],
    extent: Extent,
    links: Vec<Link>,
}

#[derive(Debug, Serialize)]
struct Extent {
    spatial: Spatial,
}

#[derive(Debug, Serialize)]
struct Spatial {
    bbox: [[f64; 4]; 1],
    crs: &'static str,
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn collection_doc(b: &str, c: &Collection) -> CollectionDoc {
    let id = c.def.id;
    let bbox = c.extent.map_or([-180.0, -90.0, 180.0, 90.0], |e| {
        [
            round6(e.min().x),
            round6(e.min().y),
            round6(e.max().x),
            round6(e.max().y),
        ]
    });
    let root = b.trim_end_matches("/ogc");
    let mut links = vec![
        link(format!("{b}/collections/{id}"), "self", JSON, c.def.title),
        link(
            format!("{b}/collections/{id}/items"),
            "items",
            GEOJSON,
            "The features (GeoJSON)",
        ),
    ];
    for fmt in download::FORMATS {
        links.push(link(
            format!("{root}/api/download/{id}.{}", fmt.ext),
            "enclosure",
            fmt.content_type,
            &format!("Download all features ({})", fmt.name),
        ));
    }
    CollectionDoc {
        id,
        title: c.def.title,
        description: c.def.description,
        item_type: "feature",
        crs: [CRS84],
        extent: Extent {
            spatial: Spatial {
                bbox: [bbox],
                crs: CRS84,
            },
        },
        links,
    }
}

pub async fn collections(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let cat = catalogue(&s).await?;
    let b = base(&s, &h);
    Ok(json_response(
        JSON,
        &Collections {
            links: [link(format!("{b}/collections"), "self", JSON, "This document")],
            collections: cat.collections.iter().map(|c| collection_doc(&b, c)).collect(),
        },
    ))
}

pub async fn collection(
    State(s): State<AppState>,
    h: HeaderMap,
    Path(id): Path<String>,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let cat = catalogue(&s).await?;
    let c = cat.get(&id)?;
    Ok(json_response(JSON, &collection_doc(&base(&s, &h), c)))
}
