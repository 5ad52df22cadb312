//! oEmbed: the `url` parameter (is it one of our pages, and which view) and the maxwidth/maxheight fit.
#![no_main]
use kuril_server::routes::oembed::{fit, view_of_url};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u32, u32, &str)| {
    let (maxwidth, maxheight, url) = input;
    let _ = view_of_url(url, "http://127.0.0.1:8080", &["soviet", "japanese", "two-island-1956"]);
    let (mw, mh) = (maxwidth.max(1), maxheight.max(1));
    let (w, h) = fit(Some(mw), Some(mh));
    assert!(w >= 1 && h >= 1);
    assert!(w <= mw.max(1) || w == 1, "width {w} over {mw}");
    assert!(h <= mh.max(1) || h == 1, "height {h} over {mh}");
});
