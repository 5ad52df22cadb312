//! The model: islands tied to their shorelines, straits, places and scenarios, loaded from `geodata/`
//! (`load.rs`) and cross-checked (`checks.rs`); each scenario's line, areas and zones are computed on first use
//! (`scenario_lines.rs`) and kept.

use std::sync::OnceLock;

use geo::{BoundingRect, GeodesicArea, MultiPolygon, Point, Polygon, Rect};

use crate::data::{self, AreaScope, Names, Note, OfficialArea, Source, Sources, TimelineStep, TourStop};
use crate::error::{ModelError, unknown_id};
use crate::geodesic::distance_m;
use crate::load::{parse, read_coastline, read_groups, read_islands, read_places, read_straits};
use crate::projection::AzimuthalEquidistant;
use crate::scenario::{Scenario, ScenarioLine, window_rect};
use crate::scenario_lines::{Frame, coast_indexes, combined, divided_island, frames, scenario_line, scenario_zones};
use crate::snapshot::{Derived, Snapshot};
use crate::split::Split;
use crate::strait::Strait;
use crate::zones::{MaritimeZones, Reach};

/// A named island: its label point, its own shoreline and the islets attributed to it.
///
/// Shorelines are polygons as published (OGC Simple Features): an island's lakes are holes, and an island in a
/// lake is a polygon of its own. What is land for measuring (areas, the sea's coast, the lines) is the ground
/// inside the sea shoreline, its lakes included, as the official island areas count it (`docs/geometry.md`):
/// [`Island::land`].
#[derive(Debug, Clone)]
pub struct Island {
    pub id: String,
    /// `four-islands`, `habomai`, `kuril-chain`, `hokkaido-area` or `context`.
    pub group: String,
    pub disputed: bool,
    pub names: Names,
    pub label: Point,
    /// The island's own shoreline, its lakes as holes; `None` when it is too small for the shoreline data.
    pub shoreline: Option<Polygon>,
    /// Unnamed shoreline polygons nearer to this island than to any other named one.
    pub islets: Vec<Polygon>,
    /// Islands in the lakes of this island or its islets (GSHHG level 3).
    pub lake_islands: Vec<Polygon>,
    pub official_areas: Vec<OfficialArea>,
    pub sources: Vec<String>,
    /// The shoreline and the islets without their holes (see [`Island::land`]).
    pub(crate) land: Vec<Polygon>,
}

impl Island {
    /// Geodesic area in km² of the ground inside the main shoreline, or inside it and its islets' shorelines;
    /// lakes included, as the official figures count them.
    ///
    /// ```
    /// use kuril_model::AreaScope;
    ///
    /// let model = kuril_model::Model::embedded().expect("embedded data loads");
    /// let iturup = model.island("iturup").expect("known island");
    /// // GSI (Japan) publishes 3,167 km² for Iturup; its GSHHG shoreline encloses 1.8% more (docs/geometry.md).
    /// let gsi = iturup.official_areas.iter().find(|a| a.by == "GSI (Japan)").expect("a GSI figure");
    /// assert_eq!((gsi.km2, gsi.scope), (3167.0, AreaScope::MainIsland));
    /// let computed = iturup.area_km2(AreaScope::MainIsland);
    /// assert!((computed / gsi.km2 - 1.0).abs() < 0.025, "{computed} km²");
    /// assert!(iturup.area_km2(AreaScope::WithIslets) >= computed);
    /// ```
    pub fn area_km2(&self, scope: AreaScope) -> f64 {
        let polys = match scope {
            AreaScope::MainIsland => &self.land[..self.shoreline.iter().count()],
            AreaScope::WithIslets => &self.land[..],
        };
        polys.iter().map(|p| p.geodesic_area_unsigned()).sum::<f64>() / 1e6
    }

    /// Inland water (lakes, less the islands in them) inside the island's and its islets' shorelines, km²: what
    /// [`Island::area_km2`] with islets counts beyond the published polygons' own area.
    pub fn inland_water_km2(&self) -> f64 {
        let published: f64 = self.polygons().map(|p| p.geodesic_area_unsigned()).sum::<f64>() / 1e6;
        (self.area_km2(AreaScope::WithIslets) - published).max(0.0)
    }

    /// Every polygon of the island as published, the main one first: lakes are holes, islands in lakes
    /// polygons of their own (a valid MultiPolygon).
    pub fn polygons(&self) -> impl Iterator<Item = &Polygon> {
        self.shoreline
            .iter()
            .chain(self.islets.iter())
            .chain(self.lake_islands.iter())
    }

    pub fn multipolygon(&self) -> MultiPolygon {
        MultiPolygon::new(self.polygons().cloned().collect())
    }

    /// The land for measuring: the main shoreline and the islets' as polygons without holes (lakes are inside
    /// the land, not sea; islands in lakes are inside it too). The sea's coast is their exterior rings.
    pub fn land(&self) -> impl Iterator<Item = &Polygon> {
        self.land.iter()
    }
}

/// A named group of islands (the Habomai islets), labelled as one where the map is too small for each islet.
#[derive(Debug, Clone)]
pub struct Group {
    /// The `group` of its islands in `islands.geojson`.
    pub id: String,
    pub names: Names,
    pub label: Point,
    pub sources: Vec<String>,
}

/// A town, cape, volcano or lighthouse.
#[derive(Debug, Clone)]
pub struct Place {
    pub id: String,
    pub kind: String,
    pub island: Option<String>,
    pub names: Names,
    pub location: Point,
    pub elevation_m: Option<f64>,
    pub notes: Vec<Note>,
    pub sources: Vec<String>,
}

/// Everything the service knows, loaded and cross-checked.
#[derive(Debug)]
pub struct Model {
    pub sources: Sources,
    pub islands: Vec<Island>,
    pub straits: Vec<Strait>,
    pub places: Vec<Place>,
    /// Named island groups (`geodata/groups.geojson`).
    pub groups: Vec<Group>,
    pub scenarios: Vec<Scenario>,
    /// Where the equidistance lines of the main scenarios are computed and reported (historical scenarios have
    /// their own windows: [`Model::windows`]).
    pub analysis_window: Rect,
    /// The history timeline (`geodata/timeline.json`), in date order.
    pub timeline: Vec<TimelineStep>,
    /// How to read the timeline's maps.
    pub timeline_note: String,
    /// The straits explainer (`geodata/straits_tour.json`).
    pub straits_tour: Vec<TourStop>,
    /// The texts of `geodata/` in Japanese and Russian (`geodata/i18n/`), checked against the English ones.
    translations: [crate::i18n::Table; 2],
    plane: AzimuthalEquidistant,
    frames: Vec<Vec<Frame>>,
    lines: Vec<OnceLock<ScenarioLine>>,
    zones: Vec<OnceLock<MaritimeZones>>,
    reaches: Vec<(Rect, OnceLock<Reach>)>,
    splits: Vec<OnceLock<Option<Split>>>,
    /// Bounding boxes of the rings taken from OpenStreetMap (the Habomai islets).
    osm_rings: Vec<Rect>,
}

impl Model {
    /// Load the data embedded in the binary, with its Japanese and Russian texts (checked against the English).
    pub fn embedded() -> Result<Model, ModelError> {
        let mut model = Model::embedded_english()?;
        let english = crate::i18n::english(&model);
        model.translations = [
            crate::i18n::read("i18n/ja.json", crate::i18n::JA, &english)?,
            crate::i18n::read("i18n/ru.json", crate::i18n::RU, &english)?,
        ];
        Ok(model)
    }

    /// The embedded data without its translations: for `kuril texts`, which lists the English texts to translate
    /// even when the translations are out of date.
    pub fn embedded_english() -> Result<Model, ModelError> {
        let sources: Sources = parse("sources.json", data::SOURCES)?;
        let (rings, osm_rings) = read_coastline()?;
        let islands = read_islands(&rings)?;
        let places = read_places()?;
        let groups = read_groups(&islands)?;
        let file: data::ScenarioFile = parse("scenarios.json", data::SCENARIOS)?;
        let analysis_window = window_rect("analysis_window", file.analysis_window)?;
        let plane = AzimuthalEquidistant::new(analysis_window.center());
        let scenarios = file
            .scenarios
            .into_iter()
            .map(|p| Scenario::from_props(p, &islands))
            .collect::<Result<Vec<_>, _>>()?;
        let straits = read_straits(&islands, &plane)?;
        let timeline: data::TimelineFile = parse("timeline.json", data::TIMELINE)?;
        let tour: data::TourFile = parse("straits_tour.json", data::STRAITS_TOUR)?;
        let (frames, reach_windows) = frames(&scenarios, analysis_window, &plane);
        let reaches = reach_windows.into_iter().map(|w| (w, OnceLock::new())).collect();
        let lines = scenarios.iter().map(|_| OnceLock::new()).collect();
        let zones = scenarios.iter().map(|_| OnceLock::new()).collect();
        let splits = scenarios.iter().map(|_| OnceLock::new()).collect();
        let model = Model {
            sources,
            islands,
            straits,
            places,
            groups,
            scenarios,
            analysis_window,
            timeline: timeline.steps,
            timeline_note: timeline.note,
            straits_tour: tour.stops,
            translations: Default::default(),
            plane,
            frames,
            lines,
            zones,
            reaches,
            splits,
            osm_rings,
        };
        model.check_references()?;
        Ok(model)
    }

    /// The translated texts of a language (`None` for English, which is in the data files themselves).
    pub fn translations(&self, lang: crate::i18n::Lang) -> Option<&crate::i18n::Table> {
        match lang {
            crate::i18n::Lang::En => None,
            crate::i18n::Lang::Ja => Some(&self.translations[0]),
            crate::i18n::Lang::Ru => Some(&self.translations[1]),
        }
    }

    /// Where a shoreline ring of [`Island::polygons`] comes from: `"openstreetmap"` for the Habomai islets,
    /// `"gshhg"` for every other ring.
    pub fn shoreline_source(&self, ring: &Polygon) -> &'static str {
        match ring.bounding_rect() {
            Some(r) if self.osm_rings.contains(&r) => "openstreetmap",
            _ => "gshhg",
        }
    }

    pub fn island(&self, id: &str) -> Result<&Island, ModelError> {
        self.islands
            .iter()
            .find(|i| i.id == id)
            .ok_or_else(|| unknown_id("island", id, self.islands.iter().map(|i| i.id.as_str())))
    }

    pub fn place(&self, id: &str) -> Result<&Place, ModelError> {
        self.places
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| unknown_id("place", id, self.places.iter().map(|p| p.id.as_str())))
    }

    pub fn strait(&self, id: &str) -> Result<&Strait, ModelError> {
        self.straits
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| unknown_id("strait", id, self.straits.iter().map(|s| s.id.as_str())))
    }

    pub fn scenario(&self, id: &str) -> Result<&Scenario, ModelError> {
        self.scenarios
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| unknown_id("scenario", id, self.scenarios.iter().map(|s| s.id.as_str())))
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    /// Islands of a group (e.g. `habomai`).
    pub fn group(&self, group: &str) -> impl Iterator<Item = &Island> {
        self.islands.iter().filter(move |i| i.group == group)
    }

    /// Geodesic distance between two named places, metres.
    ///
    /// ```
    /// let model = kuril_model::Model::embedded().expect("embedded data loads");
    /// // The Hokkaido Government: Kaigara island's lighthouse lies 3.7 km off Cape Nosappu.
    /// let d = model.distance_between_places("cape-nosappu", "kaigara-lighthouse").expect("known places");
    /// assert!((d / 3700.0 - 1.0).abs() < 0.05, "{d} m");
    /// ```
    pub fn distance_between_places(&self, a: &str, b: &str) -> Result<f64, ModelError> {
        let (a, b) = (self.place(a)?, self.place(b)?);
        Ok(distance_m(a.location.0, b.location.0))
    }

    /// The plane the lines are computed in (centred on the analysis window).
    pub fn plane(&self) -> &AzimuthalEquidistant {
        &self.plane
    }

    /// The windows a scenario's line and areas are computed in: the analysis window, or the scenario's own.
    ///
    /// ```
    /// let model = kuril_model::Model::embedded().expect("embedded data loads");
    /// assert_eq!(model.windows("soviet").expect("known scenario"), [model.analysis_window]);
    /// // The 1905 treaty's line: one window over southern Sakhalin, one over the northern Kurils.
    /// assert_eq!(model.windows("portsmouth-1905").expect("known scenario").len(), 2);
    /// ```
    pub fn windows(&self, scenario_id: &str) -> Result<Vec<Rect>, ModelError> {
        let idx = self.scenario_index(scenario_id)?;
        Ok(self.frames[idx].iter().map(|f| f.window).collect())
    }

    /// The scenario's equidistance line and the shorelines of each side; computed once, on first use.
    ///
    /// ```
    /// let model = kuril_model::Model::embedded().expect("embedded data loads");
    /// let line = model.line("soviet").expect("known scenario");
    /// // Measured with geodesics every 10 km, as `tests/lines.rs` does every 250 m: the two coasts are equally far,
    /// // to 0.5% or 50 m.
    /// for s in line.equidistance(10_000.0) {
    ///     let mean = (s.to_japan.distance_m + s.to_russia.distance_m) / 2.0;
    ///     assert!(s.error_m() <= (0.005 * mean).max(50.0), "{:?}: {} m", s.point, s.error_m());
    /// }
    /// // Hokkaido is Japan's, Kunashir (Yuzhno-Kurilsk) Russia's.
    /// let at = |id: &str| model.place(id).expect("known place").location.0;
    /// assert_eq!(line.nearer_side(at("nemuro")), Some(kuril_model::Side::Japan));
    /// assert_eq!(line.nearer_side(at("yuzhno-kurilsk")), Some(kuril_model::Side::Russia));
    /// ```
    pub fn line(&self, scenario_id: &str) -> Result<&ScenarioLine, ModelError> {
        let idx = self.scenario_index(scenario_id)?;
        Ok(self.lines[idx].get_or_init(|| {
            let split = self.split(scenario_id).ok().flatten();
            scenario_line(
                &self.scenarios[idx],
                &self.islands,
                &self.frames[idx],
                split,
                &self.plane,
            )
        }))
    }

    /// The scenario's maritime zones per side inside its windows; computed once, on first use.
    pub fn zones(&self, scenario_id: &str) -> Result<&MaritimeZones, ModelError> {
        let idx = self.scenario_index(scenario_id)?;
        let line = self.line(scenario_id)?;
        Ok(self.zones[idx].get_or_init(|| scenario_zones(&self.frames[idx], line, &self.reaches, &self.islands)))
    }

    fn scenario_index(&self, scenario_id: &str) -> Result<usize, ModelError> {
        self.scenarios
            .iter()
            .position(|s| s.id == scenario_id)
            .ok_or_else(|| unknown_id("scenario", scenario_id, self.scenarios.iter().map(|s| s.id.as_str())))
    }

    /// The island a scenario divides: cut so that each side gets half of the four islands' land, or along a
    /// parallel.
    ///
    /// ```
    /// use kuril_model::{AreaScope, Side};
    ///
    /// let model = kuril_model::Model::embedded().expect("embedded data loads");
    /// assert!(model.split("soviet").expect("known scenario").is_none());
    /// // The equal-area split divides Iturup so that Japan, with the islands it holds whole, has half the land.
    /// let scenario = model.scenario("equal-area-split").expect("known scenario");
    /// let split = model.split(&scenario.id).expect("known scenario").expect("it divides an island");
    /// let area = |i: &&kuril_model::Island| i.area_km2(AreaScope::WithIslets);
    /// let disputed = || model.islands.iter().filter(|i| i.disputed);
    /// let four: f64 = disputed().map(|i| area(&i)).sum();
    /// let japans = disputed().filter(|i| scenario.holder(&i.id) == Some(Side::Japan));
    /// let japan_whole: f64 = japans.map(|i| area(&i)).sum();
    /// assert!((japan_whole + split.japan_km2 - four / 2.0).abs() < 0.5, "{} km²", split.japan_km2);
    /// ```
    pub fn split(&self, scenario_id: &str) -> Result<Option<&Split>, ModelError> {
        let idx = self.scenario_index(scenario_id)?;
        Ok(self.splits[idx]
            .get_or_init(|| divided_island(&self.scenarios[idx], &self.islands, &self.plane))
            .as_ref())
    }

    /// Compute every scenario's divided island, line, claim areas and maritime zones (the scenarios in parallel)
    /// and encode them: the bytes [`Model::with_snapshot`] reads back. The build of `kuril` embeds them.
    pub fn snapshot(&self) -> Result<Vec<u8>, ModelError> {
        let computed = std::thread::scope(|s| {
            let workers: Vec<_> = self
                .scenarios
                .iter()
                .map(|scenario| s.spawn(move || self.zones(&scenario.id).map(|_| ())))
                .collect();
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
                .collect::<Result<Vec<()>, ModelError>>()
        });
        computed?;
        let scenarios = self
            .scenarios
            .iter()
            .map(|scenario| {
                let id = scenario.id.as_str();
                Ok(Derived {
                    id: id.to_string(),
                    split: self.split(id)?.cloned(),
                    geometry: self.line(id)?.geometry.clone(),
                    window_areas: self.line(id)?.window_areas.clone(),
                    zones: self.zones(id)?.clone(),
                })
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        Snapshot {
            format: crate::snapshot::FORMAT,
            inputs: crate::snapshot::inputs_hash(),
            scenarios,
        }
        .encode()
    }

    /// This model with its derived geometry read from `bytes` ([`Model::snapshot`]) instead of computed on first
    /// use. A snapshot of other data (another `geodata/`), of other scenarios or in another format is refused
    /// with an error, as is anything that does not decode.
    pub fn with_snapshot(mut self, bytes: &[u8]) -> Result<Model, ModelError> {
        let ids: Vec<&str> = self.scenarios.iter().map(|s| s.id.as_str()).collect();
        let snapshot = Snapshot::decode(bytes, &ids)?;
        for (idx, derived) in snapshot.scenarios.into_iter().enumerate() {
            let (japan, russia) = coast_indexes(
                &self.scenarios[idx],
                &self.islands,
                &self.frames[idx],
                derived.split.as_ref(),
                &self.plane,
            );
            self.lines[idx] = OnceLock::from(ScenarioLine {
                geometry: derived.geometry,
                japan,
                russia,
                areas: combined(&derived.window_areas),
                window_areas: derived.window_areas,
            });
            self.splits[idx] = OnceLock::from(derived.split);
            self.zones[idx] = OnceLock::from(derived.zones);
        }
        Ok(self)
    }
}
