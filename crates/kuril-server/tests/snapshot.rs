//! The model's derived geometry embedded in the binary (computed by build.rs) is exactly what the model computes
//! from `geodata/` here and now, and a snapshot of other data is refused.

use kuril_model::Model;
use kuril_server::state::{MODEL_SNAPSHOT, embedded_model};

#[test]
fn the_embedded_snapshot_is_what_the_data_gives() {
    let computed = Model::embedded().expect("embedded data loads");
    // Compute every scenario (the scenarios in parallel, each as on first use).
    std::thread::scope(|s| {
        for scenario in &computed.scenarios {
            let computed = &computed;
            s.spawn(move || computed.zones(&scenario.id).expect("known scenario"));
        }
    });
    let embedded = embedded_model().expect("the snapshot is of this data");
    assert_eq!(computed.scenarios.len(), 7);
    for scenario in &computed.scenarios {
        let id = scenario.id.as_str();
        assert_eq!(
            computed.split(id).expect("known"),
            embedded.split(id).expect("known"),
            "{id}: divided island"
        );
        let (a, b) = (computed.line(id).expect("known"), embedded.line(id).expect("known"));
        assert!(!a.geometry.0.is_empty(), "{id}: a line");
        assert_eq!(a.geometry, b.geometry, "{id}: line");
        assert_eq!(a.areas, b.areas, "{id}: claim areas");
        assert_eq!(a.window_areas, b.window_areas, "{id}: claim areas by window");
        // The coast indexes are rebuilt from the shorelines: the same nearest shore points along the line.
        assert!(!a.japan.is_empty() && !a.russia.is_empty(), "{id}: coasts");
        let (ea, eb) = (a.equidistance(20_000.0), b.equidistance(20_000.0));
        assert_eq!(ea.len(), eb.len(), "{id}: samples");
        for (x, y) in ea.iter().zip(&eb) {
            assert_eq!(
                (x.to_japan, x.to_russia),
                (y.to_japan, y.to_russia),
                "{id}: nearest coasts at {:?}",
                x.point
            );
        }
        assert_eq!(
            computed.zones(id).expect("known"),
            embedded.zones(id).expect("known"),
            "{id}: zones"
        );
    }
}

#[test]
fn a_snapshot_of_other_data_is_refused() {
    // The snapshot opens with its format (one byte) and the hash of the data it was computed from: change the hash.
    let mut other = MODEL_SNAPSHOT.to_vec();
    other[1] ^= 1;
    let model = Model::embedded().expect("embedded data loads");
    let err = model.with_snapshot(&other).expect_err("other data");
    assert!(
        err.to_string()
            .starts_with("model snapshot: computed from other geodata"),
        "{err}"
    );
    let model = Model::embedded().expect("embedded data loads");
    let err = model
        .with_snapshot(&MODEL_SNAPSHOT[..MODEL_SNAPSHOT.len() / 2])
        .expect_err("truncated");
    assert!(err.to_string().starts_with("model snapshot: cannot decode"), "{err}");
}
