//! The colour key of an image: a box at the top left with one row per line drawn (its colour, width and dash, as
//! the style draws it) and, when a scenario's areas are shaded, one row per side, in the view's language (the
//! scenarios' short titles from the model's translations, the rest from texts.rs). Omitted with `legend=no`, and
//! for images too small to hold it.

use geo::coord;

use crate::Renderer;
use crate::labels::{TextLine, measure};
use crate::params::View;
use crate::rect::Rect;
use crate::scene::Shape;
use crate::texts::Side;
use crate::theme::Rgba;

/// Text size of the key, px (MapLibre's attribution uses 12).
pub const LEGEND_SIZE: f64 = 12.0;
const PAD: f64 = 6.0;
const ROW: f64 = 18.0;
const SWATCH_W: f64 = 28.0;
const SWATCH_GAP: f64 = 6.0;
const SWATCH_LINE_WIDTH: f64 = 3.0;
/// Below this width or height an image has no key.
const MIN_SIDE: u32 = 160;

/// The key's box, swatches and text.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub rect: Rect,
    pub background: Rgba,
    pub border: Rgba,
    pub swatches: Vec<Shape>,
    pub lines: Vec<TextLine>,
    pub size: f64,
    pub colour: Rgba,
}

/// The key for a view, or `None` when the view asks for none, shows nothing to explain, or is too small.
pub fn legend(r: &Renderer, view: &View, line_order: &[&String]) -> Option<Legend> {
    if !view.legend || view.width < MIN_SIDE || view.height < MIN_SIDE {
        return None;
    }
    let t = r.theme();
    let mut rows: Vec<(Shape, String)> = Vec::new();
    let row_y = |i: usize| PAD + ROW * i as f64 + ROW / 2.0;
    for id in line_order {
        let look = t.line(id);
        let y = row_y(rows.len());
        let swatch = Shape::Stroke {
            lines: vec![vec![
                coord! { x: PAD * 2.0, y: y },
                coord! { x: PAD * 2.0 + SWATCH_W, y: y },
            ]],
            colour: look.colour,
            width: SWATCH_LINE_WIDTH,
            dash: look.dash.iter().map(|d| d * SWATCH_LINE_WIDTH).collect(),
            round_cap: look.round_cap,
        };
        rows.push((swatch, r.scenario_name(id, view.lang).to_string()));
    }
    if let Some(sc) = &view.areas {
        let texts = crate::texts::texts(view.lang);
        for (side, which) in [("japan", Side::Japan), ("russia", Side::Russia)] {
            let Some(colour) = t.claim(sc, side) else { continue };
            let y = row_y(rows.len());
            let (x0, x1) = (PAD * 2.0 + 6.0, PAD * 2.0 + SWATCH_W - 6.0);
            let (y0, y1) = (y - 5.0, y + 5.0);
            let swatch = Shape::Fill {
                polygons: vec![vec![vec![
                    coord! { x: x0, y: y0 },
                    coord! { x: x1, y: y0 },
                    coord! { x: x1, y: y1 },
                    coord! { x: x0, y: y1 },
                ]]],
                colour,
            };
            rows.push((swatch, (texts.side_under)(which, r.scenario_name(sc, view.lang))));
        }
    }
    if rows.is_empty() {
        return None;
    }
    let glyphs = r.glyphs();
    let text_left = PAD * 2.0 + SWATCH_W + SWATCH_GAP;
    let widest = rows
        .iter()
        .map(|(_, s)| measure(glyphs, s, LEGEND_SIZE))
        .fold(0.0, f64::max);
    let rect = Rect {
        min: coord! { x: PAD, y: PAD },
        max: coord! { x: (text_left + widest + PAD).min(f64::from(view.width) - PAD), y: PAD * 2.0 + ROW * rows.len() as f64 },
    };
    // A key that would fill most of the image hides what it explains: none then.
    if (rect.max.y - rect.min.y) > f64::from(view.height) * 0.5 {
        return None;
    }
    let (swatches, lines) = rows
        .into_iter()
        .enumerate()
        .map(|(i, (swatch, text))| {
            let width = measure(glyphs, &text, LEGEND_SIZE);
            let line = TextLine {
                text,
                left: text_left,
                centre: text_left + width / 2.0,
                baseline: row_y(i) + LEGEND_SIZE * 0.35,
                width,
            };
            (swatch, line)
        })
        .unzip();
    Some(Legend {
        rect,
        background: Rgba {
            r: 255,
            g: 255,
            b: 255,
            a: 0.88,
        },
        border: Rgba {
            r: 154,
            g: 164,
            b: 174,
            a: 1.0,
        },
        swatches,
        lines,
        size: LEGEND_SIZE,
        colour: Rgba {
            r: 27,
            g: 27,
            b: 27,
            a: 1.0,
        },
    })
}
