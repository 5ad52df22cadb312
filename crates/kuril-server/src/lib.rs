//! The thin server over the model and tiling crates: routes, HTTP errors, the static export.

pub mod archive_check;
pub mod error;
pub mod export;
pub mod formats;
pub mod media;
pub mod prepared;
pub mod publish;
pub mod routes;
pub mod serve;
pub mod state;
pub mod stats;

pub use routes::app;
pub use state::AppState;
