//! The historical lines (1855, 1875, 1905) separate what their treaties assigned, are equidistant where they run
//! at sea, and their areas are valid and tile their own windows.

mod common;

use common::MODEL;
use geo::{Area, BooleanOps, Contains, Coord, Intersects, Validation, coord};
use kuril_model::{ScenarioKind, Side};

const HISTORICAL: [&str; 3] = ["shimoda-1855", "saint-petersburg-1875", "portsmouth-1905"];

/// An inland point of Kamchatka about 15 km north of Cape Lopatka.
const KAMCHATKA_INLAND: Coord = coord! { x: 156.82, y: 51.0 };

fn label(id: &str) -> Coord {
    MODEL.island(id).expect("island").label.0
}

/// Which side a point is on, three independent ways that must agree: the claim area that contains it, the
/// nearer of the two sides' shorelines, and (for a pair) the parity of the line's crossings between them.
fn side_by_area(scenario: &str, p: Coord) -> Option<Side> {
    let areas = &MODEL.line(scenario).expect("scenario").areas;
    match (areas.japan.contains(&p), areas.russia.contains(&p)) {
        (true, false) => Some(Side::Japan),
        (false, true) => Some(Side::Russia),
        _ => None,
    }
}

fn assert_sides(scenario: &str, japanese: Coord, russian: Coord) {
    let line = MODEL.line(scenario).expect("scenario");
    assert_eq!(
        side_by_area(scenario, japanese),
        Some(Side::Japan),
        "{scenario}: {japanese:?}"
    );
    assert_eq!(
        side_by_area(scenario, russian),
        Some(Side::Russia),
        "{scenario}: {russian:?}"
    );
    assert_eq!(
        line.nearer_side(japanese),
        Some(Side::Japan),
        "{scenario}: {japanese:?} by distance"
    );
    assert_eq!(
        line.nearer_side(russian),
        Some(Side::Russia),
        "{scenario}: {russian:?} by distance"
    );
    let crossings = line.crossings(japanese, russian);
    assert!(
        crossings % 2 == 1,
        "{scenario}: {japanese:?}–{russian:?} crosses the line {crossings} times"
    );
}

#[test]
fn historical_scenarios_are_data_with_a_kind_and_a_year() {
    let years: Vec<(String, Option<i32>)> = HISTORICAL
        .iter()
        .map(|id| {
            let s = MODEL.scenario(id).expect("present");
            assert_eq!(s.kind, ScenarioKind::Historical, "{id}");
            (s.id.clone(), s.year)
        })
        .collect();
    assert_eq!(years[0].1, Some(1855));
    assert_eq!(years[1].1, Some(1875));
    assert_eq!(years[2].1, Some(1905));
    for id in ["soviet", "japanese", "two-island-1956"] {
        assert_eq!(
            MODEL.scenario(id).expect("present").kind,
            ScenarioKind::Position,
            "{id}"
        );
    }
    assert_eq!(
        MODEL.scenario("equal-area-split").expect("present").kind,
        ScenarioKind::Computed
    );
    // Each historical line has its own window(s); the main ones keep the analysis window.
    for id in HISTORICAL {
        assert_ne!(
            MODEL.windows(id).expect("scenario"),
            vec![MODEL.analysis_window],
            "{id}"
        );
    }
    assert_eq!(MODEL.windows("soviet").expect("scenario"), vec![MODEL.analysis_window]);
}

#[test]
fn shimoda_1855_puts_iturup_on_the_japanese_side_and_urup_on_the_russian() {
    let id = "shimoda-1855";
    let s = MODEL.scenario(id).expect("scenario");
    assert_eq!(s.holder("iturup"), Some(Side::Japan));
    assert_eq!(s.holder("urup"), Some(Side::Russia));
    // Iturup's interior (near Kurilsk) and Urup's label point.
    let kurilsk = MODEL.place("kurilsk").expect("place").location.0;
    assert_sides(id, kurilsk, label("urup"));
    assert_sides(id, label("iturup"), label("urup"));
    // The line runs through the Vries Strait: it crosses the strait's narrowest crossing once.
    let [a, b] = MODEL.strait("vries").expect("strait").width.ends;
    assert_eq!(MODEL.line(id).expect("scenario").crossings(a, b) % 2, 1);
}

#[test]
fn sakhalin_is_nobodys_in_1855_and_takes_no_part_in_the_line() {
    let id = "shimoda-1855";
    let s = MODEL.scenario(id).expect("scenario");
    assert_eq!(s.holder("sakhalin"), None);
    assert!(s.unassigned.iter().any(|u| u == "sakhalin"));
    assert!(s.split.is_none());
    // Neither side's shoreline includes Sakhalin: from a point on Sakhalin's coast both sides are far away.
    let sakhalin = MODEL.island("sakhalin").expect("island");
    let on_coast = sakhalin.shoreline.as_ref().expect("shoreline").exterior().0[0];
    let line = MODEL.line(id).expect("scenario");
    for (side, index) in [(Side::Japan, &line.japan), (Side::Russia, &line.russia)] {
        let d = index.nearest(on_coast).expect("coast").distance_m;
        assert!(d > 5_000.0, "{side:?}'s coast is {d:.0} m from Sakhalin's");
    }
}

#[test]
fn saint_petersburg_1875_puts_shumshu_on_the_japanese_side_and_kamchatka_on_the_russian() {
    let id = "saint-petersburg-1875";
    let kamchatka = MODEL.island("kamchatka").expect("island");
    assert!(
        kamchatka.polygons().any(|p| p.contains(&KAMCHATKA_INLAND)),
        "the test point is on land"
    );
    assert_sides(id, label("shumshu"), KAMCHATKA_INLAND);
    assert_sides(id, label("paramushir"), KAMCHATKA_INLAND);
    let lopatka = MODEL.place("cape-lopatka").expect("place").location.0;
    assert_eq!(side_by_area(id, lopatka), Some(Side::Russia));
    let s = MODEL.scenario(id).expect("scenario");
    for island in ["sakhalin", "kamchatka"] {
        assert_eq!(s.holder(island), Some(Side::Russia), "{island}");
    }
    for island in ["shumshu", "urup", "iturup", "kunashir"] {
        assert_eq!(s.holder(island), Some(Side::Japan), "{island}");
    }
}

#[test]
fn portsmouth_1905_divides_sakhalin_on_the_50th_parallel() {
    let id = "portsmouth-1905";
    let sakhalin = MODEL.island("sakhalin").expect("island");
    // Points 0.01° (about 1.1 km) either side of the parallel, across the island.
    for lon in [142.3, 142.8, 143.3, 143.8] {
        let south = coord! { x: lon, y: 49.99 };
        let north = coord! { x: lon, y: 50.01 };
        assert!(
            sakhalin.polygons().any(|p| p.contains(&south) && p.contains(&north)),
            "{lon}: on land"
        );
        assert_eq!(side_by_area(id, south), Some(Side::Japan), "{south:?}");
        assert_eq!(side_by_area(id, north), Some(Side::Russia), "{north:?}");
        let line = MODEL.line(id).expect("scenario");
        assert_eq!(line.crossings(south, north), 1, "{lon}");
    }
    // The land boundary lies on the parallel itself.
    let split = MODEL.split(id).expect("scenario").expect("a split");
    let on_cut: Vec<Coord> = split.cut.0.iter().flat_map(|l| l.0.iter().copied()).collect();
    assert!(on_cut.len() >= 2);
    for c in on_cut {
        // 1e-7° is about a centimetre: the polygon clipping's rounding.
        assert!((c.y - 50.0).abs() < 1e-7, "{c:?}");
    }
    // Land on each side: the parts cover Sakhalin (with its islets) without overlapping.
    // Sakhalin's land (inside its shorelines, lakes included, as the split counts it) as one area.
    let all = geo::MultiPolygon::new(sakhalin.land().cloned().collect());
    let earth = geo::Rect::new(coord! { x: 100.0, y: 0.0 }, coord! { x: 180.0, y: 80.0 }).to_polygon();
    let whole =
        geo::GeodesicArea::geodesic_area_unsigned(&all.intersection(&geo::MultiPolygon::new(vec![earth]))) / 1e6;
    assert!(
        ((split.japan_km2 + split.russia_km2) - whole).abs() / whole < 1e-6,
        "{} + {} vs {whole}",
        split.japan_km2,
        split.russia_km2
    );
    assert!(split.japan_km2 > 30_000.0 && split.russia_km2 > 30_000.0, "{split:?}");
    // The Kurils stay as in 1875.
    assert_sides(id, label("shumshu"), KAMCHATKA_INLAND);
}

#[test]
fn historical_lines_are_equidistant_at_sea_within_half_a_percent_or_50_m() {
    for id in HISTORICAL {
        let line = MODEL.line(id).expect("scenario");
        let split = MODEL.split(id).expect("scenario");
        let cut_ends: Vec<Coord> = split
            .iter()
            .flat_map(|s| s.cut.0.iter().flat_map(|l| [l.0[0], l.0[l.0.len() - 1]]))
            .collect();
        let mut at_sea = 0;
        for s in line.equidistance(250.0) {
            let on_land = MODEL
                .islands
                .iter()
                .flat_map(|i| i.polygons())
                .any(|p| p.intersects(&s.point));
            if on_land || cut_ends.iter().any(|&e| kuril_model::distance_m(e, s.point) < 500.0) {
                continue; // the parallel on land; where it meets the sea the two coasts are a few hundred metres apart
            }
            at_sea += 1;
            // The nearest coast is a real one, never the edge along which the shoreline data closes a landmass
            // cut by its region (139–157°E, 41–55°N; e.g. Kamchatka along 157°E).
            for n in [s.to_japan, s.to_russia] {
                let c = n.point;
                let on_edge = c.x > 156.9999 || c.x < 139.0001 || c.y > 54.9999 || c.y < 41.0001;
                assert!(
                    !on_edge,
                    "{id}: at {:?} the nearest coast is the data's edge at {c:?}",
                    s.point
                );
            }
            let mean = (s.to_japan.distance_m + s.to_russia.distance_m) / 2.0;
            assert!(
                s.error_m() <= (0.005 * mean).max(50.0),
                "{id}: at {:?} Japan's coast is {:.0} m away, Russia's {:.0} m",
                s.point,
                s.to_japan.distance_m,
                s.to_russia.distance_m
            );
        }
        assert!(at_sea > 300, "{id}: {at_sea} samples at sea");
    }
}

#[test]
fn historical_areas_are_valid_and_tile_their_windows() {
    for id in HISTORICAL {
        let line = MODEL.line(id).expect("scenario");
        let windows = MODEL.windows(id).expect("scenario");
        assert_eq!(line.window_areas.len(), windows.len(), "{id}");
        for (w, areas) in windows.iter().zip(&line.window_areas) {
            assert!(areas.japan.is_valid(), "{id}: {:?}", areas.japan.validation_errors());
            assert!(areas.russia.is_valid(), "{id}: {:?}", areas.russia.validation_errors());
            let (j, r, total) = (
                areas.japan.unsigned_area(),
                areas.russia.unsigned_area(),
                w.to_polygon().unsigned_area(),
            );
            assert!(j > 0.0 && r > 0.0, "{id}: {j} {r}");
            assert!(((j + r) - total).abs() / total < 1e-6, "{id}: {j} + {r} != {total}");
            assert!(
                areas.japan.intersection(&areas.russia).unsigned_area() / total < 1e-9,
                "{id}: overlap"
            );
        }
        for c in line.geometry.0.iter().flat_map(|l| l.coords()) {
            let inside = windows.iter().any(|w| {
                c.x >= w.min().x - 1e-6 && c.x <= w.max().x + 1e-6 && c.y >= w.min().y - 1e-6 && c.y <= w.max().y + 1e-6
            });
            assert!(inside, "{id}: {c:?} outside its windows");
        }
        assert!(line.length_km() > 50.0, "{id}: {} km", line.length_km());
    }
}

#[test]
fn historical_zones_are_computed_in_their_windows() {
    use kuril_model::ZoneKind;
    for id in HISTORICAL {
        let z = MODEL.zones(id).expect("scenario");
        // One zone per side and kind, even where the scenario has two windows.
        assert_eq!(z.zones.len(), 6, "{id}");
        let sea = z.sea(Side::Japan) + z.sea(Side::Russia);
        assert!(
            (sea - z.window_sea_km2).abs() / z.window_sea_km2 < 0.01,
            "{id}: {sea} vs {}",
            z.window_sea_km2
        );
        for side in Side::BOTH {
            assert!(z.area(side, ZoneKind::TerritorialSea) > 0.0, "{id} {side:?}");
        }
    }
}
