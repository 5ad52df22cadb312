//! The paths of the service outside `/ogc` and the downloads: the GeoJSON and JSON API, tiles, style and
//! glyphs, static images, the embed page and oEmbed.

use openapiv3::{Operation, Parameter, PathItem, ReferenceOr, Schema, StatusCode};

use super::parts::{
    array, binary, body, empty, error, get, integer, item, not_modified, object, object_of, operation, path, query,
    required_query, responses, schema_ref, string, string_enum, string_pattern, with_example,
};
use crate::media::{self, GEOJSON, JSON};

/// The permalink fields shared by `/image.*` and `/embed` (see web/src/state.ts). The image is strict (a bad
/// value is a 400), so its schema says exactly what is accepted; the embed page, like the app, falls back to the
/// default for a value it cannot read, so there they are plain strings.
fn view_params(scenarios: &[String], strict: bool) -> Vec<Parameter> {
    let ids = scenarios.join("|");
    let id_alt = format!("(?:{ids})");
    let (map, lines, areas, naming, lang) = if strict {
        (
            with_example(
                string_pattern(
                    "^(([0-9]|1[0-9]|2[0-3])(\\.[0-9]{1,3})?|24(\\.0{1,3})?)/-?([0-9]|[1-7][0-9]|8[0-4])(\\.[0-9]{1,5})?/-?([0-9]{1,2}|1[0-7][0-9])(\\.[0-9]{1,5})?$",
                ),
                "6/44.3/146.5",
            ),
            with_example(
                string_pattern(format!("^(none|{id_alt}(,{id_alt})*)?$")),
                "soviet,japanese",
            ),
            string_enum(scenarios.iter().map(String::as_str).chain(["none", ""])),
            string_enum(["both", "ja", "ru"]),
            string_enum(["en", "ja", "ru"]),
        )
    } else {
        (string(), string(), string(), string(), string())
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
                integer(Some(1), Some(2048)),
            ));
        }
        p.push(query(
            "legend",
            "The colour key at the top left (drawn unless `no`; left out of images under 160 px).",
            string_enum(["yes", "no"]),
        ));
        p.push(query(
            "attribution",
            "The credits in the image (drawn unless `no`, for a page that shows them beside it).",
            string_enum(["yes", "no"]),
        ));
    }
    p
}

/// A document that depends only on the data: no parameters, 200 or 304.
fn document(tag: &str, id: &str, summary: &str, media_type: &str, schema: ReferenceOr<Schema>) -> Operation {
    operation(
        tag,
        id,
        summary,
        vec![],
        responses(vec![(200, body(summary, media_type, schema)), (304, not_modified())]),
    )
}

fn image(scenarios: &[String], ext: &str, media_type: &str) -> Operation {
    operation(
        "Images",
        &format!("image{}", ext.to_uppercase()),
        &format!(
            "A static {} image of a map view, drawn on the server",
            ext.to_uppercase()
        ),
        view_params(scenarios, true),
        responses(vec![
            (200, body("The image", media_type, item(binary()))),
            (304, not_modified()),
            (400, error("A malformed or out-of-range parameter (the body names it)")),
            (
                503,
                error("Too many new images are being drawn at once; retry after the `Retry-After` seconds"),
            ),
        ]),
    )
}

/// The documents with texts, which answer in the reader's language.
const WITH_LANG: [&str; 8] = [
    "/api/scenarios",
    "/api/scenarios/{id}",
    "/api/lines",
    "/api/timeline",
    "/api/straits-tour",
    "/api/islands.geojson",
    "/api/straits.geojson",
    "/api/places.geojson",
];

pub fn paths(scenarios: &[String]) -> Vec<(String, PathItem)> {
    let feature_collection = || schema_ref("featureCollectionGeoJSON");
    let list_of_objects = || array(item(object()));
    let scenario_id = || {
        path(
            "id",
            Some("A scenario id"),
            string_enum(scenarios.iter().map(String::as_str)),
        )
    };
    let geojson_file = |what: &str| {
        path(
            "file",
            Some(&format!("`<scenario>.geojson`: the {what} of one scenario")),
            string_enum(scenarios.iter().map(|s| format!("{s}.geojson"))),
        )
    };
    let mut ops: Vec<(&str, Operation)> = vec![
        (
            "/api/scenarios",
            document(
                "API",
                "getScenarios",
                "Every scenario with its statistics",
                JSON,
                item(list_of_objects()),
            ),
        ),
        (
            "/api/scenarios/{id}",
            operation(
                "API",
                "getScenario",
                "One scenario: who holds what, its line's figures, land and sea areas per side, method notes",
                vec![scenario_id()],
                responses(vec![
                    (200, body("The scenario", JSON, item(object()))),
                    (304, not_modified()),
                    (404, error("Unknown scenario (the body lists the valid ids)")),
                ]),
            ),
        ),
        (
            "/api/lines",
            document(
                "API",
                "getLines",
                "Every scenario's line with its figures (length, equidistance error, windows, dates, sources)",
                JSON,
                item(list_of_objects()),
            ),
        ),
        (
            "/api/lines/{file}",
            operation(
                "API",
                "getLine",
                "One scenario's line",
                vec![geojson_file("line")],
                responses(vec![
                    (200, body("The line", GEOJSON, feature_collection())),
                    (304, not_modified()),
                    (404, error("Unknown scenario")),
                ]),
            ),
        ),
        (
            "/api/claim-areas/{file}",
            operation(
                "API",
                "getClaimAreas",
                "One scenario's claim areas (each side's land and sea in the scenario's window)",
                vec![geojson_file("claim areas")],
                responses(vec![
                    (200, body("The claim areas", GEOJSON, feature_collection())),
                    (304, not_modified()),
                    (404, error("Unknown scenario")),
                ]),
            ),
        ),
    ];
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
        ops.push((path, geojson_document(id, what)));
    }
    ops.extend([
        (
            "/api/timeline",
            document(
                "API",
                "getTimeline",
                "The history timeline: dated steps, neutral texts with sources, the map state of each step",
                JSON,
                item(object()),
            ),
        ),
        (
            "/api/straits-tour",
            document(
                "API",
                "getStraitsTour",
                "The straits explainer: computed widths, sourced depths, attributed claims",
                JSON,
                item(object()),
            ),
        ),
        (
            "/tiles/{z}/{x}/{y}",
            operation(
                "Tiles",
                "getTile",
                "A Mapbox Vector Tile (layers in docs/tiles.md)",
                vec![
                    path("z", Some("Zoom, 0–14"), integer(Some(0), Some(14))),
                    path("x", Some("Column"), integer(Some(0), Some(16383))),
                    path(
                        "y",
                        Some("Row, followed by `.mvt`"),
                        string_pattern("^[0-9]{1,5}\\.mvt$"),
                    ),
                ],
                responses(vec![
                    (200, body("The tile", media::MVT, item(binary()))),
                    (204, empty("An empty tile")),
                    (304, not_modified()),
                    (400, error("z, x or y is not a non-negative integer")),
                    (
                        404,
                        error("The tile is outside the pyramid, or the extension is not .mvt"),
                    ),
                ]),
            ),
        ),
        (
            "/tiles.json",
            document(
                "Tiles",
                "getTileJson",
                "TileJSON 3.0.0 of the vector tiles",
                JSON,
                item(object()),
            ),
        ),
        (
            "/style.json",
            document("Tiles", "getStyle", "The MapLibre style", JSON, item(object())),
        ),
        (
            "/glyphs/{fontstack}/{range}",
            operation(
                "Tiles",
                "getGlyphs",
                "Signed-distance-field glyphs for MapLibre (`{start}-{end}.pbf`)",
                vec![
                    path("fontstack", Some("The fontstack"), string_enum(["Noto Sans Regular"])),
                    path(
                        "range",
                        Some("`{start}-{end}.pbf`: 256 code points from a multiple of 256 (the 256 ranges of the BMP)"),
                        with_example(
                            string_enum((0..256).map(|k| format!("{}-{}.pbf", k * 256, k * 256 + 255))),
                            "0-255.pbf",
                        ),
                    ),
                ],
                responses(vec![
                    (200, body("The glyphs", media::PROTOBUF, item(binary()))),
                    (304, not_modified()),
                    (400, error("Malformed range")),
                    (404, error("Unknown fontstack or range")),
                ]),
            ),
        ),
        ("/image.png", image(scenarios, "png", media::PNG)),
        ("/image.svg", image(scenarios, "svg", media::SVG)),
        (
            "/embed",
            operation(
                "Embedding",
                "getEmbed",
                "A minimal map page for iframes: a static image first, the interactive map on request",
                view_params(scenarios, false),
                responses(vec![
                    (200, body("The page", "text/html", item(string()))),
                    (304, not_modified()),
                    (400, error("A malformed parameter")),
                ]),
            ),
        ),
        (
            "/oembed",
            operation(
                "Embedding",
                "getOEmbed",
                "oEmbed 1.0 provider (type `rich`) for the app's and the embed page's URLs",
                vec![
                    required_query("url", "A URL of this service's app or /embed page", string()),
                    query(
                        "maxwidth",
                        "Largest width the consumer accepts, px",
                        integer(Some(1), Some(1_000_000)),
                    ),
                    query(
                        "maxheight",
                        "Largest height the consumer accepts, px",
                        integer(Some(1), Some(1_000_000)),
                    ),
                    query(
                        "format",
                        "Only `json` is offered (xml gets 501)",
                        string_enum(["json", "xml"]),
                    ),
                ],
                responses(vec![
                    (
                        200,
                        body(
                            "The oEmbed response",
                            JSON,
                            item(object_of(
                                &["type", "version", "html", "width", "height"],
                                vec![
                                    ("type", item(string_enum(["rich"]))),
                                    ("version", item(string_enum(["1.0"]))),
                                    ("html", item(string())),
                                    ("width", item(integer(None, None))),
                                    ("height", item(integer(None, None))),
                                ],
                            )),
                        ),
                    ),
                    (400, error("Missing url or malformed maxwidth/maxheight")),
                    (404, error("The URL is not a page of this service")),
                    (501, error("format=xml is not offered")),
                ]),
            ),
        ),
        (
            "/healthz",
            operation(
                "Capabilities",
                "getHealth",
                "Liveness",
                vec![],
                responses(vec![(200, body("Up", JSON, item(object_of(&["status"], vec![]))))]),
            ),
        ),
    ]);
    for (path, op) in &mut ops {
        if WITH_LANG.contains(path) {
            op.parameters.push(ReferenceOr::Item(query(
                "lang",
                "Language of the texts (titles, summaries, steps, stops, notes, method notes): en (default), ja or ru",
                string_enum(["en", "ja", "ru"]),
            )));
            op.responses.responses.insert(
                StatusCode::Code(400),
                ReferenceOr::Item(error("A language other than en, ja or ru")),
            );
        }
    }
    ops.into_iter().map(|(p, op)| (p.to_string(), get(op))).collect()
}

fn geojson_document(id: &str, what: &str) -> Operation {
    document("API", id, what, GEOJSON, schema_ref("featureCollectionGeoJSON"))
}
