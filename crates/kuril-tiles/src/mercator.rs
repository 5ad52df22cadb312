//! Web Mercator: longitude/latitude to "world" coordinates in [0, 1]² (x east, y south) and tile addressing.
//!
//! ```
//! use geo::coord;
//! use kuril_tiles::TileId;
//! use kuril_tiles::mercator::{to_lonlat, to_world};
//!
//! // Null Island is the middle of the world; Kurilsk goes there and back to a nanodegree.
//! assert_eq!(to_world(coord! { x: 0.0, y: 0.0 }), coord! { x: 0.5, y: 0.5 });
//! let kurilsk = coord! { x: 147.8856, y: 45.2269 };
//! let back = to_lonlat(to_world(kurilsk));
//! assert!((back.x - kurilsk.x).abs() < 1e-9 && (back.y - kurilsk.y).abs() < 1e-9);
//!
//! // A tile address parses, prints back, and its bounds hold the point it was found for.
//! let id = TileId::covering(8, kurilsk, kurilsk).next().expect("one tile covers a point");
//! assert_eq!(TileId::parse("8", &id.x.to_string(), &id.y.to_string()).expect("exists"), id);
//! assert_eq!(id.to_string(), format!("8/{}/{}", id.x, id.y));
//! let (min, max) = id.world_bounds(0.0);
//! let w = to_world(kurilsk);
//! assert!(min.x <= w.x && w.x < max.x && min.y <= w.y && w.y < max.y);
//! // Tiles outside the pyramid are refused.
//! assert!(TileId::new(15, 0, 0).is_err() && TileId::new(2, 4, 0).is_err());
//! ```

use geo::{Coord, coord};

use crate::error::TileError;

/// Highest zoom the service serves.
pub const MAX_ZOOM: u8 = 14;
/// Web Mercator's latitude limit.
pub const MAX_LAT: f64 = 85.051_128_779_806_59;

/// (lon, lat) degrees → world coordinates.
pub fn to_world(c: Coord) -> Coord {
    let lat = c.y.clamp(-MAX_LAT, MAX_LAT).to_radians();
    coord! {
        x: (c.x + 180.0) / 360.0,
        y: (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0,
    }
}

/// World coordinates → (lon, lat) degrees.
pub fn to_lonlat(w: Coord) -> Coord {
    let n = std::f64::consts::PI * (1.0 - 2.0 * w.y);
    coord! { x: w.x * 360.0 - 180.0, y: n.sinh().atan().to_degrees() }
}

/// A tile address, checked to exist in the pyramid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileId {
    pub z: u8,
    pub x: u32,
    pub y: u32,
}

impl TileId {
    pub fn new(z: u8, x: u32, y: u32) -> Result<TileId, TileError> {
        if z > MAX_ZOOM {
            return Err(TileError::OutOfRange(format!(
                "zoom {z} is above the maximum {MAX_ZOOM}"
            )));
        }
        let n = 1u32 << z;
        if x >= n || y >= n {
            return Err(TileError::OutOfRange(format!(
                "tile {z}/{x}/{y} does not exist: x and y must be below {n} at zoom {z}"
            )));
        }
        Ok(TileId { z, x, y })
    }

    /// Parse "z", "x" and "y" path segments (the y may carry an extension, stripped by the caller).
    pub fn parse(z: &str, x: &str, y: &str) -> Result<TileId, TileError> {
        let num = |what: &str, s: &str| -> Result<u64, TileError> {
            if s.is_empty() || s.len() > 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(TileError::Malformed(format!(
                    "{what} must be a non-negative integer, got {s:?}"
                )));
            }
            s.parse::<u64>()
                .map_err(|_| TileError::Malformed(format!("{what} must be a non-negative integer, got {s:?}")))
        };
        let (z, x, y) = (num("z", z)?, num("x", x)?, num("y", y)?);
        let z = u8::try_from(z).map_err(|_| TileError::OutOfRange(format!("zoom {z} is above {MAX_ZOOM}")))?;
        let x = u32::try_from(x).map_err(|_| TileError::OutOfRange(format!("x {x} is out of range")))?;
        let y = u32::try_from(y).map_err(|_| TileError::OutOfRange(format!("y {y} is out of range")))?;
        TileId::new(z, x, y)
    }

    /// The tile's bounds in world coordinates, grown by `buffer` (a fraction of the tile's size).
    pub fn world_bounds(&self, buffer: f64) -> (Coord, Coord) {
        let size = 1.0 / f64::from(1u32 << self.z);
        let b = buffer * size;
        (
            coord! { x: f64::from(self.x) * size - b, y: f64::from(self.y) * size - b },
            coord! { x: f64::from(self.x + 1) * size + b, y: f64::from(self.y + 1) * size + b },
        )
    }

    /// Tiles of zoom `z` that cover a (lon, lat) bounding box.
    pub fn covering(z: u8, min: Coord, max: Coord) -> impl Iterator<Item = TileId> {
        let n = f64::from(1u32 << z);
        let (a, b) = (
            to_world(coord! { x: min.x, y: max.y }),
            to_world(coord! { x: max.x, y: min.y }),
        );
        let last = (1u32 << z) - 1;
        let clamp = |v: f64| (v.max(0.0) as u32).min(last);
        let (x0, x1, y0, y1) = (clamp(a.x * n), clamp(b.x * n), clamp(a.y * n), clamp(b.y * n));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| TileId { z, x, y }))
    }
}

impl std::fmt::Display for TileId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}/{}", self.z, self.x, self.y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let c = coord! { x: 147.6, y: 45.0 };
        let back = to_lonlat(to_world(c));
        assert!((back.x - c.x).abs() < 1e-9 && (back.y - c.y).abs() < 1e-9);
        assert_eq!(to_world(coord! { x: 0.0, y: 0.0 }), coord! { x: 0.5, y: 0.5 });
    }

    #[test]
    fn rejects_tiles_outside_the_pyramid() {
        assert!(TileId::new(15, 0, 0).is_err());
        assert!(TileId::new(2, 4, 0).is_err());
        assert!(TileId::parse("3", "-1", "2").is_err());
        assert!(TileId::parse("3", "1", "2x").is_err());
        assert!(TileId::parse("99999999999", "1", "1").is_err());
        assert_eq!(TileId::parse("2", "3", "1").ok(), Some(TileId { z: 2, x: 3, y: 1 }));
    }
}
