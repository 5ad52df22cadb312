//! Web Mercator as MapLibre draws it: world coordinates in [0, 1]² (`kuril_tiles::mercator`) scaled to a world of
//! 512·2^zoom pixels, the camera's centre in the middle of the image, turned by the bearing.

use geo::{Coord, coord};
use kuril_tiles::mercator::to_world;

use crate::params::{Camera, View};

/// MapLibre's tile size: the world is 512 px wide at zoom 0.
pub const TILE_SIZE: f64 = 512.0;

/// Maps world coordinates to image pixels (x right, y down; pixel (i, j) covers [i, i+1) × [j, j+1)).
#[derive(Debug, Clone, Copy)]
pub struct Viewport {
    centre: Coord,
    /// Pixels per world unit.
    scale: f64,
    half: Coord,
    /// cos and sin of the bearing.
    rot: (f64, f64),
}

impl Viewport {
    pub fn new(camera: &Camera, width: u32, height: u32) -> Viewport {
        let b = -camera.bearing.to_radians();
        Viewport {
            centre: to_world(coord! { x: camera.lng, y: camera.lat }),
            scale: TILE_SIZE * camera.zoom.exp2(),
            half: coord! { x: f64::from(width) / 2.0, y: f64::from(height) / 2.0 },
            rot: (b.cos(), b.sin()),
        }
    }

    pub fn of(view: &View) -> Viewport {
        Viewport::new(&view.camera, view.width, view.height)
    }

    /// World coordinates → pixels.
    pub fn to_px(&self, w: Coord) -> Coord {
        let dx = (w.x - self.centre.x) * self.scale;
        let dy = (w.y - self.centre.y) * self.scale;
        let (c, s) = self.rot;
        coord! { x: self.half.x + dx * c - dy * s, y: self.half.y + dx * s + dy * c }
    }

    /// Longitude/latitude in degrees → pixels.
    pub fn lonlat_to_px(&self, lon: f64, lat: f64) -> Coord {
        self.to_px(to_world(coord! { x: lon, y: lat }))
    }

    /// Pixels → world coordinates.
    pub fn to_world(&self, p: Coord) -> Coord {
        let (x, y) = (p.x - self.half.x, p.y - self.half.y);
        let (c, s) = self.rot;
        coord! { x: self.centre.x + (x * c + y * s) / self.scale, y: self.centre.y + (-x * s + y * c) / self.scale }
    }

    /// The world-coordinate box covering the image grown by `margin` pixels on each side.
    pub fn world_bounds(&self, margin: f64) -> (Coord, Coord) {
        let (w, h) = (self.half.x * 2.0, self.half.y * 2.0);
        let corners = [
            (-margin, -margin),
            (w + margin, -margin),
            (-margin, h + margin),
            (w + margin, h + margin),
        ]
        .map(|(x, y)| self.to_world(coord! { x: x, y: y }));
        let mut min = corners[0];
        let mut max = corners[0];
        for c in &corners[1..] {
            min = coord! { x: min.x.min(c.x), y: min.y.min(c.y) };
            max = coord! { x: max.x.max(c.x), y: max.y.max(c.y) };
        }
        (min, max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centre_is_in_the_middle_and_zoom_doubles_distances() {
        let cam = Camera {
            lng: 146.5,
            lat: 44.3,
            zoom: 6.0,
            bearing: 0.0,
        };
        let v = Viewport::new(&cam, 1200, 630);
        let c = v.lonlat_to_px(146.5, 44.3);
        assert!((c.x - 600.0).abs() < 1e-9 && (c.y - 315.0).abs() < 1e-9);
        // One degree of longitude is 512·2^6/360 px at zoom 6.
        let e = v.lonlat_to_px(147.5, 44.3);
        assert!((e.x - 600.0 - 512.0 * 64.0 / 360.0).abs() < 1e-6);
        let back = v.to_world(e);
        let w = to_world(coord! { x: 147.5, y: 44.3 });
        assert!((back.x - w.x).abs() < 1e-12 && (back.y - w.y).abs() < 1e-12);
    }

    #[test]
    fn bearing_turns_north_clockwise() {
        let cam = Camera {
            lng: 146.5,
            lat: 44.3,
            zoom: 6.0,
            bearing: 90.0,
        };
        let v = Viewport::new(&cam, 100, 100);
        // With the map turned so that east is up, a point east of the centre is above it.
        let e = v.lonlat_to_px(147.0, 44.3);
        assert!((e.x - 50.0).abs() < 1e-6 && e.y < 50.0);
    }
}
