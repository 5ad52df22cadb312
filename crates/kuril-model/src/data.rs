//! The curated and generated files of `geodata/`, as embedded in the binary, and their serde shapes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub(crate) const COASTLINE: &str = include_str!("../../../geodata/coastline.geojson");
pub(crate) const WORLD_LAND: &str = include_str!("../../../geodata/world-land.geojson");
pub(crate) const ISLANDS: &str = include_str!("../../../geodata/islands.geojson");
pub(crate) const PLACES: &str = include_str!("../../../geodata/places.geojson");
pub(crate) const STRAITS: &str = include_str!("../../../geodata/straits.geojson");
pub(crate) const SCENARIOS: &str = include_str!("../../../geodata/scenarios.json");
pub(crate) const SOURCES: &str = include_str!("../../../geodata/sources.json");

/// A name in the languages and scripts the product shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Names {
    /// English display form; for disputed places both usages, e.g. "Iturup / Etorofu".
    pub en: String,
    /// Japanese (kanji/kana); `None` where no standard Japanese name was found (said so in the data's notes).
    pub ja: Option<String>,
    /// Japanese name in Latin script (Hepburn).
    pub ja_latn: Option<String>,
    /// Russian (Cyrillic).
    pub ru: Option<String>,
    /// Russian name in Latin script.
    pub ru_latn: Option<String>,
}

/// An entry of `sources.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub accessed: Option<String>,
    #[serde(default)]
    pub licence: Option<String>,
}

pub(crate) type Sources = BTreeMap<String, Source>;

/// A published area figure, attributed to whoever published it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficialArea {
    pub km2: f64,
    /// `main-island` (the island's own shoreline) or `with-islets`.
    pub scope: AreaScope,
    /// Who published the figure, e.g. "GSI (Japan)".
    pub by: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AreaScope {
    MainIsland,
    WithIslets,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct IslandProps {
    pub id: String,
    pub group: String,
    pub disputed: bool,
    pub names: Names,
    #[serde(default)]
    pub official_areas: Vec<OfficialArea>,
    #[serde(default = "yes")]
    pub in_gshhg: bool,
    pub sources: Vec<String>,
}

fn yes() -> bool {
    true
}

/// An attributed statement: who says it is in `sources`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct StraitProps {
    pub id: String,
    pub names: Names,
    pub between: [Vec<String>; 2],
    #[serde(default)]
    pub notes: Vec<Note>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct PlaceProps {
    pub id: String,
    pub kind: String,
    #[serde(default)]
    pub island: Option<String>,
    pub names: Names,
    #[serde(default)]
    pub elevation_m: Option<f64>,
    #[serde(default)]
    pub notes: Vec<Note>,
    pub sources: Vec<String>,
}

/// A dated event behind a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatedEvent {
    pub date: String,
    pub event: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ScenarioFile {
    /// [west, south, east, north] in degrees: where the lines are computed and reported.
    pub analysis_window: [f64; 4],
    pub scenarios: Vec<ScenarioProps>,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ScenarioProps {
    pub id: String,
    pub title: String,
    pub position_of: String,
    pub summary: String,
    #[serde(default)]
    pub dates: Vec<DatedEvent>,
    pub japan: Vec<String>,
    pub russia: Vec<String>,
    /// An island divided between the sides (listed in neither `japan` nor `russia`).
    #[serde(default)]
    pub split: Option<SplitProps>,
    pub sources: Vec<String>,
}

/// How a scenario divides an island: which end goes to Japan; the cut gives each side half of the four
/// islands' total land.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitProps {
    pub island: String,
    pub japan_end: crate::split::End,
}
