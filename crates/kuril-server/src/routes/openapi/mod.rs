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

#[cfg(test)]
mod tests {
    use super::*;
    use openapiv3::Parameter;

    fn doc() -> OpenAPI {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        document(
            "http://maps.test",
            &ids(&["islands", "lines"]),
            &ids(&["soviet", "japanese"]),
        )
    }

    #[test]
    fn operation_ids_are_unique() {
        let doc = doc();
        let mut ids: Vec<&str> = doc
            .operations()
            .filter_map(|(_, _, op)| op.operation_id.as_deref())
            .collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "{ids:?}");
        assert_eq!(n, doc.paths.paths.len(), "one GET with an id per path");
    }

    /// Every `{name}` of a path is a path parameter of its operation, and every path parameter is in the path.
    #[test]
    fn path_parameters_match_the_templates() {
        let doc = doc();
        let components = &doc.components.as_ref().expect("components").parameters;
        for (path, _, op) in doc.operations() {
            let mut declared: Vec<&str> = op
                .parameters
                .iter()
                .map(|p| match p {
                    ReferenceOr::Item(p) => p,
                    ReferenceOr::Reference { reference } => {
                        let name = reference
                            .strip_prefix("#/components/parameters/")
                            .expect("a parameter reference");
                        components.get(name).and_then(|p| p.as_item()).expect("resolves")
                    }
                })
                .filter_map(|p| match p {
                    Parameter::Path { parameter_data, .. } => Some(parameter_data.name.as_str()),
                    _ => None,
                })
                .collect();
            let mut template: Vec<&str> = path
                .split('{')
                .skip(1)
                .filter_map(|s| s.split_once('}').map(|(name, _)| name))
                .collect();
            declared.sort_unstable();
            template.sort_unstable();
            assert_eq!(declared, template, "{path}");
        }
    }
}
