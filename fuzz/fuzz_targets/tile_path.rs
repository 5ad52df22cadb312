//! `/tiles/{z}/{x}/{y}.mvt`: any three path segments. A parsed tile must exist in the pyramid.
#![no_main]
use kuril_tiles::TileId;
use kuril_tiles::mercator::MAX_ZOOM;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let mut parts = data.splitn(3, '/');
    let (z, x, y) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if let Ok(t) = TileId::parse(z, x, y) {
        assert!(t.z <= MAX_ZOOM, "{data:?} → zoom {}", t.z);
        let n = 1u64 << t.z;
        assert!(u64::from(t.x) < n && u64::from(t.y) < n, "{data:?} → {t:?} outside its zoom");
    }
});
