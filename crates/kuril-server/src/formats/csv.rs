//! CSV (RFC 4180, UTF-8, CRLF) with a header row and the geometry as WKT in the last column, `WKT`, the name
//! GDAL's CSV driver recognises. With more than one layer a first column `layer` says which.

use geo::{Coord, Geometry, LineString, Polygon};

use super::Layer;

pub fn csv(layers: &[Layer]) -> Vec<u8> {
    let many = layers.len() > 1;
    let mut columns: Vec<String> = vec![];
    for l in layers {
        for c in l.columns() {
            if !columns.contains(&c) {
                columns.push(c);
            }
        }
    }
    let mut out = String::new();
    let mut header: Vec<String> = vec![];
    if many {
        header.push("layer".into());
    }
    header.extend(columns.iter().cloned());
    header.push("WKT".into());
    row(&mut out, header.iter().map(|s| Some(s.as_str())));
    for l in layers {
        for f in &l.features {
            let mut cells: Vec<Option<String>> = vec![];
            if many {
                cells.push(Some(l.name.clone()));
            }
            cells.extend(columns.iter().map(|c| f.text(c)));
            cells.push(Some(wkt(&f.geometry)));
            row(&mut out, cells.iter().map(|c| c.as_deref()));
        }
    }
    out.into_bytes()
}

fn row<'a>(out: &mut String, cells: impl Iterator<Item = Option<&'a str>>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let c = c.unwrap_or("");
        if c.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(c);
        }
    }
    out.push_str("\r\n");
}

/// Well-known text (OGC Simple Features) of a geometry, coordinates as `lon lat`.
pub fn wkt(g: &Geometry) -> String {
    match g {
        Geometry::Point(p) => format!("POINT ({})", xy(p.0)),
        Geometry::MultiPoint(m) if m.0.is_empty() => "MULTIPOINT EMPTY".into(),
        Geometry::MultiPoint(m) => format!("MULTIPOINT ({})", join(m.0.iter().map(|p| format!("({})", xy(p.0))))),
        Geometry::Line(l) => format!("LINESTRING ({}, {})", xy(l.start), xy(l.end)),
        Geometry::LineString(l) if l.0.is_empty() => "LINESTRING EMPTY".into(),
        Geometry::LineString(l) => format!("LINESTRING {}", ring(l)),
        Geometry::MultiLineString(m) if m.0.is_empty() => "MULTILINESTRING EMPTY".into(),
        Geometry::MultiLineString(m) => format!("MULTILINESTRING ({})", join(m.0.iter().map(ring))),
        Geometry::Polygon(p) if p.exterior().0.is_empty() => "POLYGON EMPTY".into(),
        Geometry::Polygon(p) => format!("POLYGON {}", polygon(p)),
        Geometry::MultiPolygon(m) if m.0.is_empty() => "MULTIPOLYGON EMPTY".into(),
        Geometry::MultiPolygon(m) => format!("MULTIPOLYGON ({})", join(m.0.iter().map(polygon))),
        Geometry::Rect(r) => format!("POLYGON {}", polygon(&r.to_polygon())),
        Geometry::Triangle(t) => format!("POLYGON {}", polygon(&t.to_polygon())),
        Geometry::GeometryCollection(c) if c.0.is_empty() => "GEOMETRYCOLLECTION EMPTY".into(),
        Geometry::GeometryCollection(c) => format!("GEOMETRYCOLLECTION ({})", join(c.0.iter().map(wkt))),
    }
}

fn xy(c: Coord) -> String {
    format!("{} {}", c.x, c.y)
}

fn join(parts: impl Iterator<Item = String>) -> String {
    parts.collect::<Vec<_>>().join(", ")
}

fn ring(l: &LineString) -> String {
    format!("({})", join(l.0.iter().map(|c| xy(*c))))
}

fn polygon(p: &Polygon) -> String {
    format!(
        "({})",
        join(std::iter::once(p.exterior()).chain(p.interiors()).map(ring))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{line_string, point, polygon};

    #[test]
    fn wkt_of_each_type() {
        assert_eq!(wkt(&point!(x: 1.5, y: -2.0).into()), "POINT (1.5 -2)");
        assert_eq!(
            wkt(&line_string![(x: 0., y: 0.), (x: 1., y: 1.)].into()),
            "LINESTRING (0 0, 1 1)"
        );
        let p = polygon!(
            exterior: [(x: 0., y: 0.), (x: 4., y: 0.), (x: 4., y: 4.), (x: 0., y: 0.)],
            interiors: [[(x: 1., y: 1.), (x: 2., y: 1.), (x: 2., y: 2.), (x: 1., y: 1.)]],
        );
        assert_eq!(wkt(&p.into()), "POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))");
    }

    #[test]
    fn cells_with_commas_and_quotes_are_quoted() {
        let mut s = String::new();
        row(&mut s, [Some("a,b"), Some("say \"hi\""), None, Some("x")].into_iter());
        assert_eq!(s, "\"a,b\",\"say \"\"hi\"\"\",,x\r\n");
    }
}
