//! The web map's SDF glyphs (`web/glyphs/Noto Sans Regular/{start}-{end}.pbf`, made by `tools/glyphs`), read
//! from the protobuf by hand: `glyphs { fontstack stacks = 1 }`, `fontstack { name = 1; range = 2; glyph
//! glyphs = 3 }`, `glyph { uint32 id = 1; bytes bitmap = 2; uint32 width = 3, height = 4; sint32 left = 5, top =
//! 6; uint32 advance = 7 }`. Bitmaps are signed distance fields at 24 px with a 3 px border; the edge is at 192.

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

struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn varint(&mut self) -> Result<u64, RenderError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.buf.get(self.pos).ok_or_else(|| bad("truncated varint"))?;
            self.pos += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(bad("varint too long"))
    }

    fn bytes(&mut self) -> Result<&'a [u8], RenderError> {
        let len = usize::try_from(self.varint()?).map_err(|_| bad("length too large"))?;
        let end = self
            .pos
            .checked_add(len)
            .filter(|&e| e <= self.buf.len())
            .ok_or_else(|| bad("truncated field"))?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    /// The next (field, wire type), or None at the end.
    fn key(&mut self) -> Result<Option<(u64, u8)>, RenderError> {
        if self.pos >= self.buf.len() {
            return Ok(None);
        }
        let k = self.varint()?;
        Ok(Some((k >> 3, (k & 7) as u8)))
    }

    fn skip(&mut self, wire: u8) -> Result<(), RenderError> {
        match wire {
            0 => self.varint().map(|_| ()),
            1 => self.advance(8),
            2 => self.bytes().map(|_| ()),
            5 => self.advance(4),
            w => Err(bad(&format!("unsupported wire type {w}"))),
        }
    }

    fn advance(&mut self, n: usize) -> Result<(), RenderError> {
        if self.pos + n > self.buf.len() {
            return Err(bad("truncated field"));
        }
        self.pos += n;
        Ok(())
    }
}

fn bad(what: &str) -> RenderError {
    RenderError::Glyphs(what.to_string())
}

fn zigzag(v: u64) -> i32 {
    ((v >> 1) as i64 ^ -((v & 1) as i64)) as i32
}

fn glyph(buf: &[u8]) -> Result<(u32, Glyph), RenderError> {
    let mut c = Cursor { buf, pos: 0 };
    let mut id = None;
    let mut g = Glyph::default();
    let u32_of = |v: u64| u32::try_from(v).map_err(|_| bad("value out of range"));
    while let Some((field, wire)) = c.key()? {
        match (field, wire) {
            (1, 0) => id = Some(u32_of(c.varint()?)?),
            (2, 2) => g.bitmap = c.bytes()?.to_vec(),
            (3, 0) => g.width = u32_of(c.varint()?)?,
            (4, 0) => g.height = u32_of(c.varint()?)?,
            (5, 0) => g.left = zigzag(c.varint()?),
            (6, 0) => g.top = zigzag(c.varint()?),
            (7, 0) => g.advance = u32_of(c.varint()?)?,
            (_, w) => c.skip(w)?,
        }
    }
    let id = id.ok_or_else(|| bad("glyph without id"))?;
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
        let mut top = Cursor { buf: pbf, pos: 0 };
        while let Some((field, wire)) = top.key()? {
            if (field, wire) != (1, 2) {
                top.skip(wire)?;
                continue;
            }
            let mut stack = Cursor {
                buf: top.bytes()?,
                pos: 0,
            };
            while let Some((field, wire)) = stack.key()? {
                if (field, wire) != (3, 2) {
                    stack.skip(wire)?;
                    continue;
                }
                let (id, g) = glyph(stack.bytes()?)?;
                if let Some(ch) = char::from_u32(id) {
                    self.map.insert(ch, g);
                }
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
