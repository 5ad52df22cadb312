//! Tiles cut from the real model decode as MVT 2.1 with the documented layers and attributes.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use geo::coord;
use geozero::mvt::{Message, Tile, tile};
use kuril_tiles::mercator::to_world;
use kuril_tiles::{TileId, Tiler};

static TILER: LazyLock<Tiler> = LazyLock::new(|| {
    let model = kuril_model::Model::embedded().expect("model loads");
    Tiler::new(&model).expect("layers build")
});

/// The tile of zoom z containing (lon, lat).
fn tile_at(z: u8, lon: f64, lat: f64) -> TileId {
    let w = to_world(coord! { x: lon, y: lat });
    let n = f64::from(1u32 << z);
    TileId::new(z, (w.x * n) as u32, (w.y * n) as u32).expect("in range")
}

fn decode(id: TileId) -> Tile {
    let bytes = TILER.tile(id).expect("tile builds").expect("tile is not empty");
    Tile::decode(bytes.as_slice()).expect("valid protobuf")
}

fn string_values(layer: &tile::Layer, key: &str) -> BTreeSet<String> {
    let Some(k) = layer.keys.iter().position(|x| x == key) else {
        return BTreeSet::new();
    };
    layer
        .features
        .iter()
        .flat_map(|f| f.tags.chunks(2).filter(|t| t[0] as usize == k).map(|t| t[1] as usize))
        .filter_map(|v| layer.values[v].string_value.clone())
        .collect()
}

#[test]
fn a_tile_over_kunashir_has_the_documented_layers() {
    let t = decode(tile_at(8, 145.9, 44.1));
    let names: BTreeSet<&str> = t.layers.iter().map(|l| l.name.as_str()).collect();
    for expected in ["land", "islands", "lines", "claim_areas", "island_labels"] {
        assert!(names.contains(expected), "missing {expected} in {names:?}");
    }
    for l in &t.layers {
        assert_eq!(l.version, 2);
        assert_eq!(l.extent, Some(4096));
        assert!(!l.features.is_empty());
    }
    let lines = t.layers.iter().find(|l| l.name == "lines").expect("lines layer");
    let ids = string_values(lines, "line");
    assert!(ids.contains("soviet") && ids.contains("two-island-1956"), "{ids:?}");
    let islands = t.layers.iter().find(|l| l.name == "islands").expect("islands");
    assert!(string_values(islands, "id").contains("kunashir"));
    assert!(string_values(islands, "name_ru").contains("Кунашир"));
}

#[test]
fn polygon_exteriors_have_positive_area_in_tile_coordinates() {
    // Decode the command stream of the first polygon of the islands layer and check the first ring's sign.
    let t = decode(tile_at(9, 147.6, 45.0));
    let layer = t.layers.iter().find(|l| l.name == "islands").expect("islands");
    let f = layer.features.iter().find(|f| f.r#type == Some(3)).expect("a polygon");
    let (mut x, mut y) = (0i64, 0i64);
    let mut ring: Vec<(i64, i64)> = Vec::new();
    let mut i = 0;
    let zz = |v: u32| i64::from((v >> 1) as i32 ^ -((v & 1) as i32));
    while i < f.geometry.len() {
        let (cmd, count) = (f.geometry[i] & 7, f.geometry[i] >> 3);
        i += 1;
        if cmd == 7 {
            break; // first ring closed
        }
        for _ in 0..count {
            x += zz(f.geometry[i]);
            y += zz(f.geometry[i + 1]);
            ring.push((x, y));
            i += 2;
        }
    }
    ring.push(ring[0]);
    let area: i64 = ring.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum();
    assert!(area > 0, "exterior ring has area {area}");
}

#[test]
fn open_ocean_is_empty_and_the_world_tile_is_not() {
    assert!(TILER.tile(tile_at(10, -140.0, 10.0)).expect("builds").is_none());
    let world = decode(TileId::new(0, 0, 0).expect("exists"));
    assert!(world.layers.iter().any(|l| l.name == "land"));
}

#[test]
fn every_tile_stays_small_at_every_zoom() {
    // Over the disputed area the tiles stay under 500 KB (MapLibre's comfort zone) at every zoom.
    for z in 0..=14u8 {
        let id = tile_at(z, 146.0, 43.9);
        let bytes = TILER.tile(id).expect("builds").expect("not empty");
        assert!(bytes.len() < 500_000, "{id}: {} bytes", bytes.len());
    }
}

/// Images and downloads credit the data in plain text: the map's credit with its HTML escapes undone.
#[test]
fn the_plain_attribution_is_the_maps_without_html_escapes() {
    let plain = kuril_tiles::attribution_plain();
    assert!(!plain.contains("&amp;") && !plain.contains('<'), "{plain}");
    assert!(plain.contains("Wessel & Smith"), "{plain}");
    assert!(plain.contains("OpenStreetMap contributors"), "{plain}");
    assert_eq!(plain.replace('&', "&amp;"), kuril_tiles::ATTRIBUTION);
}
