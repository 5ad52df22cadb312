//! KML 2.2: one Folder per layer, one Placemark per feature with its name (`name_en`, else the id), every column
//! in ExtendedData, polygons with outer and inner boundaries. Text is XML-escaped (`kuril_render::xml`).

use geo::{Coord, Geometry, LineString, Polygon};
use kuril_render::xml::escape;

use super::Layer;

pub fn kml(title: &str, layers: &[Layer]) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n",
    );
    out.push_str(&format!("<name>{}</name>\n", escape(title)));
    out.push_str(&format!("<description>{}</description>\n", escape(&super::credit())));
    for l in layers {
        let columns = l.columns();
        out.push_str(&format!("<Folder>\n<name>{}</name>\n", escape(&l.name)));
        for f in &l.features {
            let name = f.text("name_en").unwrap_or_else(|| f.id.clone());
            out.push_str(&format!(
                "<Placemark id=\"{}\">\n<name>{}</name>\n",
                escape(&f.id),
                escape(&name)
            ));
            out.push_str("<ExtendedData>\n");
            for c in &columns {
                if let Some(v) = f.text(c) {
                    out.push_str(&format!(
                        "<Data name=\"{}\"><value>{}</value></Data>\n",
                        escape(c),
                        escape(&v)
                    ));
                }
            }
            out.push_str("</ExtendedData>\n");
            geometry(&mut out, &f.geometry);
            out.push_str("</Placemark>\n");
        }
        out.push_str("</Folder>\n");
    }
    out.push_str("</Document>\n</kml>\n");
    out.into_bytes()
}

fn coords(out: &mut String, cs: &[Coord]) {
    out.push_str("<coordinates>");
    for (i, c) in cs.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&format!("{},{}", c.x, c.y));
    }
    out.push_str("</coordinates>");
}

fn line(out: &mut String, l: &LineString) {
    out.push_str("<LineString>");
    coords(out, &l.0);
    out.push_str("</LineString>\n");
}

fn polygon(out: &mut String, p: &Polygon) {
    out.push_str("<Polygon><outerBoundaryIs><LinearRing>");
    coords(out, &p.exterior().0);
    out.push_str("</LinearRing></outerBoundaryIs>");
    for r in p.interiors() {
        out.push_str("<innerBoundaryIs><LinearRing>");
        coords(out, &r.0);
        out.push_str("</LinearRing></innerBoundaryIs>");
    }
    out.push_str("</Polygon>\n");
}

fn geometry(out: &mut String, g: &Geometry) {
    match g {
        Geometry::Point(p) => {
            out.push_str("<Point>");
            coords(out, &[p.0]);
            out.push_str("</Point>\n");
        }
        Geometry::Line(l) => line(out, &LineString(vec![l.start, l.end])),
        Geometry::LineString(l) => line(out, l),
        Geometry::Polygon(p) => polygon(out, p),
        Geometry::Rect(r) => polygon(out, &r.to_polygon()),
        Geometry::Triangle(t) => polygon(out, &t.to_polygon()),
        Geometry::MultiPoint(m) => multi(out, m.0.iter().map(|p| Geometry::Point(*p))),
        Geometry::MultiLineString(m) => multi(out, m.0.iter().cloned().map(Geometry::LineString)),
        Geometry::MultiPolygon(m) => multi(out, m.0.iter().cloned().map(Geometry::Polygon)),
        Geometry::GeometryCollection(c) => multi(out, c.0.iter().cloned()),
    }
}

fn multi(out: &mut String, parts: impl Iterator<Item = Geometry>) {
    out.push_str("<MultiGeometry>\n");
    for g in parts {
        geometry(out, &g);
    }
    out.push_str("</MultiGeometry>\n");
}
