//! The scene rasterised with tiny-skia (anti-aliased, even-odd fills, dashes in pixels) and encoded as PNG.

use tiny_skia::{Color, FillRule, LineCap, LineJoin, Paint, PathBuilder, Pixmap, Rect, Stroke, StrokeDash, Transform};

use geo::Coord;

use crate::error::RenderError;
use crate::glyphs::Glyphs;
use crate::scene::{Scene, Shape};
use crate::sdf::draw_text;
use crate::theme::Rgba;

fn paint(c: Rgba) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(Color::from_rgba8(c.r, c.g, c.b, (c.a * 255.0).round() as u8));
    p.anti_alias = true;
    p
}

/// Appends one ring (`close`) or line to the path; an empty one adds nothing.
fn add_path(pb: &mut PathBuilder, pts: &[Coord], close: bool) {
    let mut pts = pts.iter();
    if let Some(first) = pts.next() {
        pb.move_to(first.x as f32, first.y as f32);
        for c in pts {
            pb.line_to(c.x as f32, c.y as f32);
        }
        if close {
            pb.close();
        }
    }
}

fn draw(pixmap: &mut Pixmap, shape: &Shape) {
    let id = Transform::identity();
    match shape {
        Shape::Fill { polygons, colour } => {
            for rings in polygons {
                let mut pb = PathBuilder::new();
                for ring in rings {
                    add_path(&mut pb, ring, true);
                }
                if let Some(path) = pb.finish() {
                    pixmap.fill_path(&path, &paint(*colour), FillRule::EvenOdd, id, None);
                }
            }
        }
        Shape::Stroke {
            lines,
            colour,
            width,
            dash,
            round_cap,
        } => {
            let mut pb = PathBuilder::new();
            for line in lines {
                add_path(&mut pb, line, false);
            }
            let Some(path) = pb.finish() else { return };
            let stroke = Stroke {
                width: *width as f32,
                line_cap: if *round_cap { LineCap::Round } else { LineCap::Butt },
                line_join: LineJoin::Round,
                dash: if dash.is_empty() {
                    None
                } else {
                    StrokeDash::new(dash.iter().map(|d| *d as f32).collect(), 0.0)
                },
                ..Stroke::default()
            };
            pixmap.stroke_path(&path, &paint(*colour), &stroke, id, None);
        }
        Shape::Circle {
            centre,
            radius,
            fill,
            stroke,
            stroke_width,
        } => {
            let Some(path) = PathBuilder::from_circle(centre.x as f32, centre.y as f32, *radius as f32) else {
                return;
            };
            pixmap.fill_path(&path, &paint(*fill), FillRule::Winding, id, None);
            if *stroke_width > 0.0 {
                let s = Stroke {
                    width: *stroke_width as f32,
                    ..Stroke::default()
                };
                pixmap.stroke_path(&path, &paint(*stroke), &s, id, None);
            }
        }
    }
}

/// Rasterise a scene.
pub fn raster(scene: &Scene, glyphs: &Glyphs) -> Result<Pixmap, RenderError> {
    let mut pixmap = Pixmap::new(scene.width, scene.height)
        .ok_or_else(|| RenderError::Encode(format!("cannot allocate {}×{} px", scene.width, scene.height)))?;
    let bg = scene.background;
    pixmap.fill(Color::from_rgba8(bg.r, bg.g, bg.b, 255));
    for shape in scene.groups.iter().flat_map(|g| &g.shapes) {
        draw(&mut pixmap, shape);
    }
    for label in &scene.labels {
        draw_text(
            &mut pixmap,
            glyphs,
            &label.lines,
            label.size,
            label.colour,
            Some((label.halo, label.halo_width)),
        );
    }
    if let Some(k) = &scene.legend {
        box_rect(&mut pixmap, &k.rect, k.background, Some(k.border));
        for shape in &k.swatches {
            draw(&mut pixmap, shape);
        }
        draw_text(&mut pixmap, glyphs, &k.lines, k.size, k.colour, None);
    }
    if let Some(a) = &scene.attribution {
        box_rect(&mut pixmap, &a.rect, a.background, None);
        draw_text(&mut pixmap, glyphs, &a.lines, a.size, a.colour, None);
    }
    Ok(pixmap)
}

/// A box filled with `background`, outlined with `border` (1 px) when given.
fn box_rect(pixmap: &mut Pixmap, rect: &crate::rect::Rect, background: Rgba, border: Option<Rgba>) {
    let Some(r) = Rect::from_ltrb(
        rect.min.x as f32,
        rect.min.y as f32,
        rect.max.x as f32,
        rect.max.y as f32,
    ) else {
        return;
    };
    pixmap.fill_rect(r, &paint(background), Transform::identity(), None);
    if let Some(border) = border {
        let path = PathBuilder::from_rect(r);
        let stroke = Stroke {
            width: 1.0,
            ..Stroke::default()
        };
        pixmap.stroke_path(&path, &paint(border), &stroke, Transform::identity(), None);
    }
}

/// Rasterise a scene and encode it as PNG.
pub fn png(scene: &Scene, glyphs: &Glyphs) -> Result<Vec<u8>, RenderError> {
    raster(scene, glyphs)?
        .encode_png()
        .map_err(|e| RenderError::Encode(e.to_string()))
}
