//! The scenario documents (`/api/scenarios`, `/api/scenarios/{id}`): who holds which island, the land and the sea
//! per side.

use serde::Serialize;

use super::{LAND_METHOD, LineSummary, SPLIT_EQUAL_AREA_METHOD, SPLIT_PARALLEL_METHOD, SeaBySide, km2, sea_by_side};
use crate::data::{AreaScope, SplitHow};
use crate::error::ModelError;
use crate::model::Model;
use crate::scenario::Side;

/// A scenario: its metadata, holders, the split island (if any) and the land and sea per side.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioDoc {
    #[serde(flatten)]
    pub summary: LineSummary,
    pub holders: ScenarioHolders,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<SplitView>,
    pub land_km2: LandBySide,
    /// What the land figures count ([`LAND_METHOD`]).
    pub land_km2_note: &'static str,
    #[serde(flatten)]
    pub sea: SeaBySide,
}

/// The island ids each side holds, and those the scenario leaves unassigned.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioHolders {
    pub japan: Vec<String>,
    pub russia: Vec<String>,
    pub unassigned: Vec<String>,
}

/// The island a scenario divides, each side's part (km² to 0.01), and how it was cut.
#[derive(Debug, Clone, Serialize)]
pub struct SplitView {
    pub island: String,
    pub japan_km2: f64,
    pub russia_km2: f64,
    /// `japan_end`, or `parallel` and `japan_side`.
    #[serde(flatten)]
    pub how: SplitHow,
    pub method: &'static str,
}

/// Land of the four islands (with islets) per side, km² to 0.01.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct LandBySide {
    pub japan: f64,
    pub russia: f64,
}

/// Land of the four islands (with islets) per side, km².
pub fn land_by_side(model: &Model, id: &str) -> Result<LandBySide, ModelError> {
    let s = model.scenario(id)?;
    let (mut japan, mut russia) = (0.0, 0.0);
    for i in model.islands.iter().filter(|i| i.disputed) {
        match s.holder(&i.id) {
            Some(Side::Japan) => japan += i.area_km2(AreaScope::WithIslets),
            Some(Side::Russia) => russia += i.area_km2(AreaScope::WithIslets),
            None => {}
        }
    }
    // A divided island counts here only when it is one of the four (Iturup under the equal-area split; not Sakhalin,
    // which the 1905 treaty divided).
    let divided_is_disputed = s
        .split
        .as_ref()
        .and_then(|spec| model.island(&spec.island).ok())
        .is_some_and(|i| i.disputed);
    if let (true, Some(split)) = (divided_is_disputed, model.split(id)?) {
        japan += split.japan_km2;
        russia += split.russia_km2;
    }
    Ok(LandBySide {
        japan: km2(japan),
        russia: km2(russia),
    })
}

/// A scenario: who holds which island and the land per side.
pub fn scenario(model: &Model, id: &str) -> Result<ScenarioDoc, ModelError> {
    let s = model.scenario(id)?;
    let held = |side: Side| -> Vec<String> {
        model
            .islands
            .iter()
            .filter(|i| s.holder(&i.id) == Some(side))
            .map(|i| i.id.clone())
            .collect()
    };
    let split = match (&s.split, model.split(id)?) {
        (Some(spec), Some(split)) => Some(SplitView {
            island: spec.island.clone(),
            japan_km2: km2(split.japan_km2),
            russia_km2: km2(split.russia_km2),
            how: spec.how,
            method: match spec.how {
                SplitHow::EqualArea { .. } => SPLIT_EQUAL_AREA_METHOD,
                SplitHow::Parallel { .. } => SPLIT_PARALLEL_METHOD,
            },
        }),
        _ => None,
    };
    Ok(ScenarioDoc {
        summary: LineSummary::new(model, s),
        holders: ScenarioHolders {
            japan: held(Side::Japan),
            russia: held(Side::Russia),
            unassigned: s.unassigned.clone(),
        },
        split,
        land_km2: land_by_side(model, id)?,
        land_km2_note: LAND_METHOD,
        sea: sea_by_side(model, id)?,
    })
}

/// Every scenario, in the order of the data.
pub fn scenarios(model: &Model) -> Result<Vec<ScenarioDoc>, ModelError> {
    model.scenarios.iter().map(|s| scenario(model, &s.id)).collect()
}
