//! The committed geodata matches what the model expects: ids, names in three languages, sources, and
//! geometries that are valid and wound as RFC 7946 asks.

mod common;

use common::MODEL;
use geo::{Validation, Winding};
use kuril_model::world_land;

const FOUR: [&str; 3] = ["iturup", "kunashir", "shikotan"];
const HABOMAI: [&str; 8] = [
    "suisho-tanfilyeva",
    "yuri",
    "akiyuri-anuchina",
    "shibotsu-zelyony",
    "taraku-polonsky",
    "kaigara-signalny",
    "todo-oskolki",
    "harukari-dyomina",
];
const STRAITS: [&str; 7] = [
    "catherine",
    "vries",
    "nemuro",
    "izmeny",
    "south-kuril",
    "goyomai",
    "shikotan",
];

#[test]
fn every_expected_feature_is_present() {
    for id in FOUR
        .iter()
        .chain(&HABOMAI)
        .chain(&["urup", "shumshu", "paramushir", "simushir", "hokkaido"])
    {
        MODEL.island(id).unwrap_or_else(|e| panic!("{e}"));
    }
    for id in HABOMAI {
        assert_eq!(MODEL.island(id).expect("present").group, "habomai", "{id}");
    }
    for id in STRAITS {
        MODEL.strait(id).unwrap_or_else(|e| panic!("{e}"));
    }
    for id in ["soviet", "japanese", "two-island-1956"] {
        MODEL.scenario(id).unwrap_or_else(|e| panic!("{e}"));
    }
    for id in [
        "kudryavy",
        "yuzhno-kurilsk",
        "kurilsk",
        "malokurilskoye",
        "cape-nosappu",
    ] {
        MODEL.place(id).unwrap_or_else(|e| panic!("{e}"));
    }
    // The disputed flag marks exactly the four islands and the Habomai islets.
    let disputed: Vec<&str> = MODEL
        .islands
        .iter()
        .filter(|i| i.disputed)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(disputed.len(), FOUR.len() + HABOMAI.len(), "{disputed:?}");
}

#[test]
fn islands_and_places_are_named_in_three_languages() {
    let named = |n: &kuril_model::Names| {
        !n.en.trim().is_empty()
            && n.ja.as_deref().is_some_and(|s| !s.trim().is_empty())
            && n.ru
                .as_deref()
                .is_some_and(|s| s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)))
    };
    for i in &MODEL.islands {
        assert!(named(&i.names), "{}: {:?}", i.id, i.names);
    }
    for p in &MODEL.places {
        assert!(named(&p.names), "{}: {:?}", p.id, p.names);
    }
    for s in &MODEL.straits {
        // A strait may lack a standard name in one language (South Kuril in Japanese); then a note must say so.
        assert!(!s.names.en.is_empty() && s.names.ru.is_some(), "{}", s.id);
        if s.names.ja.is_none() {
            assert!(!s.sources.is_empty(), "{}", s.id);
        }
    }
    // The disputed islands carry both sides' names in the English form, e.g. "Iturup / Etorofu".
    for id in ["iturup", "kunashir"] {
        assert!(MODEL.island(id).expect("present").names.en.contains(" / "), "{id}");
    }
}

#[test]
fn every_source_is_described() {
    assert!(!MODEL.sources.is_empty());
    for (key, s) in &MODEL.sources {
        assert!(!s.title.trim().is_empty(), "{key}");
        assert!(
            s.url.is_some() || s.publisher.is_some(),
            "{key} says neither where nor who"
        );
    }
    // Every official area figure is attributed and positive.
    for i in &MODEL.islands {
        for a in &i.official_areas {
            assert!(a.km2 > 0.0 && !a.by.is_empty() && !a.sources.is_empty(), "{}", i.id);
        }
    }
}

#[test]
fn every_scenario_gives_every_island_to_one_side() {
    for s in &MODEL.scenarios {
        for i in &MODEL.islands {
            let split = s.split.as_ref().is_some_and(|sp| sp.island == i.id);
            let unassigned = s.unassigned.contains(&i.id);
            // Held whole by exactly one side, divided by the scenario's split, or (a past treaty) held by neither.
            let ways = [s.holder(&i.id).is_some(), split, unassigned];
            assert_eq!(ways.iter().filter(|w| **w).count(), 1, "{}: {}", s.id, i.id);
            if unassigned {
                assert_eq!(s.kind, kuril_model::ScenarioKind::Historical, "{}: {}", s.id, i.id);
            }
        }
        assert!(
            !s.dates.is_empty() && !s.summary.is_empty() && !s.position_of.is_empty(),
            "{}",
            s.id
        );
    }
}

#[test]
fn shorelines_are_valid_and_counter_clockwise() {
    let mut rings = 0;
    for i in &MODEL.islands {
        for p in i.polygons() {
            assert!(p.is_valid(), "{}: {:?}", i.id, p.validation_errors());
            assert!(
                p.exterior().is_ccw(),
                "{}: exterior ring must be counter-clockwise",
                i.id
            );
            for c in p.exterior().coords() {
                assert!((-180.0..=180.0).contains(&c.x) && (-90.0..=90.0).contains(&c.y));
            }
            rings += 1;
        }
    }
    // Every shoreline ring of the data belongs to some island (named, or as an islet).
    assert!(rings > 300, "only {rings} rings");
}

/// Where the two shoreline sources meet (OpenStreetMap's Habomai islets, GSHHG's rocks between them and the
/// coasts around), no land is counted twice: no Habomai ring touches any other ring.
#[test]
fn the_habomai_rings_overlap_no_other_ring() {
    use geo::{BoundingRect, Intersects};
    let all: Vec<(&str, &geo::Polygon)> = MODEL
        .islands
        .iter()
        .flat_map(|i| i.polygons().map(move |p| (i.id.as_str(), p)))
        .collect();
    let habomai: Vec<(&str, &geo::Polygon)> = MODEL
        .group("habomai")
        .flat_map(|i| i.polygons().map(move |p| (i.id.as_str(), p)))
        .collect();
    assert!(habomai.len() >= 6, "{} Habomai rings", habomai.len());
    for (id, ring) in &habomai {
        let rect = ring.bounding_rect().expect("a ring has a box");
        for (other_id, other) in &all {
            if std::ptr::eq(*ring, *other) || !other.bounding_rect().is_some_and(|r| r.intersects(&rect)) {
                continue;
            }
            assert!(!ring.intersects(*other), "a ring of {id} touches a ring of {other_id}");
        }
    }
}

#[test]
fn world_land_is_valid_and_wound_as_rfc7946_asks() {
    let land = world_land().expect("loads");
    assert!(land.len() > 1000);
    for (n, p) in land.iter().enumerate() {
        assert!(p.is_valid(), "world land polygon {n}: {:?}", p.validation_errors());
        assert!(p.exterior().is_ccw(), "world land polygon {n}");
        for hole in p.interiors() {
            assert!(hole.is_cw(), "world land polygon {n} hole");
        }
    }
}

#[test]
fn strait_areas_and_water_are_valid() {
    for s in &MODEL.straits {
        assert!(
            s.search_area.is_valid(),
            "{}: {:?}",
            s.id,
            s.search_area.validation_errors()
        );
        assert!(s.water.is_valid(), "{}: {:?}", s.id, s.water.validation_errors());
        assert!(!s.water.0.is_empty(), "{}", s.id);
    }
}

#[test]
fn places_lie_on_their_island() {
    use geo::{Contains, Distance, Haversine};
    for p in &MODEL.places {
        let Some(id) = &p.island else { continue };
        let island = MODEL.island(id).expect("checked at load");
        if island.shoreline.is_none() {
            continue; // a rock too small for the shoreline data (e.g. Kaigara's lighthouse)
        }
        let on = island.polygons().any(|poly| poly.contains(&p.location))
            || island.polygons().any(|poly| {
                poly.exterior()
                    .points()
                    .any(|v| Haversine.distance(v, p.location) < 1000.0)
            });
        assert!(on, "{} is not on {}", p.id, id);
    }
}

#[test]
fn both_names_in_the_readers_script() {
    use kuril_model::i18n::Lang;
    let iturup = &MODEL.island("iturup").expect("iturup").names;
    assert_eq!(iturup.both(Lang::Ja), "択捉島（Итуруп）");
    assert_eq!(iturup.both(Lang::Ru), "Итуруп (Эторофу)");
    assert_eq!(iturup.both(Lang::En), iturup.en);
    // Where the Russian name is the Japanese one in Cyrillic there is one name.
    let nosappu = &MODEL
        .places
        .iter()
        .find(|p| p.id == "cape-nosappu")
        .expect("place")
        .names;
    assert_eq!(nosappu.both(Lang::Ru), "мыс Носаппу");
    assert_eq!(nosappu.both(Lang::Ja), "納沙布岬");
    // Every island, strait and place has both names in both scripts.
    let all = MODEL
        .islands
        .iter()
        .map(|i| &i.names)
        .chain(MODEL.straits.iter().map(|s| &s.names))
        .chain(MODEL.places.iter().map(|p| &p.names));
    for n in all {
        let (ja, ru) = (n.both(Lang::Ja), n.both(Lang::Ru));
        assert!(!ja.is_empty() && !ru.is_empty(), "{}", n.en);
        assert!(
            ru.chars()
                .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
            "{}: {ru}",
            n.en
        );
    }
}
