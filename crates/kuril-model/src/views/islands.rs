//! The islands: polygons with their islets, or a point where an island is too small for the shoreline data.

use std::collections::BTreeMap;

use geo::Geometry;
use serde::Serialize;

use super::{AREA_METHOD, Feature, FeatureCollection, NamesView, SourceRef, km2, sources};
use crate::data::AreaScope;
use crate::model::{Island, Model};
use crate::scenario::Side;

/// An island's properties, as `/api/islands.geojson` publishes them.
#[derive(Debug, Clone, Serialize)]
pub struct IslandProps {
    pub id: String,
    pub names: NamesView,
    pub group: String,
    pub disputed: bool,
    pub in_shoreline_data: bool,
    /// `gshhg` or `openstreetmap`; `None` for an island below the shoreline data's resolution.
    pub shoreline_source: Option<&'static str>,
    /// (lon, lat) of the label.
    pub label_point: [f64; 2],
    pub computed_area_km2: Option<ComputedArea>,
    pub official_areas: Vec<OfficialAreaView>,
    /// The island's holder under each scenario that assigns it, by scenario id.
    pub holders: BTreeMap<String, Side>,
    pub sources: Vec<SourceRef>,
}

/// The areas measured on the shoreline, km² to 0.01.
#[derive(Debug, Clone, Serialize)]
pub struct ComputedArea {
    pub main_island: f64,
    pub with_islets: f64,
    pub inland_water: f64,
    pub method: &'static str,
    /// `with_islets` unrounded, not published: the tiles round it to 0.1 km² themselves (rounding the published
    /// 0.01 km² figure again would round twice, and move some islands' tile figure by 0.1 km²).
    #[serde(skip)]
    pub with_islets_unrounded: f64,
}

/// An official area figure with its sources.
#[derive(Debug, Clone, Serialize)]
pub struct OfficialAreaView {
    pub km2: f64,
    pub scope: AreaScope,
    pub by: String,
    pub sources: Vec<SourceRef>,
}

fn island(model: &Model, i: &Island) -> Feature<IslandProps> {
    let geometry: Geometry = if i.shoreline.is_some() {
        i.multipolygon().into()
    } else {
        i.label.into()
    };
    let official_areas = i
        .official_areas
        .iter()
        .map(|a| OfficialAreaView {
            km2: a.km2,
            scope: a.scope,
            by: a.by.clone(),
            sources: sources(model, &a.sources),
        })
        .collect();
    let computed_area_km2 = i.shoreline.as_ref().map(|_| ComputedArea {
        main_island: km2(i.area_km2(AreaScope::MainIsland)),
        with_islets: km2(i.area_km2(AreaScope::WithIslets)),
        inland_water: km2(i.inland_water_km2()),
        method: AREA_METHOD,
        with_islets_unrounded: i.area_km2(AreaScope::WithIslets),
    });
    let holders = model
        .scenarios
        .iter()
        .filter_map(|s| Some((s.id.clone(), s.holder(&i.id)?)))
        .collect();
    Feature {
        geometry,
        properties: IslandProps {
            id: i.id.clone(),
            names: NamesView::new(&i.names),
            group: i.group.clone(),
            disputed: i.disputed,
            in_shoreline_data: i.shoreline.is_some(),
            shoreline_source: i.shoreline.as_ref().map(|s| model.shoreline_source(s)),
            label_point: [i.label.x(), i.label.y()],
            computed_area_km2,
            official_areas,
            holders,
            sources: sources(model, &i.sources),
        },
    }
}

/// Every named island, in the order of the data.
pub fn islands(model: &Model) -> FeatureCollection<IslandProps> {
    FeatureCollection {
        features: model.islands.iter().map(|i| island(model, i)).collect(),
    }
}
