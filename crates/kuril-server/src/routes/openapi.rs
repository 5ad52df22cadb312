//! The OpenAPI paths of the service outside `/ogc` and the downloads: the GeoJSON and JSON API, tiles, style and
//! glyphs, static images, the embed page and oEmbed. `ogc::openapi` merges them into the one document served at
//! `/ogc/api`, so that one definition describes every endpoint (and schemathesis checks them all).

use crate::media;
use serde_json::{Map, Value, json};

use crate::media::{GEOJSON, JSON};

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
