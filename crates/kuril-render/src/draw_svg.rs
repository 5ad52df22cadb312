//! The scene as an SVG document written directly as text: one `<g>` per style layer (ids as in the web map's
//! style), paths at 0.1 px, labels as `<text>` in "Noto Sans" with a white halo (a stroke painted under the
//! fill), the attribution at the bottom right, and a `<title>` describing the view.

use std::fmt::Write as _;

use geo::Coord;

use crate::Renderer;
use crate::labels::TextLine;
use crate::params::{Lang, View};
use crate::scene::{Scene, Shape};
use crate::svg_title::Subject;
use crate::theme::Rgba;
use crate::xml::escape;

/// Coordinates at 0.1 px; "-0" written as "0".
fn n(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    let s = format!("{r:.1}");
    let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
    if s == "-0" { "0".into() } else { s }
}

/// Append a tenth of a pixel, `t` = value × 10 rounded, as "12.3", "-4" or "0".
fn push_tenths(out: &mut String, t: i64) {
    if t < 0 {
        out.push('-');
    }
    let a = t.unsigned_abs();
    let _ = write!(out, "{}", a / 10);
    if !a.is_multiple_of(10) {
        out.push('.');
        out.push(char::from(b'0' + (a % 10) as u8));
    }
}

fn path_data(out: &mut String, pts: &[Coord], close: bool) {
    let mut last = None;
    for c in pts {
        let p = ((c.x * 10.0).round() as i64, (c.y * 10.0).round() as i64);
        if last == Some(p) {
            continue;
        }
        out.push(if last.is_none() { 'M' } else { 'L' });
        push_tenths(out, p.0);
        out.push(' ');
        push_tenths(out, p.1);
        last = Some(p);
    }
    if close && last.is_some() {
        out.push('Z');
    }
}

fn fill_attrs(c: Rgba) -> String {
    if c.a < 1.0 {
        format!(r#"fill="{}" fill-opacity="{}""#, c.to_hex(), n2(f64::from(c.a)))
    } else {
        format!(r#"fill="{}""#, c.to_hex())
    }
}

fn n2(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn shape(out: &mut String, s: &Shape) {
    match s {
        Shape::Fill { polygons, colour } => {
            for rings in polygons {
                let mut d = String::new();
                for r in rings {
                    path_data(&mut d, r, true);
                }
                let _ = writeln!(out, r#"<path {} fill-rule="evenodd" d="{d}"/>"#, fill_attrs(*colour));
            }
        }
        Shape::Stroke {
            lines,
            colour,
            width,
            dash,
            round_cap,
        } => {
            let mut d = String::new();
            for l in lines {
                path_data(&mut d, l, false);
            }
            let mut attrs = format!(
                r#"fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round" stroke-linecap="{}""#,
                colour.to_hex(),
                n2(*width),
                if *round_cap { "round" } else { "butt" }
            );
            if !dash.is_empty() {
                let list: Vec<String> = dash.iter().map(|v| n2(*v)).collect();
                let _ = write!(attrs, r#" stroke-dasharray="{}""#, list.join(" "));
            }
            let _ = writeln!(out, r#"<path {attrs} d="{d}"/>"#);
        }
        Shape::Circle {
            centre,
            radius,
            fill,
            stroke,
            stroke_width,
        } => {
            let _ = writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" {} stroke="{}" stroke-width="{}"/>"#,
                n(centre.x),
                n(centre.y),
                n2(*radius),
                fill_attrs(*fill),
                stroke.to_hex(),
                n2(*stroke_width)
            );
        }
    }
}

fn text(out: &mut String, class: &str, lines: &[TextLine], size: f64, anchor: &str, x: impl Fn(&TextLine) -> f64) {
    let _ = write!(
        out,
        r#"<text class="{class}" font-size="{}" text-anchor="{anchor}">"#,
        n2(size)
    );
    for l in lines {
        let _ = write!(
            out,
            r#"<tspan x="{}" y="{}">{}</tspan>"#,
            n(x(l)),
            n(l.baseline),
            escape(&l.text)
        );
    }
    out.push_str("</text>\n");
}

/// A short text alternative for the image, in the view's language (English names the lines by id, as it always
/// has; Japanese and Russian by their short titles).
pub fn describe(r: &Renderer, view: &View) -> String {
    let texts = crate::svg_title::texts(view.lang);
    let name = |id: &str| -> String {
        if view.lang == Lang::En {
            id.to_string()
        } else {
            r.scenario_name(id, view.lang).to_string()
        }
    };
    let lines: Vec<String> = view.lines.iter().map(|id| name(id)).collect();
    let areas = view.areas.as_deref().map(name);
    let c = &view.camera;
    (texts.describe)(&Subject {
        lat: c.lat,
        lng: c.lng,
        zoom: &n2(c.zoom),
        lines: &lines.join(texts.lines_join),
        areas: areas.as_deref(),
        naming: view.naming.as_str(),
    })
}

/// Write the scene as SVG.
pub fn svg(scene: &Scene, title: &str, lang: Lang) -> String {
    let (w, h) = (scene.width, scene.height);
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="title" xml:lang="{}">"#,
        lang.code()
    );
    let _ = writeln!(out, r#"<title id="title">{}</title>"#, escape(title));
    let _ = writeln!(
        out,
        r#"<rect id="background" width="{w}" height="{h}" fill="{}"/>"#,
        scene.background.to_hex()
    );
    for g in &scene.groups {
        let _ = writeln!(out, r#"<g id="{}">"#, escape(&g.id));
        for s in &g.shapes {
            shape(&mut out, s);
        }
        out.push_str("</g>\n");
    }
    let _ = writeln!(
        out,
        r#"<g id="labels" font-family="Noto Sans, sans-serif" paint-order="stroke" stroke-linejoin="round">"#
    );
    for l in &scene.labels {
        let _ = write!(
            out,
            r#"<g fill="{}" stroke="{}" stroke-width="{}">"#,
            l.colour.to_hex(),
            l.halo.to_hex(),
            n2(l.halo_width * 2.0)
        );
        text(&mut out, l.class, &l.lines, l.size, "middle", |t| t.centre);
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n");
    if let Some(k) = &scene.legend {
        let _ = writeln!(out, r#"<g id="legend" font-family="Noto Sans, sans-serif">"#);
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" {} stroke="{}"/>"#,
            n(k.rect.min.x),
            n(k.rect.min.y),
            n(k.rect.max.x - k.rect.min.x),
            n(k.rect.max.y - k.rect.min.y),
            fill_attrs(k.background),
            k.border.to_hex()
        );
        for s in &k.swatches {
            shape(&mut out, s);
        }
        let _ = write!(out, r#"<g {}>"#, fill_attrs(k.colour));
        text(&mut out, "legend", &k.lines, k.size, "start", |t| t.left);
        out.push_str("</g>\n</g>\n");
    }
    if let Some(a) = &scene.attribution {
        let _ = writeln!(out, r#"<g id="attribution" font-family="Noto Sans, sans-serif">"#);
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" {}/>"#,
            n(a.rect.min.x),
            n(a.rect.min.y),
            n(a.rect.max.x - a.rect.min.x),
            n(a.rect.max.y - a.rect.min.y),
            fill_attrs(a.background)
        );
        let _ = write!(out, r#"<g {}>"#, fill_attrs(a.colour));
        text(&mut out, "attribution", &a.lines, a.size, "end", |t| t.left + t.width);
        out.push_str("</g>\n</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_of_a_pixel() {
        let s = |t| {
            let mut o = String::new();
            push_tenths(&mut o, t);
            o
        };
        assert_eq!([s(0), s(123), s(-45), s(-3), s(70)], ["0", "12.3", "-4.5", "-0.3", "7"]);
        let mut d = String::new();
        let pts = [(1.0, 2.04), (1.01, 2.0), (3.0, 4.0)].map(|(x, y)| geo::coord! { x: x, y: y });
        path_data(&mut d, &pts, true);
        assert_eq!(d, "M1 2L3 4Z");
    }
}
