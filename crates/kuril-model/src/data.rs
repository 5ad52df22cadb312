//! The curated and generated files of `geodata/`, as embedded in the binary, and their serde shapes.
//!
//! ```
//! use kuril_model::{AreaScope, Model};
//!
//! // The shapes are the files' own: an official area's scope reads as in `islands.geojson`.
//! assert_eq!(serde_json::to_value(AreaScope::WithIslets).expect("serialises"), "with-islets");
//! let model = Model::embedded().expect("embedded data loads");
//! let kunashir = model.island("kunashir").expect("known island");
//! let gsi = kunashir.official_areas.iter().find(|a| a.by == "GSI (Japan)").expect("a GSI figure");
//! assert_eq!((gsi.km2, gsi.scope), (1489.0, AreaScope::MainIsland));
//! assert!(gsi.sources.iter().all(|id| model.source(id).is_some()));
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub(crate) const COASTLINE: &str = include_str!("../../../geodata/coastline.geojson");
pub(crate) const HABOMAI_OSM: &str = include_str!("../../../geodata/habomai-osm.geojson");
pub(crate) const WORLD_LAND: &str = include_str!("../../../geodata/world-land.geojson");
pub(crate) const ISLANDS: &str = include_str!("../../../geodata/islands.geojson");
pub(crate) const PLACES: &str = include_str!("../../../geodata/places.geojson");
pub(crate) const GROUPS: &str = include_str!("../../../geodata/groups.geojson");
pub(crate) const STRAITS: &str = include_str!("../../../geodata/straits.geojson");
pub(crate) const SCENARIOS: &str = include_str!("../../../geodata/scenarios.json");
pub(crate) const SOURCES: &str = include_str!("../../../geodata/sources.json");
pub(crate) const TIMELINE: &str = include_str!("../../../geodata/timeline.json");
pub(crate) const STRAITS_TOUR: &str = include_str!("../../../geodata/straits_tour.json");

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

impl Names {
    /// Both names, in the reader's script: English keeps its display form ("Iturup / Etorofu"); Japanese gives
    /// the Japanese name with the Russian in brackets (択捉島（Итуруп）); Russian the Russian name with the
    /// Japanese one in Cyrillic (Polivanov) in brackets (Итуруп (Эторофу)). Where the Russian name is the Japanese
    /// one written in Cyrillic (Немуро, мыс Носаппу) there is one name, not two. A name missing on one side leaves
    /// the other.
    ///
    /// ```
    /// use kuril_model::Names;
    /// use kuril_model::i18n::Lang;
    ///
    /// let iturup = Names {
    ///     en: "Iturup / Etorofu".into(),
    ///     ja: Some("択捉島".into()),
    ///     ja_latn: Some("Etorofu".into()),
    ///     ru: Some("Итуруп".into()),
    ///     ru_latn: Some("Iturup".into()),
    /// };
    /// assert_eq!(iturup.both(Lang::En), "Iturup / Etorofu");
    /// assert_eq!(iturup.both(Lang::Ja), "択捉島（Итуруп）");
    /// assert_eq!(iturup.both(Lang::Ru), "Итуруп (Эторофу)");
    /// ```
    pub fn both(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        match lang {
            Lang::En => self.en.clone(),
            Lang::Ja => match (&self.ja, &self.ru) {
                (Some(ja), Some(ru)) if self.russian_is_japanese() => ja.clone(),
                (Some(ja), Some(ru)) => format!("{ja}（{ru}）"),
                (Some(ja), None) => ja.clone(),
                (None, Some(ru)) => ru.clone(),
                (None, None) => self.en.clone(),
            },
            Lang::Ru => {
                let cyr = self.ja_latn.as_deref().map(crate::polivanov::from_hepburn);
                match (&self.ru, cyr) {
                    (Some(ru), Some(_)) if self.russian_is_japanese() => ru.clone(),
                    (Some(ru), Some(cyr)) => format!("{ru} ({cyr})"),
                    (Some(ru), None) => ru.clone(),
                    (None, Some(cyr)) => cyr,
                    (None, None) => self.en.clone(),
                }
            }
        }
    }
}

impl Names {
    /// The Russian name is the Japanese name written in Cyrillic (Немуро, мыс Носаппу): one name, not two.
    fn russian_is_japanese(&self) -> bool {
        match (&self.ru, &self.ja_latn) {
            (Some(ru), Some(latn)) => same_name(ru, &crate::polivanov::from_hepburn(latn)),
            _ => false,
        }
    }
}

/// A Russian name that is the Japanese name written in Cyrillic, with or without a generic word (мыс, вулкан,
/// маяк, пролив, остров) and whether it writes е or э.
fn same_name(ru: &str, japanese_cyr: &str) -> bool {
    let norm = |s: &str| -> String {
        s.to_lowercase()
            .split([' ', '-'])
            .filter(|w| !["мыс", "вулкан", "маяк", "пролив", "остров", "острова"].contains(w))
            .collect::<String>()
            .replace(['э', 'ё'], "е")
    };
    let (r, j) = (norm(ru), norm(japanese_cyr));
    !r.is_empty() && j.contains(&r)
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
    /// A full bibliographic reference (volume, page), for a source without an address or beside it.
    #[serde(default)]
    pub citation: Option<String>,
    /// How the citation was checked (for maintainers; not published).
    #[serde(default)]
    pub note: Option<String>,
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
    pub in_shoreline_data: bool,
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
#[serde(deny_unknown_fields)]
pub(crate) struct GroupProps {
    pub id: String,
    pub names: Names,
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

/// What a scenario is: one side's position, a computed settlement idea, or a past treaty's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScenarioKind {
    /// A position held by a side or a settlement both governments discussed.
    #[default]
    Position,
    /// A construction computed from an idea that neither government adopted (the equal-area split).
    Computed,
    /// A past treaty's line (1855, 1875, 1905), drawn in its own analysis window.
    Historical,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ScenarioProps {
    pub id: String,
    #[serde(default)]
    pub kind: ScenarioKind,
    /// The year of the treaty (historical scenarios) or of the document behind the scenario.
    #[serde(default)]
    pub year: Option<i32>,
    pub title: String,
    pub position_of: String,
    pub summary: String,
    #[serde(default)]
    pub dates: Vec<DatedEvent>,
    pub japan: Vec<String>,
    pub russia: Vec<String>,
    /// Islands neither side holds under this scenario (e.g. Sakhalin, undivided in 1855); excluded from the line.
    #[serde(default)]
    pub unassigned: Vec<String>,
    /// An island divided between the sides (listed in neither `japan` nor `russia`).
    #[serde(default)]
    pub split: Option<SplitProps>,
    /// The scenario's own analysis windows, [west, south, east, north] each; the file's `analysis_window` when
    /// absent. Each window has its own projection plane.
    #[serde(default)]
    pub windows: Option<Vec<[f64; 4]>>,
    pub sources: Vec<String>,
}

/// How a scenario divides an island.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitProps {
    pub island: String,
    #[serde(flatten)]
    pub how: SplitHow,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SplitHow {
    /// A straight cut across the long axis, placed so that each side holds half of the four islands' land;
    /// `japan_end` goes to Japan.
    EqualArea { japan_end: crate::split::End },
    /// Along a parallel of latitude (degrees); the part on `japan_side` (`north` or `south`) goes to Japan.
    Parallel {
        parallel: f64,
        japan_side: crate::split::Hemisphere,
    },
}

/// A map position: centre and zoom.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Camera {
    pub lng: f64,
    pub lat: f64,
    pub zoom: f64,
}

/// What the areas of a timeline step mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AreasMeaning {
    /// What a treaty assigned.
    Treaty,
    /// Who administers what, de facto.
    Administered,
}

/// The map a timeline step shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepMap {
    pub lines: Vec<String>,
    pub areas: Option<String>,
    pub areas_meaning: Option<AreasMeaning>,
    /// The view of the step on a map that nothing covers (images, the API).
    pub camera: Camera,
    /// What the step is about, `[west, south, east, north]`: the app frames it in the part of the map its panels
    /// leave free.
    pub subject: [f64; 4],
}

/// One step of the history timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineStep {
    pub id: String,
    pub date: String,
    #[serde(default)]
    pub date_end: Option<String>,
    pub title: String,
    pub text: String,
    pub sources: Vec<String>,
    pub map: StepMap,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TimelineFile {
    pub note: String,
    pub steps: Vec<TimelineStep>,
}

/// A sourced depth figure of a strait, or `max_m: None` with a text saying that none was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Depth {
    pub max_m: Option<f64>,
    pub text: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A statement attributed to whoever made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributedClaim {
    pub text: String,
    pub attributed_to: String,
    pub sources: Vec<String>,
}

/// One stop of the straits explainer; the width comes from the model's strait of the same id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TourStop {
    pub id: String,
    pub title: String,
    pub text: String,
    pub camera: Camera,
    pub depth: Depth,
    #[serde(default)]
    pub claims: Vec<AttributedClaim>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TourFile {
    pub stops: Vec<TourStop>,
}
