//! `/image.png?…` and `/image.svg?…` parameters: a parsed view has a drawable size and a finite camera, and
//! its canonical form parses back to the same view.
#![no_main]
use kuril_render::parse_query;
use libfuzzer_sys::fuzz_target;

const IDS: [&str; 7] = [
    "soviet",
    "japanese",
    "two-island-1956",
    "equal-area-split",
    "shimoda-1855",
    "saint-petersburg-1875",
    "portsmouth-1905",
];

fuzz_target!(|data: &str| {
    if let Ok(view) = parse_query(data, &IDS) {
        assert!((1..=2048).contains(&view.width) && (1..=2048).contains(&view.height));
        let c = &view.camera;
        assert!(c.lng.is_finite() && c.lat.is_finite() && c.zoom.is_finite());
        let canonical = view.canonical_query();
        let again = parse_query(&canonical, &IDS).expect("the canonical form parses");
        assert_eq!(again.canonical_query(), canonical);
    }
});
