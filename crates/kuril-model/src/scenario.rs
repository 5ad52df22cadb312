//! Scenarios: which state holds which island, and the equidistance line that follows from it.

use std::collections::BTreeMap;

use geo::{Coord, Line, LineString, MultiLineString, MultiPolygon, coord};
use serde::{Deserialize, Serialize};

use crate::data::{DatedEvent, ScenarioKind, ScenarioProps};
use crate::error::ModelError;
use crate::geodesic::{CoastIndex, Nearest, distance_m, length_m};
use crate::model::Island;

/// One of the two states in the dispute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Japan,
    Russia,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Japan, Side::Russia];

    /// The side's name as every published document spells it (the serde form): `japan` or `russia`.
    ///
    /// ```
    /// use kuril_model::Side;
    /// assert_eq!(Side::Japan.as_str(), "japan");
    /// assert_eq!(serde_json::to_value(Side::Russia).expect("a side serialises"), Side::Russia.as_str());
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Japan => "japan",
            Side::Russia => "russia",
        }
    }
}

/// A scenario: who holds what, whose position it is, and the documents behind it.
///
/// ```
/// use kuril_model::Side;
///
/// let model = kuril_model::Model::embedded().expect("embedded data loads");
/// // The 1956 Joint Declaration's two islands: Shikotan and the Habomai islets to Japan, the rest to Russia.
/// let s = model.scenario("two-island-1956").expect("known scenario");
/// assert_eq!(s.holder("shikotan"), Some(Side::Japan));
/// assert_eq!(s.holder("iturup"), Some(Side::Russia));
/// assert!(model.group("habomai").all(|i| s.holder(&i.id) == Some(Side::Japan)));
/// assert!(s.held_by(Side::Russia).any(|id| id == "kunashir"));
/// // An island a scenario divides has no single holder.
/// assert_eq!(model.scenario("equal-area-split").expect("known scenario").holder("iturup"), None);
/// ```
#[derive(Debug, Clone)]
pub struct Scenario {
    pub id: String,
    pub kind: ScenarioKind,
    /// The treaty's year for historical scenarios; `None` otherwise.
    pub year: Option<i32>,
    pub title: String,
    /// Whose position this scenario represents, in words (e.g. "Russia (and the USSR before it)").
    pub position_of: String,
    pub summary: String,
    pub dates: Vec<DatedEvent>,
    pub sources: Vec<String>,
    /// An island divided between the sides.
    pub split: Option<crate::data::SplitProps>,
    /// Where the line is computed: the scenario's own windows, or `None` for the model's analysis window.
    pub windows: Option<Vec<geo::Rect>>,
    /// Islands neither side holds under this scenario.
    pub unassigned: Vec<String>,
    holders: BTreeMap<String, Side>,
}

impl Scenario {
    /// Build from the file's form, expanding `group:NAME` selectors; every island must be held by exactly one side,
    /// split, or listed as unassigned.
    pub(crate) fn from_props(p: ScenarioProps, islands: &[Island]) -> Result<Scenario, ModelError> {
        const FILE: &str = "scenarios.json";
        let mut holders = BTreeMap::new();
        let select = |sel: &str| -> Result<Vec<&Island>, ModelError> {
            let matched: Vec<&Island> = match sel.strip_prefix("group:") {
                Some(g) => islands.iter().filter(|i| i.group == g).collect(),
                None => islands.iter().filter(|i| i.id == sel).collect(),
            };
            if matched.is_empty() {
                return Err(ModelError::data(FILE, format!("{}: `{sel}` matches no island", p.id)));
            }
            Ok(matched)
        };
        let mut unassigned = Vec::new();
        for sel in &p.unassigned {
            unassigned.extend(select(sel)?.into_iter().map(|i| i.id.clone()));
        }
        for (side, selectors) in [(Side::Japan, &p.japan), (Side::Russia, &p.russia)] {
            for sel in selectors {
                for i in select(sel)? {
                    if holders.insert(i.id.clone(), side).is_some() || unassigned.contains(&i.id) {
                        return Err(ModelError::data(FILE, format!("{}: {} is assigned twice", p.id, i.id)));
                    }
                }
            }
        }
        let split_island = p.split.as_ref().map(|s| s.island.as_str());
        if let Some(s) = split_island {
            if holders.contains_key(s) {
                return Err(ModelError::data(
                    FILE,
                    format!("{}: {s} is split and also assigned whole", p.id),
                ));
            }
            if !islands.iter().any(|i| i.id == s && i.shoreline.is_some()) {
                return Err(ModelError::data(FILE, format!("{}: cannot split {s}", p.id)));
            }
        }
        if let Some(s) = split_island
            && unassigned.iter().any(|u| u == s)
        {
            return Err(ModelError::data(
                FILE,
                format!("{}: {s} is split and also unassigned", p.id),
            ));
        }
        if let Some(missing) = islands.iter().find(|i| {
            !holders.contains_key(&i.id) && Some(i.id.as_str()) != split_island && !unassigned.contains(&i.id)
        }) {
            return Err(ModelError::data(
                FILE,
                format!(
                    "{}: nobody holds {} (list it under `unassigned` if that is meant)",
                    p.id, missing.id
                ),
            ));
        }
        let windows = match &p.windows {
            None => None,
            Some(ws) if ws.is_empty() => {
                return Err(ModelError::data(FILE, format!("{}: `windows` is empty", p.id)));
            }
            Some(ws) => Some(
                ws.iter()
                    .map(|w| window_rect(&p.id, *w))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        };
        if let Some(ws) = &windows {
            for (a, wa) in ws.iter().enumerate() {
                for wb in &ws[a + 1..] {
                    let apart = wa.max().x <= wb.min().x
                        || wb.max().x <= wa.min().x
                        || wa.max().y <= wb.min().y
                        || wb.max().y <= wa.min().y;
                    if !apart {
                        return Err(ModelError::data(FILE, format!("{}: windows overlap", p.id)));
                    }
                }
            }
        }
        if (p.kind == ScenarioKind::Historical) != p.year.is_some() {
            return Err(ModelError::data(
                FILE,
                format!("{}: a historical scenario needs a year, and only it", p.id),
            ));
        }
        Ok(Scenario {
            id: p.id,
            kind: p.kind,
            year: p.year,
            windows,
            unassigned,
            title: p.title,
            position_of: p.position_of,
            summary: p.summary,
            dates: p.dates,
            sources: p.sources,
            split: p.split,
            holders,
        })
    }

    /// Who holds the island under this scenario (`None` for an island the scenario splits or leaves unassigned).
    pub fn holder(&self, island_id: &str) -> Option<Side> {
        self.holders.get(island_id).copied()
    }

    /// Ids of the islands a side holds.
    pub fn held_by(&self, side: Side) -> impl Iterator<Item = &str> {
        self.holders
            .iter()
            .filter(move |(_, s)| **s == side)
            .map(|(id, _)| id.as_str())
    }
}

/// A [west, south, east, north] window, checked to lie inside the shoreline data's region.
pub(crate) fn window_rect(owner: &str, [w, s, e, n]: [f64; 4]) -> Result<geo::Rect, ModelError> {
    let [rw, rs, re, rn] = crate::load::COASTLINE_REGION;
    if !(w < e && s < n && w >= rw && e <= re && s >= rs && n <= rn) {
        return Err(ModelError::data(
            "scenarios.json",
            format!(
                "{owner}: window {w},{s},{e},{n} is empty or outside the shoreline data's region {rw}–{re}°E, {rs}–{rn}°N"
            ),
        ));
    }
    Ok(geo::Rect::new(coord! { x: w, y: s }, coord! { x: e, y: n }))
}

/// A point of the line with its geodesic distances to each side's shoreline.
#[derive(Debug, Clone, Copy)]
pub struct EquidistanceSample {
    pub point: Coord,
    pub to_japan: Nearest,
    pub to_russia: Nearest,
}

impl EquidistanceSample {
    /// |d(Japan) − d(Russia)|, metres.
    pub fn error_m(&self) -> f64 {
        (self.to_japan.distance_m - self.to_russia.distance_m).abs()
    }

    /// The error relative to the mean of the two distances.
    pub fn relative_error(&self) -> f64 {
        self.error_m() / ((self.to_japan.distance_m + self.to_russia.distance_m) / 2.0)
    }
}

/// A scenario's computed line, with the shorelines it was computed from.
#[derive(Debug)]
pub struct ScenarioLine {
    /// The equidistance line inside the analysis window, (lon, lat).
    pub geometry: MultiLineString,
    pub japan: CoastIndex,
    pub russia: CoastIndex,
    /// Japan's and Russia's areas (land and sea) inside the scenario's windows under this scenario.
    pub areas: ClaimAreas,
    /// The same areas, window by window (one entry for the main scenarios).
    pub window_areas: Vec<ClaimAreas>,
}

/// The analysis window divided between the two sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimAreas {
    pub japan: MultiPolygon,
    pub russia: MultiPolygon,
}

impl ClaimAreas {
    pub fn of(&self, side: Side) -> &MultiPolygon {
        match side {
            Side::Japan => &self.japan,
            Side::Russia => &self.russia,
        }
    }
}

impl ScenarioLine {
    /// Geodesic length of the line, km.
    pub fn length_km(&self) -> f64 {
        self.geometry.0.iter().map(length_m).sum::<f64>() / 1e3
    }

    /// Points along the line about every `step_m` metres (and every vertex).
    pub fn samples(&self, step_m: f64) -> Vec<Coord> {
        let mut out = Vec::new();
        for ls in &self.geometry.0 {
            for l in ls.lines() {
                let n = (distance_m(l.start, l.end) / step_m).ceil().max(1.0) as usize;
                for k in 0..n {
                    out.push(l.start + (l.end - l.start) * (k as f64 / n as f64));
                }
            }
            if let Some(last) = ls.0.last() {
                out.push(*last);
            }
        }
        out
    }

    /// Geodesic distances from the line's points to both shorelines.
    pub fn equidistance(&self, step_m: f64) -> Vec<EquidistanceSample> {
        self.samples(step_m)
            .into_iter()
            .filter_map(|p| {
                Some(EquidistanceSample {
                    point: p,
                    to_japan: self.japan.nearest(p)?,
                    to_russia: self.russia.nearest(p)?,
                })
            })
            .collect()
    }

    /// The side whose shoreline is nearer to `p` (the side of the line `p` lies on).
    pub fn nearer_side(&self, p: Coord) -> Option<Side> {
        let j = self.japan.nearest(p)?.distance_m;
        let r = self.russia.nearest(p)?.distance_m;
        Some(if j <= r { Side::Japan } else { Side::Russia })
    }

    /// How many times the straight (lon, lat) segment a–b crosses the line.
    pub fn crossings(&self, a: Coord, b: Coord) -> usize {
        let path = Line::new(a, b);
        self.geometry
            .0
            .iter()
            .flat_map(|l| l.lines())
            .filter(|seg| geo::Intersects::intersects(seg, &path))
            .count()
    }
}

/// Helper for tests and tools: a line string from (lon, lat) pairs.
///
/// ```
/// let l = kuril_model::line_string(&[(145.0, 43.0), (145.0, 44.0)]);
/// assert_eq!(l.0[1], geo::coord! { x: 145.0, y: 44.0 });
/// // One degree of latitude at 43.5°N is about 111.1 km.
/// assert!((kuril_model::length_m(&l) / 111_100.0 - 1.0).abs() < 1e-3);
/// ```
pub fn line_string(points: &[(f64, f64)]) -> LineString {
    points.iter().map(|&(x, y)| coord! { x: x, y: y }).collect()
}
