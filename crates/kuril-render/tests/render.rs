//! Images of the real model: size and format, land, sea and island colours at points computed from the model's
//! shorelines, each line's colour along the model's own line geometry, the SVG's structure and labels, and the
//! typed errors for bad parameters. Expected colours come from the web map's style JSON, read here
//! independently of the renderer's own reader.

mod common;

use geo::{Contains, Coord, Point, coord};
use kuril_model::Model;
use kuril_render::{ParamError, View, project::Viewport};
use kuril_tiles::style::{LINE_STYLES, StyleUrls, style};

use common::fixture;

/// A paint property of a layer of the web map's style, as `#rrggbb` → (r, g, b).
fn style_colour(layer: &str, pick: impl Fn(&serde_json::Value) -> Option<&str>) -> [u8; 3] {
    let s = style(&StyleUrls {
        source: String::new(),
        glyphs: String::new(),
    });
    let l = s["layers"]
        .as_array()
        .expect("layers")
        .iter()
        .find(|l| l["id"] == layer)
        .expect("layer");
    hex(pick(&l["paint"]).expect("colour"))
}

fn hex(s: &str) -> [u8; 3] {
    let h = s.trim_start_matches('#');
    [0, 2, 4].map(|i| u8::from_str_radix(&h[i..i + 2], 16).expect("hex"))
}

struct Decoded {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

impl Decoded {
    fn at(&self, x: i64, y: i64) -> [u8; 3] {
        let (x, y) = (
            x.clamp(0, i64::from(self.width) - 1) as usize,
            y.clamp(0, i64::from(self.height) - 1) as usize,
        );
        let i = (y * self.width as usize + x) * 4;
        [self.rgba[i], self.rgba[i + 1], self.rgba[i + 2]]
    }

    /// Is a pixel within `r` px of (x, y) within `tol` of the colour in every channel?
    fn near(&self, p: Coord, r: i64, colour: [u8; 3], tol: u8) -> bool {
        let (x, y) = (p.x.floor() as i64, p.y.floor() as i64);
        (-r..=r).any(|dx| (-r..=r).any(|dy| close(self.at(x + dx, y + dy), colour, tol)))
    }
}

fn close(a: [u8; 3], b: [u8; 3], tol: u8) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= tol)
}

fn decode(png_bytes: &[u8]) -> Decoded {
    let mut dec = png::Decoder::new(png_bytes);
    dec.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = dec.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    assert_eq!(info.color_type, png::ColorType::Rgba, "tiny-skia writes RGBA");
    buf.truncate(info.buffer_size());
    Decoded {
        width: info.width,
        height: info.height,
        rgba: buf,
    }
}

fn render(query: &str) -> (View, Decoded) {
    let (_, r) = fixture();
    let view = r.parse(query).expect("valid query");
    let png = r.png(&view).expect("renders");
    (view, decode(&png))
}

#[test]
fn png_has_the_requested_size_and_a_valid_header() {
    let (_, r) = fixture();
    let view = r.parse("width=321&height=123").expect("valid");
    let png = r.png(&view).expect("renders");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&png[12..16], b"IHDR");
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().expect("4 bytes")), 321);
    assert_eq!(u32::from_be_bytes(png[20..24].try_into().expect("4 bytes")), 123);
    let d = decode(&png);
    assert_eq!((d.width, d.height), (321, 123));
    // The defaults are the app's opening view at the social-card size.
    let d = View::default();
    assert_eq!((d.width, d.height, d.camera.zoom), (1200, 630, 6.0));
}

/// A point inside the island, at least `clear` px from its shore, from every label point and place, found on
/// a grid over the island's box.
fn inland_point(model: &Model, island: &str, view: &View, clear: f64) -> Coord {
    let vp = &Viewport::of(view);
    let isl = model.island(island).expect("island");
    let shore = isl.shoreline.as_ref().expect("shoreline");
    let ring: Vec<Coord> = shore.exterior().0.iter().map(|c| vp.lonlat_to_px(c.x, c.y)).collect();
    let marks: Vec<Coord> = model
        .islands
        .iter()
        .map(|i| i.label.0)
        .chain(model.places.iter().map(|p| p.location.0))
        .map(|c| vp.lonlat_to_px(c.x, c.y))
        .collect();
    let (x0, x1) = ring
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), c| (a.min(c.x), b.max(c.x)));
    let (y0, y1) = ring
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), c| (a.min(c.y), b.max(c.y)));
    let dist = |p: Coord, q: Coord| ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt();
    let step = 2.0;
    // Only the part of the island inside the image.
    let (w, h) = (f64::from(view.width), f64::from(view.height));
    let vp = &Viewport::of(view);
    let (x0, x1, y0, y1) = (x0.max(clear), x1.min(w - clear), y0.max(clear), y1.min(h - clear));
    let mut y = y0;
    while y < y1 {
        let mut x = x0;
        while x < x1 {
            let p = coord! { x: x, y: y };
            let lonlat = vp_lonlat(vp, p);
            let far_from_shore = ring.windows(2).all(|w| segment_distance(p, w[0], w[1]) > clear);
            if shore.contains(&Point(lonlat)) && far_from_shore && marks.iter().all(|&m| dist(m, p) > 4.0 * clear) {
                return p;
            }
            x += step;
        }
        y += step;
    }
    panic!("no clear inland point on {island}")
}

fn vp_lonlat(vp: &Viewport, p: Coord) -> Coord {
    kuril_tiles::mercator::to_lonlat(vp.to_world(p))
}

fn segment_distance(p: Coord, a: Coord, b: Coord) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0)
    };
    ((p.x - a.x - t * dx).powi(2) + (p.y - a.y - t * dy).powi(2)).sqrt()
}

#[test]
fn land_islands_and_sea_have_the_styles_colours() {
    let (model, _) = fixture();
    let (view, img) = render("map=7/44/145&lines=none&width=800&height=600");
    let vp = Viewport::of(&view);
    let land = style_colour("land", |p| p["fill-color"].as_str());
    let sea = style_colour("background", |p| p["background-color"].as_str());
    // ["case", ["get", "disputed"], disputed colour, other colour]
    let disputed = style_colour("islands", |p| p["fill-color"][2].as_str());
    assert_ne!(land, sea);

    let hokkaido = inland_point(model, "hokkaido", &view, 15.0);
    assert_eq!(
        img.at(hokkaido.x as i64, hokkaido.y as i64),
        land,
        "Hokkaido's interior at {hokkaido:?}"
    );
    let kunashir = inland_point(model, "kunashir", &view, 6.0);
    assert_eq!(
        img.at(kunashir.x as i64, kunashir.y as i64),
        disputed,
        "Kunashir's interior at {kunashir:?}"
    );
    // Open Pacific south-east of the islands, far from any land or line.
    let open_sea = vp.lonlat_to_px(146.3, 43.2);
    assert!(open_sea.x > 0.0 && open_sea.x < 800.0 && open_sea.y > 0.0 && open_sea.y < 540.0);
    assert_eq!(img.at(open_sea.x as i64, open_sea.y as i64), sea);
}

#[test]
fn each_line_is_drawn_along_the_models_geometry_in_its_colour() {
    let (model, _) = fixture();
    for (id, colour, dash) in LINE_STYLES {
        let colour = hex(colour);
        // A camera that holds the whole line (the historical ones lie far from the opening view).
        let line = model.line(id).expect("line");
        let (mut min, mut max) = (coord! { x: f64::MAX, y: f64::MAX }, coord! { x: f64::MIN, y: f64::MIN });
        for c in line.geometry.0.iter().flat_map(|l| l.0.iter()) {
            let w = kuril_tiles::mercator::to_world(*c);
            min = coord! { x: min.x.min(w.x), y: min.y.min(w.y) };
            max = coord! { x: max.x.max(w.x), y: max.y.max(w.y) };
        }
        let centre = kuril_tiles::mercator::to_lonlat(coord! { x: (min.x + max.x) / 2.0, y: (min.y + max.y) / 2.0 });
        let fit = |px: f64, world: f64| (px * 0.8 / (512.0 * world.max(1e-9))).log2();
        let zoom = fit(1200.0, max.x - min.x)
            .min(fit(630.0, max.y - min.y))
            .clamp(1.0, 10.0);
        let camera = format!("map={zoom:.3}/{:.5}/{:.5}&width=1200&height=630", centre.y, centre.x);
        let (view, img) = render(&format!("{camera}&lines={id}"));
        let (_, without) = render(&format!("{camera}&lines=none"));
        let vp = Viewport::of(&view);
        // Points along the line (segment midpoints and vertices) inside the image.
        let samples: Vec<Coord> = model
            .line(id)
            .expect("line")
            .geometry
            .0
            .iter()
            .flat_map(|l| {
                l.0.windows(2)
                    .flat_map(|w| [w[0], coord! { x: (w[0].x + w[1].x) / 2.0, y: (w[0].y + w[1].y) / 2.0 }])
            })
            .map(|c| vp.lonlat_to_px(c.x, c.y))
            .filter(|p| p.x > 5.0 && p.x < 1195.0 && p.y > 5.0 && p.y < 600.0)
            .collect();
        assert!(
            samples.len() >= 10,
            "{id}: only {} sample points in view",
            samples.len()
        );
        let hits = samples.iter().filter(|p| img.near(**p, 1, colour, 40)).count();
        let before = samples.iter().filter(|p| without.near(**p, 1, colour, 40)).count();
        // Dashes leave gaps (and labels cover a few points): a solid line is found almost everywhere, a dashed
        // or dotted one on a good share of the points; never without the line.
        let share = hits as f64 / samples.len() as f64;
        let needed = if dash.is_empty() { 0.9 } else { 0.3 };
        assert!(
            share >= needed,
            "{id}: line colour at {hits} of {} points",
            samples.len()
        );
        assert!(
            before * 10 <= samples.len(),
            "{id}: colour present without the line at {before} points"
        );
    }
}

#[test]
fn claim_areas_tint_the_sea() {
    let (model, _) = fixture();
    // Open Pacific south of Shikotan, inside the analysis window and so in one side's area.
    let (lng, lat) = (147.3, 43.2);
    assert!(model.analysis_window.contains(&Point::new(lng, lat)));
    let (view, img) = render("map=7/43.2/147.3&lines=none&areas=soviet&width=400&height=300");
    let (_, plain) = render("map=7/43.2/147.3&lines=none&areas=none&width=400&height=300");
    let sea = style_colour("background", |p| p["background-color"].as_str());
    let p = Viewport::of(&view).lonlat_to_px(lng, lat);
    assert_eq!(plain.at(p.x as i64, p.y as i64), sea);
    let tinted = img.at(p.x as i64, p.y as i64);
    assert!(!close(tinted, sea, 3), "claim area not drawn: {tinted:?}");
}

#[test]
fn svg_parses_and_has_the_layers_labels_and_attribution() {
    let (model, r) = fixture();
    let view = r
        .parse("map=7/44/145.5&lines=soviet,japanese&areas=japanese&naming=ru")
        .expect("valid");
    let svg = r.svg(&view);
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    assert_eq!(
        (root.attribute("width"), root.attribute("height")),
        (Some("1200"), Some("630"))
    );
    let group = |id: &str| doc.descendants().find(|n| n.attribute("id") == Some(id));
    for id in [
        "land",
        "claim-areas",
        "islands",
        "islands-outline",
        "line:soviet",
        "line:japanese",
        "labels",
        "attribution",
    ] {
        let g = group(id).unwrap_or_else(|| panic!("no group {id}"));
        assert!(g.children().any(|c| c.is_element()), "group {id} is empty");
    }
    assert!(group("line:two-island-1956").is_none(), "a line not asked for is drawn");
    let (_, soviet_colour, _) = LINE_STYLES[0];
    let stroke = group("line:soviet")
        .and_then(|g| g.children().find(|c| c.is_element()))
        .and_then(|p| p.attribute("stroke"));
    assert_eq!(stroke.map(str::to_lowercase), Some(soviet_colour.to_lowercase()));
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "text")
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let all = texts.join("\n");
    // Russian naming in English: the romanised Russian names.
    let kunashir = model
        .island("kunashir")
        .expect("island")
        .names
        .ru_latn
        .clone()
        .expect("ru_latn");
    let iturup = model
        .island("iturup")
        .expect("island")
        .names
        .ru_latn
        .clone()
        .expect("ru_latn");
    assert!(texts.contains(&kunashir) && texts.contains(&iturup), "labels: {all}");
    let hokkaido = model
        .island("hokkaido")
        .expect("island")
        .names
        .ru_latn
        .clone()
        .unwrap_or_default();
    assert!(texts.contains(&hokkaido), "labels: {all}");
    assert!(
        !texts.iter().any(|t| t.contains("Kunashiri")),
        "a Japanese name under Russian naming: {all}"
    );
    let attribution = kuril_render::attribution_text();
    assert!(
        all.replace('\n', " ").contains(&attribution[..40]),
        "attribution missing: {all}"
    );
    assert!(doc.descendants().any(|n| n.tag_name().name() == "title"));
}

#[test]
fn japanese_naming_in_japanese_uses_the_japanese_names_and_glyphs() {
    let (model, r) = fixture();
    let view = r
        .parse("map=7/44/145.5&naming=ja&lang=ja&width=600&height=400")
        .expect("valid");
    let svg = r.svg(&view);
    let name = model.island("kunashir").expect("island").names.ja.clone().expect("ja");
    assert!(svg.contains(&name), "{name} not in the SVG");
    // The same view as PNG renders the kanji from the embedded glyphs (no panic, some dark text pixels).
    let img = decode(&r.png(&view).expect("renders"));
    assert_eq!((img.width, img.height), (600, 400));
}

/// The island label ranks by zoom and the font credit are the web app's (`web/src/apply.ts`, `web/src/story-i18n.ts`),
/// read here from the TypeScript source so that a change there fails this test.
#[test]
fn label_ranks_and_font_credit_follow_the_web_app() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/src/");
    let apply = std::fs::read_to_string(format!("{dir}apply.ts")).expect("web/src/apply.ts");
    let line = apply
        .lines()
        .find(|l| l.contains("const ISLAND_LABEL_FILTER"))
        .expect("ISLAND_LABEL_FILTER");
    // ['<=', ['get', 'rank'], ['step', ['zoom'], r0, z1, r1, z2, r2, ...]]
    let step = line.split("['zoom'],").nth(1).expect("a step over the zoom");
    let nums: Vec<f64> = step
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("number"))
        .collect();
    let mut expected = vec![(0.0, nums[0])];
    expected.extend(nums[1..].chunks(2).map(|p| (p[0], p[1])));
    assert_eq!(kuril_render::ISLAND_LABEL_RANKS.to_vec(), expected);
    // The map's credits are in web/src/story-i18n.ts, per language (tests/languages.rs compares all of them).
    let credits = std::fs::read_to_string(format!("{dir}story-i18n.ts")).expect("web/src/story-i18n.ts");
    assert!(
        credits.contains(&format!("'{}'", kuril_render::FONT_ATTRIBUTION)),
        "font credit differs from web/src/story-i18n.ts"
    );
}

#[test]
fn bad_parameters_are_typed_errors() {
    let (_, r) = fixture();
    let err = |q: &str| r.parse(q).expect_err(q);
    assert!(matches!(err("width=0"), ParamError::OutOfRange { param: "width", .. }));
    assert!(matches!(err("width=4096"), ParamError::TooLarge { param: "width", .. }));
    assert!(matches!(
        err("height=2049"),
        ParamError::TooLarge { param: "height", .. }
    ));
    assert!(matches!(err("width=12.5"), ParamError::NotAnInteger { .. }));
    assert!(matches!(err("width=abc"), ParamError::NotANumber { .. }));
    assert!(matches!(err("width="), ParamError::NotANumber { .. }));
    assert!(matches!(err("height=NaN"), ParamError::NotFinite { .. }));
    assert!(matches!(
        err("map=inf/44/146"),
        ParamError::NotFinite { param: "zoom", .. }
    ));
    assert!(matches!(
        err("map=25/44/146"),
        ParamError::OutOfRange { param: "zoom", .. }
    ));
    assert!(matches!(
        err("map=-1/44/146"),
        ParamError::OutOfRange { param: "zoom", .. }
    ));
    assert!(matches!(
        err("map=6/91/146"),
        ParamError::OutOfRange { param: "lat", .. }
    ));
    assert!(matches!(err("map=6/44"), ParamError::BadMap { .. }));
    assert!(matches!(err("map=6/44/146/0/30"), ParamError::Pitch { .. }));
    let unknown = err("lines=soviet,atlantis");
    assert!(matches!(&unknown, ParamError::UnknownLine { id, .. } if id == "atlantis"));
    assert!(unknown.valid().is_some_and(|v| v.iter().any(|s| s == "soviet")));
    assert!(matches!(
        err("areas=atlantis"),
        ParamError::UnknownValue { param: "areas", .. }
    ));
    assert!(matches!(
        err("naming=en"),
        ParamError::UnknownValue { param: "naming", .. }
    ));
    assert!(matches!(err("naming=ja&naming=ru"), ParamError::Repeated { .. }));
    assert!(matches!(err(&"x".repeat(5000)), ParamError::QueryTooLong { .. }));
    // Every scenario of the model is a valid line, and a permalink's extra fields are accepted.
    let all: Vec<&str> = r.scenario_ids();
    let v = r
        .parse(&format!(
            "lines={}&areas={}&sel=island:iturup&lang=ru",
            all.join(","),
            all[0]
        ))
        .expect("valid");
    assert_eq!(v.lines.len(), all.len());
    assert!(r.parse("map=6/44.3/146.5/30/0&lines=none").is_ok());
}

#[test]
fn every_scenario_renders_at_every_zoom_without_panicking() {
    let (_, r) = fixture();
    let all = r.scenario_ids().join(",");
    for zoom in [0.0, 3.5, 8.0, 14.0, 24.0] {
        let view = r
            .parse(&format!(
                "map={zoom}/44/146&lines={all}&width=64&height=48&areas=japanese"
            ))
            .expect("valid");
        let img = decode(&r.png(&view).expect("renders"));
        assert_eq!((img.width, img.height), (64, 48));
        roxmltree::Document::parse(&r.svg(&view)).expect("well-formed");
    }
}

/// The colour key: one row per line drawn, in the line's colour from the style, and one per side when areas are
/// shaded; gone with `legend=no`. Checked in the PNG's pixels inside the key's box.
#[test]
fn the_key_shows_each_line_in_its_colour_and_can_be_left_out() {
    let (model, r) = fixture();
    let q = "map=6/44.3/146.5&lines=soviet,japanese&areas=two-island-1956&width=800&height=500";
    let (view, img) = render(q);
    let scene = r.scene(&view);
    let key = scene.legend.as_ref().expect("a key by default");
    let texts: Vec<&str> = key.lines.iter().map(|l| l.text.as_str()).collect();
    let title = |id: &str| {
        model
            .scenario(id)
            .expect("scenario")
            .title
            .split(':')
            .next()
            .expect("title")
            .trim()
            .to_string()
    };
    assert_eq!(
        texts,
        [
            title("soviet"),
            title("japanese"),
            format!("Japan, under {}", title("two-island-1956")),
            format!("Russia, under {}", title("two-island-1956"))
        ]
    );
    let inside = |colour: [u8; 3]| {
        let (x0, y0, x1, y1) = (
            key.rect.min.x as i64,
            key.rect.min.y as i64,
            key.rect.max.x as i64,
            key.rect.max.y as i64,
        );
        (x0..x1).any(|x| (y0..y1).any(|y| close(img.at(x, y), colour, 12)))
    };
    for id in ["soviet", "japanese"] {
        let colour = style_colour(&format!("line:{id}"), |p| p["line-color"].as_str());
        assert!(inside(colour), "{id}'s colour {colour:?} in the key");
    }
    // Asked for none: no key, and the canonical form (the cache key) says so.
    let (bare_view, _) = render(&format!("{q}&legend=no"));
    assert!(r.scene(&bare_view).legend.is_none());
    assert!(bare_view.canonical_query().ends_with("&legend=no"));
    // A view with nothing to explain has no key either.
    let (none_view, _) = render("map=6/44.3/146.5&lines=none&areas=none&width=800&height=500");
    assert!(r.scene(&none_view).legend.is_none());
}

/// `attribution=no` leaves the credits to the page that shows the image (the embed page writes them below it);
/// by default they are drawn.
#[test]
fn credits_are_drawn_unless_the_page_shows_them() {
    let (_, r) = fixture();
    let with = r.parse("width=400&height=300").expect("valid");
    assert!(r.scene(&with).attribution.is_some());
    let without = r.parse("width=400&height=300&attribution=no").expect("valid");
    assert!(r.scene(&without).attribution.is_none());
    assert!(without.canonical_query().ends_with("&attribution=no"));
    assert!(matches!(
        r.parse("attribution=maybe"),
        Err(ParamError::UnknownValue {
            param: "attribution",
            ..
        })
    ));
}
