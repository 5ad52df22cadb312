//! The places: towns, capes, volcanoes and lighthouses.

use serde::Serialize;

use super::{Feature, FeatureCollection, NamesView, SourceRef, sources};
use crate::data::Note;
use crate::model::Model;

/// A place's properties, as `/api/places.geojson` publishes them.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceProps {
    pub id: String,
    pub kind: String,
    /// The island it is on, where it is on one of the data's islands.
    pub island: Option<String>,
    pub names: NamesView,
    pub elevation_m: Option<f64>,
    pub notes: Vec<NoteView>,
    pub sources: Vec<SourceRef>,
}

/// A note with its sources.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    pub text: String,
    pub sources: Vec<SourceRef>,
}

impl NoteView {
    pub fn all(model: &Model, notes: &[Note]) -> Vec<NoteView> {
        notes
            .iter()
            .map(|n| NoteView {
                text: n.text.clone(),
                sources: sources(model, &n.sources),
            })
            .collect()
    }
}

/// Every place, in the order of the data.
pub fn places(model: &Model) -> FeatureCollection<PlaceProps> {
    FeatureCollection {
        features: model
            .places
            .iter()
            .map(|p| Feature {
                geometry: p.location.into(),
                properties: PlaceProps {
                    id: p.id.clone(),
                    kind: p.kind.clone(),
                    island: p.island.clone(),
                    names: NamesView::new(&p.names),
                    elevation_m: p.elevation_m,
                    notes: NoteView::all(model, &p.notes),
                    sources: sources(model, &p.sources),
                },
            })
            .collect(),
    }
}
