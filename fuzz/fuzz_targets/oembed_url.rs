//! oEmbed: the `url` parameter (is it one of our pages, and which view) and the maxwidth/maxheight fit.
#![no_main]
use kuril_server::routes::oembed::{MIN_EMBED_WIDTH, embed_height, fit, view_of_url};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u32, u32, &str)| {
    let (maxwidth, maxheight, url) = input;
    let _ = view_of_url(url, "http://127.0.0.1:8080", &["soviet", "japanese", "two-island-1956"]);
    let (mw, mh) = (maxwidth.max(1), maxheight.max(1));
    match fit(Some(mw), Some(mh)) {
        Some((w, h)) => {
            assert!(w >= MIN_EMBED_WIDTH && w <= mw, "width {w} not within {MIN_EMBED_WIDTH}..={mw}");
            assert!(h <= mh, "height {h} over {mh}");
            assert_eq!(h, embed_height(w));
        }
        // None only when even the narrowest embed does not fit.
        None => assert!(mw < MIN_EMBED_WIDTH || embed_height(MIN_EMBED_WIDTH) > mh),
    }
});
