//! The OpenAPI paths of the service outside `/ogc` and the downloads: the GeoJSON and JSON API, tiles, style and
//! glyphs, static images, the embed page and oEmbed. `ogc::openapi` merges them into the one document served at
//! `/ogc/api`, so that one definition describes every endpoint (and schemathesis checks them all).

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde_json::{Map, Value, json};

use super::ogc::{CRS84, LIMIT_DEFAULT, LIMIT_MAX, QueryPairs, catalogue, check_query, json_response};
use crate::error::ApiError;
use crate::media::{self, GEOJSON, JSON, OPENAPI};
use crate::state::AppState;

/// `GET /ogc/api`: the one OpenAPI 3.0 document of the service.
pub async fn ogc_api(State(s): State<AppState>, h: HeaderMap, q: QueryPairs) -> Result<Response, ApiError> {
    check_query(q, &[])?;
    let cat = catalogue(&s).await?;
    let ids: Vec<String> = cat.ids().collect();
    let mut doc = openapi(&s.base_url(&h), &ids);
    let scenarios: Vec<String> = s.model.scenarios.iter().map(|sc| sc.id.clone()).collect();
    if let Some(paths) = doc["paths"].as_object_mut() {
        paths.extend(service_paths(&scenarios));
    }
    Ok(json_response(OPENAPI, &doc))
}

fn err(description: &str) -> Value {
    json!({ "description": description,
            "content": { JSON: { "schema": { "$ref": "#/components/schemas/error" } } } })
}

fn ok(description: &str, content_type: &str, schema: Value) -> Value {
    json!({ "description": description, "content": { content_type: { "schema": schema } } })
}

fn not_modified() -> Value {
    json!({ "description": "Not modified (If-None-Match)" })
}

fn get(tag: &str, id: &str, summary: &str, parameters: Value, responses: Value) -> Value {
    json!({ "get": { "tags": [tag], "operationId": id, "summary": summary, "parameters": parameters,
                     "responses": responses } })
}

fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
}

fn path_param(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "path", "required": true, "description": description, "schema": schema })
}

/// The permalink fields shared by `/image.*` and `/embed` (see web/src/state.ts). The image is strict (a bad
/// value is a 400), so its schema says exactly what is accepted; the embed page, like the app, falls back to the
/// default for a value it cannot read, so there they are plain strings.
fn view_params(scenarios: &[String], strict: bool) -> Vec<Value> {
    let ids = scenarios.join("|");
    let id_alt = format!("(?:{ids})");
    let (map, lines, areas, naming, lang) = if strict {
        (
            json!({ "type": "string", "example": "6/44.3/146.5",
                    "pattern": "^(([0-9]|1[0-9]|2[0-3])(\\.[0-9]{1,3})?|24(\\.0{1,3})?)/-?([0-9]|[1-7][0-9]|8[0-4])(\\.[0-9]{1,5})?/-?([0-9]{1,2}|1[0-7][0-9])(\\.[0-9]{1,5})?$" }),
            json!({ "type": "string", "example": "soviet,japanese", "pattern": format!("^(none|{id_alt}(,{id_alt})*)?$") }),
            json!({ "type": "string", "enum": scenarios.iter().map(String::as_str).chain(["none", ""]).collect::<Vec<_>>() }),
            json!({ "type": "string", "enum": ["both", "ja", "ru"] }),
            json!({ "type": "string", "enum": ["en", "ja", "ru"] }),
        )
    } else {
        let text = json!({ "type": "string" });
        (text.clone(), text.clone(), text.clone(), text.clone(), text)
    };
    let mut p = vec![
        query(
            "map",
            "Camera as zoom/lat/lng (optionally /bearing/0), as in the app's permalinks; zoom 0–24.",
            map,
        ),
        query(
            "lines",
            &format!(
                "Lines shown, comma-separated, or `none`. Ids: {}.",
                ids.replace('|', ", ")
            ),
            lines,
        ),
        query("areas", "The scenario whose claim areas are shown, or `none`.", areas),
        query(
            "naming",
            "Place names: both sides' (`both`), Japanese (`ja`) or Russian (`ru`) usage.",
            naming,
        ),
        query("lang", "Interface language (`en`, `ja`, `ru`).", lang),
    ];
    if strict {
        for side in ["width", "height"] {
            p.push(query(
                side,
                &format!("Image {side} in pixels, 1–2048."),
                json!({ "type": "integer", "minimum": 1, "maximum": 2048 }),
            ));
        }
        p.push(query(
            "legend",
            "The colour key at the top left (drawn unless `no`; left out of images under 160 px).",
            json!({ "type": "string", "enum": ["yes", "no"] }),
        ));
        p.push(query(
            "attribution",
            "The credits in the image (drawn unless `no`, for a page that shows them beside it).",
            json!({ "type": "string", "enum": ["yes", "no"] }),
        ));
    }
    p
}

pub fn service_paths(scenarios: &[String]) -> Map<String, Value> {
    let any_json = json!({ "type": "object" });
    let feature_collection = json!({ "$ref": "#/components/schemas/featureCollectionGeoJSON" });
    let scenario_id = path_param("id", "A scenario id", json!({ "type": "string", "enum": scenarios }));
    let geojson_file = |what: &str| {
        path_param(
            "file",
            &format!("`<scenario>.geojson`: the {what} of one scenario"),
            json!({ "type": "string", "enum": scenarios.iter().map(|s| format!("{s}.geojson")).collect::<Vec<_>>() }),
        )
    };
    let doc = |tag: &str, id: &str, summary: &str, ct: &str, schema: &Value| {
        get(
            tag,
            id,
            summary,
            json!([]),
            json!({ "200": ok(summary, ct, schema.clone()), "304": not_modified() }),
        )
    };
    let image = |ext: &str, ct: &str| {
        get(
            "Images",
            &format!("image{}", ext.to_uppercase()),
            &format!(
                "A static {} image of a map view, drawn on the server",
                ext.to_uppercase()
            ),
            json!(view_params(scenarios, true)),
            json!({
                "200": ok("The image", ct, json!({ "type": "string", "format": "binary" })),
                "304": not_modified(),
                "400": err("A malformed or out-of-range parameter (the body names it)"),
                "503": err("Too many new images are being drawn at once; retry after the `Retry-After` seconds"),
            }),
        )
    };
    let mut paths = Map::new();
    let mut put = |path: &str, item: Value| {
        paths.insert(path.to_string(), item);
    };
    put(
        "/api/scenarios",
        doc(
            "API",
            "getScenarios",
            "Every scenario with its statistics",
            JSON,
            &json!({ "type": "array", "items": { "type": "object" } }),
        ),
    );
    put(
        "/api/scenarios/{id}",
        get(
            "API",
            "getScenario",
            "One scenario: who holds what, its line's figures, land and sea areas per side, method notes",
            json!([scenario_id]),
            json!({ "200": ok("The scenario", JSON, any_json.clone()), "304": not_modified(),
                    "404": err("Unknown scenario (the body lists the valid ids)") }),
        ),
    );
    put(
        "/api/lines",
        doc(
            "API",
            "getLines",
            "Every scenario's line with its figures (length, equidistance error, windows, dates, sources)",
            JSON,
            &json!({ "type": "array", "items": { "type": "object" } }),
        ),
    );
    put(
        "/api/lines/{file}",
        get(
            "API",
            "getLine",
            "One scenario's line",
            json!([geojson_file("line")]),
            json!({ "200": ok("The line", GEOJSON, feature_collection.clone()), "304": not_modified(),
                    "404": err("Unknown scenario") }),
        ),
    );
    put(
        "/api/claim-areas/{file}",
        get(
            "API",
            "getClaimAreas",
            "One scenario's claim areas (each side's land and sea in the scenario's window)",
            json!([geojson_file("claim areas")]),
            json!({ "200": ok("The claim areas", GEOJSON, feature_collection.clone()), "304": not_modified(),
                    "404": err("Unknown scenario") }),
        ),
    );
    for (path, id, what) in [
        (
            "/api/islands.geojson",
            "getIslands",
            "The islands with their names, areas and holders",
        ),
        (
            "/api/straits.geojson",
            "getStraits",
            "The straits with their computed minimum widths",
        ),
        (
            "/api/places.geojson",
            "getPlaces",
            "Towns, capes, volcanoes and lighthouses",
        ),
    ] {
        put(path, doc("API", id, what, GEOJSON, &feature_collection));
    }
    put(
        "/api/timeline",
        doc(
            "API",
            "getTimeline",
            "The history timeline: dated steps, neutral texts with sources, the map state of each step",
            JSON,
            &any_json,
        ),
    );
    put(
        "/api/straits-tour",
        doc(
            "API",
            "getStraitsTour",
            "The straits explainer: computed widths, sourced depths, attributed claims",
            JSON,
            &any_json,
        ),
    );
    put(
        "/tiles/{z}/{x}/{y}",
        get(
            "Tiles",
            "getTile",
            "A Mapbox Vector Tile (layers in docs/tiles.md)",
            json!([
                path_param(
                    "z",
                    "Zoom, 0–14",
                    json!({ "type": "integer", "minimum": 0, "maximum": 14 })
                ),
                path_param(
                    "x",
                    "Column",
                    json!({ "type": "integer", "minimum": 0, "maximum": 16383 })
                ),
                path_param(
                    "y",
                    "Row, followed by `.mvt`",
                    json!({ "type": "string", "pattern": "^[0-9]{1,5}\\.mvt$" })
                ),
            ]),
            json!({
                "200": ok("The tile", media::MVT, json!({ "type": "string", "format": "binary" })),
                "204": { "description": "An empty tile" },
                "304": not_modified(),
                "400": err("z, x or y is not a non-negative integer"),
                "404": err("The tile is outside the pyramid, or the extension is not .mvt"),
            }),
        ),
    );
    put(
        "/tiles.json",
        doc(
            "Tiles",
            "getTileJson",
            "TileJSON 3.0.0 of the vector tiles",
            JSON,
            &any_json,
        ),
    );
    put(
        "/style.json",
        doc("Tiles", "getStyle", "The MapLibre style", JSON, &any_json),
    );
    put(
        "/glyphs/{fontstack}/{range}",
        get(
            "Tiles",
            "getGlyphs",
            "Signed-distance-field glyphs for MapLibre (`{start}-{end}.pbf`)",
            json!([
                path_param(
                    "fontstack",
                    "The fontstack",
                    json!({ "type": "string", "enum": ["Noto Sans Regular"] })
                ),
                path_param(
                    "range",
                    "`{start}-{end}.pbf`: 256 code points from a multiple of 256 (the 256 ranges of the BMP)",
                    json!({ "type": "string", "example": "0-255.pbf",
                            "enum": (0..256).map(|k| format!("{}-{}.pbf", k * 256, k * 256 + 255)).collect::<Vec<_>>() })
                ),
            ]),
            json!({
                "200": ok("The glyphs", media::PROTOBUF, json!({ "type": "string", "format": "binary" })),
                "304": not_modified(),
                "400": err("Malformed range"),
                "404": err("Unknown fontstack or range"),
            }),
        ),
    );
    put("/image.png", image("png", media::PNG));
    put("/image.svg", image("svg", media::SVG));
    put(
        "/embed",
        get(
            "Embedding",
            "getEmbed",
            "A minimal map page for iframes: a static image first, the interactive map on request",
            json!(view_params(scenarios, false)),
            json!({
                "200": ok("The page", "text/html", json!({ "type": "string" })),
                "304": not_modified(),
                "400": err("A malformed parameter"),
            }),
        ),
    );
    put(
        "/oembed",
        get(
            "Embedding",
            "getOEmbed",
            "oEmbed 1.0 provider (type `rich`) for the app's and the embed page's URLs",
            json!([
                { "name": "url", "in": "query", "required": true, "description": "A URL of this service's app or /embed page",
                  "schema": { "type": "string" } },
                query("maxwidth", "Largest width the consumer accepts, px", json!({ "type": "integer", "minimum": 1, "maximum": 1_000_000 })),
                query("maxheight", "Largest height the consumer accepts, px", json!({ "type": "integer", "minimum": 1, "maximum": 1_000_000 })),
                query("format", "Only `json` is offered (xml gets 501)", json!({ "type": "string", "enum": ["json", "xml"] })),
            ]),
            json!({
                "200": ok("The oEmbed response", JSON, json!({ "type": "object",
                    "required": ["type", "version", "html", "width", "height"],
                    "properties": { "type": { "type": "string", "enum": ["rich"] }, "version": { "type": "string", "enum": ["1.0"] },
                                    "html": { "type": "string" }, "width": { "type": "integer" }, "height": { "type": "integer" } } })),
                "400": err("Missing url or malformed maxwidth/maxheight"),
                "404": err("The URL is not a page of this service"),
                "501": err("format=xml is not offered"),
            }),
        ),
    );
    put(
        "/healthz",
        get(
            "Capabilities",
            "getHealth",
            "Liveness",
            json!([]),
            json!({ "200": ok("Up", JSON, json!({ "type": "object", "required": ["status"] })) }),
        ),
    );
    // The documents with texts answer in the reader's language.
    for path in [
        "/api/scenarios",
        "/api/scenarios/{id}",
        "/api/lines",
        "/api/timeline",
        "/api/straits-tour",
        "/api/islands.geojson",
        "/api/straits.geojson",
        "/api/places.geojson",
    ] {
        if let Some(op) = paths.get_mut(path).and_then(|p| p.get_mut("get")) {
            if let Some(Value::Array(params)) = op.get_mut("parameters") {
                params.push(query(
                    "lang",
                    "Language of the texts (titles, summaries, steps, stops, notes, method notes): en (default), ja or ru",
                    json!({ "type": "string", "enum": ["en", "ja", "ru"] }),
                ));
            }
            if let Some(Value::Object(responses)) = op.get_mut("responses") {
                responses.insert("400".into(), err("A language other than en, ja or ru"));
            }
        }
    }
    paths
}

/// The OpenAPI 3.0 document: every `/ogc` endpoint and the downloads (`api` adds the rest of the service from
/// `openapi.rs`).
pub fn openapi(root: &str, collections: &[String]) -> Value {
    let err = |d: &str| json!({ "description": d, "content": { JSON: { "schema": { "$ref": "#/components/schemas/error" } } } });
    let ok_json = |d: &str, schema: &str| json!({ "description": d, "content": { JSON: { "schema": { "$ref": format!("#/components/schemas/{schema}") } } } });
    let f_param = json!({ "$ref": "#/components/parameters/f" });
    let formats: Vec<&str> = super::download::FORMATS.iter().map(|f| f.ext).collect();
    let download_content: Value = super::download::FORMATS
        .iter()
        .map(|f| {
            // GeoJSON is JSON (clients parse it); the others are files.
            let schema = if f.content_type == GEOJSON {
                json!({ "$ref": "#/components/schemas/featureCollectionGeoJSON" })
            } else {
                json!({ "type": "string", "format": "binary" })
            };
            (f.content_type.to_string(), json!({ "schema": schema }))
        })
        .collect::<serde_json::Map<_, _>>()
        .into();
    let download_headers = json!({
        "Content-Disposition": { "description": "attachment; filename=…", "schema": { "type": "string" } },
        "ETag": { "schema": { "type": "string" } },
    });
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Kuril Islands dispute map: OGC API – Features, downloads and the service API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "OGC API – Features – Part 1 (Core, GeoJSON, OpenAPI 3.0) over the islands, straits, places, \
                            each scenario's computed boundary line, claim areas and maritime zones; and downloads of every \
                            collection and every scenario as GeoJSON, KML, CSV (WKT geometry) and GeoPackage. \
                            Coordinates are WGS 84 longitude/latitude (CRS84). Errors are JSON: \
                            {\"error\": {\"status\", \"code\", \"message\", \"valid\"?}}.",
            "license": { "name": "MIT OR Apache-2.0 (code); data licences in geodata/SOURCES.md" },
        },
        "servers": [{ "url": root }],
        "paths": {
            "/ogc": { "get": {
                "tags": ["Capabilities"], "summary": "Landing page", "operationId": "getLandingPage",
                "parameters": [f_param],
                "responses": { "200": ok_json("Links to the API definition, conformance and collections", "landingPage"),
                               "400": err("Unknown query parameter") },
            } },
            "/ogc/conformance": { "get": {
                "tags": ["Capabilities"], "summary": "Conformance classes implemented", "operationId": "getConformance",
                "parameters": [f_param],
                "responses": { "200": ok_json("The conformance classes", "confClasses"), "400": err("Unknown query parameter") },
            } },
            "/ogc/api": { "get": {
                "tags": ["Capabilities"], "summary": "This API definition (OpenAPI 3.0)", "operationId": "getApi",
                "parameters": [f_param],
                "responses": {
                    "200": { "description": "The OpenAPI document", "content": { OPENAPI: { "schema": { "type": "object" } } } },
                    "400": err("Unknown query parameter"),
                },
            } },
            "/ogc/collections": { "get": {
                "tags": ["Capabilities"], "summary": "The feature collections", "operationId": "getCollections",
                "parameters": [f_param],
                "responses": { "200": ok_json("Every collection with its extent and links", "collections"),
                               "400": err("Unknown query parameter") },
            } },
            "/ogc/collections/{collectionId}": { "get": {
                "tags": ["Data"], "summary": "One collection", "operationId": "describeCollection",
                "parameters": [{ "$ref": "#/components/parameters/collectionId" }, f_param],
                "responses": { "200": ok_json("The collection", "collection"), "400": err("Unknown query parameter"),
                               "404": err("Unknown collection (the body lists the valid ids)") },
            } },
            "/ogc/collections/{collectionId}/items": { "get": {
                "tags": ["Data"], "summary": "Features of a collection, a page at a time", "operationId": "getFeatures",
                "description": "Unknown or repeated query parameters get 400. Page through with the `next` link.",
                "parameters": [
                    { "$ref": "#/components/parameters/collectionId" },
                    { "$ref": "#/components/parameters/limit" },
                    { "$ref": "#/components/parameters/offset" },
                    { "$ref": "#/components/parameters/bbox" },
                    { "$ref": "#/components/parameters/datetime" },
                    f_param,
                ],
                "responses": {
                    "200": { "description": "A page of features (GeoJSON FeatureCollection)",
                             "content": { GEOJSON: { "schema": { "$ref": "#/components/schemas/featureCollectionGeoJSON" } } } },
                    "400": err("Malformed or unknown query parameter"),
                    "404": err("Unknown collection"),
                },
            } },
            "/ogc/collections/{collectionId}/items/{featureId}": { "get": {
                "tags": ["Data"], "summary": "One feature", "operationId": "getFeature",
                "parameters": [
                    { "$ref": "#/components/parameters/collectionId" },
                    { "$ref": "#/components/parameters/featureId" },
                    f_param,
                ],
                "responses": {
                    "200": { "description": "The feature (GeoJSON)",
                             "content": { GEOJSON: { "schema": { "$ref": "#/components/schemas/featureGeoJSON" } } } },
                    "400": err("Unknown query parameter"),
                    "404": err("Unknown collection or feature (the body lists the valid ids)"),
                },
            } },
            "/api/download/{collection}.{format}": { "get": {
                "tags": ["Downloads"], "summary": "Every feature of a collection as a file", "operationId": "downloadCollection",
                "description": "GeoJSON (application/geo+json), KML (application/vnd.google-earth.kml+xml), CSV with a \
                                header row and a WKT geometry column (text/csv; charset=utf-8), GeoPackage \
                                (application/geopackage+sqlite3). Sent as an attachment.",
                "parameters": [
                    { "name": "collection", "in": "path", "required": true, "schema": { "type": "string", "enum": collections } },
                    { "name": "format", "in": "path", "required": true, "schema": { "type": "string", "enum": formats } },
                ],
                "responses": {
                    "200": { "description": "The file", "headers": download_headers, "content": download_content },
                    "304": { "description": "Not modified (If-None-Match)" },
                    "404": err("Unknown collection or format (the body lists the valid ones)"),
                },
            } },
            "/api/download/scenario/{scenario}.{format}": { "get": {
                "tags": ["Downloads"], "summary": "A scenario bundle as a file", "operationId": "downloadScenario",
                "description": "The scenario's line, its two claim areas, its maritime zones (when available) and the \
                                islands with the scenario's holder (`holder`). GeoJSON and CSV add a `layer` column; KML \
                                has a folder and GeoPackage a table per layer.",
                "parameters": [
                    { "name": "scenario", "in": "path", "required": true, "description": "A scenario id (GET /api/scenarios)",
                      "schema": { "type": "string" } },
                    { "name": "format", "in": "path", "required": true, "schema": { "type": "string", "enum": formats } },
                ],
                "responses": {
                    "200": { "description": "The file", "headers": download_headers, "content": download_content },
                    "304": { "description": "Not modified (If-None-Match)" },
                    "404": err("Unknown scenario or format (the body lists the valid ones)"),
                },
            } },
        },
        "components": {
            "parameters": {
                "collectionId": { "name": "collectionId", "in": "path", "required": true, "description": "A collection id",
                                  "schema": { "type": "string", "enum": collections } },
                "featureId": { "name": "featureId", "in": "path", "required": true,
                               "description": "A feature id: island, strait or place id; scenario id for lines; \
                                               <scenario>:<side> for claim areas; <scenario>:<side>:<zone> for maritime zones",
                               "schema": { "type": "string" } },
                "limit": { "name": "limit", "in": "query", "required": false, "style": "form", "explode": false,
                           "description": format!("Features per page: at least 1, default {LIMIT_DEFAULT}; a value above \
                                                   {LIMIT_MAX} is treated as {LIMIT_MAX} (no error)."),
                           // No `maximum` in the schema: a larger value is valid and served as the maximum
                           // (OGC API – Features, /req/core/fc-limit-response-1).
                           "schema": { "type": "integer", "minimum": 1, "default": LIMIT_DEFAULT } },
                "offset": { "name": "offset", "in": "query", "required": false, "style": "form", "explode": false,
                            "description": "Features to skip (paging; the `next` link sets it).",
                            "schema": { "type": "integer", "minimum": 0, "default": 0 } },
                "bbox": { "name": "bbox", "in": "query", "required": false, "style": "form", "explode": false,
                          "description": "Only features whose geometry intersects this box: minLon,minLat,maxLon,maxLat \
                                          (or six numbers with heights) in CRS84. minLon > maxLon crosses the antimeridian. \
                                          Malformed values, non-finite numbers, out-of-range coordinates or \
                                          minLat > maxLat get 400.",
                          "schema": { "oneOf": [
                              { "type": "array", "minItems": 4, "maxItems": 4,
                                "items": { "type": "number", "minimum": -180, "maximum": 180 } },
                              { "type": "array", "minItems": 6, "maxItems": 6, "items": { "type": "number" } } ] } },
                "datetime": { "name": "datetime", "in": "query", "required": false, "style": "form", "explode": false,
                              "description": "RFC 3339 date-time or interval (`a/b`, `../b`, `a/..`). The data has no time \
                                              dimension: a valid value filters nothing; a malformed one gets 400.",
                              "schema": { "type": "string", "format": "date-time" } },
                "f": { "name": "f", "in": "query", "required": false, "description": "Response format: JSON only.",
                       "schema": { "type": "string", "enum": ["json", "geojson"] } },
            },
            "schemas": {
                "error": { "type": "object", "required": ["error"], "properties": { "error": {
                    "type": "object", "required": ["status", "code", "message"],
                    "properties": { "status": { "type": "integer" }, "code": { "type": "string" },
                                    "message": { "type": "string" },
                                    "valid": { "type": "array", "items": { "type": "string" } } } } } },
                "link": { "type": "object", "required": ["href", "rel"], "properties": {
                    "href": { "type": "string" }, "rel": { "type": "string" }, "type": { "type": "string" },
                    "title": { "type": "string" } } },
                "links": { "type": "array", "items": { "$ref": "#/components/schemas/link" } },
                "landingPage": { "type": "object", "required": ["links"], "properties": {
                    "title": { "type": "string" }, "description": { "type": "string" },
                    "links": { "$ref": "#/components/schemas/links" } } },
                "confClasses": { "type": "object", "required": ["conformsTo"], "properties": {
                    "conformsTo": { "type": "array", "items": { "type": "string" } } } },
                "extent": { "type": "object", "properties": { "spatial": { "type": "object", "properties": {
                    "bbox": { "type": "array", "minItems": 1, "items": { "type": "array", "minItems": 4, "maxItems": 6,
                                                                           "items": { "type": "number" } } },
                    "crs": { "type": "string", "enum": [CRS84] } } } } },
                "collection": { "type": "object", "required": ["id", "links"], "properties": {
                    "id": { "type": "string" }, "title": { "type": "string" }, "description": { "type": "string" },
                    "links": { "$ref": "#/components/schemas/links" }, "extent": { "$ref": "#/components/schemas/extent" },
                    "itemType": { "type": "string" }, "crs": { "type": "array", "items": { "type": "string" } } } },
                "collections": { "type": "object", "required": ["links", "collections"], "properties": {
                    "links": { "$ref": "#/components/schemas/links" },
                    "collections": { "type": "array", "items": { "$ref": "#/components/schemas/collection" } } } },
                "geometryGeoJSON": { "type": "object", "required": ["type"], "properties": {
                    "type": { "type": "string", "enum": ["Point", "MultiPoint", "LineString", "MultiLineString",
                                                         "Polygon", "MultiPolygon", "GeometryCollection"] } } },
                "featureGeoJSON": { "type": "object", "required": ["type", "geometry", "properties"], "properties": {
                    "type": { "type": "string", "enum": ["Feature"] },
                    "id": { "type": "string" },
                    "geometry": { "$ref": "#/components/schemas/geometryGeoJSON" },
                    "properties": { "type": "object", "nullable": true },
                    "links": { "$ref": "#/components/schemas/links" } } },
                "featureCollectionGeoJSON": { "type": "object", "required": ["type", "features"], "properties": {
                    "type": { "type": "string", "enum": ["FeatureCollection"] },
                    "features": { "type": "array", "items": { "$ref": "#/components/schemas/featureGeoJSON" } },
                    "links": { "$ref": "#/components/schemas/links" },
                    "timeStamp": { "type": "string", "format": "date-time" },
                    "numberMatched": { "type": "integer", "minimum": 0 },
                    "numberReturned": { "type": "integer", "minimum": 0 } } },
            },
        },
    })
}
