//! Colours, widths, dashes and text sizes read from the web map's own style (`kuril_tiles::style::style`), so an
//! image cannot drift from the map: a change of colour there is a change here, and a change of the style's shape
//! that this reader does not understand is an error at start-up (and a failing test), not a silent default.

use std::collections::BTreeMap;

use kuril_tiles::style::{LINE_STYLES, StyleUrls, style};
use serde_json::Value as Json;

use crate::error::RenderError;

/// An sRGB colour with straight alpha in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: f32,
}

impl Rgba {
    /// Parse `#rrggbb`.
    pub fn hex(s: &str) -> Option<Rgba> {
        let h = s.strip_prefix('#')?;
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let c = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Rgba {
            r: c(0)?,
            g: c(2)?,
            b: c(4)?,
            a: 1.0,
        })
    }

    pub fn with_alpha(self, a: f32) -> Rgba {
        Rgba { a, ..self }
    }

    /// `#rrggbb`, for SVG.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// A line layer's look.
#[derive(Debug, Clone, PartialEq)]
pub struct LineLook {
    pub colour: Rgba,
    /// (zoom, width px) stops, interpolated linearly and held constant outside.
    pub width: Vec<(f64, f64)>,
    /// Dash and gap lengths in line widths (MapLibre's `line-dasharray`); empty for a solid line.
    pub dash: Vec<f64>,
    pub round_cap: bool,
}

impl LineLook {
    pub fn width_at(&self, zoom: f64) -> f64 {
        interpolate(&self.width, zoom)
    }
}

/// A label layer's look.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLook {
    pub colour: Rgba,
    pub halo: Rgba,
    pub halo_width: f64,
    /// Font size in px by label rank; `default_size` for other ranks.
    pub size_by_rank: Vec<(f64, f64)>,
    pub default_size: f64,
    /// Longest line, in ems, before the label wraps at a space.
    pub max_width_em: f64,
    /// Room kept free around a label, px.
    pub padding: f64,
    pub minzoom: f64,
}

impl TextLook {
    pub fn size(&self, rank: Option<f64>) -> f64 {
        rank.and_then(|r| self.size_by_rank.iter().find(|(k, _)| *k == r).map(|(_, s)| *s))
            .unwrap_or(self.default_size)
    }
}

/// Everything the images take from the style.
#[derive(Debug, Clone)]
pub struct Theme {
    pub sea: Rgba,
    pub land: Rgba,
    /// Claim area fill per (scenario, side), with its opacity in `a`.
    pub claims: BTreeMap<(String, String), Rgba>,
    pub island: Rgba,
    pub disputed_island: Rgba,
    pub outline: LineLook,
    pub strait_widths: LineLook,
    /// Per scenario id, from the style's `line:{id}` layers.
    pub lines: BTreeMap<String, LineLook>,
    pub place_radius: f64,
    pub place_fill: Rgba,
    pub place_stroke: Rgba,
    pub place_stroke_width: f64,
    pub island_labels: TextLook,
    pub place_labels: TextLook,
    /// The place label's offset below its point, in ems.
    pub place_label_offset_em: f64,
    pub strait_labels: TextLook,
}

/// The look of a scenario without a line layer in the style (a line added to the data before the style).
pub fn fallback_line() -> LineLook {
    LineLook {
        colour: Rgba {
            r: 0x55,
            g: 0x55,
            b: 0x55,
            a: 1.0,
        },
        width: vec![(4.0, 2.0), (10.0, 4.0)],
        dash: Vec::new(),
        round_cap: false,
    }
}

fn interpolate(stops: &[(f64, f64)], zoom: f64) -> f64 {
    let Some(first) = stops.first() else {
        return 1.0;
    };
    if zoom <= first.0 {
        return first.1;
    }
    for w in stops.windows(2) {
        let ((z0, v0), (z1, v1)) = (w[0], w[1]);
        if zoom <= z1 {
            return v0 + (v1 - v0) * (zoom - z0) / (z1 - z0);
        }
    }
    stops.last().map_or(1.0, |s| s.1)
}

struct Reader {
    layers: BTreeMap<String, Json>,
}

fn err(what: impl Into<String>) -> RenderError {
    RenderError::Style(what.into())
}

impl Reader {
    fn layer(&self, id: &str) -> Result<&Json, RenderError> {
        self.layers
            .get(id)
            .ok_or_else(|| err(format!("the style has no layer {id:?}")))
    }

    fn prop<'a>(&'a self, id: &str, group: &str, key: &str) -> Result<&'a Json, RenderError> {
        self.layer(id)?
            .get(group)
            .and_then(|g| g.get(key))
            .ok_or_else(|| err(format!("layer {id:?} has no {group}.{key}")))
    }

    fn colour(&self, id: &str, group: &str, key: &str) -> Result<Rgba, RenderError> {
        colour(self.prop(id, group, key)?).ok_or_else(|| err(format!("{id}.{key} is not a #rrggbb colour")))
    }

    fn number(&self, id: &str, group: &str, key: &str) -> Result<f64, RenderError> {
        self.prop(id, group, key)?
            .as_f64()
            .ok_or_else(|| err(format!("{id}.{key} is not a number")))
    }

    fn line(&self, id: &str) -> Result<LineLook, RenderError> {
        let width = match self.prop(id, "paint", "line-width")? {
            Json::Number(n) => vec![(0.0, n.as_f64().unwrap_or(1.0))],
            Json::Array(a) if a.first().and_then(Json::as_str) == Some("interpolate") => {
                let stops: Vec<f64> = a.iter().skip(3).filter_map(Json::as_f64).collect();
                if stops.len() < 2 || !stops.len().is_multiple_of(2) || stops.len() != a.len() - 3 {
                    return Err(err(format!("{id}.line-width: unsupported interpolate")));
                }
                stops.chunks(2).map(|p| (p[0], p[1])).collect()
            }
            _ => return Err(err(format!("{id}.line-width: unsupported expression"))),
        };
        let dash = match self.layer(id)?.get("paint").and_then(|p| p.get("line-dasharray")) {
            None => Vec::new(),
            Some(d) => d
                .as_array()
                .and_then(|a| a.iter().map(Json::as_f64).collect::<Option<Vec<_>>>())
                .ok_or_else(|| err(format!("{id}.line-dasharray is not a list of numbers")))?,
        };
        let cap = self
            .layer(id)?
            .get("layout")
            .and_then(|l| l.get("line-cap"))
            .and_then(Json::as_str);
        Ok(LineLook {
            colour: self.colour(id, "paint", "line-color")?,
            width,
            dash,
            round_cap: cap == Some("round"),
        })
    }

    fn text(&self, id: &str) -> Result<TextLook, RenderError> {
        let (size_by_rank, default_size) = match self.prop(id, "layout", "text-size")? {
            Json::Number(n) => (Vec::new(), n.as_f64().unwrap_or(12.0)),
            // ["match", ["get", "rank"], 1, 15, 2, 13, 12]
            Json::Array(a) if a.first().and_then(Json::as_str) == Some("match") && a.len() >= 5 => {
                let pairs: Option<Vec<(f64, f64)>> = a[2..a.len() - 1]
                    .chunks(2)
                    .map(|p| Some((p[0].as_f64()?, p.get(1)?.as_f64()?)))
                    .collect();
                let default = a[a.len() - 1].as_f64();
                match (pairs, default) {
                    (Some(p), Some(d)) => (p, d),
                    _ => return Err(err(format!("{id}.text-size: unsupported match"))),
                }
            }
            _ => return Err(err(format!("{id}.text-size: unsupported expression"))),
        };
        Ok(TextLook {
            colour: self.colour(id, "paint", "text-color")?,
            halo: self.colour(id, "paint", "text-halo-color")?,
            halo_width: self.number(id, "paint", "text-halo-width")?,
            size_by_rank,
            default_size,
            max_width_em: self.number(id, "layout", "text-max-width")?,
            padding: self.number(id, "layout", "text-padding")?,
            minzoom: self.layer(id)?.get("minzoom").and_then(Json::as_f64).unwrap_or(0.0),
        })
    }
}

fn colour(v: &Json) -> Option<Rgba> {
    Rgba::hex(v.as_str()?)
}

impl Theme {
    /// Read the theme from the web map's style.
    pub fn from_style() -> Result<Theme, RenderError> {
        let style = style(&StyleUrls {
            source: String::new(),
            glyphs: String::new(),
        });
        let layers = style["layers"]
            .as_array()
            .ok_or_else(|| err("the style has no layers"))?
            .iter()
            .filter_map(|l| Some((l["id"].as_str()?.to_string(), l.clone())))
            .collect();
        let r = Reader { layers };
        let mut claims = BTreeMap::new();
        let mut lines = BTreeMap::new();
        for (id, layer) in &r.layers {
            if let Some(rest) = id.strip_prefix("claim:")
                && let Some((scenario, side)) = rest.rsplit_once(':')
            {
                let c = r.colour(id, "paint", "fill-color")?;
                let a = layer["paint"]["fill-opacity"].as_f64().unwrap_or(1.0) as f32;
                claims.insert((scenario.to_string(), side.to_string()), c.with_alpha(a));
            }
            if let Some(scenario) = id.strip_prefix("line:") {
                lines.insert(scenario.to_string(), r.line(id)?);
            }
        }
        // The style derives its line layers from LINE_STYLES; check that nothing was lost on the way.
        for (id, c, _) in LINE_STYLES {
            if lines.get(id).map(|l| l.colour) != Rgba::hex(c) {
                return Err(err(format!("line {id}: the style's colour differs from LINE_STYLES")));
            }
        }
        // ["case", ["get", "disputed"], disputed, other]
        let islands = r.prop("islands", "paint", "fill-color")?;
        let (disputed_island, island) = match islands.as_array().map(Vec::as_slice) {
            Some([op, _, a, b]) if op == "case" => (colour(a), colour(b)),
            _ => (None, None),
        };
        let offset = r.prop("place-labels", "layout", "text-offset")?;
        Ok(Theme {
            sea: r.colour("background", "paint", "background-color")?,
            land: r.colour("land", "paint", "fill-color")?,
            claims,
            island: island.ok_or_else(|| err("islands.fill-color: unsupported expression"))?,
            disputed_island: disputed_island.ok_or_else(|| err("islands.fill-color: unsupported expression"))?,
            outline: r.line("islands-outline")?,
            strait_widths: r.line("strait-widths")?,
            lines,
            place_radius: r.number("places", "paint", "circle-radius")?,
            place_fill: r.colour("places", "paint", "circle-color")?,
            place_stroke: r.colour("places", "paint", "circle-stroke-color")?,
            place_stroke_width: r.number("places", "paint", "circle-stroke-width")?,
            island_labels: r.text("island-labels")?,
            place_labels: r.text("place-labels")?,
            place_label_offset_em: offset.get(1).and_then(Json::as_f64).unwrap_or(0.0),
            strait_labels: r.text("strait-labels")?,
        })
    }

    /// The claim-area fill of `side` under `scenario`; a scenario without its own style layers takes the side's
    /// colour from the others (all scenarios share them).
    pub fn claim(&self, scenario: &str, side: &str) -> Option<Rgba> {
        self.claims
            .get(&(scenario.to_string(), side.to_string()))
            .or_else(|| self.claims.iter().find(|((_, s), _)| s == side).map(|(_, c)| c))
            .copied()
    }

    /// The look of a scenario's line.
    pub fn line(&self, scenario: &str) -> LineLook {
        self.lines.get(scenario).cloned().unwrap_or_else(fallback_line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_web_maps_style() {
        let t = Theme::from_style().expect("the style is readable");
        assert_ne!(t.sea, t.land);
        assert_eq!(t.lines.len(), LINE_STYLES.len());
        let w = t.line("soviet");
        assert!(w.width_at(3.0) <= w.width_at(6.0) && w.width_at(6.0) <= w.width_at(12.0));
        assert!(t.island_labels.size(Some(1.0)) > t.island_labels.size(Some(3.0)));
    }

    #[test]
    fn interpolates_between_stops_and_holds_outside() {
        let s = [(4.0, 2.0), (10.0, 4.0)];
        assert_eq!(interpolate(&s, 0.0), 2.0);
        assert_eq!(interpolate(&s, 7.0), 3.0);
        assert_eq!(interpolate(&s, 20.0), 4.0);
    }
}
