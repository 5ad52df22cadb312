//! The straits: the water area, with the computed narrowest crossing.

use serde::Serialize;

use super::{Feature, FeatureCollection, NamesView, NoteView, STRAIT_WIDTH_METHOD, SourceRef, sources};
use crate::model::Model;
use crate::strait::Strait;

/// A strait's properties, as `/api/straits.geojson` publishes them.
#[derive(Debug, Clone, Serialize)]
pub struct StraitProps {
    pub id: String,
    pub names: NamesView,
    /// The island ids on each side.
    pub between: [Vec<String>; 2],
    pub width: WidthView,
    pub notes: Vec<NoteView>,
    pub sources: Vec<SourceRef>,
}

/// The narrowest crossing: km to 0.01, its two ends (lon, lat) and how it was measured.
#[derive(Debug, Clone, Serialize)]
pub struct WidthView {
    pub km: f64,
    pub from: [f64; 2],
    pub to: [f64; 2],
    pub method: &'static str,
}

impl WidthView {
    pub fn new(s: &Strait) -> WidthView {
        let [a, b] = s.width.ends;
        WidthView {
            km: (s.width.distance_m / 10.0).round() / 100.0,
            from: [a.x, a.y],
            to: [b.x, b.y],
            method: STRAIT_WIDTH_METHOD,
        }
    }
}

/// Every strait, in the order of the data.
pub fn straits(model: &Model) -> FeatureCollection<StraitProps> {
    FeatureCollection {
        features: model
            .straits
            .iter()
            .map(|s| Feature {
                geometry: s.water.clone().into(),
                properties: StraitProps {
                    id: s.id.clone(),
                    names: NamesView::new(&s.names),
                    between: s.between.clone(),
                    width: WidthView::new(s),
                    notes: NoteView::all(model, &s.notes),
                    sources: sources(model, &s.sources),
                },
            })
            .collect(),
    }
}
