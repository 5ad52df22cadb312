//! The features of each published collection (`/ogc`, the downloads), straight from the model's typed views
//! (`kuril_model::views`): the view's published geometry and its properties flattened into columns.

use kuril_model::views::{self, FeatureCollection};
use kuril_model::{Model, ModelError};
use serde::Serialize;

use super::Feature;

/// Every feature of a view, each with the id `id` gives it.
fn of<P: Serialize>(fc: &FeatureCollection<P>, id: impl Fn(&P) -> String) -> Vec<Feature> {
    fc.features
        .iter()
        .map(|f| Feature::from_view(id(&f.properties), f))
        .collect()
}

/// The collection's features with their stable ids, in the order of the data; `None` for an unknown collection.
pub fn features(model: &Model, collection: &str) -> Result<Option<Vec<Feature>>, ModelError> {
    Ok(Some(match collection {
        "islands" => of(&views::islands(model), |p| p.id.clone()),
        "straits" => of(&views::straits(model), |p| p.id.clone()),
        "places" => of(&views::places(model), |p| p.id.clone()),
        "lines" => {
            let mut out = vec![];
            for s in &model.scenarios {
                out.extend(of(&views::line(model, &s.id)?, |p| p.summary.id.clone()));
            }
            out
        }
        "claim-areas" => {
            let mut out = vec![];
            for s in &model.scenarios {
                out.extend(of(&views::claim_areas(model, &s.id)?, |p| {
                    format!("{}:{}", p.scenario, p.side.as_str())
                }));
            }
            out
        }
        "maritime-zones" => of(&views::maritime_zones(model)?, |p| p.id.clone()),
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collection_feature_is_its_view_published_and_flattened() {
        let model = Model::embedded().expect("embedded data loads");
        let view = views::islands(&model);
        let islands = features(&model, "islands").expect("builds").expect("a collection");
        assert_eq!(islands.len(), view.features.len());
        let (f, v) = islands
            .iter()
            .zip(&view.features)
            .find(|(f, _)| f.id == "iturup")
            .expect("Iturup is an island");
        assert_eq!(f.geometry, v.published_geometry());
        assert_ne!(
            f.geometry, v.geometry,
            "published at 1e-6°, not at the model's precision"
        );
        assert_eq!(f.text("name_en").as_deref(), Some(v.properties.names.en.as_str()));
        assert!(
            !f.properties.contains_key("id"),
            "the id is the feature's, not a column"
        );
        let zones = features(&model, "maritime-zones")
            .expect("builds")
            .expect("a collection");
        assert!(
            zones.iter().all(|z| z.id.split(':').count() == 3),
            "<scenario>:<side>:<zone>"
        );
        assert!(features(&model, "nope").expect("no error").is_none());
    }
}
