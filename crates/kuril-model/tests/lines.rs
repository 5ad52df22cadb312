//! Each scenario's line is equidistant from the two sides' shorelines (geodesic distances) and separates the
//! islands as the scenario says.

mod common;

use common::MODEL;
use geo::{Contains, Coord, coord};
use kuril_model::Side;

const SCENARIOS: [&str; 3] = ["soviet", "japanese", "two-island-1956"];

/// Nemuro, on Hokkaido: Japanese under every scenario, and inside the analysis window.
const JAPAN_REFERENCE: Coord = coord! { x: 145.585, y: 43.33 };

#[test]
fn lines_are_equidistant_within_half_a_percent_or_50_m() {
    for id in SCENARIOS {
        let line = MODEL.line(id).expect("scenario");
        assert!(line.length_km() > 100.0, "{id}: {} km", line.length_km());
        let samples = line.equidistance(250.0);
        assert!(samples.len() > 400, "{id}: {} samples", samples.len());
        for s in &samples {
            let mean = (s.to_japan.distance_m + s.to_russia.distance_m) / 2.0;
            let tolerance = (0.005 * mean).max(50.0);
            assert!(
                s.error_m() <= tolerance,
                "{id}: at {:?} Japan's coast is {:.0} m away, Russia's {:.0} m",
                s.point,
                s.to_japan.distance_m,
                s.to_russia.distance_m
            );
        }
    }
}

#[test]
fn lines_stay_inside_the_analysis_window_and_at_sea() {
    for id in SCENARIOS {
        let line = MODEL.line(id).expect("scenario");
        for c in line.geometry.0.iter().flat_map(|l| l.coords()) {
            let w = MODEL.analysis_window;
            assert!(
                c.x >= w.min().x - 1e-6
                    && c.x <= w.max().x + 1e-6
                    && c.y >= w.min().y - 1e-6
                    && c.y <= w.max().y + 1e-6,
                "{id}: {c:?} outside the window"
            );
            for island in &MODEL.islands {
                for p in island.polygons() {
                    assert!(!p.contains(c), "{id}: line vertex {c:?} lies on {}", island.id);
                }
            }
        }
    }
}

/// The side of a point, found by counting how often the straight path from Nemuro (Japan) crosses the line:
/// independent of how the line was computed.
fn side_by_crossings(scenario: &str, p: Coord) -> Side {
    let line = MODEL.line(scenario).expect("scenario");
    if line.crossings(JAPAN_REFERENCE, p).is_multiple_of(2) {
        Side::Japan
    } else {
        Side::Russia
    }
}

#[test]
fn lines_separate_the_islands_as_each_scenario_says() {
    let checked = [
        "iturup",
        "kunashir",
        "shikotan",
        "shibotsu-zelyony",
        "suisho-tanfilyeva",
        "taraku-polonsky",
        "urup",
    ];
    for id in SCENARIOS {
        let scenario = MODEL.scenario(id).expect("scenario");
        let line = MODEL.line(id).expect("scenario");
        for island_id in checked {
            let island = MODEL.island(island_id).expect("island");
            let holder = scenario.holder(island_id).expect("held");
            assert_eq!(
                side_by_crossings(id, island.label.0),
                holder,
                "{id}: {island_id} (by crossings)"
            );
            assert_eq!(
                line.nearer_side(island.label.0),
                Some(holder),
                "{id}: {island_id} (by distance)"
            );
        }
    }
}

#[test]
fn the_issue_examples_hold() {
    let side =
        |scenario: &str, island: &str| side_by_crossings(scenario, MODEL.island(island).expect("island").label.0);
    assert_eq!(side("two-island-1956", "shikotan"), Side::Japan);
    assert_eq!(side("two-island-1956", "kunashir"), Side::Russia);
    for island in ["iturup", "kunashir", "shikotan", "shibotsu-zelyony"] {
        assert_eq!(side("soviet", island), Side::Russia, "{island}");
    }
    assert_eq!(side("japanese", "urup"), Side::Russia);
    assert_eq!(side("japanese", "iturup"), Side::Japan);
}

#[test]
fn the_japanese_line_runs_through_the_vries_strait() {
    // Japan's line is the 1855 Shimoda line between Iturup and Urup: it must cross the Vries Strait's narrowest
    // crossing, and no other scenario's line does.
    let vries = MODEL.strait("vries").expect("strait");
    let [a, b] = vries.width.ends;
    for id in SCENARIOS {
        let crosses = MODEL.line(id).expect("scenario").crossings(a, b);
        assert_eq!(
            crosses % 2 == 1,
            id == "japanese",
            "{id} crosses the Vries Strait {crosses} times"
        );
    }
}

#[test]
fn claim_areas_tile_the_window_and_hold_each_sides_islands() {
    use geo::{Area, BooleanOps, Validation};
    let window = MODEL.analysis_window.to_polygon().unsigned_area();
    for id in SCENARIOS {
        let scenario = MODEL.scenario(id).expect("scenario");
        let areas = &MODEL.line(id).expect("scenario").areas;
        assert!(areas.japan.is_valid() && areas.russia.is_valid(), "{id}");
        let (j, r) = (areas.japan.unsigned_area(), areas.russia.unsigned_area());
        assert!(j > 0.0 && r > 0.0, "{id}");
        assert!(((j + r) - window).abs() / window < 1e-9, "{id}: {j} + {r} != {window}");
        assert!(
            areas.japan.intersection(&areas.russia).unsigned_area() < 1e-9,
            "{id}: the areas overlap"
        );
        for island in MODEL
            .islands
            .iter()
            .filter(|i| MODEL.analysis_window.contains(&i.label))
        {
            let holder = scenario.holder(&island.id).expect("held");
            assert!(
                areas.of(holder).contains(&island.label),
                "{id}: {} not in {holder:?}'s area",
                island.id
            );
        }
    }
}

/// No part of a line is a leftover of clipping: each has length (the equal-area line once had a two-point part of
/// zero length where it touched Iturup's shore by the cut).
#[test]
fn every_part_of_every_line_has_length() {
    for id in SCENARIOS.into_iter().chain(["equal-area-split"]) {
        let line = MODEL.line(id).expect("scenario");
        for (n, part) in line.geometry.0.iter().enumerate() {
            let length = kuril_model::length_m(part);
            assert!(length >= 1.0, "{id}: part {n} is {length} m long: {:?}", part.0);
        }
    }
}

#[test]
fn the_equal_area_line_is_equidistant_at_sea_and_cuts_iturup() {
    let id = "equal-area-split";
    let line = MODEL.line(id).expect("scenario");
    let iturup = MODEL.island("iturup").expect("island");
    let mut at_sea = 0;
    for s in line.equidistance(250.0) {
        // On Iturup the boundary is the straight cut, not an equidistance line.
        if iturup.polygons().any(|p| p.contains(&s.point))
            || iturup.polygons().any(|p| geo::Intersects::intersects(p, &s.point))
        {
            continue;
        }
        let near_cut_end = MODEL
            .split(id)
            .expect("ok")
            .expect("split")
            .cut
            .0
            .iter()
            .flat_map(|l| [l.0[0], l.0[l.0.len() - 1]])
            .any(|e| kuril_model::distance_m(e, s.point) < 500.0);
        if near_cut_end {
            continue; // where the cut meets the sea the two coasts are a few hundred metres apart at most
        }
        at_sea += 1;
        let mean = (s.to_japan.distance_m + s.to_russia.distance_m) / 2.0;
        assert!(
            s.error_m() <= (0.005 * mean).max(50.0),
            "{id}: at {:?} {:.0} vs {:.0}",
            s.point,
            s.to_japan.distance_m,
            s.to_russia.distance_m
        );
    }
    assert!(at_sea > 400);
    let side = |c: Coord| side_by_crossings(id, c);
    assert_eq!(side(MODEL.island("kunashir").expect("island").label.0), Side::Japan);
    assert_eq!(side(MODEL.island("urup").expect("island").label.0), Side::Russia);
    assert_eq!(side(MODEL.place("kurilsk").expect("place").location.0), Side::Russia);
    assert_eq!(
        side(coord! { x: 146.95, y: 44.55 }),
        Side::Japan,
        "Iturup's south-western end"
    );
}
