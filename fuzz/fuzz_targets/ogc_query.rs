//! The OGC API items query string (limit, offset, bbox, datetime): a parsed query is within its documented
//! bounds, and a parsed bbox is finite with its latitudes in order.
#![no_main]
use kuril_server::routes::ogc::{LIMIT_MAX, parse_bbox, parse_items_query, valid_datetime};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let pairs: Vec<(String, String)> = data
        .split('&')
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    if let Ok(q) = parse_items_query(&pairs) {
        assert!((1..=LIMIT_MAX).contains(&q.limit), "limit {}", q.limit);
        if let Some((rects, _)) = &q.bbox {
            assert!(!rects.is_empty() && rects.len() <= 2);
            for r in rects {
                let (min, max) = (r.min(), r.max());
                assert!(min.x.is_finite() && min.y.is_finite() && max.x.is_finite() && max.y.is_finite());
                assert!(min.y <= max.y && min.y >= -90.0 && max.y <= 90.0, "{r:?}");
            }
        }
    }
    let _ = parse_bbox(data);
    let _ = valid_datetime(data);
});
