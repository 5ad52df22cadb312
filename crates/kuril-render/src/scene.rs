//! What an image shows, in pixels and drawing order, independent of the output format: the PNG and the SVG
//! writers draw the same scene. The layers follow the web map's style: sea, land, the chosen scenario's claim
//! areas, islands and their outlines, strait widths, the chosen lines, places, labels, and the attribution.

use geo::{Coord, coord};
use kuril_tiles::clip::{clip_line, clip_ring};
use kuril_tiles::layers::{Geom, SourceFeature, Value};
use kuril_tiles::style::LINE_STYLES;

use crate::Renderer;
use crate::labels::{Anchor, Collisions, Label, TextLine, layout, measure, wrap};
use crate::legend::{Legend, legend};
use crate::params::View;
use crate::project::Viewport;
use crate::rect::{Rect, image_rect};
use crate::source::Source;
use crate::theme::{LineLook, Rgba, TextLook};

/// Pixels drawn beyond the image's edge, so that wide lines and outlines end outside it.
const MARGIN: f64 = 16.0;
/// The attribution's font size and padding, px (MapLibre's attribution control uses 12 px).
pub const ATTRIBUTION_SIZE: f64 = 12.0;
const ATTRIBUTION_PAD: f64 = 5.0;
/// What the web map credits besides the data (`EXTRA_ATTRIBUTION` in `web/src/map.ts`) that applies to an image:
/// the label font. MapLibre is not used here, so it is not credited.
pub const FONT_ATTRIBUTION: &str = "Font: Noto Sans (SIL OFL 1.1)";
/// Island labels the web app shows by zoom (`ISLAND_LABEL_FILTER` in `web/src/apply.ts`, a filter the app sets
/// on the style): from each zoom on, labels up to this rank.
pub const ISLAND_LABEL_RANKS: [(f64, f64); 4] = [(0.0, 1.0), (5.0, 2.0), (8.0, 3.0), (9.0, 4.0)];

/// The highest island label rank shown at `zoom`.
pub fn max_island_rank(zoom: f64) -> f64 {
    ISLAND_LABEL_RANKS
        .iter()
        .filter(|(z, _)| zoom >= *z)
        .map(|(_, r)| *r)
        .fold(0.0, f64::max)
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// Polygons, each a list of open rings (exterior first), filled even-odd.
    Fill {
        polygons: Vec<Vec<Vec<Coord>>>,
        colour: Rgba,
    },
    Stroke {
        lines: Vec<Vec<Coord>>,
        colour: Rgba,
        width: f64,
        /// Dash and gap lengths in px; empty for solid.
        dash: Vec<f64>,
        round_cap: bool,
    },
    Circle {
        centre: Coord,
        radius: f64,
        fill: Rgba,
        stroke: Rgba,
        stroke_width: f64,
    },
}

/// A named group of shapes (a style layer; an SVG `<g id>`).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: String,
    pub shapes: Vec<Shape>,
}

/// The attribution box at the bottom right.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub text: String,
    pub lines: Vec<TextLine>,
    pub size: f64,
    pub colour: Rgba,
    pub background: Rgba,
    pub rect: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: u32,
    pub height: u32,
    pub background: Rgba,
    pub groups: Vec<Group>,
    pub labels: Vec<Label>,
    /// The colour key (legend.rs), unless the view asks for none.
    pub legend: Option<Legend>,
    /// The credits, unless the view leaves them to its page (`attribution=no`).
    pub attribution: Option<Attribution>,
}

fn prop<'a>(f: &'a SourceFeature, key: &str) -> Option<&'a Value> {
    f.props.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn prop_str<'a>(f: &'a SourceFeature, key: &str) -> Option<&'a str> {
    match prop(f, key) {
        Some(Value::Str(s)) => Some(s),
        _ => None,
    }
}

struct Ctx<'a> {
    r: &'a Renderer,
    view: &'a View,
    vp: Viewport,
    clip: Rect,
    z: u8,
    min: Coord,
    max: Coord,
}

impl Ctx<'_> {
    fn features(&self, layer: &str) -> impl Iterator<Item = (&SourceFeature, &Geom)> {
        self.r.source.features(layer, self.z, self.min, self.max)
    }

    fn polygons(&self, g: &Geom) -> Vec<Vec<Vec<Coord>>> {
        let Geom::Polygons(polys) = g else {
            return Vec::new();
        };
        polys
            .iter()
            .filter_map(|rings| {
                let px: Vec<Vec<Coord>> = rings
                    .iter()
                    .map(|r| clip_ring(&r.iter().map(|&c| self.vp.to_px(c)).collect::<Vec<_>>(), &self.clip))
                    .collect();
                // Without its exterior a polygon is outside (holes alone mean nothing).
                px.first()
                    .is_some_and(|e| !e.is_empty())
                    .then(|| px.into_iter().filter(|r| !r.is_empty()).collect())
            })
            .collect()
    }

    fn lines(&self, g: &Geom) -> Vec<Vec<Coord>> {
        let project = |l: &Vec<Coord>| l.iter().map(|&c| self.vp.to_px(c)).collect::<Vec<_>>();
        match g {
            Geom::Lines(ls) => ls.iter().flat_map(|l| clip_line(&project(l), &self.clip)).collect(),
            // Outlines of polygons: every ring, closed.
            Geom::Polygons(ps) => ps
                .iter()
                .flatten()
                .flat_map(|r| clip_line(&project(r), &self.clip))
                .collect(),
            Geom::Points(_) => Vec::new(),
        }
    }

    fn stroke(&self, lines: Vec<Vec<Coord>>, look: &LineLook) -> Option<Shape> {
        let width = look.width_at(self.view.camera.zoom);
        (!lines.is_empty()).then(|| Shape::Stroke {
            lines,
            colour: look.colour,
            width,
            dash: look.dash.iter().map(|d| d * width).collect(),
            round_cap: look.round_cap,
        })
    }
}

/// Build the scene for a view.
pub fn build(r: &Renderer, view: &View) -> Scene {
    let vp = Viewport::of(view);
    let (min, max) = vp.world_bounds(MARGIN);
    let cx = Ctx {
        r,
        view,
        vp,
        clip: image_rect(view.width, view.height, MARGIN),
        z: Source::tile_zoom(view.camera.zoom),
        min,
        max,
    };
    let t = &r.theme;
    let mut groups = Vec::new();

    let land: Vec<Shape> = cx
        .features("land")
        .map(|(_, g)| cx.polygons(g))
        .filter(|p| !p.is_empty())
        .map(|polygons| Shape::Fill {
            polygons,
            colour: t.land,
        })
        .collect();
    groups.push(Group {
        id: "land".into(),
        shapes: land,
    });

    let mut claims = Vec::new();
    if let Some(sc) = &view.areas {
        for (f, g) in cx.features("claim_areas") {
            if prop_str(f, "scenario") != Some(sc.as_str()) {
                continue;
            }
            let Some(colour) = prop_str(f, "side").and_then(|side| t.claim(sc, side)) else {
                continue;
            };
            let polygons = cx.polygons(g);
            if !polygons.is_empty() {
                claims.push(Shape::Fill { polygons, colour });
            }
        }
    }
    groups.push(Group {
        id: "claim-areas".into(),
        shapes: claims,
    });

    let mut islands = Vec::new();
    let mut outlines = Vec::new();
    for (f, g) in cx.features("islands") {
        let disputed = matches!(prop(f, "disputed"), Some(Value::Bool(true)));
        let polygons = cx.polygons(g);
        if !polygons.is_empty() {
            let colour = if disputed { t.disputed_island } else { t.island };
            islands.push(Shape::Fill { polygons, colour });
        }
        outlines.extend(cx.lines(g));
    }
    groups.push(Group {
        id: "islands".into(),
        shapes: islands,
    });
    groups.push(Group {
        id: "islands-outline".into(),
        shapes: cx.stroke(outlines, &t.outline).into_iter().collect(),
    });

    let widths: Vec<Vec<Coord>> = cx.features("strait_widths").flat_map(|(_, g)| cx.lines(g)).collect();
    groups.push(Group {
        id: "strait-widths".into(),
        shapes: cx.stroke(widths, &t.strait_widths).into_iter().collect(),
    });

    // Lines in the style's order (later ones on top), then any scenario the style does not know yet.
    let mut order: Vec<&String> = view.lines.iter().collect();
    order.sort_by_key(|id| LINE_STYLES.iter().position(|(s, _, _)| s == id).unwrap_or(usize::MAX));
    for &id in &order {
        let lines: Vec<Vec<Coord>> = cx
            .features("lines")
            .filter(|(f, _)| prop_str(f, "line") == Some(id.as_str()))
            .flat_map(|(_, g)| cx.lines(g))
            .collect();
        groups.push(Group {
            id: format!("line:{id}"),
            shapes: cx.stroke(lines, &t.line(id)).into_iter().collect(),
        });
    }

    let mut place_points = Vec::new();
    let places: Vec<Shape> = cx
        .features("places")
        .flat_map(|(f, g)| match g {
            Geom::Points(p) => p.iter().map(|&c| (f, vp.to_px(c))).collect(),
            _ => Vec::new(),
        })
        .filter(|(_, c)| in_rect(*c, &cx.clip))
        .map(|(f, centre)| {
            place_points.push((f, centre));
            Shape::Circle {
                centre,
                radius: t.place_radius,
                fill: t.place_fill,
                stroke: t.place_stroke,
                stroke_width: t.place_stroke_width,
            }
        })
        .collect();
    groups.push(Group {
        id: "places".into(),
        shapes: places,
    });

    let labels = labels(&cx, &place_points);
    Scene {
        width: view.width,
        height: view.height,
        background: t.sea,
        groups,
        labels,
        legend: legend(r, view, &order),
        attribution: view.attribution.then(|| attribution(r, view)),
    }
}

fn in_rect(c: Coord, r: &Rect) -> bool {
    c.x >= r.min.x && c.x <= r.max.x && c.y >= r.min.y && c.y <= r.max.y
}

/// The feature's name for the view's naming, else its display name.
fn name<'a>(f: &'a SourceFeature, view: &View) -> Option<&'a str> {
    prop_str(f, view.naming.property(view.lang)).or_else(|| prop_str(f, "name"))
}

fn labels(cx: &Ctx<'_>, places: &[(&SourceFeature, Coord)]) -> Vec<Label> {
    let t = &cx.r.theme;
    let zoom = cx.view.camera.zoom;
    let glyphs = &cx.r.glyphs;
    let image = image_rect(cx.view.width, cx.view.height, 0.0);
    let mut taken = Collisions::default();
    let mut out = Vec::new();
    let mut place = |text: &str, point: Coord, look: &TextLook, size: f64, anchor, offset, class| {
        let (lines, bbox) = layout(glyphs, text, size, look.max_width_em, point, anchor, offset);
        let visible = bbox.max.x > 0.0 && bbox.min.x < image.max.x && bbox.max.y > 0.0 && bbox.min.y < image.max.y;
        if visible && taken.try_take(bbox, look.padding) {
            out.push(Label {
                lines,
                size,
                colour: look.colour,
                halo: look.halo,
                halo_width: look.halo_width,
                class,
            });
        }
    };
    // MapLibre places the topmost layer first: island labels by rank, then places, then straits.
    if zoom >= t.island_labels.minzoom {
        let mut islands: Vec<(f64, &SourceFeature, Coord)> = cx
            .features("island_labels")
            .filter_map(|(f, g)| match g {
                Geom::Points(p) => p.first().map(|&c| (f, cx.vp.to_px(c))),
                _ => None,
            })
            .map(|(f, c)| {
                let rank = match prop(f, "rank") {
                    Some(Value::Num(n)) => *n,
                    _ => f64::MAX,
                };
                (rank, f, c)
            })
            .collect();
        // A group's label (the Habomai Islands) gives way to its islets' own at `until_zoom`.
        islands.retain(|(rank, f, _)| {
            *rank <= max_island_rank(zoom) && !matches!(prop(f, "until_zoom"), Some(Value::Num(z)) if zoom >= *z)
        });
        islands.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (rank, f, c) in islands {
            if let Some(text) = name(f, cx.view) {
                let size = t.island_labels.size(Some(rank));
                place(text, c, &t.island_labels, size, Anchor::Centre, 0.0, "island-label");
            }
        }
    }
    if zoom >= t.place_labels.minzoom {
        for (f, c) in places {
            if let Some(text) = name(f, cx.view) {
                let look = &t.place_labels;
                let offset = t.place_label_offset_em;
                place(text, *c, look, look.size(None), Anchor::Top, offset, "place-label");
            }
        }
    }
    if zoom >= t.strait_labels.minzoom {
        for (f, g) in cx.features("straits") {
            // A point label on a polygon: at the centre of its largest part's box (MapLibre uses the pole of
            // inaccessibility of each part in each tile; the box centre is close for these narrow waters).
            let Geom::Polygons(ps) = g else { continue };
            let boxes = ps.iter().filter_map(|rings| rings.first()).map(|ring| {
                let (mut a, mut b) = (coord! { x: f64::MAX, y: f64::MAX }, coord! { x: f64::MIN, y: f64::MIN });
                for c in ring {
                    a = coord! { x: a.x.min(c.x), y: a.y.min(c.y) };
                    b = coord! { x: b.x.max(c.x), y: b.y.max(c.y) };
                }
                (a, b)
            });
            let Some((a, b)) = boxes.max_by(|p, q| area(p).total_cmp(&area(q))) else {
                continue;
            };
            let c = cx.vp.to_px(coord! { x: (a.x + b.x) / 2.0, y: (a.y + b.y) / 2.0 });
            if let Some(text) = name(f, cx.view) {
                let look = &t.strait_labels;
                place(text, c, look, look.size(None), Anchor::Centre, 0.0, "strait-label");
            }
        }
    }
    // Drawn bottom layer first, as MapLibre does, so that the higher-priority layers' text is on top.
    out.reverse();
    out
}

fn area((a, b): &(Coord, Coord)) -> f64 {
    (b.x - a.x) * (b.y - a.y)
}

/// The attribution as plain text, the font first as on the web map (the TileJSON form escapes `&` for HTML).
pub fn attribution_text() -> String {
    format!("{FONT_ATTRIBUTION} | {}", kuril_tiles::attribution_plain())
}

/// The attribution an image in `lang` draws (English: [`attribution_text`]).
pub fn attribution_text_in(lang: crate::Lang) -> String {
    (crate::texts::texts(lang).credits)()
}

fn attribution(r: &Renderer, view: &View) -> Attribution {
    let text = attribution_text_in(view.lang);
    let size = ATTRIBUTION_SIZE;
    let max_width = (f64::from(view.width) - 2.0 * ATTRIBUTION_PAD).max(1.0);
    let wrapped = wrap(&r.glyphs, &text, size, max_width);
    let line_height = size * 1.4;
    let widest = wrapped.iter().map(|l| measure(&r.glyphs, l, size)).fold(0.0, f64::max);
    let (w, h) = (f64::from(view.width), f64::from(view.height));
    let rect = Rect {
        min: coord! { x: w - widest - 2.0 * ATTRIBUTION_PAD, y: h - line_height * wrapped.len() as f64 - 2.0 },
        max: coord! { x: w, y: h },
    };
    let lines = wrapped
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let width = measure(&r.glyphs, &line, size);
            let left = w - ATTRIBUTION_PAD - width;
            TextLine {
                text: line,
                left,
                centre: left + width / 2.0,
                baseline: rect.min.y + 1.0 + line_height * (i as f64 + 1.0) - size * 0.35,
                width,
            }
        })
        .collect();
    Attribution {
        text,
        lines,
        size,
        colour: Rgba {
            r: 0,
            g: 0,
            b: 0,
            a: 0.75,
        },
        background: Rgba {
            r: 255,
            g: 255,
            b: 255,
            a: 0.5,
        },
        rect,
    }
}
