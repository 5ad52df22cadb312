//! Downloads through the router: every collection and scenario in every format, checked by reading them back.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};

use axum::http::{StatusCode, header};
use serde_json::Value;

use common::{STATE, body, get, get_with, header_of};

const COLLECTIONS: [&str; 6] = ["islands", "straits", "lines", "claim-areas", "maritime-zones", "places"];
const FORMATS: [(&str, &str); 4] = [
    ("geojson", "application/geo+json"),
    ("kml", "application/vnd.google-earth.kml+xml"),
    ("csv", "text/csv; charset=utf-8"),
    ("gpkg", "application/geopackage+sqlite3"),
];

async fn download(uri: &str, content_type: &str, filename: &str) -> Vec<u8> {
    let r = get(uri).await;
    assert_eq!(r.status(), StatusCode::OK, "{uri}");
    assert_eq!(header_of(&r, header::CONTENT_TYPE), content_type, "{uri}");
    assert_eq!(
        header_of(&r, header::CONTENT_DISPOSITION),
        format!("attachment; filename=\"{filename}\""),
        "{uri}"
    );
    body(r).await
}

/// The number of features of each collection, from the OGC API.
async fn matched(collection: &str) -> usize {
    let r = get(&format!("/ogc/collections/{collection}/items?limit=1")).await;
    let v: Value = serde_json::from_slice(&body(r).await).expect("JSON");
    v["numberMatched"].as_u64().expect("numberMatched") as usize
}

/// Rows of a CSV (RFC 4180 quoting), enough to check our own output.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if cell.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => cell.push(c),
        }
    }
    rows
}

/// Well-formedness of our KML: every tag closes in order (no XML library needed for our own writer's output).
fn assert_balanced_xml(text: &str) {
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    let mut stack: Vec<&str> = vec![];
    let mut rest = text.split_once("?>").expect("declaration").1;
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("tag closes") + start;
        let tag = &rest[start + 1..end];
        assert!(!rest[..start].contains('>'), "stray '>' in text");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "closing {name}");
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().expect("tag name"));
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

/// The data's licences ask for credit in what is handed on: GSHHG (LGPL), OpenStreetMap (ODbL), Natural Earth.
fn assert_credited(text: &str, what: &str) {
    for source in ["GSHHG", "© OpenStreetMap contributors", "ODbL", "Natural Earth"] {
        assert!(text.contains(source), "{what}: no {source} in {text:?}");
    }
}

/// Open a GeoPackage from bytes and check its metadata (with the data's credit in each table's description);
/// returns (table, rows) of its feature tables.
fn gpkg_tables(bytes: &[u8]) -> Vec<(String, usize)> {
    assert_eq!(&bytes[..16], b"SQLite format 3\0");
    assert_eq!(&bytes[68..72], b"GPKG", "application_id");
    let dir = std::env::temp_dir().join(format!("kuril-download-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    static N: AtomicUsize = AtomicUsize::new(0);
    let path = dir.join(format!("{}.gpkg", N.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&path, bytes).expect("write gpkg");
    let db = rusqlite::Connection::open(&path).expect("opens as SQLite");
    let app_id: i64 = db
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .expect("application_id");
    assert_eq!(app_id, 0x4750_4B47);
    let version: i64 = db
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version");
    assert!((10200..10500).contains(&version), "{version}");
    let integrity: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(integrity, "ok");
    let srs: Vec<i64> = db
        .prepare("SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("srs rows");
    assert_eq!(srs, [-1, 0, 4326]);
    let tables: Vec<(String, String)> = db
        .prepare("SELECT c.table_name, g.geometry_type_name FROM gpkg_contents c JOIN gpkg_geometry_columns g USING (table_name) WHERE c.data_type = 'features' ORDER BY c.rowid")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .expect("contents");
    let descriptions: Vec<String> = db
        .prepare("SELECT description FROM gpkg_contents")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("descriptions");
    for d in &descriptions {
        assert_credited(d, "gpkg_contents");
    }
    let mut out = vec![];
    for (t, _) in &tables {
        let n: i64 = db
            .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
            .expect("count");
        // Every geometry is a GeoPackage blob: "GP", version 0, little-endian with an envelope.
        let blobs: Vec<Vec<u8>> = db
            .prepare(&format!("SELECT geom FROM \"{t}\""))
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .expect("geometries");
        for b in blobs {
            assert_eq!(&b[..4], b"GP\x00\x03", "{t}");
            assert_eq!(i32::from_le_bytes([b[4], b[5], b[6], b[7]]), 4326);
            assert_eq!(b[40], 1, "little-endian WKB after the envelope");
        }
        out.push((t.clone(), usize::try_from(n).expect("count")));
    }
    drop(db);
    let _ = std::fs::remove_file(&path);
    out
}

#[tokio::test]
async fn every_collection_in_every_format() {
    for c in COLLECTIONS {
        let n = matched(c).await;
        assert!(n > 0, "{c}");
        for (ext, ty) in FORMATS {
            let bytes = download(&format!("/api/download/{c}.{ext}"), ty, &format!("kuril-{c}.{ext}")).await;
            match ext {
                "geojson" => {
                    let v: Value = serde_json::from_slice(&bytes).expect("GeoJSON");
                    assert_eq!(v["type"], "FeatureCollection");
                    assert_eq!(v["features"].as_array().expect("features").len(), n, "{c}");
                    assert_credited(v["attribution"].as_str().unwrap_or(""), c);
                }
                "kml" => {
                    let text = String::from_utf8(bytes).expect("UTF-8");
                    assert_balanced_xml(&text);
                    assert_eq!(text.matches("<Placemark ").count(), n, "{c}");
                    let description = text.split("<description>").nth(1).unwrap_or("");
                    assert_credited(description.split("</description>").next().unwrap_or(""), c);
                }
                "csv" => {
                    let text = String::from_utf8(bytes).expect("UTF-8");
                    let rows = csv_rows(&text);
                    let header = &rows[0];
                    assert_eq!(header[0], "id", "{c}: {header:?}");
                    assert_eq!(header.last().map(String::as_str), Some("WKT"), "{c}");
                    assert_eq!(rows.len() - 1, n, "{c}");
                    for r in &rows[1..] {
                        assert_eq!(r.len(), header.len(), "{c}: {r:?}");
                        let wkt = r.last().expect("WKT");
                        assert!(
                            [
                                "POINT",
                                "MULTIPOINT",
                                "LINESTRING",
                                "MULTILINESTRING",
                                "POLYGON",
                                "MULTIPOLYGON"
                            ]
                            .iter()
                            .any(|t| wkt.starts_with(&format!("{t} ("))),
                            "{c}: {}",
                            &wkt[..wkt.len().min(40)]
                        );
                    }
                }
                "gpkg" => {
                    let tables = gpkg_tables(&bytes);
                    assert_eq!(tables, [(c.replace('-', "_"), n)], "{c}");
                }
                _ => unreachable!(),
            }
        }
    }
}

#[tokio::test]
async fn islands_csv_has_flat_named_columns() {
    let bytes = download(
        "/api/download/islands.csv",
        "text/csv; charset=utf-8",
        "kuril-islands.csv",
    )
    .await;
    let rows = csv_rows(&String::from_utf8(bytes).expect("UTF-8"));
    for col in [
        "id",
        "name_en",
        "name_ja",
        "name_ru",
        "disputed",
        "sources",
        "holder_soviet",
        "WKT",
    ] {
        assert!(rows[0].iter().any(|h| h == col), "{col} in {:?}", rows[0]);
    }
    let shikotan = rows.iter().find(|r| r[0] == "shikotan").expect("shikotan row");
    assert!(shikotan.last().expect("WKT").starts_with("MULTIPOLYGON ((("));
}

#[tokio::test]
async fn every_scenario_bundle_in_every_format() {
    let islands = matched("islands").await;
    for s in &STATE.model.scenarios {
        let id = &s.id;
        for (ext, ty) in FORMATS {
            let bytes = download(
                &format!("/api/download/scenario/{id}.{ext}"),
                ty,
                &format!("kuril-scenario-{id}.{ext}"),
            )
            .await;
            match ext {
                "geojson" => {
                    let v: Value = serde_json::from_slice(&bytes).expect("GeoJSON");
                    let features = v["features"].as_array().expect("features");
                    let count = |layer: &str| features.iter().filter(|f| f["properties"]["layer"] == layer).count();
                    assert_eq!(count("line"), 1, "{id}");
                    assert_eq!(count("claim_areas"), 2, "{id}");
                    assert_eq!(count("islands"), islands, "{id}");
                    // japan or russia; null only where the scenario splits an island or (a past treaty) leaves
                    // islands unassigned.
                    let holders: Vec<&Value> = features
                        .iter()
                        .filter(|f| f["properties"]["layer"] == "islands")
                        .map(|f| &f["properties"]["holder"])
                        .collect();
                    assert!(
                        holders.iter().all(|h| *h == "japan" || *h == "russia" || h.is_null()),
                        "{id}"
                    );
                    assert!(
                        holders.iter().filter(|h| h.is_null()).count() <= 1 + s.unassigned.len(),
                        "{id}: {holders:?}"
                    );
                }
                "kml" => {
                    let text = String::from_utf8(bytes).expect("UTF-8");
                    assert_balanced_xml(&text);
                    assert!(text.matches("<Folder>").count() >= 3);
                }
                "csv" => {
                    let rows = csv_rows(&String::from_utf8(bytes).expect("UTF-8"));
                    assert_eq!(rows[0][0], "layer");
                    assert!(rows[0].iter().any(|h| h == "holder"));
                    assert!(rows.len() > islands + 3);
                }
                "gpkg" => {
                    let tables = gpkg_tables(&bytes);
                    let get = |t: &str| tables.iter().find(|(n, _)| n == t).map(|(_, c)| *c);
                    assert_eq!(get("line"), Some(1), "{id}: {tables:?}");
                    assert_eq!(get("claim_areas"), Some(2), "{id}: {tables:?}");
                    assert_eq!(get("islands"), Some(islands), "{id}: {tables:?}");
                    assert!(get("maritime_zones").is_some_and(|n| n >= 2), "{id}: {tables:?}");
                }
                _ => unreachable!(),
            }
        }
    }
}

#[tokio::test]
async fn downloads_revalidate_with_etag() {
    let r = get("/api/download/lines.gpkg").await;
    let tag = header_of(&r, header::ETAG);
    assert!(tag.starts_with('"'), "{tag}");
    let r = get_with("/api/download/lines.gpkg", Some(&tag)).await;
    assert_eq!(r.status(), StatusCode::NOT_MODIFIED);
}

#[tokio::test]
async fn unknown_names_are_404_listing_the_valid_ones() {
    for (uri, valid) in [
        ("/api/download/nope.geojson", "islands"),
        ("/api/download/islands.shp", "gpkg"),
        ("/api/download/islands", "csv"),
        ("/api/download/scenario/nope.kml", "soviet"),
        ("/api/download/scenario/soviet.pdf", "kml"),
        ("/api/download/scenario/soviet", "geojson"),
    ] {
        let r = get(uri).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{uri}");
        let v: Value = serde_json::from_slice(&body(r).await).expect("JSON error");
        assert!(
            v["error"]["valid"]
                .as_array()
                .expect("valid")
                .iter()
                .any(|x| x == valid),
            "{uri}: {v}"
        );
    }
    for uri in [
        "/api/download/",
        "/api/download/scenario/",
        "/api/download/a/b/c.csv",
        "/api/download/%00.csv",
    ] {
        let r = get(uri).await;
        assert!(r.status().is_client_error(), "{uri}: {}", r.status());
    }
}
