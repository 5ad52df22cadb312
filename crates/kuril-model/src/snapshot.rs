//! The model's derived geometry as bytes: each scenario's divided island, line, claim areas and maritime zones,
//! computed once (at build time, by `crates/kuril-server/build.rs`) and read back into a [`Model`]'s caches
//! instead of computed again ([`Model::snapshot`], [`Model::with_snapshot`]).
//!
//! A snapshot carries a hash of the embedded `geodata/` it was computed from and the format it is written in;
//! a model whose data or format differ refuses it with a clear error (nothing is computed behind the caller's
//! back). The coast indexes of a line are not stored: they are rebuilt from the shorelines, as the computation
//! builds them.
//!
//! ```
//! let model = kuril_model::Model::embedded().expect("embedded data loads");
//! let err = model.with_snapshot(b"not a snapshot").expect_err("garbage is refused");
//! assert!(err.to_string().starts_with("model snapshot: "), "{err}");
//! ```

use geo::MultiLineString;
use serde::{Deserialize, Serialize};

use crate::data;
use crate::error::ModelError;
use crate::scenario::ClaimAreas;
use crate::split::Split;
use crate::zones::MaritimeZones;

/// Bumped when what a snapshot holds changes shape.
pub(crate) const FORMAT: u32 = 1;

/// Everything derived, scenario by scenario in the model's order.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Snapshot {
    pub(crate) format: u32,
    /// [`inputs_hash`] of the data the geometry was computed from.
    pub(crate) inputs: u64,
    pub(crate) scenarios: Vec<Derived>,
}

/// One scenario's derived geometry.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Derived {
    pub(crate) id: String,
    pub(crate) split: Option<Split>,
    pub(crate) geometry: MultiLineString,
    /// The claim areas window by window (the whole areas are their union, as computed).
    pub(crate) window_areas: Vec<ClaimAreas>,
    pub(crate) zones: MaritimeZones,
}

/// FNV-1a (64 bits) of every embedded `geodata/` file the model reads, each with its length.
pub(crate) fn inputs_hash() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for text in [
        data::COASTLINE,
        data::HABOMAI_OSM,
        data::WORLD_LAND,
        data::ISLANDS,
        data::PLACES,
        data::GROUPS,
        data::STRAITS,
        data::SCENARIOS,
        data::SOURCES,
        data::TIMELINE,
        data::STRAITS_TOUR,
    ] {
        eat(&(text.len() as u64).to_le_bytes());
        eat(text.as_bytes());
    }
    h
}

fn error(message: impl Into<String>) -> ModelError {
    ModelError::data("model snapshot", message)
}

impl Snapshot {
    pub(crate) fn encode(&self) -> Result<Vec<u8>, ModelError> {
        postcard::to_allocvec(self).map_err(|e| error(format!("cannot encode: {e}")))
    }

    /// Decode and check that it was computed from this model's data, for these scenarios.
    pub(crate) fn decode(bytes: &[u8], scenario_ids: &[&str]) -> Result<Snapshot, ModelError> {
        // The format and the hash come first: read them alone, so that an old format is reported as such.
        let (format, rest): (u32, &[u8]) =
            postcard::take_from_bytes(bytes).map_err(|e| error(format!("cannot decode: {e}")))?;
        if format != FORMAT {
            return Err(error(format!(
                "written in format {format}, this build reads format {FORMAT}: rebuild"
            )));
        }
        let (inputs, _): (u64, &[u8]) =
            postcard::take_from_bytes(rest).map_err(|e| error(format!("cannot decode: {e}")))?;
        let ours = inputs_hash();
        if inputs != ours {
            return Err(error(format!(
                "computed from other geodata (inputs {inputs:016x}, these are {ours:016x}): rebuild"
            )));
        }
        let snapshot: Snapshot = postcard::from_bytes(bytes).map_err(|e| error(format!("cannot decode: {e}")))?;
        let ids: Vec<&str> = snapshot.scenarios.iter().map(|d| d.id.as_str()).collect();
        if ids != scenario_ids {
            return Err(error(format!(
                "holds the scenarios {ids:?}, the model has {scenario_ids:?}"
            )));
        }
        Ok(snapshot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(format: u32, inputs: u64, ids: &[&str]) -> Vec<u8> {
        let scenarios = ids
            .iter()
            .map(|id| Derived {
                id: id.to_string(),
                split: None,
                geometry: MultiLineString::new(vec![]),
                window_areas: vec![],
                zones: MaritimeZones {
                    zones: vec![],
                    window_sea_km2: 0.0,
                    land_km2: [(crate::Side::Japan, 0.0), (crate::Side::Russia, 0.0)],
                },
            })
            .collect();
        Snapshot {
            format,
            inputs,
            scenarios,
        }
        .encode()
        .expect("encodes")
    }

    #[test]
    fn a_snapshot_of_other_data_is_refused() {
        let other = inputs_hash() ^ 1;
        let err = Snapshot::decode(&encoded(FORMAT, other, &["a"]), &["a"]).expect_err("other data");
        assert!(err.to_string().contains("computed from other geodata"), "{err}");
    }

    #[test]
    fn a_snapshot_of_other_scenarios_or_format_is_refused() {
        let err = Snapshot::decode(&encoded(FORMAT, inputs_hash(), &["a"]), &["a", "b"]).expect_err("fewer");
        assert!(
            err.to_string()
                .contains(r#"holds the scenarios ["a"], the model has ["a", "b"]"#),
            "{err}"
        );
        let err = Snapshot::decode(&encoded(FORMAT + 1, inputs_hash(), &["a"]), &["a"]).expect_err("format");
        assert!(err.to_string().contains("this build reads format"), "{err}");
        let ok = Snapshot::decode(&encoded(FORMAT, inputs_hash(), &["a"]), &["a"]).expect("same data");
        assert_eq!(ok.scenarios.len(), 1);
    }
}
