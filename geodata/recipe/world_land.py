#!/usr/bin/env python3
"""Decode Natural Earth 10 m land from npm `world-atlas` (TopoJSON) into geodata/world-land.geojson.

Usage: world_land.py path/to/world-atlas/land-10m.json > geodata/world-land.geojson

The layer is only drawn at low zooms (the full-resolution GSHHG coastline takes over around the islands), so
it is simplified (0.01 degrees, topology preserved) and snapped to a 0.01-degree grid with GEOS (shapely), which
keeps every polygon valid; exterior rings are counter-clockwise and holes clockwise, as RFC 7946 asks.
"""
import json
import sys

import shapely
from shapely.geometry import Polygon, mapping
from shapely.geometry.polygon import orient

GRID = 0.01  # degrees


def decode_arcs(topo):
    t = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for p in arc:
            if t:
                x += p[0]
                y += p[1]
                pts.append((x * t["scale"][0] + t["translate"][0], y * t["scale"][1] + t["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        arcs.append(pts)
    return arcs


def ring_from(arcs, indices):
    ring = []
    for i in indices:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(pts if not ring else pts[1:])
    return ring


def polygons(geom):
    if geom["type"] == "GeometryCollection":
        for g in geom["geometries"]:
            yield from polygons(g)
    elif geom["type"] == "Polygon":
        yield geom["arcs"]
    elif geom["type"] == "MultiPolygon":
        yield from geom["arcs"]


def rounded(coords):
    return [[round(x, 2), round(y, 2)] for x, y in coords]


def main():
    topo = json.load(open(sys.argv[1]))
    arcs = decode_arcs(topo)
    feats = []
    for poly in polygons(topo["objects"]["land"]):
        rings = [ring_from(arcs, r) for r in poly]
        shape = Polygon(rings[0], rings[1:])
        shape = shapely.make_valid(shape)
        shape = shapely.simplify(shape, GRID, preserve_topology=True)
        shape = shapely.set_precision(shape, GRID)
        parts = getattr(shape, "geoms", [shape])
        for part in parts:
            if part.geom_type != "Polygon" or part.is_empty or not part.is_valid:
                continue
            part = orient(part, 1.0)
            geom = {"type": "Polygon", "coordinates": [rounded(part.exterior.coords)]
                    + [rounded(h.coords) for h in part.interiors]}
            feats.append({"type": "Feature", "properties": {}, "geometry": geom})
    out = sys.stdout
    out.write('{"type":"FeatureCollection","features":[\n')
    out.write(",\n".join(json.dumps(f, separators=(",", ":")) for f in feats))
    out.write("\n]}\n")
    print(f"world land: {len(feats)} polygons", file=sys.stderr)


if __name__ == "__main__":
    main()
