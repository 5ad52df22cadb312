//! The MapLibre style: one vector source, land and sea, the claim areas, the three lines (each told apart by
//! colour *and* dash pattern, so it reads in greyscale and for colour-blind readers) and labels in one
//! fontstack served by the project itself.
//!
//! ```
//! use kuril_tiles::style::{LINE_STYLES, MAIN_LINES, StyleUrls, line_kind, style};
//!
//! let style = style(&StyleUrls { source: "/tiles.json".into(), glyphs: "/glyphs/{fontstack}/{range}.pbf".into() });
//! assert_eq!(style["sources"]["kuril"]["url"], "/tiles.json");
//! let layers = style["layers"].as_array().expect("a list of layers");
//! let layer = |id: &str| layers.iter().find(|l| l["id"] == id).expect("a layer of that id");
//! // Each scenario's line has a layer with its colour; the three positions show when the map opens.
//! for (scenario, colour, _dash) in LINE_STYLES {
//!     let line = layer(&format!("line:{scenario}"));
//!     assert_eq!(line["paint"]["line-color"], colour);
//!     let shown = line["layout"]["visibility"] == "visible";
//!     assert_eq!(shown, MAIN_LINES.contains(&scenario), "{scenario}");
//! }
//! assert_eq!(line_kind("portsmouth-1905"), "historical");
//! assert_eq!(line_kind("equal-area-split"), "computed");
//! assert_eq!(line_kind("soviet"), "position");
//! ```

use serde_json::{Value as Json, json};

/// The fontstack the server serves glyphs for.
pub const FONTSTACK: &str = "Noto Sans Regular";

/// Line colours and dash patterns per scenario: the four main lines in the Okabe–Ito palette, the historical
/// lines (hidden by default, shown by the timeline) in darker tones with their own dash patterns, so that every
/// line stays distinct in greyscale.
pub const LINE_STYLES: [(&str, &str, &[f64]); 7] = [
    ("soviet", "#D55E00", &[]),
    ("japanese", "#0072B2", &[4.0, 2.0]),
    ("two-island-1956", "#009E73", &[0.5, 2.0]),
    ("equal-area-split", "#CC79A7", &[3.0, 1.5, 0.5, 1.5]),
    ("shimoda-1855", "#000000", &[2.0, 1.0]),
    ("saint-petersburg-1875", "#6A3D9A", &[5.0, 1.5, 1.0, 1.5, 1.0, 1.5]),
    ("portsmouth-1905", "#8C510A", &[1.0, 1.0, 4.0, 1.0]),
];

/// The historical lines (kind `historical` in `geodata/scenarios.json`; a test keeps the two in step).
pub const HISTORICAL_LINES: [&str; 3] = ["shimoda-1855", "saint-petersburg-1875", "portsmouth-1905"];

/// A line's kind as in `geodata/scenarios.json`: `position`, `computed` or `historical`.
pub fn line_kind(id: &str) -> &'static str {
    if HISTORICAL_LINES.contains(&id) {
        "historical"
    } else if id == "equal-area-split" {
        "computed"
    } else {
        "position"
    }
}

/// The claim areas' fills per side: Okabe-Ito blue and orange, strong enough to tell Japan's shading from the
/// sea (the lighter sky blue was not), at one opacity.
pub const CLAIM_FILLS: [(&str, &str); 2] = [("japan", "#0072B2"), ("russia", "#E69F00")];
pub const CLAIM_OPACITY: f64 = 0.28;

/// The lines shown when the map opens.
pub const MAIN_LINES: [&str; 3] = ["soviet", "japanese", "two-island-1956"];

/// Where the style's resources are.
#[derive(Debug, Clone)]
pub struct StyleUrls {
    /// The vector source's `url`: a TileJSON address or `pmtiles://…`.
    pub source: String,
    /// Glyphs template with `{fontstack}` and `{range}`.
    pub glyphs: String,
}

pub fn style(urls: &StyleUrls) -> Json {
    let mut layers = vec![
        json!({ "id": "background", "type": "background", "paint": { "background-color": "#dbe9f4" } }),
        json!({ "id": "land", "type": "fill", "source": "kuril", "source-layer": "land",
                "paint": { "fill-color": "#f3f1e8" } }),
    ];
    for (scenario, _, _) in LINE_STYLES {
        for (side, colour) in CLAIM_FILLS {
            layers.push(json!({
                "id": format!("claim:{scenario}:{side}"), "type": "fill", "source": "kuril", "source-layer": "claim_areas",
                "filter": ["all", ["==", ["get", "scenario"], scenario], ["==", ["get", "side"], side]],
                "layout": { "visibility": "none" },
                "paint": { "fill-color": colour, "fill-opacity": CLAIM_OPACITY }
            }));
        }
    }
    layers.extend([
        json!({ "id": "straits", "type": "fill", "source": "kuril", "source-layer": "straits",
                "paint": { "fill-color": "#4477aa",
                           "fill-opacity": ["case", ["boolean", ["feature-state", "hover"], false], 0.35, 0.0] } }),
        json!({ "id": "islands", "type": "fill", "source": "kuril", "source-layer": "islands",
                "paint": { "fill-color": ["case", ["get", "disputed"], "#efe6cf", "#f3f1e8"] } }),
        json!({ "id": "islands-outline", "type": "line", "source": "kuril", "source-layer": "islands",
                "paint": { "line-color": "#8a8170", "line-width": 0.6 } }),
        json!({ "id": "strait-widths", "type": "line", "source": "kuril", "source-layer": "strait_widths",
                "paint": { "line-color": "#4477aa", "line-width": 1, "line-dasharray": [2, 2] } }),
    ]);
    for (scenario, colour, dash) in LINE_STYLES {
        let mut paint =
            json!({ "line-color": colour, "line-width": ["interpolate", ["linear"], ["zoom"], 4, 2, 10, 4] });
        if !dash.is_empty() {
            paint["line-dasharray"] = json!(dash);
        }
        // The three positions show by default; other scenarios (the equal-area split, the historical lines) on
        // request.
        let visibility = if MAIN_LINES.contains(&scenario) {
            "visible"
        } else {
            "none"
        };
        layers.push(json!({
            "id": format!("line:{scenario}"), "type": "line", "source": "kuril", "source-layer": "lines",
            "filter": ["==", ["get", "line"], scenario],
            "layout": { "line-cap": if dash.is_empty() { "butt" } else { "round" }, "line-join": "round", "visibility": visibility },
            "paint": paint
        }));
    }
    let text = |size: f64| {
        json!({ "text-field": ["get", "name"], "text-font": [FONTSTACK], "text-size": size,
                "text-max-width": 8, "text-padding": 4 })
    };
    let halo = json!({ "text-color": "#222222", "text-halo-color": "#ffffff", "text-halo-width": 1.5 });
    let mut strait_layout = text(12.0);
    strait_layout["symbol-placement"] = json!("point");
    layers.extend([
        json!({ "id": "strait-labels", "type": "symbol", "source": "kuril", "source-layer": "straits", "minzoom": 7,
                "layout": strait_layout,
                "paint": { "text-color": "#1f4e79", "text-halo-color": "#ffffff", "text-halo-width": 1.5 } }),
        json!({ "id": "places", "type": "circle", "source": "kuril", "source-layer": "places",
                "paint": { "circle-radius": 3, "circle-color": "#333333", "circle-stroke-color": "#ffffff", "circle-stroke-width": 1 } }),
        {
            let mut l = text(11.0);
            l["text-anchor"] = json!("top");
            l["text-offset"] = json!([0, 0.6]);
            json!({ "id": "place-labels", "type": "symbol", "source": "kuril", "source-layer": "places",
                    "layout": l, "paint": halo.clone() })
        },
        {
            let mut l = text(13.0);
            l["symbol-sort-key"] = json!(["get", "rank"]);
            l["text-size"] = json!(["match", ["get", "rank"], 1, 15, 2, 13, 12]);
            // Drawn from z3; the disputed islands' points are in the tiles from z0 (the app describes them).
            json!({ "id": "island-labels", "type": "symbol", "source": "kuril", "source-layer": "island_labels",
                    "minzoom": 3, "layout": l, "paint": halo })
        },
    ]);
    json!({
        "version": 8,
        "name": "Kuril Islands dispute",
        "metadata": { "kuril:lines": LINE_STYLES.iter().map(|(id, c, d)| json!({ "id": id, "colour": c, "dash": d, "kind": line_kind(id) })).collect::<Vec<_>>() },
        "center": [146.5, 44.3],
        "zoom": 6,
        "sources": { "kuril": { "type": "vector", "url": urls.source, "promoteId": "id", "attribution": crate::ATTRIBUTION } },
        "glyphs": urls.glyphs,
        "layers": layers,
    })
}
