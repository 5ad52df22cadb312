//! Label layout as MapLibre does it, simplified: glyph advances from the SDF glyph set, lines broken at spaces
//! when wider than `text-max-width` (into lines of about equal width), 1.2 em line height, the anchor at the
//! centre or the top, and greedy collision detection with `text-padding` in priority order.

use geo::{Coord, coord};

use crate::glyphs::{GLYPH_SIZE, Glyphs};
use crate::rect::Rect;
use crate::theme::Rgba;

/// MapLibre's line height, in ems.
pub const LINE_HEIGHT_EM: f64 = 1.2;
/// The font's ascender at 24 px (`tools/glyphs`: tops are measured from it).
pub const ASCENDER: f64 = 26.0;
/// MapLibre's starting y for the first line (`SHAPING_DEFAULT_OFFSET`), at 24 px.
const SHAPING_OFFSET: f64 = -17.0;

/// One line of a label: its text, where it starts, its centre and baseline in pixels, and its width.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub left: f64,
    pub centre: f64,
    pub baseline: f64,
    pub width: f64,
}

/// A placed label.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub lines: Vec<TextLine>,
    pub size: f64,
    pub colour: Rgba,
    pub halo: Rgba,
    pub halo_width: f64,
    /// Layer the label belongs to (an SVG class).
    pub class: &'static str,
}

/// Where the text sits relative to its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Centre,
    Top,
}

/// Width of `s` at `size` px; characters without a glyph take no room.
pub fn measure(glyphs: &Glyphs, s: &str, size: f64) -> f64 {
    s.chars()
        .filter_map(|c| glyphs.get(c))
        .map(|g| f64::from(g.advance))
        .sum::<f64>()
        * size
        / GLYPH_SIZE
}

/// Break `s` at spaces into lines of about equal width when it is wider than `max_width`.
pub fn wrap(glyphs: &Glyphs, s: &str, size: f64, max_width: f64) -> Vec<String> {
    let total = measure(glyphs, s, size);
    if total <= max_width || !s.contains(' ') {
        return vec![s.to_string()];
    }
    let target = total / (total / max_width).ceil();
    let space = measure(glyphs, " ", size);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0.0;
    for word in s.split(' ') {
        let w = measure(glyphs, word, size);
        if !cur.is_empty() {
            let with = cur_w + space + w;
            // Break where the line comes closer to the target width than it would with the next word.
            if with > target && (cur_w - target).abs() < (with - target).abs() {
                lines.push(std::mem::take(&mut cur));
                cur_w = 0.0;
            } else {
                cur.push(' ');
                cur_w += space;
            }
        }
        cur.push_str(word);
        cur_w += w;
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Lay out `text` at `point`; returns the lines and the box they cover.
pub fn layout(
    glyphs: &Glyphs,
    text: &str,
    size: f64,
    max_width_em: f64,
    point: Coord,
    anchor: Anchor,
    offset_em: f64,
) -> (Vec<TextLine>, Rect) {
    let em = size / GLYPH_SIZE;
    let lines = wrap(glyphs, text, size, max_width_em * size);
    let n = lines.len() as f64;
    let line_height = LINE_HEIGHT_EM * GLYPH_SIZE;
    let vertical = match anchor {
        Anchor::Centre => 0.5,
        Anchor::Top => 0.0,
    };
    let shift = (-vertical * n + 0.5) * line_height;
    let mut out = Vec::new();
    let mut min = coord! { x: f64::MAX, y: f64::MAX };
    let mut max = coord! { x: f64::MIN, y: f64::MIN };
    for (i, line) in lines.into_iter().enumerate() {
        let width = measure(glyphs, &line, size);
        let baseline = point.y + offset_em * size + (SHAPING_OFFSET + ASCENDER + i as f64 * line_height + shift) * em;
        let left = point.x - width / 2.0;
        // The line's box: a line height tall, centred on the text's x-height band.
        let top = baseline - (ASCENDER - 4.0) * em;
        min = coord! { x: min.x.min(left), y: min.y.min(top) };
        max = coord! { x: max.x.max(left + width), y: max.y.max(top + line_height * em) };
        out.push(TextLine {
            text: line,
            left,
            centre: point.x,
            baseline,
            width,
        });
    }
    (out, Rect { min, max })
}

/// Boxes already taken by placed labels.
#[derive(Debug, Default)]
pub struct Collisions {
    taken: Vec<Rect>,
}

impl Collisions {
    /// Take the box grown by `padding` unless it meets one already taken.
    pub fn try_take(&mut self, b: Rect, padding: f64) -> bool {
        let b = Rect {
            min: coord! { x: b.min.x - padding, y: b.min.y - padding },
            max: coord! { x: b.max.x + padding, y: b.max.y + padding },
        };
        if self
            .taken
            .iter()
            .any(|t| t.min.x < b.max.x && b.min.x < t.max.x && t.min.y < b.max.y && b.min.y < t.max.y)
        {
            return false;
        }
        self.taken.push(b);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_wrap_into_balanced_lines() {
        let g = Glyphs::embedded().expect("glyphs");
        let s = "Kunashir / Kunashiri";
        assert_eq!(wrap(&g, s, 15.0, 1000.0), [s]);
        let lines = wrap(&g, s, 15.0, 8.0 * 15.0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines.join(" "), s);
    }

    #[test]
    fn missing_glyphs_take_no_room() {
        let g = Glyphs::embedded().expect("glyphs");
        assert_eq!(measure(&g, "A\u{1F600}", 12.0), measure(&g, "A", 12.0));
    }

    #[test]
    fn overlapping_boxes_collide() {
        let mut c = Collisions::default();
        let r = |x: f64| Rect {
            min: coord! { x: x, y: 0.0 },
            max: coord! { x: x + 10.0, y: 10.0 },
        };
        assert!(c.try_take(r(0.0), 2.0));
        assert!(!c.try_take(r(12.0), 2.0));
        assert!(c.try_take(r(30.0), 2.0));
    }
}
