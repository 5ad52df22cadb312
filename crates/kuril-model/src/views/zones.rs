//! The maritime zones (12 nm, 200 nm and beyond) of each side under each scenario, and their figures.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Feature, FeatureCollection, ZONES_METHOD, ZONES_OWN_WINDOWS_METHOD, km2};
use crate::error::ModelError;
use crate::model::Model;
use crate::scenario::Side;
use crate::zones::ZoneKind;

/// A maritime zone's properties.
#[derive(Debug, Clone, Serialize)]
pub struct ZoneProps {
    /// `<scenario>:<side>:<zone>`.
    pub id: String,
    pub scenario: String,
    pub side: Side,
    pub zone: ZoneKind,
    pub area_km2: f64,
}

/// The zone kind as the documents spell it (its serde form): `territorial_sea`, `eez`, `beyond`.
fn kind_str(k: ZoneKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Every scenario's maritime zones, one feature per scenario, side and zone (zones of no area left out).
pub fn maritime_zones(model: &Model) -> Result<FeatureCollection<ZoneProps>, ModelError> {
    let mut features = Vec::new();
    for s in &model.scenarios {
        // A zone with no area (Japan has no sea beyond 200 nm in the window under the Soviet position) has no
        // geometry to publish: empty geometries are invalid to SpatiaLite and troublesome to many clients. Its 0 km²
        // is in the scenario's figures (`/api/scenarios/{id}`).
        for z in model.zones(&s.id)?.zones.iter().filter(|z| !z.geometry.0.is_empty()) {
            features.push(Feature {
                geometry: z.geometry.clone().into(),
                properties: ZoneProps {
                    id: format!("{}:{}:{}", s.id, z.side.as_str(), kind_str(z.kind)),
                    scenario: s.id.clone(),
                    side: z.side,
                    zone: z.kind,
                    area_km2: km2(z.area_km2),
                },
            });
        }
    }
    Ok(FeatureCollection { features })
}

/// A figure for each side, km².
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PerSide {
    pub japan: f64,
    pub russia: f64,
}

/// Per-side sea figures of a scenario (km² to 0.01), as its document carries them.
#[derive(Debug, Clone, Serialize)]
pub struct SeaBySide {
    pub territorial_sea_km2: PerSide,
    pub eez_km2: PerSide,
    pub beyond_200nm_km2: PerSide,
    pub sea_km2: PerSide,
    pub window_sea_km2: f64,
    /// Land inside the window, by side.
    pub window_land_km2: BTreeMap<&'static str, f64>,
    pub sea_method: &'static str,
}

/// Per-side sea figures of a scenario.
pub fn sea_by_side(model: &Model, id: &str) -> Result<SeaBySide, ModelError> {
    let z = model.zones(id)?;
    let per = |k: ZoneKind| PerSide {
        japan: km2(z.area(Side::Japan, k)),
        russia: km2(z.area(Side::Russia, k)),
    };
    Ok(SeaBySide {
        territorial_sea_km2: per(ZoneKind::TerritorialSea),
        eez_km2: per(ZoneKind::Eez),
        beyond_200nm_km2: per(ZoneKind::Beyond),
        sea_km2: PerSide {
            japan: km2(z.sea(Side::Japan)),
            russia: km2(z.sea(Side::Russia)),
        },
        window_sea_km2: km2(z.window_sea_km2),
        window_land_km2: z.land_km2.iter().map(|(s, a)| (s.as_str(), km2(*a))).collect(),
        sea_method: if model.windows(id)? == [model.analysis_window] {
            ZONES_METHOD
        } else {
            ZONES_OWN_WINDOWS_METHOD
        },
    })
}
