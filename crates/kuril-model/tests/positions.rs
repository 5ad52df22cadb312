//! Each side's position is sourced to that side's own government: Japan's to a Japanese government site, Russia's
//! to a Russian one (its foreign ministry, the Kremlin, the government or its official newspaper). A position
//! cited only to the other side, or to an encyclopedia, fails.

mod common;
use common::{JAPAN, MODEL, RUSSIA, from};
use kuril_model::ScenarioKind;

#[test]
fn each_position_cites_its_own_government() {
    let mut checked = 0;
    for s in MODEL.scenarios.iter().filter(|s| s.kind == ScenarioKind::Position) {
        let side = if s.position_of.starts_with("Russia") {
            Some(("Russia", &RUSSIA[..]))
        } else if s.position_of.starts_with("Japan") {
            Some(("Japan", &JAPAN[..]))
        } else {
            None // the 1956 Declaration: both governments signed it
        };
        let Some((name, hosts)) = side else { continue };
        let urls: Vec<&str> = s
            .sources
            .iter()
            .filter_map(|id| MODEL.source(id).and_then(|src| src.url.as_deref()))
            .collect();
        assert!(
            urls.iter().any(|u| from(hosts, u)),
            "{}: {name}'s position needs a source from {name}'s government ({hosts:?}); it cites {urls:?}",
            s.id
        );
        checked += 1;
    }
    assert_eq!(checked, 2, "the two governments' positions");
}

#[test]
fn the_host_check_tells_the_governments_apart() {
    assert!(from(&RUSSIA, "https://www.mid.ru/en/web/guest/kommentarii/x"));
    assert!(!from(&RUSSIA, "https://en.wikipedia.org/wiki/Kuril_Islands_dispute"));
    assert!(!from(
        &RUSSIA,
        "https://www.mofa.go.jp/region/europe/russia/territory/index.html"
    ));
    assert!(!from(&JAPAN, "https://notmofa.go.jp.example.com/"));
    assert!(from(&JAPAN, "https://www8.cao.go.jp/hoppo/mondai/01.html"));
}
