//! Mapbox Vector Tile 2.1 encoding (protobuf through geozero's generated types) of features already in tile
//! units: lines and points rounded to the grid (polygons come snapped and valid from the clip), what collapses
//! dropped, polygon rings wound as the specification asks (exterior rings positive area in tile coordinates, holes
//! negative), each feature with its layer's stable id.

use geo::{Coord, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, coord};
use geozero::ToMvt;
use geozero::mvt::{Message, TagsBuilder, Tile, TileValue, tile};

use crate::error::TileError;
use crate::layers::{Geom, Value};
use crate::tiler::Clipped;

/// Tile extent in integer units.
///
/// ```
/// use geozero::mvt::{Message, Tile};
/// use kuril_tiles::{EXTENT, TileId, Tiler};
///
/// let model = kuril_model::Model::embedded().expect("embedded data loads");
/// let tiler = Tiler::new(&model).expect("layers build");
/// let world = tiler.tile(TileId::new(0, 0, 0).expect("exists")).expect("builds").expect("has land");
/// let tile = Tile::decode(world.as_slice()).expect("valid MVT protobuf");
/// // MVT 2.1: every layer version 2, in units of 1/EXTENT of the tile.
/// assert!(tile.layers.iter().all(|l| l.version == 2 && l.extent == Some(EXTENT)));
/// assert!(tile.layers.iter().any(|l| l.name == "land"));
/// ```
pub const EXTENT: u32 = 4096;

pub(crate) fn encode_tile(layers: &[(&'static str, Vec<Clipped<'_>>)]) -> Result<Vec<u8>, TileError> {
    let to_tile = |c: &Coord| -> Coord {
        coord! { x: c.x.round(), y: c.y.round() }
    };
    let mut tile = Tile::default();
    for (name, features) in layers {
        let mut tags = TagsBuilder::new();
        let mut out = Vec::new();
        for f in features {
            let Some(geometry) = quantise(&f.geom, &to_tile) else {
                continue;
            };
            let mut feature = geometry
                .to_mvt_unscaled()
                .map_err(|e| TileError::Encode(e.to_string()))?;
            feature.id = Some(f.source.id);
            for (k, v) in &f.source.props {
                let value = match v {
                    Value::Str(s) => TileValue::Str(s.clone()),
                    Value::Num(n) if n.fract() == 0.0 && n.abs() < 1e15 => TileValue::Sint(*n as i64),
                    Value::Num(n) => TileValue::Double(*n),
                    Value::Bool(b) => TileValue::Bool(*b),
                };
                let (ki, vi) = tags.insert_ref(k, value);
                feature.tags.extend([ki, vi]);
            }
            out.push(feature);
        }
        if out.is_empty() {
            continue;
        }
        let (keys, values) = tags.into_tags();
        tile.layers.push(tile::Layer {
            version: 2,
            name: (*name).to_string(),
            features: out,
            keys,
            values: values.into_iter().map(Into::into).collect(),
            extent: Some(EXTENT),
        });
    }
    Ok(tile.encode_to_vec())
}

fn shoelace(r: &[Coord]) -> f64 {
    r.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum::<f64>() / 2.0
}

fn quantise(g: &Geom, to_tile: &impl Fn(&Coord) -> Coord) -> Option<geo::Geometry> {
    match g {
        Geom::Polygons(polys) => {
            let mut out = Vec::new();
            for rings in polys {
                let mut q: Vec<Vec<Coord>> = Vec::new();
                for (k, r) in rings.iter().enumerate() {
                    let mut pts: Vec<Coord> = r.iter().map(to_tile).collect();
                    pts.dedup();
                    let a = shoelace(&pts);
                    if pts.len() < 4 || a == 0.0 {
                        if k == 0 {
                            break; // the exterior collapsed: so does the polygon
                        }
                        continue;
                    }
                    // In tile coordinates (y down) exterior rings have positive area, holes negative.
                    if (k == 0) != (a > 0.0) {
                        pts.reverse();
                    }
                    q.push(pts);
                }
                if let Some((ext, holes)) = q.split_first() {
                    out.push(Polygon::new(
                        LineString::from(ext.clone()),
                        holes.iter().map(|h| LineString::from(h.clone())).collect(),
                    ));
                }
            }
            (!out.is_empty()).then(|| MultiPolygon::new(out).into())
        }
        Geom::Lines(lines) => {
            let out: Vec<LineString> = lines
                .iter()
                .map(|l| {
                    let mut pts: Vec<Coord> = l.iter().map(to_tile).collect();
                    pts.dedup();
                    LineString::from(pts)
                })
                .filter(|l| l.0.len() >= 2)
                .collect();
            (!out.is_empty()).then(|| MultiLineString::new(out).into())
        }
        Geom::Points(pts) => {
            let out: Vec<Point> = pts.iter().map(|c| Point::from(to_tile(c))).collect();
            (!out.is_empty()).then(|| MultiPoint::new(out).into())
        }
    }
}
