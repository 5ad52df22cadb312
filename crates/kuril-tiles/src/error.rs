use thiserror::Error;

/// Errors of tile addressing, generation and export.
///
/// ```
/// use kuril_tiles::{TileError, TileId};
///
/// let err = TileId::new(15, 0, 0).expect_err("zoom 15 is beyond the pyramid");
/// assert!(matches!(err, TileError::OutOfRange(_)));
/// assert_eq!(err.to_string(), "zoom 15 is above the maximum 14");
/// let err = TileId::parse("3", "-1", "2").expect_err("not a number");
/// assert!(matches!(err, TileError::Malformed(_)), "{err}");
/// ```
#[derive(Debug, Error)]
pub enum TileError {
    /// The request names a tile that cannot exist (z above the maximum, x or y beyond 2^z).
    #[error("{0}")]
    OutOfRange(String),
    /// The request is not a tile address at all.
    #[error("{0}")]
    Malformed(String),
    #[error(transparent)]
    Model(#[from] kuril_model::ModelError),
    #[error("encoding a tile: {0}")]
    Encode(String),
    /// Two features of a layer would share an MVT id.
    #[error("layer {layer}: two features share the id {id}")]
    DuplicateId { layer: &'static str, id: u64 },
    #[error("writing {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}
