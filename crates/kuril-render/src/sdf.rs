//! Text from signed distance fields, as MapLibre's symbol shader draws it: each glyph's field scaled bilinearly
//! to the font size, a halo where the distance is within `halo_width` px outside the edge, then the text where it
//! is inside, both with about a pixel of anti-aliasing. Characters without a glyph are skipped.

use tiny_skia::{Pixmap, PremultipliedColorU8};

use crate::glyphs::{BORDER, EDGE, GLYPH_SIZE, Glyph, Glyphs, SDF_PER_PX};
use crate::labels::{ASCENDER, TextLine};
use crate::theme::Rgba;

/// Half the anti-aliasing band, in output pixels.
const GAMMA_PX: f64 = 0.7;

/// Draw lines of text with an optional halo (`halo_width` 0 for none).
pub fn draw_text(
    pixmap: &mut Pixmap,
    glyphs: &Glyphs,
    lines: &[TextLine],
    size: f64,
    colour: Rgba,
    halo: Option<(Rgba, f64)>,
) {
    let s = size / GLYPH_SIZE;
    let gamma = GAMMA_PX * SDF_PER_PX / s;
    if let Some((halo_colour, width)) = halo.filter(|(_, w)| *w > 0.0) {
        let edge = (EDGE - width / s * SDF_PER_PX).max(1.0);
        each_glyph(glyphs, lines, s, |g, x0, y0| {
            paint(pixmap, g, x0, y0, s, edge, gamma, halo_colour)
        });
    }
    each_glyph(glyphs, lines, s, |g, x0, y0| {
        paint(pixmap, g, x0, y0, s, EDGE, gamma, colour)
    });
}

/// Calls `f` with each drawable glyph and the top-left corner of its bitmap (border included) in pixels.
fn each_glyph(glyphs: &Glyphs, lines: &[TextLine], s: f64, mut f: impl FnMut(&Glyph, f64, f64)) {
    for line in lines {
        let mut pen = line.left;
        for ch in line.text.chars() {
            let Some(g) = glyphs.get(ch) else { continue };
            if !g.bitmap.is_empty() {
                let b = f64::from(BORDER);
                let x0 = pen + (f64::from(g.left) - b) * s;
                let y0 = line.baseline + (-ASCENDER - f64::from(g.top) - b) * s;
                f(g, x0, y0);
            }
            pen += f64::from(g.advance) * s;
        }
    }
}

fn smoothstep(e0: f64, e1: f64, x: f64) -> f64 {
    let t = ((x - e0) / (e1 - e0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

#[allow(clippy::too_many_arguments)]
fn paint(pixmap: &mut Pixmap, g: &Glyph, x0: f64, y0: f64, s: f64, edge: f64, gamma: f64, colour: Rgba) {
    let bw = (g.width + 2 * BORDER) as usize;
    let bh = (g.height + 2 * BORDER) as usize;
    let (pw, ph) = (pixmap.width() as i64, pixmap.height() as i64);
    let px0 = (x0.floor() as i64).max(0);
    let py0 = (y0.floor() as i64).max(0);
    let px1 = ((x0 + bw as f64 * s).ceil() as i64).min(pw);
    let py1 = ((y0 + bh as f64 * s).ceil() as i64).min(ph);
    let sample = |x: f64, y: f64| -> f64 {
        let x = x.clamp(0.0, (bw - 1) as f64);
        let y = y.clamp(0.0, (bh - 1) as f64);
        let (xi, yi) = (x.floor() as usize, y.floor() as usize);
        let (xj, yj) = ((xi + 1).min(bw - 1), (yi + 1).min(bh - 1));
        let (fx, fy) = (x - xi as f64, y - yi as f64);
        let v = |x: usize, y: usize| f64::from(g.bitmap[y * bw + x]);
        let top = v(xi, yi) * (1.0 - fx) + v(xj, yi) * fx;
        let bottom = v(xi, yj) * (1.0 - fx) + v(xj, yj) * fx;
        top * (1.0 - fy) + bottom * fy
    };
    let width = pixmap.width() as usize;
    let pixels = pixmap.pixels_mut();
    for py in py0..py1 {
        for px in px0..px1 {
            let u = (px as f64 + 0.5 - x0) / s - 0.5;
            let v = (py as f64 + 0.5 - y0) / s - 0.5;
            let alpha = smoothstep(edge - gamma, edge + gamma, sample(u, v)) * f64::from(colour.a);
            if alpha > 0.0 {
                let i = py as usize * width + px as usize;
                pixels[i] = blend(pixels[i], colour, alpha);
            }
        }
    }
}

/// `colour` at `alpha` over a premultiplied pixel.
pub fn blend(dst: PremultipliedColorU8, colour: Rgba, alpha: f64) -> PremultipliedColorU8 {
    let a = alpha.clamp(0.0, 1.0);
    let mix = |src: u8, d: u8| {
        (f64::from(src) * a + f64::from(d) * (1.0 - a))
            .round()
            .clamp(0.0, 255.0) as u8
    };
    let out_a = mix(255, dst.alpha());
    let c = |src: u8, d: u8| mix(src, d).min(out_a);
    PremultipliedColorU8::from_rgba(
        c(colour.r, dst.red()),
        c(colour.g, dst.green()),
        c(colour.b, dst.blue()),
        out_a,
    )
    .unwrap_or(dst)
}
