#!/usr/bin/env python3
"""Take the Habomai islets' shorelines from OpenStreetMap instead of GSHHG.

GSHHG's rings of the low, reef-fringed Habomai islets lie up to 270-630 m outside OpenStreetMap's and make each
islet 5-60% larger than the Japanese survey (GSI) says; OpenStreetMap's outlines, as generalised in the npm
package @geo-maps/earth-coastlines-1m, give each islet within 5% of the GSI figure (docs/geometry.md has the
comparison).

Rule, inside the window below (the Habomai islets and nothing else: Hokkaido ends west of it, Kunashir north of
it, Shikotan east of it):
- every OpenStreetMap polygon lying wholly inside the window is taken;
- a GSHHG ring lying wholly inside the window is dropped if it overlaps one of those polygons, and kept if it
  does not (rocks below the OpenStreetMap product's size threshold, which only GSHHG has);
- rings outside the window, or crossing it, are untouched (none crosses it: the script checks).

Usage: habomai_osm.py GSHHG_COASTLINE OSM_MAP OUT_COASTLINE OUT_OSM
  GSHHG_COASTLINE  coastline.py's output (GeoJSON FeatureCollection of Polygons)
  OSM_MAP          map.geo.json of @geo-maps/earth-coastlines-1m (a GeometryCollection of MultiPolygons)
  OUT_COASTLINE    the GSHHG rings that are kept, in coastline.py's format
  OUT_OSM          the OpenStreetMap islets, same format, `"source":"osm"` on each feature
Needs shapely (pinned by build.sh).
"""
import json
import sys

from shapely.geometry import Polygon, box
from shapely.geometry.polygon import orient

# west, south, east, north (degrees)
WINDOW = (145.84, 43.30, 146.46, 43.70)
OUT_DIGITS = 5


def osm_polygons(path, window):
    with open(path, encoding="utf-8") as f:
        collection = json.load(f)
    out = []
    for geom in collection["geometries"]:
        parts = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for rings in parts:
            xs = [p[0] for p in rings[0]]
            ys = [p[1] for p in rings[0]]
            if max(xs) < window.bounds[0] or min(xs) > window.bounds[2]:
                continue
            if max(ys) < window.bounds[1] or min(ys) > window.bounds[3]:
                continue
            poly = Polygon(rings[0], rings[1:])
            if window.contains(poly):
                out.append(poly)
            elif window.intersects(poly):
                raise SystemExit(f"habomai_osm: an OpenStreetMap polygon crosses the window: {poly.bounds}")
    return out


def rounded(poly):
    """Exterior ring only (as coastline.py writes), counter-clockwise, rounded to 1e-5 degrees, still valid."""
    ring = []
    for x, y in orient(Polygon(poly.exterior), 1.0).exterior.coords:
        p = [round(x, OUT_DIGITS), round(y, OUT_DIGITS)]
        if not ring or ring[-1] != p:
            ring.append(p)
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    if len(ring) < 4 or not Polygon(ring).is_valid:
        raise SystemExit(f"habomai_osm: an OpenStreetMap islet is not valid once rounded: {poly.bounds}")
    return ring


def write(path, features):
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"type":"FeatureCollection","features":[\n')
        out.write(",\n".join(json.dumps(f, separators=(",", ":")) for f in features))
        out.write("\n]}\n")


def main():
    gshhg_path, osm_path, out_coastline, out_osm = sys.argv[1:5]
    window = box(*WINDOW)
    with open(gshhg_path, encoding="utf-8") as f:
        gshhg = json.load(f)["features"]
    osm = osm_polygons(osm_path, window)
    if not osm:
        raise SystemExit("habomai_osm: no OpenStreetMap polygon inside the window")

    kept, dropped, rocks = [], 0, 0
    for feat in gshhg:
        ring = Polygon(feat["geometry"]["coordinates"][0])
        if window.contains(ring):
            if any(ring.intersects(o) for o in osm):
                dropped += 1
                continue
            rocks += 1
        elif window.intersects(ring):
            raise SystemExit(f"habomai_osm: a GSHHG ring crosses the window: {ring.bounds}")
        kept.append(feat)
    for o in osm:
        if not any(o.intersects(Polygon(f["geometry"]["coordinates"][0])) for f in gshhg):
            raise SystemExit(f"habomai_osm: an OpenStreetMap islet has no GSHHG counterpart: {o.bounds}")

    osm.sort(key=lambda p: -p.area)
    write(out_coastline, kept)
    write(
        out_osm,
        [
            {
                "type": "Feature",
                "properties": {"source": "osm"},
                "geometry": {"type": "Polygon", "coordinates": [rounded(o)]},
            }
            for o in osm
        ],
    )
    print(
        f"habomai: {len(osm)} OpenStreetMap islets replace {dropped} GSHHG rings; "
        f"{rocks} GSHHG rocks kept",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
