//! The catalogue: every collection the model provides, its features with their stable ids, their GeoJSON text
//! and bounding boxes, prepared once.

use std::sync::Arc;

use geo::{BoundingRect, Intersects, Rect};
use kuril_model::{Model, ModelError};

use crate::error::ApiError;
use crate::formats::{Layer, collections, column_name};
use crate::state::AppState;

/// A collection: its id and how to describe it. Its features come from [`collections::features`].
#[derive(Debug)]
pub struct Def {
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
}

pub const COLLECTIONS: [Def; 6] = [
    Def {
        id: "islands",
        title: "Islands",
        description: "Every named island: polygons with islets (a point for rocks below the shoreline data's \
                      resolution), names in English, Japanese and Russian, computed and official areas, and the holder \
                      under each scenario (holder_<scenario>). Feature id: the island id.",
    },
    Def {
        id: "straits",
        title: "Straits",
        description: "Straits between the islands: the water area and the computed minimum width. Feature id: the strait id.",
    },
    Def {
        id: "lines",
        title: "Boundary lines",
        description: "One computed equidistance line per scenario (each side's position and the historical ones). \
                      Feature id: the scenario id.",
    },
    Def {
        id: "claim-areas",
        title: "Claim areas",
        description: "Each side's land and sea inside the analysis window under each scenario. \
                      Feature id: <scenario>:<side>.",
    },
    Def {
        id: "maritime-zones",
        title: "Maritime zones",
        description: "Territorial sea (12 nautical miles) and exclusive economic zone (200 nautical miles) of each \
                      side under each scenario, inside the analysis window. Feature id: <scenario>:<side>:<zone>.",
    },
    Def {
        id: "places",
        title: "Places",
        description: "Towns, capes, volcanoes and lighthouses with names in three languages. Feature id: the place id.",
    },
];

/// A collection ready to serve: its features, their GeoJSON text and bounding boxes.
#[derive(Debug)]
pub struct Collection {
    pub def: &'static Def,
    pub layer: Layer,
    pub columns: Vec<String>,
    /// Each feature's GeoJSON text, spliced into the items pages.
    pub(super) json: Vec<String>,
    boxes: Vec<Option<Rect>>,
    pub extent: Option<Rect>,
}

impl Collection {
    fn build(model: &Model, def: &'static Def) -> Result<Option<Collection>, ModelError> {
        let Some(features) = collections::features(model, def.id)? else {
            return Ok(None);
        };
        let layer = Layer {
            name: column_name(def.id),
            title: def.title.to_string(),
            features,
        };
        let columns = layer.columns();
        let json = layer
            .features
            .iter()
            .map(|f| f.to_geojson(&columns, &[]).to_string())
            .collect();
        let boxes = layer.features.iter().map(|f| f.geometry.bounding_rect()).collect();
        let extent = layer.extent();
        Ok(Some(Collection {
            def,
            layer,
            columns,
            json,
            boxes,
            extent,
        }))
    }

    /// Indexes of the features that intersect any of the rectangles (all features without a bbox).
    pub(super) fn matching(&self, bbox: Option<&[Rect]>) -> Vec<usize> {
        (0..self.layer.features.len())
            .filter(|&i| match bbox {
                None => true,
                Some(rects) => rects.iter().any(|r| {
                    self.boxes[i].is_some_and(|b| b.intersects(r)) && self.layer.features[i].geometry.intersects(r)
                }),
            })
            .collect()
    }
}

/// Every collection the model provides, in the order of [`COLLECTIONS`].
#[derive(Debug)]
pub struct Catalogue {
    pub collections: Vec<Collection>,
}

impl Catalogue {
    fn build(model: &Model) -> Result<Catalogue, ModelError> {
        let mut collections = vec![];
        for def in &COLLECTIONS {
            if let Some(c) = Collection::build(model, def)? {
                collections.push(c);
            }
        }
        Ok(Catalogue { collections })
    }

    pub fn ids(&self) -> impl Iterator<Item = String> + '_ {
        self.collections.iter().map(|c| c.def.id.to_string())
    }

    pub fn get(&self, id: &str) -> Result<&Collection, ApiError> {
        self.collections
            .iter()
            .find(|c| c.def.id == id)
            .ok_or_else(|| ApiError::unknown_id("collection", id, self.ids()))
    }
}

/// The prepared collections for the state's model (`AppState::catalogue`), built on first use off the async
/// threads. Requests arriving during the first build wait for it rather than each starting one; a failed build
/// is not kept (the next request tries again).
pub async fn catalogue(state: &AppState) -> Result<Arc<Catalogue>, ApiError> {
    let built = state
        .catalogue
        .get_or_try_init(|| async {
            let model = state.model.clone();
            tokio::task::spawn_blocking(move || Catalogue::build(&model).map(Arc::new))
                .await
                .map_err(ApiError::internal)?
                .map_err(ApiError::from)
        })
        .await?;
    Ok(built.clone())
}
