//! GeoPackage 1.3 (OGC 12-128r18): an SQLite database built in memory and serialised to bytes.
//!
//! `application_id` 'GPKG', `user_version` 10300, `gpkg_spatial_ref_sys` with EPSG:4326 and the required -1 and 0
//! rows, `gpkg_contents`, `gpkg_geometry_columns`, and one feature table per layer whose geometries are GeoPackage
//! blobs: the GP header (magic, version 0, flags: little-endian with an [minx, maxx, miny, maxy] envelope, SRS id)
//! followed by little-endian WKB. No spatial index (optional in the standard; the layers are small).

use geo::{BoundingRect, Coord, Geometry, LineString, Polygon};
use rusqlite::{Connection, MAIN_DB, params_from_iter, types::Value as Sql};
use serde_json::Value;

use super::{ColumnType, Layer};

const WGS84_WKT: &str = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,\
AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],\
UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],\
AUTHORITY[\"EPSG\",\"4326\"]]";

const SCHEMA: &str = "
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
";

/// The GeoPackage's bytes: one feature table per layer (table name = layer name).
pub fn gpkg(layers: &[Layer]) -> Result<Vec<u8>, rusqlite::Error> {
    let db = Connection::open_in_memory()?;
    db.execute_batch("PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;")?;
    db.execute_batch(SCHEMA)?;
    db.execute_batch(&format!(
        "INSERT INTO gpkg_spatial_ref_sys VALUES
          ('Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined Cartesian coordinate reference system'),
          ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
          ('WGS 84 geodetic', 4326, 'EPSG', 4326, '{WGS84_WKT}', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');"
    ))?;
    for l in layers {
        write_layer(&db, l)?;
    }
    let data = db.serialize(MAIN_DB)?;
    Ok(data.to_vec())
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn write_layer(db: &Connection, l: &Layer) -> Result<(), rusqlite::Error> {
    let columns = l.columns();
    let types: Vec<ColumnType> = columns.iter().map(|c| l.column_type(c)).collect();
    let mut ddl = format!(
        "CREATE TABLE {} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom {}",
        quote(&l.name),
        geometry_type(l)
    );
    for (c, t) in columns.iter().zip(&types) {
        let sql_type = match t {
            ColumnType::Boolean => "BOOLEAN",
            ColumnType::Integer => "INTEGER",
            ColumnType::Real => "DOUBLE",
            ColumnType::Text => "TEXT",
        };
        // `fid` and `geom` are ours; a property of the same name would clash.
        let c = if c == "fid" || c == "geom" {
            format!("{c}_")
        } else {
            c.clone()
        };
        ddl.push_str(&format!(", {} {sql_type}", quote(&c)));
    }
    ddl.push(')');
    db.execute(&ddl, [])?;

    let extent = l.extent();
    db.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
         VALUES (?1, 'features', ?2, ?3, ?4, ?5, ?6, ?7, 4326)",
        rusqlite::params![
            l.name,
            l.title,
            format!("{}. {}", l.title, super::credit()),
            extent.map(|e| e.min().x),
            extent.map(|e| e.min().y),
            extent.map(|e| e.max().x),
            extent.map(|e| e.max().y)
        ],
    )?;
    db.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', ?2, 4326, 0, 0)",
        rusqlite::params![l.name, geometry_type(l)],
    )?;

    let placeholders = vec!["?"; columns.len() + 1].join(", ");
    let mut insert = db.prepare(&format!("INSERT INTO {} VALUES (NULL, {placeholders})", quote(&l.name)))?;
    for f in &l.features {
        let mut row: Vec<Sql> = vec![Sql::Blob(blob(&f.geometry))];
        for (c, t) in columns.iter().zip(&types) {
            let v = if c == "id" {
                Some(Value::String(f.id.clone()))
            } else {
                f.properties.get(c).cloned()
            };
            row.push(match (v, t) {
                (None | Some(Value::Null), _) => Sql::Null,
                (Some(Value::Bool(b)), ColumnType::Boolean) => Sql::Integer(i64::from(b)),
                (Some(Value::Number(n)), ColumnType::Integer) => n.as_i64().map_or(Sql::Null, Sql::Integer),
                (Some(Value::Number(n)), ColumnType::Real) => n.as_f64().map_or(Sql::Null, Sql::Real),
                (Some(Value::String(s)), _) => Sql::Text(s),
                (Some(other), _) => Sql::Text(other.to_string()),
            });
        }
        insert.execute(params_from_iter(row))?;
    }
    Ok(())
}

/// The GeoPackage geometry type name: the one type every feature has, else GEOMETRY.
fn geometry_type(l: &Layer) -> &'static str {
    let mut names = l.features.iter().map(|f| type_name(&f.geometry));
    let first = names.next().unwrap_or("GEOMETRY");
    if names.all(|n| n == first) { first } else { "GEOMETRY" }
}

fn type_name(g: &Geometry) -> &'static str {
    match g {
        Geometry::Point(_) => "POINT",
        Geometry::Line(_) | Geometry::LineString(_) => "LINESTRING",
        Geometry::Polygon(_) | Geometry::Rect(_) | Geometry::Triangle(_) => "POLYGON",
        Geometry::MultiPoint(_) => "MULTIPOINT",
        Geometry::MultiLineString(_) => "MULTILINESTRING",
        Geometry::MultiPolygon(_) => "MULTIPOLYGON",
        Geometry::GeometryCollection(_) => "GEOMETRYCOLLECTION",
    }
}

/// A GeoPackage geometry blob: GP header with envelope, then little-endian WKB.
pub fn blob(g: &Geometry) -> Vec<u8> {
    let mut out = vec![b'G', b'P', 0];
    match g.bounding_rect() {
        Some(r) => {
            // Flags: bit 0 little-endian; bits 1-3 envelope kind 1 ([minx, maxx, miny, maxy]).
            out.push(0b0000_0011);
            out.extend_from_slice(&4326i32.to_le_bytes());
            for v in [r.min().x, r.max().x, r.min().y, r.max().y] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        None => {
            // Bit 4: empty geometry; no envelope.
            out.push(0b0001_0001);
            out.extend_from_slice(&4326i32.to_le_bytes());
        }
    }
    wkb(&mut out, g);
    out
}

fn header(out: &mut Vec<u8>, kind: u32) {
    out.push(1);
    out.extend_from_slice(&kind.to_le_bytes());
}

fn count(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
}

fn point(out: &mut Vec<u8>, c: Coord) {
    out.extend_from_slice(&c.x.to_le_bytes());
    out.extend_from_slice(&c.y.to_le_bytes());
}

fn points(out: &mut Vec<u8>, l: &LineString) {
    count(out, l.0.len());
    for c in &l.0 {
        point(out, *c);
    }
}

fn polygon_body(out: &mut Vec<u8>, p: &Polygon) {
    if p.exterior().0.is_empty() {
        count(out, 0);
        return;
    }
    count(out, 1 + p.interiors().len());
    points(out, p.exterior());
    for r in p.interiors() {
        points(out, r);
    }
}

/// Little-endian WKB (ISO/OGC 2D type codes).
pub fn wkb(out: &mut Vec<u8>, g: &Geometry) {
    match g {
        Geometry::Point(p) => {
            header(out, 1);
            point(out, p.0);
        }
        Geometry::Line(l) => {
            header(out, 2);
            points(out, &LineString(vec![l.start, l.end]));
        }
        Geometry::LineString(l) => {
            header(out, 2);
            points(out, l);
        }
        Geometry::Polygon(p) => {
            header(out, 3);
            polygon_body(out, p);
        }
        Geometry::Rect(r) => wkb(out, &Geometry::Polygon(r.to_polygon())),
        Geometry::Triangle(t) => wkb(out, &Geometry::Polygon(t.to_polygon())),
        Geometry::MultiPoint(m) => {
            header(out, 4);
            count(out, m.0.len());
            for p in &m.0 {
                wkb(out, &Geometry::Point(*p));
            }
        }
        Geometry::MultiLineString(m) => {
            header(out, 5);
            count(out, m.0.len());
            for l in &m.0 {
                header(out, 2);
                points(out, l);
            }
        }
        Geometry::MultiPolygon(m) => {
            header(out, 6);
            count(out, m.0.len());
            for p in &m.0 {
                header(out, 3);
                polygon_body(out, p);
            }
        }
        Geometry::GeometryCollection(c) => {
            header(out, 7);
            count(out, c.0.len());
            for g in &c.0 {
                wkb(out, g);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::point;

    #[test]
    fn point_blob_layout() {
        let b = blob(&point!(x: 1.0, y: 2.0).into());
        assert_eq!(&b[..4], b"GP\x00\x03");
        assert_eq!(i32::from_le_bytes([b[4], b[5], b[6], b[7]]), 4326);
        // header 8 + envelope 32 + WKB point 21
        assert_eq!(b.len(), 8 + 32 + 21);
        assert_eq!(b[40], 1);
        assert_eq!(u32::from_le_bytes([b[41], b[42], b[43], b[44]]), 1);
    }
}
