//! Every polygon the model publishes is valid as OGC Simple Features define it (geo's `Validation`, which follows
//! the same rules as GEOS: closed rings of four or more positions, no self-intersection, holes inside their shell
//! and not crossing each other). Each polygon is checked on its own here (geo's check of a whole MultiPolygon for
//! overlapping parts takes minutes on the mainland's); the end-to-end suite checks the served documents, tiles and
//! downloads whole, with GEOS itself (`tests/e2e/validity.test.mjs`).

mod common;

use common::MODEL;
use geo::{MultiPolygon, Validation};

fn problems(what: &str, m: &MultiPolygon, out: &mut Vec<String>) {
    for (i, p) in m.0.iter().enumerate() {
        for e in p.validation_errors().into_iter().take(3) {
            out.push(format!("{what}: polygon {i}: {e}"));
        }
    }
}

#[test]
fn island_polygons_are_valid() {
    let mut bad = Vec::new();
    for island in &MODEL.islands {
        problems(&island.id, &island.multipolygon(), &mut bad);
    }
    assert!(bad.is_empty(), "{} invalid:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn claim_areas_and_sea_zones_are_valid_in_every_scenario() {
    let mut bad = Vec::new();
    for s in &MODEL.scenarios {
        let line = MODEL.line(&s.id).expect("line");
        problems(&format!("{} claim area japan", s.id), &line.areas.japan, &mut bad);
        problems(&format!("{} claim area russia", s.id), &line.areas.russia, &mut bad);
        for z in &MODEL.zones(&s.id).expect("zones").zones {
            problems(
                &format!("{} zone {:?} {:?}", s.id, z.side, z.kind),
                &z.geometry,
                &mut bad,
            );
        }
    }
    assert!(bad.is_empty(), "{} invalid:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn strait_water_is_valid() {
    let mut bad = Vec::new();
    for s in &MODEL.straits {
        problems(&s.id, &s.water, &mut bad);
    }
    assert!(bad.is_empty(), "{} invalid:\n{}", bad.len(), bad.join("\n"));
}
