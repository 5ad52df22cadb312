use thiserror::Error;

/// Everything that can go wrong while loading or checking the model's data.
///
/// ```
/// use kuril_model::ModelError;
///
/// let model = kuril_model::Model::embedded().expect("embedded data loads");
/// let err = model.island("atlantis").expect_err("no such island");
/// assert!(matches!(&err, ModelError::UnknownId { kind: "island", valid, .. } if valid.contains("iturup")));
/// assert!(err.to_string().starts_with("unknown island id `atlantis` (valid: "), "{err}");
/// ```
#[derive(Debug, Error)]
pub enum ModelError {
    #[error("cannot parse {file}: {source}")]
    Parse {
        file: &'static str,
        #[source]
        source: serde_json::Error,
    },
    #[error("{file}: {message}")]
    Data { file: &'static str, message: String },
    #[error("unknown {kind} id `{id}` (valid: {valid})")]
    UnknownId {
        kind: &'static str,
        id: String,
        valid: String,
    },
}

impl ModelError {
    pub(crate) fn data(file: &'static str, message: impl Into<String>) -> Self {
        ModelError::Data {
            file,
            message: message.into(),
        }
    }
}

/// An unknown id, with the valid ones for the message.
pub(crate) fn unknown_id<'a>(kind: &'static str, id: &str, valid: impl Iterator<Item = &'a str>) -> ModelError {
    ModelError::UnknownId {
        kind,
        id: id.to_string(),
        valid: valid.collect::<Vec<_>>().join(", "),
    }
}
