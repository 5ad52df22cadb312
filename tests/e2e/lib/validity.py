#!/usr/bin/env python3
"""Validity of everything the service publishes, checked with GEOS (shapely) and decoded with a vector-tile
decoder that is not ours (mapbox-vector-tile). Used by tests/e2e/validity.test.mjs; prints one JSON report.

  validity.py tiles BASE_URL          every tile of z0-z12 over the analysis window, a deterministic sample of
                                      z13-z14 over it and of z5-z12 beyond it (in the shoreline region)
  validity.py geojson URL...          every feature of GeoJSON documents (OGC item pages are followed by rel=next)
  validity.py files FILE...           every feature of files GDAL can read (ogr2ogr to GeoJSON on stdout)

The report: {"checked": N, "polygons": N, "invalid": [{"where", "id", "reason"}...], "count": {...}}.
"""
import json
import math
import re
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import mapbox_vector_tile
from shapely.geometry import shape
from shapely.validation import explain_validity

WINDOW = (143.0, 42.0, 151.5, 47.0)  # the analysis window: west, south, east, north
REGION = (139.0, 41.0, 157.0, 55.0)  # the shoreline data's region
MAX_INVALID = 50  # examples kept in the report


def tile_of(lng, lat, z):
    n = 2**z
    x = int((lng + 180.0) / 360.0 * n)
    r = math.radians(lat)
    y = int((1.0 - math.log(math.tan(r) + 1.0 / math.cos(r)) / math.pi) / 2.0 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def tiles_over(box, z):
    x0, y0 = tile_of(box[0], box[3], z)
    x1, y1 = tile_of(box[2], box[1], z)
    return [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def tile_list():
    """Every tile over the window to z12; every 97th at z13 and every 389th at z14 over it; every 7th tile of the
    shoreline region outside the window at z5-z12. Deterministic (no random numbers)."""
    out = []
    for z in range(0, 13):
        out += tiles_over(WINDOW, z)
    for z, step in ((13, 97), (14, 389)):
        out += tiles_over(WINDOW, z)[::step]
    for z in range(5, 13):
        inside = set(tiles_over(WINDOW, z))
        out += [t for t in tiles_over(REGION, z) if t not in inside][:: 7 if z < 11 else 61]
    return out


def fetch(url):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    with urllib.request.urlopen(req, timeout=120) as res:
        return res.status, res.read()


class Report:
    def __init__(self):
        self.checked = 0
        self.polygons = 0
        self.invalid = []
        self.invalid_count = 0
        self.count = {}

    def check(self, where, fid, geom):
        self.checked += 1
        if geom is None or geom.is_empty:
            return
        kind = geom.geom_type
        if kind in ("Polygon", "MultiPolygon"):
            self.polygons += 1
        if not geom.is_valid:
            self.invalid_count += 1
            key = where.split(" ")[0]
            self.count[key] = self.count.get(key, 0) + 1
            if len(self.invalid) < MAX_INVALID:
                self.invalid.append({"where": where, "id": fid, "reason": explain_validity(geom)})

    def dump(self, extra):
        print(json.dumps({"checked": self.checked, "polygons": self.polygons, "invalid_count": self.invalid_count,
                          "invalid_by": self.count, "invalid": self.invalid, **extra}))


def check_tiles(base):
    report = Report()
    tiles = tile_list()
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda t: (t, fetch(f"{base}/tiles/{t[0]}/{t[1]}/{t[2]}.mvt")), tiles))
    non_empty = 0
    by_zoom = {}
    missing_id = {}  # features without an MVT id, per layer
    duplicate_id = {}  # tiles in which a layer has two features with one id, per layer
    for (z, x, y), (status, body) in results:
        if status == 204:
            continue
        if status != 200:
            raise SystemExit(f"tile {z}/{x}/{y}: HTTP {status}")
        non_empty += 1
        by_zoom[z] = by_zoom.get(z, 0) + 1
        decoded = mapbox_vector_tile.decode(body, default_options={"y_coord_down": True})
        for layer, content in decoded.items():
            ids = [f.get("id") for f in content["features"]]
            # MVT readers take a missing id for 0; every feature must have its own.
            missing = sum(1 for i in ids if not i)
            if missing:
                missing_id[layer] = missing_id.get(layer, 0) + missing
            if len(set(ids)) != len(ids):
                duplicate_id[layer] = duplicate_id.get(layer, 0) + 1
            for f in content["features"]:
                g = f["geometry"]
                if g["type"] not in ("Polygon", "MultiPolygon"):
                    continue
                # Coordinates a little outside the tile (the clip buffer) are allowed by MVT and by GEOS.
                report.check(f"{layer} {z}/{x}/{y}", f.get("id"), shape(g))
    report.dump({"tiles": len(tiles), "non_empty": non_empty, "by_zoom": by_zoom, "missing_id": missing_id,
                 "duplicate_id": duplicate_id})


def features_of(url):
    """Features of a GeoJSON document, following rel=next links (OGC items pages)."""
    while url:
        status, body = fetch(url)
        if status != 200:
            raise SystemExit(f"{url}: HTTP {status}")
        doc = json.loads(body)
        if doc.get("type") == "Feature":
            yield doc
            return
        yield from doc.get("features", [])
        url = next((link["href"] for link in doc.get("links", []) if link.get("rel") == "next"), None)


def check_geojson(urls):
    report = Report()
    for url in urls:
        for f in features_of(url):
            g = f.get("geometry")
            report.check(url, f.get("id") or (f.get("properties") or {}).get("id"), shape(g) if g else None)
    report.dump({"documents": len(urls)})


def layers_of(path):
    out = subprocess.run(["ogrinfo", "-ro", "-q", path], capture_output=True, check=True, text=True)
    return re.findall(r"^\d+: (\S+)", out.stdout, re.M)


def check_files(paths):
    report = Report()
    layers = 0
    for path in paths:
        # One layer at a time: a GeoJSON document holds one (the scenario bundles have several).
        for layer in layers_of(path):
            layers += 1
            out = subprocess.run(["ogr2ogr", "-f", "GeoJSON", "/vsistdout/", path, layer], capture_output=True, check=True)
            for f in json.loads(out.stdout)["features"]:
                g = f.get("geometry")
                report.check(f"{path}:{layer}", (f.get("properties") or {}).get("id"), shape(g) if g else None)
    report.dump({"files": len(paths), "layers": layers})


def main():
    mode, *args = sys.argv[1:]
    if mode == "tiles":
        check_tiles(args[0].rstrip("/"))
    elif mode == "geojson":
        check_geojson(args)
    elif mode == "files":
        check_files(args)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
