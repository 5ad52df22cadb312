//! The geometry model of the Kuril Islands dispute.
//!
//! Islands are tied to surveyed shorelines (GSHHG; OpenStreetMap for the Habomai islets), straits are measured on
//! them, and each scenario's boundary is computed as the equidistance line between the shorelines that scenario
//! gives to Japan and to Russia.
//! No HTTP, no async: the server and the command line are thin layers over this crate.
//!
//! ```
//! let model = kuril_model::Model::embedded().expect("embedded data loads");
//! let iturup = model.island("iturup").expect("known island");
//! assert!(iturup.area_km2(kuril_model::AreaScope::MainIsland) > 3000.0);
//! ```

mod checks;
mod data;
mod error;
pub mod geodesic;
pub mod grid;
pub mod i18n;
mod load;
mod median;
mod model;
pub mod polivanov;
pub mod projection;
mod scenario;
mod scenario_lines;
mod snapshot;
mod split;
mod strait;
pub mod views;
mod window_split;
mod zones;

pub use data::{
    AreaScope, AreasMeaning, AttributedClaim, Camera, DatedEvent, Depth, Names, Note, OfficialArea, ScenarioKind,
    Source, SplitHow, SplitProps, StepMap, TimelineStep, TourStop,
};
pub use error::ModelError;
pub use geodesic::{CoastIndex, Nearest, distance_m, length_m};
pub use load::{COASTLINE_REGION, world_land};
pub use median::{MedianInput, SIMPLIFY_M, equidistance_line};
pub use model::{Group, Island, Model, Place};
pub use scenario::{ClaimAreas, EquidistanceSample, Scenario, ScenarioLine, Side, line_string};
pub use scenario_lines::SITE_SPACING_M;
pub use split::{End, Hemisphere, Split, split_by_parallel, split_island};
pub use strait::{Strait, StraitWidth, min_width};
pub use zones::{EEZ_NM, MaritimeZones, NAUTICAL_MILE_M, TERRITORIAL_SEA_NM, Zone, ZoneKind};
