//! The embed page, the oEmbed provider and the framing headers, through the router (no socket).
//!
//! oEmbed rules checked here are those of the specification (https://oembed.com/, sections 2.3 and 2.3.4):
//! `type` and `version` "1.0" always; for `rich`, `html`, `width` and `height`; the thumbnail's three fields all or
//! none; `maxwidth`/`maxheight` respected; 404 for a URL the provider does not know, 501 for an unsupported
//! format.

mod common;

use axum::http::{StatusCode, header};
use axum::response::Response;
use serde_json::Value;

use common::{BASE, STATE, get, text, unescape};

fn header_values(r: &Response, name: header::HeaderName) -> Vec<String> {
    r.headers()
        .get_all(name)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(str::to_string)
        .collect()
}

/// Query-component escaping for the `url` parameter.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn oembed(url: &str, extra: &str) -> Response {
    get(&format!("/oembed?url={}{extra}", enc(url))).await
}

async fn json_ok(r: Response) -> Value {
    assert_eq!(r.status(), StatusCode::OK);
    let ct = header_values(&r, header::CONTENT_TYPE).join(",");
    assert!(ct.starts_with("application/json"), "{ct}");
    serde_json::from_str(&text(r).await).expect("JSON")
}

async fn json_error(r: Response, status: StatusCode) -> Value {
    assert_eq!(r.status(), status);
    let v: Value = serde_json::from_str(&text(r).await).expect("JSON error body");
    assert_eq!(v["error"]["status"], status.as_u16(), "{v}");
    assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
    v
}

/// The value of an HTML attribute in a tag (first occurrence after `from`).
fn attr<'a>(html: &'a str, tag_start: &str, name: &str) -> Option<&'a str> {
    let at = html.find(tag_start)?;
    let tag = &html[at..at + html[at..].find('>')?];
    let key = format!(" {name}=\"");
    let v = &tag[tag.find(&key)? + key.len()..];
    Some(&v[..v.find('"')?])
}

/// Checks the fields the oEmbed spec requires of a `rich` answer and returns (width, height).
fn assert_rich(v: &Value) -> (u64, u64) {
    assert_eq!(v["type"], "rich", "{v}");
    assert_eq!(v["version"], "1.0", "{v}");
    let html = v["html"].as_str().expect("html is a string");
    let width = v["width"].as_u64().expect("width is a positive integer");
    let height = v["height"].as_u64().expect("height is a positive integer");
    assert!(width > 0 && height > 0);
    // The html is an iframe of our embed page at the stated size, with a title for assistive technology.
    assert!(html.starts_with("<iframe ") && html.ends_with("</iframe>"), "{html}");
    let src = unescape(attr(html, "<iframe", "src").expect("src"));
    assert!(src.starts_with(&format!("{BASE}/embed?")), "{src}");
    assert_eq!(attr(html, "<iframe", "width"), Some(width.to_string().as_str()));
    assert_eq!(attr(html, "<iframe", "height"), Some(height.to_string().as_str()));
    assert!(attr(html, "<iframe", "title").is_some_and(|t| !t.is_empty()), "{html}");
    // Optional fields, when present, are well formed; the thumbnail's three come together.
    assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(v["provider_name"].as_str().is_some_and(|t| !t.is_empty()));
    assert_eq!(v["provider_url"], format!("{BASE}/"));
    let thumb = ["thumbnail_url", "thumbnail_width", "thumbnail_height"].map(|k| !v[k].is_null());
    assert!(thumb.iter().all(|t| *t), "all three thumbnail fields: {v}");
    assert!(
        v["thumbnail_url"]
            .as_str()
            .is_some_and(|u| u.starts_with(&format!("{BASE}/image.png?"))),
        "{v}"
    );
    (width, height)
}

#[tokio::test]
async fn oembed_answers_a_rich_embed_for_an_app_url_with_its_view() {
    let v = json_ok(oembed(&format!("{BASE}/#map=8/43.9/145.9&lines=two-island-1956&naming=ja"), "").await).await;
    assert_rich(&v);
    let src = unescape(attr(v["html"].as_str().expect("present"), "<iframe", "src").expect("present"));
    assert!(src.contains("map=8/43.9/145.9"), "the camera of the link: {src}");
    assert!(src.contains("lines=two-island-1956&"), "the lines of the link: {src}");
    assert!(src.contains("naming=ja"), "{src}");
    let thumb = v["thumbnail_url"].as_str().expect("present");
    assert!(
        thumb.contains("lines=two-island-1956") && thumb.contains("map=8/43.9/145.9"),
        "{thumb}"
    );
    // Also from /index.html, from an /embed URL, and with format=json spelled out.
    for url in [
        format!("{BASE}/index.html"),
        format!("{BASE}/embed?lines=japanese"),
        BASE.to_string(),
    ] {
        assert_rich(&json_ok(oembed(&url, "&format=json").await).await);
    }
    let v = json_ok(oembed(&format!("{BASE}/embed?lines=japanese&areas=japanese"), "").await).await;
    let src = unescape(attr(v["html"].as_str().expect("present"), "<iframe", "src").expect("present"));
    assert!(
        src.contains("lines=japanese&") && src.contains("areas=japanese"),
        "{src}"
    );
}

#[tokio::test]
async fn oembed_of_a_step_link_embeds_the_map_of_that_step() {
    // 1875: the Saint Petersburg line; a link naming only the step embeds its lines and camera.
    let timeline = &STATE.model.timeline;
    let step = timeline
        .iter()
        .find(|s| s.map.lines.iter().any(|l| l == "saint-petersburg-1875"))
        .expect("an 1875 step");
    let v = json_ok(oembed(&format!("{BASE}/#step={}", step.id), "").await).await;
    assert_rich(&v);
    let src = unescape(attr(v["html"].as_str().expect("present"), "<iframe", "src").expect("present"));
    let query = src.split_once('?').expect("present").1;
    let field = |k: &str| {
        query
            .split('&')
            .find_map(|p| p.strip_prefix(&format!("{k}=")))
            .unwrap_or("")
            .to_string()
    };
    let mut lines: Vec<String> = field("lines").split(',').map(str::to_string).collect();
    lines.sort();
    let mut expected = step.map.lines.clone();
    expected.sort();
    assert_eq!(lines, expected, "{src}");
    let cam: Vec<f64> = field("map").split('/').map(|x| x.parse().expect("present")).collect();
    let c = &step.map.camera;
    assert!(
        (cam[0] - c.zoom).abs() < 1e-3 && (cam[1] - c.lat).abs() < 1e-5 && (cam[2] - c.lng).abs() < 1e-5,
        "{src}"
    );
    // With a view of its own, the link's view wins.
    let v = json_ok(oembed(&format!("{BASE}/#lines=soviet&step={}", step.id), "").await).await;
    assert!(unescape(v["html"].as_str().expect("present")).contains("lines=soviet&"));
}

#[tokio::test]
async fn oembed_respects_maxwidth_and_maxheight() {
    use kuril_server::routes::oembed::{MIN_EMBED_WIDTH, embed_height};
    let url = format!("{BASE}/#lines=soviet");
    let (w0, h0) = assert_rich(&json_ok(oembed(&url, "").await).await);
    // The default width, and the embed page's own height at that width (picture, key, title, credits): a host
    // that uses it shows the whole page, not a cut-off one.
    assert_eq!(
        (w0, h0),
        (800, u64::from(embed_height(800))),
        "the documented default size"
    );
    for (mw, mh) in [
        (Some(640), None),
        (None, Some(400)),
        (Some(300), Some(400)),
        (Some(1000), Some(350)),
    ] {
        let mut extra = String::new();
        if let Some(w) = mw {
            extra.push_str(&format!("&maxwidth={w}"));
        }
        if let Some(h) = mh {
            extra.push_str(&format!("&maxheight={h}"));
        }
        let v = json_ok(oembed(&url, &extra).await).await;
        let (w, h) = assert_rich(&v);
        assert!(
            w <= mw.unwrap_or(u64::MAX) && h <= mh.unwrap_or(u64::MAX),
            "{w}x{h} for {extra}"
        );
        assert_eq!(h, u64::from(embed_height(w as u32)), "the page's height at {w} px");
        let (tw, th) = (
            v["thumbnail_width"].as_u64().expect("present"),
            v["thumbnail_height"].as_u64().expect("present"),
        );
        assert!(
            tw <= mw.unwrap_or(u64::MAX) && th <= mh.unwrap_or(u64::MAX),
            "thumbnail {tw}x{th} for {extra}"
        );
    }
    // Larger maxima than the default do not enlarge it.
    assert_eq!(
        assert_rich(&json_ok(oembed(&url, "&maxwidth=4000&maxheight=4000").await).await),
        (w0, h0)
    );
    assert_eq!(
        assert_rich(&json_ok(oembed(&url, "&maxwidth=99999999999").await).await),
        (w0, h0)
    );
    // No embed fits a box smaller than the narrowest page: 404 (no response for this url at that size), saying so.
    for extra in [
        format!("&maxwidth={}", MIN_EMBED_WIDTH - 1),
        "&maxwidth=1000&maxheight=120".to_string(),
        "&maxwidth=5&maxheight=5".to_string(),
    ] {
        let v = json_error(oembed(&url, &extra).await, StatusCode::NOT_FOUND).await;
        assert!(
            v["error"]["message"].as_str().is_some_and(|m| m.contains("narrowest")),
            "{v}"
        );
    }
}

/// The app's Embed dialog gives the iframe the embed page's default height (web/src/embed-code.ts).
#[test]
fn the_apps_embed_code_uses_the_pages_height() {
    let code = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../web/src/embed-code.ts"))
        .expect("embed-code.ts");
    let height = code
        .lines()
        .find_map(|l| l.strip_prefix("export const EMBED_HEIGHT = "))
        .and_then(|v| v.trim_end_matches(';').parse::<u32>().ok())
        .expect("EMBED_HEIGHT");
    assert_eq!(height, kuril_server::routes::oembed::embed_height(800));
}

#[tokio::test]
async fn oembed_errors_have_the_specified_statuses_and_json_bodies() {
    // Not one of our URLs: 404 (spec 2.3.5).
    for url in [
        "http://example.com/".to_string(),
        "https://maps.test:8080/".to_string(),
        "http://maps.test:8081/".to_string(),
        "http://maps.test:8080.example.com/".to_string(),
        format!("{BASE}/api/lines"),
        format!("{BASE}/tiles/1/1/1"),
        "not a url".to_string(),
    ] {
        json_error(oembed(&url, "").await, StatusCode::NOT_FOUND).await;
    }
    // An unsupported format: 501.
    for f in ["xml", "yaml"] {
        json_error(
            oembed(&format!("{BASE}/"), &format!("&format={f}")).await,
            StatusCode::NOT_IMPLEMENTED,
        )
        .await;
    }
    // Malformed sizes and a missing url: 400.
    for extra in [
        "&maxwidth=abc",
        "&maxwidth=-5",
        "&maxwidth=0",
        "&maxheight=1.5",
        "&maxheight=",
        "&maxwidth=2e3",
    ] {
        json_error(oembed(&format!("{BASE}/"), extra).await, StatusCode::BAD_REQUEST).await;
    }
    json_error(get("/oembed?maxwidth=300").await, StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn embed_page_shows_the_image_with_a_text_alternative_and_is_discoverable() {
    let r = get("/embed?map=7/44.2/146.1&lines=two-island-1956&naming=ru").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        header_values(&r, header::CONTENT_TYPE)
            .join(",")
            .starts_with("text/html")
    );
    let html = text(r).await;
    // The static image first, sized, with an alt text; no map yet (no canvas, no MapLibre).
    let src = unescape(attr(&html, "<img", "src").expect("an img"));
    assert!(src.starts_with("image.png?"), "{src}");
    for field in [
        "map=7/44.2/146.1",
        "lines=two-island-1956",
        "naming=ru",
        "width=",
        "height=",
    ] {
        assert!(src.contains(field), "{field} in {src}");
    }
    let alt = unescape(attr(&html, "<img", "alt").expect("alt text"));
    // The 1956 Declaration puts Shikotan and the Habomai islets on Japan's side and Iturup, Kunashir on Russia's.
    let japan = alt.find("on Japan's side").expect("Japan's side named");
    let russia = alt.find("on Russia's side").expect("Russia's side named");
    assert!(japan < russia, "{alt}");
    let (japan_part, russia_part) = (&alt[japan..russia], &alt[russia..]);
    assert!(
        japan_part.contains("Shikotan") && japan_part.contains("Habomai"),
        "{alt}"
    );
    assert!(
        russia_part.contains("Iturup") && russia_part.contains("Kunashir"),
        "{alt}"
    );
    assert!(
        !html.contains("<canvas") && !html.contains("maplibre"),
        "no map before interaction"
    );
    assert!(html.contains("Load interactive map"), "the button that loads the map");
    // The picture leaves its key and credits to the page (readable at any width) and comes in several sizes.
    assert!(src.contains("legend=no") && src.contains("attribution=no"), "{src}");
    let srcset = unescape(attr(&html, "<img", "srcset").expect("srcset"));
    assert!(
        srcset.matches(" 320w").count() == 1 && srcset.contains(" 1200w"),
        "{srcset}"
    );
    // The key names the line shown, in the line's colour from the style.
    let key = &html[html.find("data-testid=\"embed-key\"").expect("a key")..];
    let key = &key[..key.find("</ul>").expect("end of key")];
    let (_, colour, _) = kuril_tiles::style::LINE_STYLES
        .iter()
        .find(|(id, _, _)| *id == "two-island-1956")
        .expect("style");
    assert!(
        key.contains("data-line=\"two-island-1956\"") && key.contains(&format!("stroke=\"{colour}\"")),
        "{key}"
    );
    assert_eq!(key.matches("<li ").count(), 1, "{key}");
    // The credits under the picture, and the way to the full map.
    assert!(html.contains("class=\"embed-credits\"") && html.contains("OpenStreetMap contributors"));
    assert!(html.contains("<script type=\"module\" src=\"embed.js\"></script>"));
    // A visible title, and the same description as text on the page.
    assert!(html.contains("<h1 class=\"embed-title\""));
    assert!(html.contains("data-testid=\"embed-description\""));
    // Discovery: oEmbed link with an absolute URL naming this very view; Open Graph and Twitter card tags.
    let oembed_href = unescape(attr(&html, "type=\"application/json+oembed\"", "href").expect("oEmbed link"));
    assert!(oembed_href.starts_with(&format!("{BASE}/oembed?url=")), "{oembed_href}");
    assert!(oembed_href.contains(&enc("lines=two-island-1956")), "{oembed_href}");
    let og_image = unescape(attr(&html, "property=\"og:image\"", "content").expect("og:image"));
    assert!(og_image.starts_with(&format!("{BASE}/image.png?")) && og_image.contains("width=1200&height=630"));
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    for tag in ["og:title", "og:description", "og:url"] {
        assert!(
            attr(&html, &format!("property=\"{tag}\""), "content").is_some_and(|c| !c.is_empty()),
            "{tag}"
        );
    }
}

#[tokio::test]
async fn embed_page_reads_bad_fields_as_defaults_and_escapes_everything() {
    let r = get("/embed?map=99/999/0&lines=%3Cscript%3Ealert(1)%3C/script%3E&naming=%22%3E&width=100000").await;
    assert_eq!(r.status(), StatusCode::OK, "a bad link still shows the default view");
    let html = text(r).await;
    assert!(
        !html.contains("<script>alert"),
        "nothing from the request is copied into the page"
    );
    assert!(
        !html.contains("alert("),
        "nothing from the request is copied into the page"
    );
    let src = unescape(attr(&html, "<img", "src").expect("present"));
    assert!(
        src.contains("lines=soviet,japanese,two-island-1956&"),
        "default lines: {src}"
    );
    assert!(
        src.contains("width=800&height=500"),
        "default size for an oversized width: {src}"
    );
    let r = get("/embed?load=visible").await;
    assert!(text(r).await.contains("data-load=\"visible\""));
}

#[tokio::test]
async fn app_index_carries_discovery_and_card_tags_for_the_request_host() {
    let html = text(get("/").await).await;
    let href = unescape(attr(&html, "type=\"application/json+oembed\"", "href").expect("oEmbed link"));
    assert_eq!(
        href,
        format!("{BASE}/oembed?url={}&format=json", enc(&format!("{BASE}/")))
    );
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    let og_image = unescape(attr(&html, "property=\"og:image\"", "content").expect("og:image"));
    assert!(og_image.starts_with(&format!("{BASE}/image.png?")), "{og_image}");
    assert!(
        html.find("og:image").expect("present") < html.find("</head>").expect("present"),
        "inside the head"
    );
    assert!(html.contains("src=\"app.js\""), "still the app");
    // Without scripts, a static image of the default view with a text alternative.
    let noscript = &html[html.find("<noscript>").expect("a noscript")..];
    let src = unescape(attr(noscript, "<img", "src").expect("an image"));
    assert!(
        src.starts_with("image.png?") && src.contains("lines=soviet,japanese,two-island-1956"),
        "{src}"
    );
    assert!(attr(noscript, "<img", "alt").is_some_and(|a| a.contains("Kunashir")));
}

#[tokio::test]
async fn only_the_embed_page_may_be_framed() {
    let r = get("/embed").await;
    assert!(
        header_values(&r, header::X_FRAME_OPTIONS).is_empty(),
        "no X-Frame-Options on /embed"
    );
    let csp = header_values(&r, header::CONTENT_SECURITY_POLICY);
    assert!(csp.iter().any(|c| c.contains("frame-ancestors *")), "{csp:?}");
    assert!(!csp.iter().any(|c| c.contains("frame-ancestors 'none'")), "{csp:?}");
    for uri in [
        "/",
        "/index.html",
        "/api/lines",
        "/oembed?url=x",
        "/style.json",
        "/no-such-page",
        "/embed/",
        "/embedx",
    ] {
        let r = get(uri).await;
        assert_eq!(header_values(&r, header::X_FRAME_OPTIONS), ["DENY"], "{uri}");
        let csp = header_values(&r, header::CONTENT_SECURITY_POLICY);
        assert!(
            csp.iter().any(|c| c.contains("frame-ancestors 'none'")),
            "{uri}: {csp:?}"
        );
    }
}
