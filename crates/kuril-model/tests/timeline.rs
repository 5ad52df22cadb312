//! The history timeline and the straits explainer: one step per event of the project's date table, each with
//! sources and a map state that refers to existing lines, and the four straits with computed widths and depths
//! that are sourced or explicitly missing.

mod common;

use common::MODEL;
use kuril_model::{AreasMeaning, ScenarioKind, distance_m};

/// The dates of the project's fact sheet (`../shared/FACTS.md`, "Dates and what each changed"), in order.
const FACT_SHEET_DATES: [&str; 14] = [
    "1855-02-07",
    "1875-05-07",
    "1905-09-05",
    "1945-02-11",
    "1945-08-28",
    "1946-02-02",
    "1951-09-08",
    "1956-10-19",
    "1960-01-27",
    "1993-10-13",
    "2001-03-25",
    "2006-12-13",
    "2018-11-14",
    "2022-03-21",
];

#[test]
fn one_step_per_dated_event_in_order() {
    let dates: Vec<&str> = MODEL.timeline.iter().map(|s| s.date.as_str()).collect();
    assert_eq!(dates, FACT_SHEET_DATES);
    let ids: Vec<&str> = MODEL.timeline.iter().map(|s| s.id.as_str()).collect();
    for (id, date) in ids.iter().zip(FACT_SHEET_DATES) {
        assert!(id.starts_with(&date[..4]), "{id} for {date}");
    }
    // Ranges of the table: the occupation ends on 5 September 1945, the decrees span 1946–1947.
    let step = |id: &str| MODEL.timeline.iter().find(|s| s.id == id).expect("step");
    assert_eq!(step("1945-soviet-occupation").date_end.as_deref(), Some("1945-09-05"));
    assert_eq!(step("1946-soviet-decrees").date_end.as_deref(), Some("1947-01-02"));
}

#[test]
fn every_step_is_sourced_and_its_map_refers_to_known_lines() {
    for step in &MODEL.timeline {
        assert!(!step.sources.is_empty(), "{}", step.id);
        for s in &step.sources {
            assert!(MODEL.source(s).is_some(), "{}: {s}", step.id);
        }
        for l in step.map.lines.iter().chain(step.map.areas.iter()) {
            MODEL.scenario(l).unwrap_or_else(|e| panic!("{}: {e}", step.id));
        }
        assert!(
            step.text.len() > 60 && step.text.len() < 800,
            "{}: {} bytes",
            step.id,
            step.text.len()
        );
    }
}

#[test]
fn treaty_steps_show_treaty_lines_and_later_steps_the_de_facto_administration() {
    let occupied = "1945-08-28";
    for step in &MODEL.timeline {
        let m = &step.map;
        if step.date.as_str() < occupied {
            // Before the occupation: a treaty's line and what that treaty assigned.
            assert_eq!(m.areas_meaning, Some(AreasMeaning::Treaty), "{}", step.id);
            let areas = MODEL.scenario(m.areas.as_deref().expect("areas")).expect("scenario");
            assert_eq!(areas.kind, ScenarioKind::Historical, "{}", step.id);
            for l in &m.lines {
                assert_eq!(
                    MODEL.scenario(l).expect("line").kind,
                    ScenarioKind::Historical,
                    "{}",
                    step.id
                );
            }
            assert!(!m.lines.is_empty(), "{}", step.id);
        } else {
            assert_eq!(m.areas.as_deref(), Some("soviet"), "{}", step.id);
            assert_eq!(m.areas_meaning, Some(AreasMeaning::Administered), "{}", step.id);
            assert!(m.lines.iter().any(|l| l == "soviet"), "{}", step.id);
        }
    }
    let lines = |id: &str| &MODEL.timeline.iter().find(|s| s.id == id).expect("step").map.lines;
    assert!(lines("1855-shimoda").iter().any(|l| l == "shimoda-1855"));
    assert!(
        lines("1875-saint-petersburg")
            .iter()
            .any(|l| l == "saint-petersburg-1875")
    );
    assert!(lines("1905-portsmouth").iter().any(|l| l == "portsmouth-1905"));
    assert!(lines("1956-joint-declaration").iter().any(|l| l == "two-island-1956"));
    assert!(lines("2006-aso-remark").iter().any(|l| l == "equal-area-split"));
}

#[test]
fn each_treaty_step_looks_at_its_line() {
    // The camera centre is within 400 km of some point of the line it shows.
    for step in MODEL
        .timeline
        .iter()
        .filter(|s| s.map.areas_meaning == Some(AreasMeaning::Treaty))
    {
        let c = geo::coord! { x: step.map.camera.lng, y: step.map.camera.lat };
        for l in &step.map.lines {
            let line = MODEL.line(l).expect("line");
            let nearest = line
                .samples(5_000.0)
                .into_iter()
                .map(|p| distance_m(p, c))
                .fold(f64::MAX, f64::min);
            assert!(nearest < 400_000.0, "{}: {l} is {:.0} km away", step.id, nearest / 1e3);
        }
    }
}

#[test]
fn the_straits_tour_has_four_stops_with_widths_and_sourced_or_missing_depths() {
    let ids: Vec<&str> = MODEL.straits_tour.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["catherine", "vries", "nemuro", "goyomai"]);
    for stop in &MODEL.straits_tour {
        let strait = MODEL.strait(&stop.id).expect("strait");
        assert!(strait.width.distance_m > 1_000.0, "{}", stop.id);
        match stop.depth.max_m {
            Some(m) => {
                assert!(m > 0.0 && !stop.depth.sources.is_empty(), "{}", stop.id);
                for s in &stop.depth.sources {
                    assert!(MODEL.source(s).is_some(), "{}: {s}", stop.id);
                }
            }
            None => assert!(
                stop.depth.text.contains("no source"),
                "{}: say that none was found",
                stop.id
            ),
        }
        // The camera looks at the strait: its narrowest crossing lies within 60 km of the centre.
        let c = geo::coord! { x: stop.camera.lng, y: stop.camera.lat };
        let mid = (strait.width.ends[0] + strait.width.ends[1]) / 2.0;
        assert!(distance_m(c, mid) < 60_000.0, "{}", stop.id);
    }
    // The seed article's claim is attributed, never stated as fact, for both straits it names.
    for id in ["catherine", "vries"] {
        let stop = MODEL.straits_tour.iter().find(|s| s.id == id).expect("stop");
        let claim = stop
            .claims
            .iter()
            .find(|c| c.text.contains("ice-free"))
            .expect("the ice-free claim");
        assert_eq!(claim.sources, ["seed-article"]);
        // Attributed to the outlet by name (not "a news article"), as its source entry names it, with the year.
        let source = &MODEL.sources["seed-article"];
        let outlet = source
            .publisher
            .as_deref()
            .and_then(|p| p.split(',').next())
            .expect("the outlet");
        assert!(
            claim.attributed_to.starts_with(outlet),
            "{id}: {} names {outlet}",
            claim.attributed_to
        );
        assert!(
            claim
                .attributed_to
                .split(|c: char| !c.is_ascii_digit())
                .any(|w| w.len() == 4 && source.title.contains(w)),
            "{id}: the year of the article, as its source gives it"
        );
        assert!(
            !stop.text.contains("ice-free"),
            "{id}: the claim belongs in `claims`, attributed"
        );
    }
}
