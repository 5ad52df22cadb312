//! The two guided documents: the history timeline and the straits explainer (see docs/api.md). Still built as
//! JSON values: they are not features, and nothing but the API and the export reads them.

use geo::BoundingRect;
use serde_json::{Value, json};

use super::{NamesView, WidthView, sources};
use crate::error::ModelError;
use crate::model::Model;

fn camera(c: &crate::data::Camera) -> Value {
    json!({ "lng": c.lng, "lat": c.lat, "zoom": c.zoom })
}

/// The history timeline: steps in date order, each with its text, sources and map state (see docs/api.md).
pub fn timeline(model: &Model) -> Value {
    let steps: Vec<Value> = model
        .timeline
        .iter()
        .map(|t| {
            json!({
                "id": t.id, "date": t.date, "date_end": t.date_end, "title": t.title, "text": t.text,
                "sources": sources(model, &t.sources),
                "map": {
                    "lines": t.map.lines, "areas": t.map.areas, "areas_meaning": t.map.areas_meaning,
                    "camera": camera(&t.map.camera), "subject": t.map.subject,
                },
            })
        })
        .collect();
    let mut used: Vec<&str> = Vec::new();
    for t in &model.timeline {
        for l in t.map.lines.iter().chain(t.map.areas.iter()) {
            if !used.contains(&l.as_str()) {
                used.push(l);
            }
        }
    }
    let lines: Vec<Value> = used
        .into_iter()
        .filter_map(|id| model.scenario(id).ok())
        .map(|s| json!({ "id": s.id, "kind": s.kind, "year": s.year, "title": s.title }))
        .collect();
    json!({ "steps": steps, "lines": lines, "note": model.timeline_note })
}

/// The straits explainer: each stop's text, camera, computed width and sourced depth (see docs/api.md).
pub fn straits_tour(model: &Model) -> Result<Value, ModelError> {
    let stops = model
        .straits_tour
        .iter()
        .map(|stop| {
            let st = model.strait(&stop.id)?;
            // The stop is about its strait: the search area's box is what the app frames.
            let subject = st
                .search_area
                .bounding_rect()
                .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y]);
            Ok(json!({
                "id": stop.id, "names": NamesView::new(&st.names), "title": stop.title, "text": stop.text,
                "camera": camera(&stop.camera), "subject": subject,
                "width": WidthView::new(st),
                "depth": {
                    "max_m": stop.depth.max_m, "text": stop.depth.text,
                    "sources": sources(model, &stop.depth.sources),
                },
                "claims": stop.claims.iter().map(|c| json!({
                    "text": c.text, "attributed_to": c.attributed_to, "sources": sources(model, &c.sources),
                })).collect::<Vec<_>>(),
                "sources": sources(model, &stop.sources),
            }))
        })
        .collect::<Result<Vec<_>, ModelError>>()?;
    Ok(json!({ "stops": stops }))
}
