//! Every source can be found again and is dated; the treaties are cited to their texts, not only to an
//! encyclopedia; and the agreements the two governments read differently cite each government.
//!
//! `sources.json` is read here as it is written (the model keeps a `citation` but not the maintainers' `note`): a
//! source without an address must carry a `citation` (a full bibliographic reference: work, publisher, year,
//! volume or page).

mod common;

use common::{JAPAN, MODEL, RUSSIA, from};
use serde_json::{Map, Value};

const SOURCES: &str = include_str!("../../../geodata/sources.json");

/// The timeline's treaty steps: each must cite something other than Wikipedia or Wikisource.
const TREATY_STEPS: [&str; 5] = [
    "1855-shimoda",
    "1875-saint-petersburg",
    "1905-portsmouth",
    "1951-san-francisco",
    "1956-joint-declaration",
];

/// The agreements the two governments read differently: each step gives both readings, and cites both governments.
const BOTH_READINGS: [&str; 4] = [
    "1956-joint-declaration",
    "1993-tokyo-declaration",
    "2001-irkutsk",
    "2018-singapore",
];

/// Wikipedia or Wikisource, by address or by publisher.
fn wiki(url: Option<&str>, publisher: Option<&str>) -> bool {
    let by_host = url.is_some_and(|u| from(&["wikipedia.org", "wikisource.org"], u));
    let by_name = publisher.is_some_and(|p| {
        let p = p.to_lowercase();
        p.contains("wikipedia") || p.contains("wikisource")
    });
    by_host || by_name
}

fn raw_sources() -> Map<String, Value> {
    match serde_json::from_str(SOURCES).expect("sources.json parses") {
        Value::Object(m) => m,
        _ => panic!("sources.json is an object of sources"),
    }
}

fn text<'a>(entry: &'a Value, field: &str) -> Option<&'a str> {
    entry
        .get(field)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// What is wrong with one entry of `sources.json`, if anything.
fn problems(key: &str, entry: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for field in ["title", "publisher", "accessed"] {
        if text(entry, field).is_none() {
            out.push(format!("{key}: no {field}"));
        }
    }
    if let Some(date) = text(entry, "accessed") {
        let b = date.as_bytes();
        let iso = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !iso {
            out.push(format!("{key}: accessed {date:?} is not a YYYY-MM-DD date"));
        }
    }
    if text(entry, "url").is_none() && text(entry, "citation").is_none() {
        out.push(format!("{key}: neither a url nor a bibliographic citation"));
    }
    out
}

#[test]
fn every_source_has_a_date_of_access_and_an_address_or_a_citation() {
    let raw = raw_sources();
    assert_eq!(raw.len(), MODEL.sources.len(), "the model reads every entry");
    let found: Vec<String> = raw.iter().flat_map(|(k, v)| problems(k, v)).collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_entry_check_finds_what_is_missing() {
    let ok = serde_json::json!({"title": "T", "publisher": "P", "accessed": "2026-12-01", "url": "https://x.org/"});
    assert!(problems("ok", &ok).is_empty());
    let cited = serde_json::json!({"title": "T", "publisher": "P", "accessed": "2026-12-01",
        "citation": "United Nations Treaty Series, vol. 136, p. 45"});
    assert!(problems("cited", &cited).is_empty());
    let nowhere = serde_json::json!({"title": "T", "publisher": "P", "accessed": "2026-12-01"});
    assert_eq!(problems("nowhere", &nowhere).len(), 1);
    let undated = serde_json::json!({"title": "T", "publisher": "P", "url": "https://x.org/"});
    assert_eq!(problems("undated", &undated).len(), 1);
    let bad_date = serde_json::json!({"title": "T", "publisher": "P", "url": "https://x.org/", "accessed": "Dec 2026"});
    assert_eq!(problems("bad", &bad_date).len(), 1);
}

fn step(id: &str) -> &'static kuril_model::TimelineStep {
    MODEL
        .timeline
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("timeline step {id} (renamed? update this test)"))
}

#[test]
fn no_treaty_step_rests_on_wikipedia_alone() {
    for id in TREATY_STEPS {
        let s = step(id);
        let other: Vec<&str> = s
            .sources
            .iter()
            .filter(|k| {
                let src = &MODEL.sources[k.as_str()];
                !wiki(src.url.as_deref(), src.publisher.as_deref())
            })
            .map(String::as_str)
            .collect();
        assert!(
            !other.is_empty(),
            "{id} cites only Wikipedia/Wikisource: {:?}",
            s.sources
        );
    }
}

#[test]
fn the_wiki_check_knows_an_encyclopedia_from_a_treaty_text() {
    assert!(wiki(Some("https://en.wikipedia.org/wiki/Treaty_of_Shimoda"), None));
    assert!(wiki(Some("https://en.wikisource.org/wiki/Treaty_of_Portsmouth"), None));
    assert!(wiki(None, Some("Wikimedia Foundation (Wikipedia)")));
    assert!(!wiki(
        Some("https://www.mofa.go.jp/region/europe/russia/territory/edition92/period2.html"),
        Some("Ministry of Foreign Affairs of Japan")
    ));
    assert!(!wiki(None, Some("United Nations, Treaty Series")));
}

#[test]
fn each_reading_of_the_disputed_agreements_cites_its_own_government() {
    for id in BOTH_READINGS {
        let s = step(id);
        let urls: Vec<&str> = s
            .sources
            .iter()
            .filter_map(|k| MODEL.sources[k.as_str()].url.as_deref())
            .collect();
        for (name, hosts) in [("Japan", &JAPAN[..]), ("Russia", &RUSSIA[..])] {
            assert!(
                urls.iter().any(|u| from(hosts, u)),
                "{id}: {name}'s reading needs a source from {name}'s government ({hosts:?}); it cites {urls:?}"
            );
        }
        // And the text gives both readings, each attributed.
        for side in ["Japan's", "Russia's"] {
            assert!(s.text.contains(side), "{id}: no reading attributed to {side} side");
        }
    }
}
