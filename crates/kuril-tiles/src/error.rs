use thiserror::Error;

/// Errors of tile addressing, generation and export.
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
