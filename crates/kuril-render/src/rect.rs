//! Boxes in pixels: the clipping box (kuril-tiles' `Bounds`, whose clipping the image shares with the tiles) and
//! the label boxes.

use geo::coord;

/// An axis-aligned box in pixels.
pub type Rect = kuril_tiles::clip::Bounds;

/// The image `width`×`height` grown by `margin` on every side.
pub fn image_rect(width: u32, height: u32, margin: f64) -> Rect {
    Rect {
        min: coord! { x: -margin, y: -margin },
        max: coord! { x: f64::from(width) + margin, y: f64::from(height) + margin },
    }
}
