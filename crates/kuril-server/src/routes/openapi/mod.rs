//! The one OpenAPI 3.0 document of the service, served at `/ogc/api` (the OGC landing page's `service-desc`):
//! every endpoint, so that one definition describes them all and schemathesis checks them all
//! (tests/schemathesis). Built from openapiv3's typed model: `ogc.rs` has the frame, the `/ogc` endpoints, the
//! downloads and the shared components; `service.rs` the rest of the service; `parts.rs` small constructors.

mod ogc;
mod parts;
mod service;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use openapiv3::{OpenAPI, ReferenceOr};

use super::ogc::{QueryPairs, catalogue, check_query, json_response};
use crate::error::ApiError;
use crate::media::OPENAPI;
use crate::state::AppState;

/// The document for a server reached at `root`, with these collections and scenarios.
pub fn document(root: &str, collections: &[String], scenarios: &[String]) -> OpenAPI {
    let mut doc = ogc::document(root, collections);
    doc.paths.paths.extend(
        service::paths(scenarios)
            .into_iter()
            .map(|(path, item)| (path, ReferenceOr::Item(item))),
    );
    doc
}

/// `GET /ogc/api`.
pub async fn ogc_api(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let cat = catalogue(&s).await?;
    let collections: Vec<String> = cat.ids().collect();
    let scenarios: Vec<String> = s.model.scenarios.iter().map(|sc| sc.id.clone()).collect();
    Ok(json_response(
        OPENAPI,
        &document(&s.base_url(&h), &collections, &scenarios),
    ))
}
