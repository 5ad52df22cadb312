//! The web map's SDF glyphs (`web/glyphs/Noto Sans Regular/{start}-{end}.pbf`, made by `tools/glyphs`): protobuf
//! messages of MapLibre's `glyphs.proto`, decoded with prost. Bitmaps are signed distance fields at 24 px with a
//! 3 px border; the edge is at 192.

use std::collections::HashMap;

use include_dir::{Dir, include_dir};

use crate::error::RenderError;

static FONTSTACK: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../web/glyphs/Noto Sans Regular");

/// The size the glyphs were rendered at, px.
pub const GLYPH_SIZE: f64 = 24.0;
/// Border around each bitmap, px.
pub const BORDER: u32 = 3;
/// The SDF value (0–255) at the glyph's edge.
pub const EDGE: f64 = 192.0;
/// SDF units (of 255) per pixel at [`GLYPH_SIZE`] (radius 8 px: 255/8).
pub const SDF_PER_PX: f64 = 255.0 / 8.0;

/// One glyph's metrics and distance field.
#[derive(Debug, Clone, Default)]
pub struct Glyph {
    pub width: u32,
    pub height: u32,
    pub left: i32,
    /// Bitmap top relative to the font's ascender (negative: below it).
    pub top: i32,
    pub advance: u32,
    /// (width + 6) × (height + 6) bytes, or empty for a blank glyph.
    pub bitmap: Vec<u8>,
}

/// Every glyph of the fontstack by character.
#[derive(Debug, Clone, Default)]
pub struct Glyphs {
    map: HashMap<char, Glyph>,
}

/// `message glyphs { repeated fontstack stacks = 1; }`
#[derive(Clone, PartialEq, prost::Message)]
struct GlyphsMessage {
    #[prost(message, repeated, tag = "1")]
    stacks: Vec<FontstackMessage>,
}

/// `message fontstack { required string name = 1; required string range = 2; repeated glyph glyphs = 3; }`; the
/// name and range are not read (every file is of the one fontstack).
#[derive(Clone, PartialEq, prost::Message)]
struct FontstackMessage {
    #[prost(message, repeated, tag = "3")]
    glyphs: Vec<GlyphMessage>,
}

/// `message glyph { required uint32 id = 1; optional bytes bitmap = 2; required uint32 width = 3, height = 4;
/// required sint32 left = 5, top = 6; required uint32 advance = 7; }`
#[derive(Clone, PartialEq, prost::Message)]
struct GlyphMessage {
    #[prost(uint32, optional, tag = "1")]
    id: Option<u32>,
    #[prost(bytes = "vec", tag = "2")]
    bitmap: Vec<u8>,
    #[prost(uint32, tag = "3")]
    width: u32,
    #[prost(uint32, tag = "4")]
    height: u32,
    #[prost(sint32, tag = "5")]
    left: i32,
    #[prost(sint32, tag = "6")]
    top: i32,
    #[prost(uint32, tag = "7")]
    advance: u32,
}

fn bad(what: &str) -> RenderError {
    RenderError::Glyphs(what.to_string())
}

/// A decoded glyph, checked: it has an id and its bitmap (if any) has the size its metrics give.
fn glyph(m: GlyphMessage) -> Result<(u32, Glyph), RenderError> {
    let id = m.id.ok_or_else(|| bad("glyph without id"))?;
    let g = Glyph {
        width: m.width,
        height: m.height,
        left: m.left,
        top: m.top,
        advance: m.advance,
        bitmap: m.bitmap,
    };
    let expected = (g.width + 2 * BORDER) as usize * (g.height + 2 * BORDER) as usize;
    if !g.bitmap.is_empty() && g.bitmap.len() != expected {
        return Err(bad(&format!(
            "glyph {id}: bitmap of {} bytes, expected {expected}",
            g.bitmap.len()
        )));
    }
    Ok((id, g))
}

impl Glyphs {
    /// Read one range file (`glyphs` message) into the set.
    pub fn add_range(&mut self, pbf: &[u8]) -> Result<(), RenderError> {
        let message = <GlyphsMessage as prost::Message>::decode(pbf).map_err(|e| bad(&e.to_string()))?;
        for m in message.stacks.into_iter().flat_map(|s| s.glyphs) {
            let (id, g) = glyph(m)?;
            if let Some(ch) = char::from_u32(id) {
                self.map.insert(ch, g);
            }
        }
        Ok(())
    }

    /// All the ranges embedded in the crate (the web map's fontstack).
    pub fn embedded() -> Result<Glyphs, RenderError> {
        let mut g = Glyphs::default();
        for file in FONTSTACK.files() {
            if file.path().extension().is_some_and(|e| e == "pbf") {
                g.add_range(file.contents())?;
            }
        }
        Ok(g)
    }

    /// The glyph for a character, or None when the set lacks it (such characters are skipped).
    pub fn get(&self, ch: char) -> Option<&Glyph> {
        self.map.get(&ch)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_latin_cyrillic_and_japanese() {
        let g = Glyphs::embedded().expect("glyphs parse");
        let a = g.get('A').expect("A");
        assert!(a.width > 5 && a.height > 10 && a.advance > 10 && !a.bitmap.is_empty());
        assert!(g.get('Ф').is_some());
        assert!(g.get('島').is_some());
        assert!(g.get(' ').is_some_and(|s| s.bitmap.is_empty() && s.advance > 0));
        assert!(g.get('\u{1F600}').is_none());
    }

    #[test]
    fn rejects_truncated_input_without_panicking() {
        let mut g = Glyphs::default();
        assert!(g.add_range(&[0x0a, 0x05, 0x1a, 0x10]).is_err());
        assert!(g.add_range(&[0x0a]).is_err());
        assert!(g.add_range(&[0xff; 12]).is_err());
    }
}
