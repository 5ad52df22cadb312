//! Downloads: every OGC collection and every scenario as GeoJSON, KML, CSV (WKT geometry) and GeoPackage.
//!
//! `GET /api/download/{collection}.{ext}` and `GET /api/download/scenario/{id}.{ext}`; the files are built from
//! the same prepared collections as `/ogc` (flat properties), once, and cached with an ETag.

use crate::media;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use serde_json::Value;

use super::ogc::{Catalogue, catalogue};
use crate::error::ApiError;
use crate::formats::{self, Layer, column_name};
use crate::prepared::{Prepared, cached, compressible};
use crate::state::AppState;

/// A download format.
#[derive(Debug)]
pub struct Format {
    pub ext: &'static str,
    pub name: &'static str,
    pub content_type: &'static str,
}

pub const FORMATS: [Format; 4] = [
    Format {
        ext: "geojson",
        name: "GeoJSON",
        content_type: media::GEOJSON,
    },
    Format {
        ext: "kml",
        name: "KML",
        content_type: media::KML,
    },
    Format {
        ext: "csv",
        name: "CSV with WKT geometry",
        content_type: media::CSV,
    },
    Format {
        ext: "gpkg",
        name: "GeoPackage",
        content_type: media::GEOPACKAGE,
    },
];

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/download/{file}", get(collection))
        .route("/api/download/scenario/{file}", get(scenario))
}

/// Split `NAME.EXT`; 404 listing the formats when the extension is not one of them.
fn split(file: &str) -> Result<(&str, &'static Format), ApiError> {
    let (name, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    let fmt = FORMATS
        .iter()
        .find(|f| f.ext == ext)
        .ok_or_else(|| ApiError::unknown_id("download format", ext, FORMATS.iter().map(|f| f.ext.to_string())))?;
    Ok((name, fmt))
}

fn encode(fmt: &Format, title: &str, layers: &[Layer]) -> Result<Vec<u8>, ApiError> {
    Ok(match fmt.ext {
        "geojson" => formats::geojson(layers),
        "kml" => formats::kml::kml(title, layers),
        "csv" => formats::csv::csv(layers),
        "gpkg" => formats::gpkg::gpkg(layers).map_err(ApiError::internal)?,
        other => return Err(ApiError::internal(format!("no writer for {other}"))),
    })
}

/// Serve a file built once and cached, as an attachment, with ETag revalidation.
async fn file(
    state: &AppState,
    headers: &HeaderMap,
    filename: String,
    fmt: &'static Format,
    make: impl FnOnce() -> Result<Vec<u8>, ApiError> + Send + 'static,
) -> Result<Response, ApiError> {
    let key = format!("download:{filename}");
    let compress = compressible(fmt.content_type);
    let doc = cached(&state.documents, key, move || Ok(Prepared::new(make()?, compress))).await?;
    let mut h = HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(fmt.content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(doc.respond(headers, h))
}

async fn collection(State(s): State<AppState>, h: HeaderMap, Path(name): Path<String>) -> Result<Response, ApiError> {
    let cat = catalogue(&s).await?;
    let (id, fmt) = split(&name)?;
    let c = cat.get(id)?;
    let (id, title) = (c.def.id, c.def.title);
    let filename = format!("kuril-{id}.{}", fmt.ext);
    file(&s, &h, filename, fmt, move || {
        let c = cat.get(id)?;
        encode(
            fmt,
            &format!("Kuril Islands dispute map: {title}"),
            std::slice::from_ref(&c.layer),
        )
    })
    .await
}

async fn scenario(State(s): State<AppState>, h: HeaderMap, Path(name): Path<String>) -> Result<Response, ApiError> {
    let (id, fmt) = split(&name)?;
    let sc = s.model.scenario(id)?;
    let (id, title) = (sc.id.clone(), sc.title.clone());
    let cat = catalogue(&s).await?;
    let filename = format!("kuril-scenario-{id}.{}", fmt.ext);
    file(&s, &h, filename, fmt, move || {
        let layers = scenario_layers(&cat, &id)?;
        encode(fmt, &format!("Kuril Islands dispute map: {title}"), &layers)
    })
    .await
}

/// A scenario's bundle: its line, its claim areas, its maritime zones (when the model has them) and the islands
/// with the scenario's holder as `holder` (instead of a `holder_<scenario>` column per scenario).
pub fn scenario_layers(cat: &Catalogue, id: &str) -> Result<Vec<Layer>, ApiError> {
    let scenario_prop = |f: &formats::Feature| f.properties.get("scenario").and_then(Value::as_str) == Some(id);
    let pick = |collection: &str, name: &str, keep: &dyn Fn(&formats::Feature) -> bool| -> Option<Layer> {
        let c = cat.get(collection).ok()?;
        Some(Layer {
            name: name.to_string(),
            title: c.def.title.to_string(),
            features: c.layer.features.iter().filter(|f| keep(f)).cloned().collect(),
        })
    };
    let mut layers = vec![];
    layers.extend(pick("lines", "line", &|f| f.id == id));
    layers.extend(pick("claim-areas", "claim_areas", &scenario_prop));
    layers.extend(pick("maritime-zones", "maritime_zones", &scenario_prop));
    let holder = format!("holder_{}", column_name(id));
    let mut islands = cat.get("islands")?.layer.clone();
    for f in &mut islands.features {
        let held = f.properties.get(&holder).cloned().unwrap_or(Value::Null);
        f.properties.retain(|k, _| !k.starts_with("holder_"));
        f.properties.insert("holder".into(), held);
    }
    layers.push(islands);
    Ok(layers)
}
