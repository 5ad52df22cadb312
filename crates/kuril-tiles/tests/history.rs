//! The historical lines reach the tiles and the style: in the `lines` and `claim_areas` layers where their windows
//! are (outside the main analysis window), and as style layers hidden by default, told apart by colour and dash,
//! with their kind in the style's metadata.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use geo::coord;
use geozero::mvt::{Message, Tile};
use kuril_model::Model;
use kuril_tiles::mercator::to_world;
use kuril_tiles::style::{LINE_STYLES, StyleUrls, style};
use kuril_tiles::{TileId, Tiler};

static MODEL: LazyLock<Model> = LazyLock::new(|| Model::embedded().expect("model loads"));
static TILER: LazyLock<Tiler> = LazyLock::new(|| Tiler::new(&MODEL).expect("layers build"));

fn tile_at(z: u8, lon: f64, lat: f64) -> Tile {
    let w = to_world(coord! { x: lon, y: lat });
    let n = f64::from(1u32 << z);
    let id = TileId::new(z, (w.x * n) as u32, (w.y * n) as u32).expect("in range");
    let bytes = TILER.tile(id).expect("tile builds").expect("tile is not empty");
    Tile::decode(bytes.as_slice()).expect("valid protobuf")
}

/// The values of `key` in a layer of the tile.
fn values(t: &Tile, layer: &str, key: &str) -> BTreeSet<String> {
    let Some(l) = t.layers.iter().find(|l| l.name == layer) else {
        return BTreeSet::new();
    };
    let Some(k) = l.keys.iter().position(|x| x == key) else {
        return BTreeSet::new();
    };
    l.features
        .iter()
        .flat_map(|f| f.tags.chunks(2).filter(|t| t[0] as usize == k).map(|t| t[1] as usize))
        .filter_map(|v| l.values[v].string_value.clone())
        .collect()
}

#[test]
fn historical_lines_and_areas_are_in_the_tiles_of_their_windows() {
    // The strait between Shumshu and Cape Lopatka (1875 and 1905), the 50th parallel on Sakhalin (1905), the Vries
    // Strait (1855): all outside the main analysis window except the last.
    for (lon, lat, z, want) in [
        (156.45, 50.85, 8, &["saint-petersburg-1875", "portsmouth-1905"][..]),
        (143.0, 50.0, 7, &["portsmouth-1905"][..]),
        (149.2, 45.5, 7, &["shimoda-1855"][..]),
    ] {
        let t = tile_at(z, lon, lat);
        let lines = values(&t, "lines", "line");
        let areas = values(&t, "claim_areas", "scenario");
        for id in want {
            assert!(lines.contains(*id), "({lon}, {lat}) z{z}: {id} not in {lines:?}");
            assert!(
                areas.contains(*id),
                "({lon}, {lat}) z{z}: {id}'s areas not in {areas:?}"
            );
        }
    }
    // Island features carry their holder under the historical scenarios too.
    let t = tile_at(8, 156.35, 50.75);
    assert!(values(&t, "islands", "holder_portsmouth_1905").contains("japan"));
}

#[test]
fn every_scenario_has_line_and_area_layers_and_historical_ones_are_hidden() {
    let s = style(&StyleUrls {
        source: "http://example.test/tiles.json".into(),
        glyphs: "http://example.test/glyphs/{fontstack}/{range}.pbf".into(),
    });
    let layers = s["layers"].as_array().expect("layers");
    let layer = |id: &str| layers.iter().find(|l| l["id"] == id);
    let meta = s["metadata"]["kuril:lines"].as_array().expect("kuril:lines");
    for sc in &MODEL.scenarios {
        let kind = serde_json::to_value(sc.kind).expect("kind");
        let line = layer(&format!("line:{}", sc.id)).unwrap_or_else(|| panic!("no line:{}", sc.id));
        let hidden = line["layout"]["visibility"] == "none";
        if kind == "historical" {
            assert!(hidden, "{} shows by default", sc.id);
        }
        for side in ["japan", "russia"] {
            let claim = layer(&format!("claim:{}:{side}", sc.id)).unwrap_or_else(|| panic!("{}", sc.id));
            assert_eq!(claim["layout"]["visibility"], "none");
        }
        let m = meta
            .iter()
            .find(|m| m["id"] == sc.id.as_str())
            .expect("listed in kuril:lines");
        assert_eq!(m["kind"], kind, "{}", sc.id);
    }
    assert_eq!(meta.len(), MODEL.scenarios.len());
}

#[test]
fn every_line_has_its_own_colour_and_dash_pattern() {
    // Distinct colours, and distinct dash patterns so that lines stay apart in greyscale.
    let colours: BTreeSet<&str> = LINE_STYLES.iter().map(|(_, c, _)| *c).collect();
    assert_eq!(colours.len(), LINE_STYLES.len());
    let dashes: BTreeSet<String> = LINE_STYLES.iter().map(|(_, _, d)| format!("{d:?}")).collect();
    assert_eq!(dashes.len(), LINE_STYLES.len());
}
