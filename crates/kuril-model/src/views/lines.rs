//! The scenarios' lines: their metadata (`/api/lines`), each line as a feature, and each side's claim area.

use serde::Serialize;

use super::{Feature, FeatureCollection, HISTORICAL_LINE_METHOD, LINE_METHOD, SourceRef, sources};
use crate::data::ScenarioKind;
use crate::error::ModelError;
use crate::model::Model;
use crate::scenario::{Scenario, Side};

/// A scenario's metadata, as `/api/lines` lists it (and every scenario document and line feature repeats it).
#[derive(Debug, Clone, Serialize)]
pub struct LineSummary {
    pub id: String,
    pub kind: ScenarioKind,
    pub year: Option<i32>,
    pub title: String,
    pub position_of: String,
    pub summary: String,
    pub dates: Vec<DatedEventView>,
    /// How the line was computed ([`LINE_METHOD`] or [`HISTORICAL_LINE_METHOD`]).
    pub method: &'static str,
    /// `[west, south, east, north]` of each window the line was computed in.
    pub analysis_windows: Option<Vec<[f64; 4]>>,
    pub unassigned: Vec<String>,
    pub sources: Vec<SourceRef>,
}

/// A dated event with its sources.
#[derive(Debug, Clone, Serialize)]
pub struct DatedEventView {
    pub date: String,
    pub event: String,
    pub sources: Vec<SourceRef>,
}

impl LineSummary {
    pub fn new(model: &Model, s: &Scenario) -> LineSummary {
        LineSummary {
            id: s.id.clone(),
            kind: s.kind,
            year: s.year,
            title: s.title.clone(),
            position_of: s.position_of.clone(),
            summary: s.summary.clone(),
            dates: s
                .dates
                .iter()
                .map(|d| DatedEventView {
                    date: d.date.clone(),
                    event: d.event.clone(),
                    sources: sources(model, &d.sources),
                })
                .collect(),
            method: if s.kind == ScenarioKind::Historical {
                HISTORICAL_LINE_METHOD
            } else {
                LINE_METHOD
            },
            analysis_windows: model.windows(&s.id).ok().map(|ws| {
                ws.iter()
                    .map(|w| [w.min().x, w.min().y, w.max().x, w.max().y])
                    .collect()
            }),
            unassigned: s.unassigned.clone(),
            sources: sources(model, &s.sources),
        }
    }
}

/// The list of lines with their metadata.
pub fn lines(model: &Model) -> Vec<LineSummary> {
    model.scenarios.iter().map(|s| LineSummary::new(model, s)).collect()
}

/// A line feature's properties: the scenario's metadata, the length and the window.
#[derive(Debug, Clone, Serialize)]
pub struct LineProps {
    #[serde(flatten)]
    pub summary: LineSummary,
    /// Geodesic length, km to 0.1.
    pub length_km: f64,
    /// The main scenarios' window; for a historical scenario the bounding box of its own windows.
    pub analysis_window: [f64; 4],
}

/// One scenario's line as a FeatureCollection with one MultiLineString feature.
pub fn line(model: &Model, id: &str) -> Result<FeatureCollection<LineProps>, ModelError> {
    let s = model.scenario(id)?;
    let line = model.line(id)?;
    let ws = model.windows(id)?;
    let (w, so, e, n) = ws
        .iter()
        .fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |(w, s, e, n), r| {
            (w.min(r.min().x), s.min(r.min().y), e.max(r.max().x), n.max(r.max().y))
        });
    Ok(FeatureCollection {
        features: vec![Feature {
            geometry: line.geometry.clone().into(),
            properties: LineProps {
                summary: LineSummary::new(model, s),
                length_km: (line.length_km() * 10.0).round() / 10.0,
                analysis_window: [w, so, e, n],
            },
        }],
    })
}

/// A claim area's properties.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimAreaProps {
    pub scenario: String,
    pub side: Side,
}

/// Each side's area inside the analysis window under a scenario: Japan's, then Russia's.
pub fn claim_areas(model: &Model, id: &str) -> Result<FeatureCollection<ClaimAreaProps>, ModelError> {
    let s = model.scenario(id)?;
    let areas = &model.line(id)?.areas;
    Ok(FeatureCollection {
        features: Side::BOTH
            .iter()
            .map(|&side| Feature {
                geometry: areas.of(side).clone().into(),
                properties: ClaimAreaProps {
                    scenario: s.id.clone(),
                    side,
                },
            })
            .collect(),
    })
}
