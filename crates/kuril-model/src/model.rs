//! The model: islands tied to their shorelines, straits, places and scenarios, loaded from `geodata/`.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use geo::{
    BooleanOps, BoundingRect, Contains, Coord, GeodesicArea, MultiLineString, MultiPolygon, Point, Polygon, Rect, coord,
};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Line};

use crate::claim::split_window;
use crate::data::{self, AreaScope, Names, Note, OfficialArea, Source, Sources, SplitHow, TimelineStep, TourStop};
use crate::error::ModelError;
use crate::geodesic::{CoastIndex, distance_m, length_m};
use crate::median::{MedianInput, equidistance_line};
use crate::projection::AzimuthalEquidistant;
use crate::scenario::{ClaimAreas, Scenario, ScenarioLine, Side, window_rect};
use crate::split::{Split, split_by_parallel, split_island};
use crate::strait::{Strait, min_width};
use crate::zones::{MaritimeZones, Reach, maritime_zones, merge_zones, reach};

/// Where the shoreline data exists (`geodata/recipe/build.sh` cuts GSHHG to it): [west, south, east, north].
pub const COASTLINE_REGION: [f64; 4] = [139.0, 41.0, 157.0, 55.0];

/// Spacing of the sites along shorelines for the equidistance computation, metres.
pub const SITE_SPACING_M: f64 = 200.0;

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
    land: Vec<Polygon>,
}

impl Island {
    /// Geodesic area in km² of the ground inside the main shoreline, or inside it and its islets' shorelines;
    /// lakes included, as the official figures count them.
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

/// Checks that a list of source ids is non-empty and known: (file, owner, ids).
type SourceCheck<'a> = dyn Fn(&'static str, &str, &[String]) -> Result<(), ModelError> + 'a;

/// An analysis window with the plane its lines are computed in (centred on it).
#[derive(Debug, Clone)]
struct Frame {
    window: Rect,
    plane: AzimuthalEquidistant,
    /// Index into `Model::reaches`.
    reach: usize,
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
        let mut reach_windows: Vec<Rect> = vec![analysis_window];
        let frames = scenarios
            .iter()
            .map(|s| match &s.windows {
                None => vec![Frame {
                    window: analysis_window,
                    plane: plane.clone(),
                    reach: 0,
                }],
                Some(ws) => ws
                    .iter()
                    .map(|&window| Frame {
                        window,
                        plane: AzimuthalEquidistant::new(window.center()),
                        reach: reach_windows.iter().position(|r| *r == window).unwrap_or_else(|| {
                            reach_windows.push(window);
                            reach_windows.len() - 1
                        }),
                    })
                    .collect(),
            })
            .collect();
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
            .ok_or_else(|| unknown("island", id, self.islands.iter().map(|i| i.id.as_str())))
    }

    pub fn place(&self, id: &str) -> Result<&Place, ModelError> {
        self.places
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| unknown("place", id, self.places.iter().map(|p| p.id.as_str())))
    }

    pub fn strait(&self, id: &str) -> Result<&Strait, ModelError> {
        self.straits
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| unknown("strait", id, self.straits.iter().map(|s| s.id.as_str())))
    }

    pub fn scenario(&self, id: &str) -> Result<&Scenario, ModelError> {
        self.scenarios
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| unknown("scenario", id, self.scenarios.iter().map(|s| s.id.as_str())))
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    /// Islands of a group (e.g. `habomai`).
    pub fn group(&self, group: &str) -> impl Iterator<Item = &Island> {
        self.islands.iter().filter(move |i| i.group == group)
    }

    /// Geodesic distance between two named places, metres.
    pub fn distance_between_places(&self, a: &str, b: &str) -> Result<f64, ModelError> {
        let (a, b) = (self.place(a)?, self.place(b)?);
        Ok(distance_m(a.location.0, b.location.0))
    }

    /// The plane the lines are computed in (centred on the analysis window).
    pub fn plane(&self) -> &AzimuthalEquidistant {
        &self.plane
    }

    /// The windows a scenario's line and areas are computed in: the analysis window, or the scenario's own.
    pub fn windows(&self, scenario_id: &str) -> Result<Vec<Rect>, ModelError> {
        let idx = self.scenario_index(scenario_id)?;
        Ok(self.frames[idx].iter().map(|f| f.window).collect())
    }

    /// The scenario's equidistance line and the shorelines of each side; computed once, on first use.
    pub fn line(&self, scenario_id: &str) -> Result<&ScenarioLine, ModelError> {
        let idx = self.scenario_index(scenario_id)?;
        Ok(self.lines[idx].get_or_init(|| self.compute_line(idx)))
    }

    /// The scenario's maritime zones per side inside its windows; computed once, on first use.
    pub fn zones(&self, scenario_id: &str) -> Result<&MaritimeZones, ModelError> {
        let idx = self.scenario_index(scenario_id)?;
        let line = self.line(scenario_id)?;
        Ok(self.zones[idx].get_or_init(|| {
            let parts = self.frames[idx]
                .iter()
                .zip(&line.window_areas)
                .map(|(f, areas)| {
                    let (window, cell) = &self.reaches[f.reach];
                    let reach = cell.get_or_init(|| {
                        let land: Vec<&Polygon> = self.islands.iter().flat_map(|i| i.land()).collect();
                        reach(&f.plane, *window, &land)
                    });
                    maritime_zones(
                        &f.plane,
                        reach,
                        [(Side::Japan, &areas.japan), (Side::Russia, &areas.russia)],
                    )
                })
                .collect();
            merge_zones(parts)
        }))
    }

    fn scenario_index(&self, scenario_id: &str) -> Result<usize, ModelError> {
        self.scenarios
            .iter()
            .position(|s| s.id == scenario_id)
            .ok_or_else(|| unknown("scenario", scenario_id, self.scenarios.iter().map(|s| s.id.as_str())))
    }

    /// The island a scenario divides: cut so that each side gets half of the four islands' land, or along a
    /// parallel.
    pub fn split(&self, scenario_id: &str) -> Result<Option<&Split>, ModelError> {
        let idx = self.scenario_index(scenario_id)?;
        let scenario = &self.scenarios[idx];
        Ok(self.splits[idx]
            .get_or_init(|| {
                let spec = scenario.split.as_ref()?;
                let island = self.islands.iter().find(|i| i.id == spec.island)?;
                let rings: Vec<Polygon> = island.land().cloned().collect();
                let japan_end = match spec.how {
                    SplitHow::Parallel { parallel, japan_side } => {
                        return split_by_parallel(&rings, parallel, japan_side);
                    }
                    SplitHow::EqualArea { japan_end } => japan_end,
                };
                let four: f64 = self
                    .islands
                    .iter()
                    .filter(|i| i.disputed)
                    .map(|i| i.area_km2(AreaScope::WithIslets))
                    .sum();
                let japan_elsewhere: f64 = self
                    .islands
                    .iter()
                    .filter(|i| i.disputed && scenario.holder(&i.id) == Some(Side::Japan))
                    .map(|i| i.area_km2(AreaScope::WithIslets))
                    .sum();
                split_island(&self.plane, &rings, japan_end, four / 2.0 - japan_elsewhere)
            })
            .as_ref())
    }

    fn compute_line(&self, idx: usize) -> ScenarioLine {
        let scenario = &self.scenarios[idx];
        let frames = &self.frames[idx];
        let split = self.split(&scenario.id).ok().flatten();
        let split_parts: [(Side, Vec<Vec<Coord>>); 2] = match split {
            Some(s) => [
                (Side::Japan, s.coasts(&self.plane, &s.japan)),
                (Side::Russia, s.coasts(&self.plane, &s.russia)),
            ],
            None => [(Side::Japan, vec![]), (Side::Russia, vec![])],
        };
        let rings = |side: Side| -> Vec<&[Coord]> {
            let whole = self
                .islands
                .iter()
                .filter(|i| scenario.holder(&i.id) == Some(side))
                .flat_map(|i| i.land())
                .map(|p| p.exterior().0.as_slice());
            let parts = split_parts
                .iter()
                .filter(|(s, _)| *s == side)
                .flat_map(|(_, c)| c.iter().map(|c| c.as_slice()));
            whole.chain(parts).collect()
        };
        let (japan, russia) = (rings(Side::Japan), rings(Side::Russia));
        // One frame: its own plane (the main scenarios); several: a plane centred between them.
        let index_plane = match &frames[..] {
            [only] => only.plane.clone(),
            _ => {
                let all = frames.iter().skip(1).fold(frames[0].window, |r, f| {
                    Rect::new(
                        coord! { x: r.min().x.min(f.window.min().x), y: r.min().y.min(f.window.min().y) },
                        coord! { x: r.max().x.max(f.window.max().x), y: r.max().y.max(f.window.max().y) },
                    )
                });
                AzimuthalEquidistant::new(all.center())
            }
        };
        let japan_index = CoastIndex::new(&index_plane, japan.iter().copied());
        let russia_index = CoastIndex::new(&index_plane, russia.iter().copied());
        let side_of = |c: Coord| match (japan_index.nearest(c), russia_index.nearest(c)) {
            (Some(j), Some(r)) => Some(if j.distance_m <= r.distance_m {
                Side::Japan
            } else {
                Side::Russia
            }),
            _ => None,
        };
        let mut geometry = MultiLineString::new(vec![]);
        let mut window_areas = Vec::new();
        for f in frames {
            let window = f.window.to_polygon();
            let mut part = equidistance_line(&MedianInput {
                plane: &f.plane,
                side_a: japan.clone(),
                side_b: russia.clone(),
                window: &window,
                spacing_m: SITE_SPACING_M,
            });
            let (mut japan_area, mut russia_area) = split_window(f.window, &part, side_of);
            if let Some(s) = split {
                // On the divided island the boundary is the cut, not the equidistance line between its two coasts.
                let island = s.japan.union(&s.russia);
                let bbox = island.bounding_rect();
                let inside = bbox.is_some_and(|b| f.window.contains(&b));
                let touches = bbox.is_some_and(|b| geo::Intersects::intersects(&b, &f.window));
                if inside {
                    part = island.clip(&part, true);
                    part.0.extend(s.cut.0.iter().cloned());
                    japan_area = japan_area.difference(&island).union(&s.japan);
                    russia_area = russia_area.difference(&island).union(&s.russia);
                } else if touches {
                    // Only the island's part inside the window (Sakhalin reaches far beyond the 1905 window).
                    let w = MultiPolygon::new(vec![window.clone()]);
                    let island = island.intersection(&w);
                    part = island.clip(&part, true);
                    part.0.extend(w.clip(&s.cut, false).0);
                    japan_area = japan_area.difference(&island).union(&s.japan.intersection(&w));
                    russia_area = russia_area.difference(&island).union(&s.russia.intersection(&w));
                }
            }
            // Clipping at the divided island's shore can leave a piece of no length where the line touches it.
            geometry
                .0
                .extend(part.0.into_iter().filter(|l| length_m(l) >= MIN_PART_M));
            window_areas.push(ClaimAreas {
                japan: japan_area,
                russia: russia_area,
            });
        }
        let areas = match &window_areas[..] {
            [only] => only.clone(),
            all => ClaimAreas {
                japan: MultiPolygon::new(all.iter().flat_map(|a| a.japan.0.iter().cloned()).collect()),
                russia: MultiPolygon::new(all.iter().flat_map(|a| a.russia.0.iter().cloned()).collect()),
            },
        };
        ScenarioLine {
            geometry,
            japan: japan_index,
            russia: russia_index,
            areas,
            window_areas,
        }
    }

    fn check_references(&self) -> Result<(), ModelError> {
        let check = |file: &'static str, owner: &str, refs: &[String]| -> Result<(), ModelError> {
            if refs.is_empty() {
                return Err(ModelError::data(file, format!("{owner} has no sources")));
            }
            for r in refs {
                if !self.sources.contains_key(r) {
                    return Err(ModelError::data(file, format!("{owner} cites unknown source `{r}`")));
                }
            }
            Ok(())
        };
        for i in &self.islands {
            check("islands.geojson", &i.id, &i.sources)?;
            for a in &i.official_areas {
                check("islands.geojson", &format!("{} official area", i.id), &a.sources)?;
            }
        }
        for s in &self.straits {
            check("straits.geojson", &s.id, &s.sources)?;
            for n in &s.notes {
                check("straits.geojson", &format!("{} note", s.id), &n.sources)?;
            }
        }
        for p in &self.places {
            check("places.geojson", &p.id, &p.sources)?;
            for n in &p.notes {
                check("places.geojson", &format!("{} note", p.id), &n.sources)?;
            }
            if let Some(island) = &p.island {
                self.island(island)?;
            }
        }
        for g in &self.groups {
            check("groups.geojson", &g.id, &g.sources)?;
        }
        for s in &self.scenarios {
            check("scenarios.json", &s.id, &s.sources)?;
            for d in &s.dates {
                check("scenarios.json", &format!("{} {}", s.id, d.date), &d.sources)?;
            }
        }
        self.check_timeline(&check)?;
        self.check_tour(&check)
    }

    fn check_timeline(&self, check: &SourceCheck) -> Result<(), ModelError> {
        const FILE: &str = "timeline.json";
        let mut seen = HashSet::new();
        let mut previous = String::new();
        for step in &self.timeline {
            let id = step.id.as_str();
            let bad = |m: String| Err(ModelError::data(FILE, format!("{id}: {m}")));
            if !seen.insert(id) {
                return bad("duplicate id".into());
            }
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return bad("ids are lower-case letters, digits and hyphens".into());
            }
            for d in std::iter::once(&step.date).chain(step.date_end.iter()) {
                if !is_iso_date(d) {
                    return bad(format!("`{d}` is not a YYYY-MM-DD date"));
                }
            }
            if step.date_end.as_ref().is_some_and(|e| *e <= step.date) {
                return bad("date_end is not after date".into());
            }
            if step.date < previous {
                return bad("steps are not in date order".into());
            }
            previous = step.date.clone();
            if step.title.trim().is_empty() || step.text.trim().is_empty() {
                return bad("empty title or text".into());
            }
            check(FILE, id, &step.sources)?;
            for l in &step.map.lines {
                self.scenario(l)?;
            }
            if let Some(a) = &step.map.areas {
                self.scenario(a)?;
            }
            if step.map.areas.is_some() != step.map.areas_meaning.is_some() {
                return bad("areas_meaning is given exactly when areas is".into());
            }
            let c = step.map.camera;
            if !((-180.0..=180.0).contains(&c.lng) && (-85.0..=85.0).contains(&c.lat) && (0.0..=14.0).contains(&c.zoom))
            {
                return bad(format!("camera {c:?} is off the map"));
            }
            let [w, s, e, n] = step.map.subject;
            if !(-180.0 <= w && w < e && e <= 180.0 && -85.0 <= s && s < n && n <= 85.0) {
                return bad(format!(
                    "subject {:?} is not a [west, south, east, north] box",
                    step.map.subject
                ));
            }
        }
        if self.timeline.is_empty() {
            return Err(ModelError::data(FILE, "no steps"));
        }
        Ok(())
    }

    fn check_tour(&self, check: &SourceCheck) -> Result<(), ModelError> {
        const FILE: &str = "straits_tour.json";
        let mut seen = HashSet::new();
        for stop in &self.straits_tour {
            let id = stop.id.as_str();
            if !seen.insert(id) {
                return Err(ModelError::data(FILE, format!("{id}: duplicate stop")));
            }
            self.strait(id)?;
            if !stop.sources.is_empty() {
                check(FILE, id, &stop.sources)?;
            }
            match stop.depth.max_m {
                Some(m) if !(m > 0.0 && m < 11_000.0) => {
                    return Err(ModelError::data(FILE, format!("{id}: depth {m} m")));
                }
                Some(_) => check(FILE, &format!("{id} depth"), &stop.depth.sources)?,
                None if !stop.depth.sources.is_empty() => {
                    return Err(ModelError::data(
                        FILE,
                        format!("{id}: sources for a depth that is null"),
                    ));
                }
                None => {}
            }
            for c in &stop.claims {
                check(FILE, &format!("{id} claim"), &c.sources)?;
                if c.attributed_to.trim().is_empty() {
                    return Err(ModelError::data(FILE, format!("{id}: a claim attributed to nobody")));
                }
            }
            let c = stop.camera;
            if !((-180.0..=180.0).contains(&c.lng) && (-85.0..=85.0).contains(&c.lat) && (0.0..=14.0).contains(&c.zoom))
            {
                return Err(ModelError::data(FILE, format!("{id}: camera {c:?} is off the map")));
            }
        }
        Ok(())
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let (m, day): (u32, u32) = (d[5..7].parse().unwrap_or(0), d[8..10].parse().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&day)
}

fn unknown<'a>(kind: &'static str, id: &str, valid: impl Iterator<Item = &'a str>) -> ModelError {
    ModelError::UnknownId {
        kind,
        id: id.to_string(),
        valid: valid.collect::<Vec<_>>().join(", "),
    }
}

fn parse<T: serde::de::DeserializeOwned>(file: &'static str, text: &str) -> Result<T, ModelError> {
    serde_json::from_str(text).map_err(|source| ModelError::Parse { file, source })
}

/// Features of a GeoJSON FeatureCollection as (geometry, properties) pairs.
fn features<P: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<Vec<(geo::Geometry, P)>, ModelError> {
    let fc: geojson::FeatureCollection = text
        .parse::<geojson::GeoJson>()
        .map_err(|e| ModelError::data(file, e.to_string()))?
        .try_into()
        .map_err(|e: geojson::Error| ModelError::data(file, e.to_string()))?;
    fc.features
        .into_iter()
        .map(|f| {
            let geom = f
                .geometry
                .ok_or_else(|| ModelError::data(file, "feature without geometry"))?;
            let geom: geo::Geometry = geom
                .try_into()
                .map_err(|e: geojson::Error| ModelError::data(file, e.to_string()))?;
            let props = serde_json::Value::Object(f.properties.unwrap_or_default());
            let props = serde_json::from_value(props).map_err(|source| ModelError::Parse { file, source })?;
            Ok((geom, props))
        })
        .collect()
}

/// Line pieces shorter than this are clipping leftovers, not part of a boundary.
const MIN_PART_M: f64 = 1.0;

/// The shoreline rings: GSHHG's, and OpenStreetMap's for the Habomai islets (geodata/SOURCES.md says why), with
/// the bounding boxes of the latter.
fn read_coastline() -> Result<(Vec<Shore>, Vec<Rect>), ModelError> {
    let mut rings = polygons("coastline.geojson", data::COASTLINE)?;
    let osm = polygons("habomai-osm.geojson", data::HABOMAI_OSM)?;
    let osm_rings = osm.iter().filter_map(|s| s.polygon.bounding_rect()).collect();
    rings.extend(osm);
    Ok((rings, osm_rings))
}

/// A shoreline polygon of the data and whether it is an island in a lake (GSHHG level 3).
struct Shore {
    polygon: Polygon,
    in_lake: bool,
}

#[derive(serde::Deserialize)]
struct ShoreProps {
    /// GSHHG level of the exterior: 1 land, 3 island in a lake (the OpenStreetMap islets have none: land).
    #[serde(default = "land_level")]
    level: u8,
}

fn land_level() -> u8 {
    1
}

fn polygons(file: &'static str, text: &str) -> Result<Vec<Shore>, ModelError> {
    let feats: Vec<(geo::Geometry, ShoreProps)> = features(file, text)?;
    feats
        .into_iter()
        .map(|(g, props)| match (g, props.level) {
            (geo::Geometry::Polygon(polygon), level @ (1 | 3)) => Ok(Shore {
                polygon,
                in_lake: level == 3,
            }),
            (geo::Geometry::Polygon(_), level) => Err(ModelError::data(file, format!("a polygon of level {level}"))),
            (other, _) => Err(ModelError::data(
                file,
                format!("expected polygons, found {other:?}")
                    .chars()
                    .take(80)
                    .collect::<String>(),
            )),
        })
        .collect()
}

/// Natural Earth land polygons for low zooms.
pub fn world_land() -> Result<Vec<Polygon>, ModelError> {
    let feats: Vec<(geo::Geometry, serde_json::Value)> = features("world-land.geojson", data::WORLD_LAND)?;
    Ok(feats
        .into_iter()
        .filter_map(|(g, _)| match g {
            geo::Geometry::Polygon(p) => Some(p),
            _ => None,
        })
        .collect())
}

fn point_of(file: &'static str, id: &str, g: geo::Geometry) -> Result<Point, ModelError> {
    match g {
        geo::Geometry::Point(p) => Ok(p),
        _ => Err(ModelError::data(file, format!("{id}: expected a Point"))),
    }
}

/// Tie each label point to the shoreline ring that contains it; give every other ring to the nearest island.
fn read_islands(shores: &[Shore]) -> Result<Vec<Island>, ModelError> {
    const FILE: &str = "islands.geojson";
    let feats: Vec<(geo::Geometry, data::IslandProps)> = features(FILE, data::ISLANDS)?;
    let rings: Vec<&Polygon> = shores.iter().map(|s| &s.polygon).collect();
    let rects: Vec<Option<Rect>> = rings.iter().map(|r| r.bounding_rect()).collect();
    let mut owner: Vec<Option<usize>> = vec![None; rings.len()];
    let mut islands = Vec::new();
    let mut seen = HashSet::new();
    for (geom, p) in feats {
        if !seen.insert(p.id.clone()) {
            return Err(ModelError::data(FILE, format!("duplicate id `{}`", p.id)));
        }
        let label = point_of(FILE, &p.id, geom)?;
        let idx = islands.len();
        let mut shoreline = None;
        if p.in_shoreline_data {
            let hits: Vec<usize> = (0..rings.len())
                .filter(|&r| rects[r].is_some_and(|b| b.contains(&label)) && rings[r].contains(&label))
                .collect();
            let [r] = hits[..] else {
                return Err(ModelError::data(
                    FILE,
                    format!(
                        "{}: label point lies in {} shoreline rings, expected 1",
                        p.id,
                        hits.len()
                    ),
                ));
            };
            if let Some(other) = owner[r] {
                let other: &Island = &islands[other];
                return Err(ModelError::data(
                    FILE,
                    format!("{} and {} share a shoreline ring", p.id, other.id),
                ));
            }
            owner[r] = Some(idx);
            shoreline = Some(rings[r].clone());
        }
        islands.push(Island {
            id: p.id,
            group: p.group,
            disputed: p.disputed,
            names: p.names,
            label,
            shoreline,
            islets: vec![],
            lake_islands: vec![],
            official_areas: p.official_areas,
            sources: p.sources,
            land: vec![],
        });
    }
    // Unnamed rings: islets of the nearest named shoreline.
    let tree: RTree<GeomWithData<Line<[f64; 2]>, usize>> = RTree::bulk_load(
        islands
            .iter()
            .enumerate()
            .filter_map(|(i, isl)| isl.shoreline.as_ref().map(|s| (i, s)))
            .flat_map(|(i, s)| {
                s.exterior()
                    .lines()
                    .map(move |l| GeomWithData::new(Line::new(scaled(l.start), scaled(l.end)), i))
            })
            .collect(),
    );
    for (r, ring) in rings.iter().enumerate() {
        if owner[r].is_some() {
            continue;
        }
        let Some(first) = ring.exterior().0.first() else {
            continue;
        };
        let nearest = tree
            .nearest_neighbor(&scaled(*first))
            .ok_or_else(|| ModelError::data(FILE, "no named island has a shoreline"))?;
        let island = &mut islands[nearest.data];
        if shores[r].in_lake {
            island.lake_islands.push((*ring).clone());
        } else {
            island.islets.push((*ring).clone());
        }
    }
    for island in &mut islands {
        island.land = island
            .shoreline
            .iter()
            .chain(island.islets.iter())
            .map(|p| Polygon::new(p.exterior().clone(), vec![]))
            .collect();
    }
    Ok(islands)
}

/// Degrees scaled so that a degree of longitude and of latitude are about equally long at 45°N; only used to
/// find the nearest named shoreline for an islet, where that is good enough.
fn scaled(c: Coord) -> [f64; 2] {
    [c.x * std::f64::consts::FRAC_1_SQRT_2, c.y]
}

/// Island groups, each the `group` of at least two islands.
fn read_groups(islands: &[Island]) -> Result<Vec<Group>, ModelError> {
    const FILE: &str = "groups.geojson";
    let feats: Vec<(geo::Geometry, data::GroupProps)> = features(FILE, data::GROUPS)?;
    feats
        .into_iter()
        .map(|(g, p)| {
            if islands.iter().filter(|i| i.group == p.id).count() < 2 {
                return Err(ModelError::data(
                    FILE,
                    format!("{}: fewer than two islands of that group", p.id),
                ));
            }
            Ok(Group {
                label: point_of(FILE, &p.id, g)?,
                id: p.id,
                names: p.names,
                sources: p.sources,
            })
        })
        .collect()
}

fn read_places() -> Result<Vec<Place>, ModelError> {
    const FILE: &str = "places.geojson";
    let feats: Vec<(geo::Geometry, data::PlaceProps)> = features(FILE, data::PLACES)?;
    let mut seen = HashSet::new();
    feats
        .into_iter()
        .map(|(g, p)| {
            if !seen.insert(p.id.clone()) {
                return Err(ModelError::data(FILE, format!("duplicate id `{}`", p.id)));
            }
            Ok(Place {
                location: point_of(FILE, &p.id, g)?,
                id: p.id,
                kind: p.kind,
                island: p.island,
                names: p.names,
                elevation_m: p.elevation_m,
                notes: p.notes,
                sources: p.sources,
            })
        })
        .collect()
}

fn read_straits(islands: &[Island], plane: &AzimuthalEquidistant) -> Result<Vec<Strait>, ModelError> {
    const FILE: &str = "straits.geojson";
    let feats: Vec<(geo::Geometry, data::StraitProps)> = features(FILE, data::STRAITS)?;
    let by_id: BTreeMap<&str, &Island> = islands.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (g, p) in feats {
        if !seen.insert(p.id.clone()) {
            return Err(ModelError::data(FILE, format!("duplicate id `{}`", p.id)));
        }
        let geo::Geometry::Polygon(area) = g else {
            return Err(ModelError::data(FILE, format!("{}: expected a Polygon", p.id)));
        };
        let mut sides: [Vec<&Island>; 2] = [vec![], vec![]];
        for (k, ids) in p.between.iter().enumerate() {
            for id in ids {
                let isl = by_id
                    .get(id.as_str())
                    .ok_or_else(|| unknown("island", id, islands.iter().map(|i| i.id.as_str())))?;
                sides[k].push(isl);
            }
        }
        let width = min_width(plane, &area, &sides[0], &sides[1]).ok_or_else(|| {
            ModelError::data(
                FILE,
                format!("{}: the search area reaches no shoreline of one side", p.id),
            )
        })?;
        let land = MultiPolygon::new(
            islands
                .iter()
                .flat_map(|i| i.land())
                .filter(|poly| {
                    poly.bounding_rect()
                        .zip(area.bounding_rect())
                        .is_some_and(|(a, b)| geo::Intersects::intersects(&a, &b))
                })
                .cloned()
                .collect(),
        );
        let water = MultiPolygon::new(vec![area.clone()]).difference(&land);
        out.push(Strait {
            id: p.id,
            names: p.names,
            between: p.between,
            notes: p.notes,
            sources: p.sources,
            search_area: area,
            water,
            width,
        });
    }
    Ok(out)
}
