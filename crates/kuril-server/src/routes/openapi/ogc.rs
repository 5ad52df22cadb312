//! The document's frame (info, servers, components) and the paths of OGC API – Features under `/ogc` and of
//! the downloads.

use openapiv3::{
    Components, Info, License, OpenAPI, Operation, Parameter, PathItem, Paths, ReferenceOr, Response, Server,
};

use super::parts::{
    array, binary, body, date_time, error, get, header, integer, item, media, not_modified, nullable, number, object,
    object_of, one_of, operation, param_ref, path, query, responses, schema_ref, sized_array, string, string_enum,
    unexploded_query, with_default,
};
use crate::media::{GEOJSON, JSON, OPENAPI};
use crate::routes::download::FORMATS;
use crate::routes::ogc::{CRS84, LIMIT_DEFAULT, LIMIT_MAX};

/// The document with every `/ogc` endpoint and the downloads; `super::document` adds the rest of the service.
pub fn document(root: &str, collections: &[String]) -> OpenAPI {
    OpenAPI {
        openapi: "3.0.3".to_string(),
        info: Info {
            title: "Kuril Islands dispute map: OGC API – Features, downloads and the service API".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            description: Some(
                "OGC API – Features – Part 1 (Core, GeoJSON, OpenAPI 3.0) over the islands, straits, places, \
                 each scenario's computed boundary line, claim areas and maritime zones; and downloads of every \
                 collection and every scenario as GeoJSON, KML, CSV (WKT geometry) and GeoPackage. \
                 Coordinates are WGS 84 longitude/latitude (CRS84). Errors are JSON: \
                 {\"error\": {\"status\", \"code\", \"message\", \"valid\"?}}."
                    .to_string(),
            ),
            license: Some(License {
                name: "MIT OR Apache-2.0 (code); data licences in geodata/SOURCES.md".to_string(),
                url: None,
                extensions: Default::default(),
            }),
            ..Info::default()
        },
        servers: vec![Server {
            url: root.to_string(),
            description: None,
            variables: None,
            extensions: Default::default(),
        }],
        paths: Paths {
            paths: paths(collections)
                .into_iter()
                .map(|(p, item)| (p.to_string(), ReferenceOr::Item(item)))
                .collect(),
            ..Paths::default()
        },
        components: Some(Components {
            parameters: parameters(collections)
                .into_iter()
                .map(|(name, p)| (name.to_string(), ReferenceOr::Item(p)))
                .collect(),
            schemas: schemas()
                .into_iter()
                .map(|(name, s)| (name.to_string(), ReferenceOr::Item(s)))
                .collect(),
            ..Components::default()
        }),
        ..OpenAPI::default()
    }
}

/// An OGC operation: its parameters by reference to the components (and `f`).
fn ogc(tag: &str, id: &str, summary: &str, params: &[&str], responses_: Vec<(u16, Response)>) -> Operation {
    let mut op = operation(tag, id, summary, vec![], responses(responses_));
    op.parameters = params.iter().chain(&["f"]).map(|p| param_ref(p)).collect();
    op
}

fn ok_json(description: &str, schema: &str) -> Response {
    body(description, JSON, schema_ref(schema))
}

fn paths(collections: &[String]) -> Vec<(&'static str, PathItem)> {
    let formats = || string_enum(FORMATS.iter().map(|f| f.ext));
    let download = |id: &str, summary: &str, description: &str, name: Parameter, not_found: &str| {
        let mut op = operation(
            "Downloads",
            id,
            summary,
            vec![name, path("format", None, formats())],
            responses(vec![
                (200, download_response()),
                (304, not_modified()),
                (404, error(not_found)),
            ]),
        );
        op.description = Some(description.to_string());
        op
    };
    let mut items = ogc(
        "Data",
        "getFeatures",
        "Features of a collection, a page at a time",
        &["collectionId", "limit", "offset", "bbox", "datetime"],
        vec![
            (
                200,
                body(
                    "A page of features (GeoJSON FeatureCollection)",
                    GEOJSON,
                    schema_ref("featureCollectionGeoJSON"),
                ),
            ),
            (400, error("Malformed or unknown query parameter")),
            (404, error("Unknown collection")),
        ],
    );
    items.description =
        Some("Unknown or repeated query parameters get 400. Page through with the `next` link.".to_string());
    vec![
        (
            "/ogc",
            get(ogc(
                "Capabilities",
                "getLandingPage",
                "Landing page",
                &[],
                vec![
                    (
                        200,
                        ok_json(
                            "Links to the API definition, conformance and collections",
                            "landingPage",
                        ),
                    ),
                    (400, error("Unknown query parameter")),
                ],
            )),
        ),
        (
            "/ogc/conformance",
            get(ogc(
                "Capabilities",
                "getConformance",
                "Conformance classes implemented",
                &[],
                vec![
                    (200, ok_json("The conformance classes", "confClasses")),
                    (400, error("Unknown query parameter")),
                ],
            )),
        ),
        (
            "/ogc/api",
            get(ogc(
                "Capabilities",
                "getApi",
                "This API definition (OpenAPI 3.0)",
                &[],
                vec![
                    (200, body("The OpenAPI document", OPENAPI, item(object()))),
                    (400, error("Unknown query parameter")),
                ],
            )),
        ),
        (
            "/ogc/collections",
            get(ogc(
                "Capabilities",
                "getCollections",
                "The feature collections",
                &[],
                vec![
                    (
                        200,
                        ok_json("Every collection with its extent and links", "collections"),
                    ),
                    (400, error("Unknown query parameter")),
                ],
            )),
        ),
        (
            "/ogc/collections/{collectionId}",
            get(ogc(
                "Data",
                "describeCollection",
                "One collection",
                &["collectionId"],
                vec![
                    (200, ok_json("The collection", "collection")),
                    (400, error("Unknown query parameter")),
                    (404, error("Unknown collection (the body lists the valid ids)")),
                ],
            )),
        ),
        ("/ogc/collections/{collectionId}/items", get(items)),
        (
            "/ogc/collections/{collectionId}/items/{featureId}",
            get(ogc(
                "Data",
                "getFeature",
                "One feature",
                &["collectionId", "featureId"],
                vec![
                    (
                        200,
                        body("The feature (GeoJSON)", GEOJSON, schema_ref("featureGeoJSON")),
                    ),
                    (400, error("Unknown query parameter")),
                    (
                        404,
                        error("Unknown collection or feature (the body lists the valid ids)"),
                    ),
                ],
            )),
        ),
        (
            "/api/download/{collection}.{format}",
            get(download(
                "downloadCollection",
                "Every feature of a collection as a file",
                "GeoJSON (application/geo+json), KML (application/vnd.google-earth.kml+xml), CSV with a \
                 header row and a WKT geometry column (text/csv; charset=utf-8), GeoPackage \
                 (application/geopackage+sqlite3). Sent as an attachment.",
                path("collection", None, string_enum(collections.iter().map(String::as_str))),
                "Unknown collection or format (the body lists the valid ones)",
            )),
        ),
        (
            "/api/download/scenario/{scenario}.{format}",
            get(download(
                "downloadScenario",
                "A scenario bundle as a file",
                "The scenario's line, its two claim areas, its maritime zones (when available) and the \
                 islands with the scenario's holder (`holder`). GeoJSON and CSV add a `layer` column; KML \
                 has a folder and GeoPackage a table per layer.",
                path("scenario", Some("A scenario id (GET /api/scenarios)"), string()),
                "Unknown scenario or format (the body lists the valid ones)",
            )),
        ),
    ]
}

/// A download: the file in its format's media type, as an attachment with an ETag.
fn download_response() -> Response {
    let mut r = body("The file", JSON, item(string()));
    r.content = FORMATS
        .iter()
        .map(|f| {
            // GeoJSON is JSON (clients parse it); the others are files.
            let schema = if f.content_type == GEOJSON {
                schema_ref("featureCollectionGeoJSON")
            } else {
                item(binary())
            };
            (f.content_type.to_string(), media(schema))
        })
        .collect();
    r.headers = [
        (
            "Content-Disposition".to_string(),
            header(Some("attachment; filename=…")),
        ),
        ("ETag".to_string(), header(None)),
    ]
    .into_iter()
    .collect();
    r
}

fn parameters(collections: &[String]) -> Vec<(&'static str, Parameter)> {
    vec![
        (
            "collectionId",
            path(
                "collectionId",
                Some("A collection id"),
                string_enum(collections.iter().map(String::as_str)),
            ),
        ),
        (
            "featureId",
            path(
                "featureId",
                Some(
                    "A feature id: island, strait or place id; scenario id for lines; \
                     <scenario>:<side> for claim areas; <scenario>:<side>:<zone> for maritime zones",
                ),
                string(),
            ),
        ),
        (
            "limit",
            unexploded_query(
                "limit",
                &format!(
                    "Features per page: at least 1, default {LIMIT_DEFAULT}; a value above \
                     {LIMIT_MAX} is treated as {LIMIT_MAX} (no error)."
                ),
                // No `maximum` in the schema: a larger value is valid and served as the maximum
                // (OGC API – Features, /req/core/fc-limit-response-1).
                with_default(integer(Some(1), None), LIMIT_DEFAULT),
            ),
        ),
        (
            "offset",
            unexploded_query(
                "offset",
                "Features to skip (paging; the `next` link sets it).",
                with_default(integer(Some(0), None), 0),
            ),
        ),
        (
            "bbox",
            unexploded_query(
                "bbox",
                "Only features whose geometry intersects this box: minLon,minLat,maxLon,maxLat \
                 (or six numbers with heights) in CRS84. minLon > maxLon crosses the antimeridian. \
                 Malformed values, non-finite numbers, out-of-range coordinates or \
                 minLat > maxLat get 400.",
                one_of(vec![
                    sized_array(item(number(Some(-180.0), Some(180.0))), Some(4), Some(4)),
                    sized_array(item(number(None, None)), Some(6), Some(6)),
                ]),
            ),
        ),
        (
            "datetime",
            unexploded_query(
                "datetime",
                "RFC 3339 date-time or interval (`a/b`, `../b`, `a/..`). The data has no time \
                 dimension: a valid value filters nothing; a malformed one gets 400.",
                date_time(),
            ),
        ),
        (
            "f",
            query("f", "Response format: JSON only.", string_enum(["json", "geojson"])),
        ),
    ]
}

fn schemas() -> Vec<(&'static str, openapiv3::Schema)> {
    let s = || item(string());
    let links = || schema_ref("links");
    vec![
        (
            "error",
            object_of(
                &["error"],
                vec![(
                    "error",
                    item(object_of(
                        &["status", "code", "message"],
                        vec![
                            ("status", item(integer(None, None))),
                            ("code", s()),
                            ("message", s()),
                            ("valid", item(array(s()))),
                        ],
                    )),
                )],
            ),
        ),
        (
            "link",
            object_of(
                &["href", "rel"],
                vec![("href", s()), ("rel", s()), ("type", s()), ("title", s())],
            ),
        ),
        ("links", array(schema_ref("link"))),
        (
            "landingPage",
            object_of(
                &["links"],
                vec![("title", s()), ("description", s()), ("links", links())],
            ),
        ),
        (
            "confClasses",
            object_of(&["conformsTo"], vec![("conformsTo", item(array(s())))]),
        ),
        (
            "extent",
            object_of(
                &[],
                vec![(
                    "spatial",
                    item(object_of(
                        &[],
                        vec![
                            (
                                "bbox",
                                item(sized_array(
                                    item(sized_array(item(number(None, None)), Some(4), Some(6))),
                                    Some(1),
                                    None,
                                )),
                            ),
                            ("crs", item(string_enum([CRS84]))),
                        ],
                    )),
                )],
            ),
        ),
        (
            "collection",
            object_of(
                &["id", "links"],
                vec![
                    ("id", s()),
                    ("title", s()),
                    ("description", s()),
                    ("links", links()),
                    ("extent", schema_ref("extent")),
                    ("itemType", s()),
                    ("crs", item(array(s()))),
                ],
            ),
        ),
        (
            "collections",
            object_of(
                &["links", "collections"],
                vec![
                    ("links", links()),
                    ("collections", item(array(schema_ref("collection")))),
                ],
            ),
        ),
        (
            "geometryGeoJSON",
            object_of(
                &["type"],
                vec![(
                    "type",
                    item(string_enum([
                        "Point",
                        "MultiPoint",
                        "LineString",
                        "MultiLineString",
                        "Polygon",
                        "MultiPolygon",
                        "GeometryCollection",
                    ])),
                )],
            ),
        ),
        (
            "featureGeoJSON",
            object_of(
                &["type", "geometry", "properties"],
                vec![
                    ("type", item(string_enum(["Feature"]))),
                    ("id", s()),
                    ("geometry", schema_ref("geometryGeoJSON")),
                    ("properties", item(nullable(object()))),
                    ("links", links()),
                ],
            ),
        ),
        (
            "featureCollectionGeoJSON",
            object_of(
                &["type", "features"],
                vec![
                    ("type", item(string_enum(["FeatureCollection"]))),
                    ("features", item(array(schema_ref("featureGeoJSON")))),
                    ("links", links()),
                    ("timeStamp", item(date_time())),
                    ("numberMatched", item(integer(Some(0), None))),
                    ("numberReturned", item(integer(Some(0), None))),
                ],
            ),
        ),
    ]
}
