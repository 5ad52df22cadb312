//! The crate's one error type.

pub use crate::params::ParamError;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A request parameter was refused: the caller's fault (a 400).
    #[error(transparent)]
    Param(#[from] ParamError),
    /// The web map's style has a shape this crate cannot read.
    #[error("style: {0}")]
    Style(String),
    /// An embedded glyph range is malformed.
    #[error("glyphs: {0}")]
    Glyphs(String),
    #[error("tiles: {0}")]
    Tiles(#[from] kuril_tiles::TileError),
    /// The model lacks a text the images show in some language.
    #[error("texts: {0}")]
    Texts(String),
    #[error("PNG encoding: {0}")]
    Encode(String),
}
