//! Static images of the Kuril Islands dispute map, drawn in pure Rust (no browser, no GPU, no C library): PNG
//! through tiny-skia and SVG written as text, with the web map's geometry (the tile layers of `kuril-tiles`),
//! colours and dashes (read from its style), labels (its SDF glyphs) and attribution. No HTTP: the server's
//! `/image.png` and `/image.svg` are thin wrappers.
//!
//! ```no_run
//! let model = kuril_model::Model::embedded()?;
//! let renderer = kuril_render::Renderer::new(&model)?;
//! let view = kuril_render::parse_query("map=6/44.3/146.5&lines=soviet&width=600&height=400", &renderer.scenario_ids())?;
//! let png: Vec<u8> = renderer.png(&view)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod draw_png;
mod draw_svg;
mod error;
pub mod glyphs;
pub mod labels;
mod legend;
mod params;
pub mod project;
mod rect;
mod scene;
mod sdf;
mod source;
mod svg_title;
pub mod texts;
pub mod theme;
pub mod xml;

use kuril_model::Model;
use kuril_tiles::layers::{Layer, build_layers};

pub use error::RenderError;
pub use legend::{LEGEND_SIZE, Legend};
pub use params::{Camera, Lang, MAX_SIZE, MAX_ZOOM, MIN_ZOOM, Naming, ParamError, View, decode_component, parse_query};
pub use scene::{FONT_ATTRIBUTION, ISLAND_LABEL_RANKS, Scene, attribution_text, attribution_text_in, max_island_rank};

/// Everything needed to draw any view: the tile layers with a per-zoom cache of their simplified geometry,
/// the theme and the glyphs. Build once and share.
#[derive(Debug)]
pub struct Renderer {
    source: source::Source,
    theme: theme::Theme,
    glyphs: glyphs::Glyphs,
    scenarios: Vec<String>,
    /// Each scenario's short name for the key in each language ([`Lang::ALL`]'s order): its title up to the
    /// colon.
    names: Vec<(String, [String; 3])>,
}

/// A title up to its colon, ASCII or full-width ("1855 Treaty of Shimoda: …" → "1855 Treaty of Shimoda",
/// "日本の立場：北方四島は…" → "日本の立場").
pub fn short_title(title: &str) -> &str {
    title.split([':', '：']).next().unwrap_or(title).trim()
}

impl Renderer {
    /// Build the tile layers from the model.
    pub fn new(model: &Model) -> Result<Renderer, RenderError> {
        Renderer::with_layers(model, build_layers(model)?)
    }

    /// Use tile layers already built (the server's tiler has them: `Tiler::layers`). Fails when the model lacks a
    /// scenario title in Japanese or Russian (a model loaded with its translations never does).
    pub fn with_layers(model: &Model, layers: Vec<Layer>) -> Result<Renderer, RenderError> {
        Ok(Renderer {
            source: source::Source::new(layers),
            theme: theme::Theme::from_style()?,
            glyphs: glyphs::Glyphs::embedded()?,
            scenarios: model.scenarios.iter().map(|s| s.id.clone()).collect(),
            names: model
                .scenarios
                .iter()
                .map(|s| {
                    let name = |lang: Lang| -> Result<String, RenderError> {
                        let Some(table) = model.translations(lang) else {
                            return Ok(short_title(&s.title).to_string());
                        };
                        let key = format!("scenario:{}:/title", s.id);
                        let title = table.get(&key).ok_or_else(|| {
                            RenderError::Texts(format!("no {} title for scenario {}", lang.code(), s.id))
                        })?;
                        Ok(short_title(title).to_string())
                    };
                    Ok((s.id.clone(), [name(Lang::En)?, name(Lang::Ja)?, name(Lang::Ru)?]))
                })
                .collect::<Result<_, RenderError>>()?,
        })
    }

    /// The ids `lines` and `areas` accept.
    pub fn scenario_ids(&self) -> Vec<&str> {
        self.scenarios.iter().map(String::as_str).collect()
    }

    /// Read a query string (see [`parse_query`]) against this model's scenarios.
    pub fn parse(&self, query: &str) -> Result<View, ParamError> {
        parse_query(query, &self.scenario_ids())
    }

    pub fn theme(&self) -> &theme::Theme {
        &self.theme
    }

    pub(crate) fn glyphs(&self) -> &glyphs::Glyphs {
        &self.glyphs
    }

    /// A scenario's short name in a language ("1855 Treaty of Shimoda", "1855年 日魯通好条約（下田条約）"), or its id
    /// when unknown.
    pub fn scenario_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        self.names
            .iter()
            .find(|(k, _)| k == id)
            .map_or(id, |(_, n)| n[i].as_str())
    }

    /// What the view shows, in pixels.
    pub fn scene(&self, view: &View) -> Scene {
        scene::build(self, view)
    }

    /// The view as a PNG file.
    pub fn png(&self, view: &View) -> Result<Vec<u8>, RenderError> {
        draw_png::png(&self.scene(view), &self.glyphs)
    }

    /// The view as an SVG document.
    pub fn svg(&self, view: &View) -> String {
        draw_svg::svg(&self.scene(view), &draw_svg::describe(self, view), view.lang)
    }
}
