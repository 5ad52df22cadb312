#!/usr/bin/env python3
"""Stitch GSHHG shoreline pieces into closed rings and write geodata/coastline.geojson.

Input: the output of `gmt coast -R139/157/41/55 -Df -W1 -M` on stdin (GSHHG full resolution, level 1: the
land/ocean shoreline). GMT splits shorelines at the edges of its storage bins; the pieces' end points match
exactly once rounded to 1e-6 degrees, so they chain into rings. Landmasses cut by the region's edge (Asia,
Honshu, Kamchatka) are closed along that edge.

Output: a GeoJSON FeatureCollection, one Polygon (exterior ring only, counter-clockwise as RFC 7946 asks) per
landmass, coordinates rounded to 1e-5 degrees (about 1 m; GSHHG full resolution is good to tens of metres).
Python standard library only.
"""
import json
import sys

WEST, EAST, SOUTH, NORTH = 139.0, 157.0, 41.0, 55.0
KEY = 1e-6
OUT_DIGITS = 5


def read_pieces(lines):
    pieces, cur = [], None
    for line in lines:
        if line.startswith(">"):
            cur = []
            pieces.append(cur)
            continue
        parts = line.split()
        if len(parts) >= 2:
            cur.append((float(parts[0]), float(parts[1])))
    return [p for p in pieces if len(p) >= 2]


def key(pt):
    return (round(pt[0] / KEY), round(pt[1] / KEY))


def chain(pieces):
    """Join pieces end to start. Returns (closed rings, open chains)."""
    by_start = {}
    for i, p in enumerate(pieces):
        by_start.setdefault(key(p[0]), []).append(i)
    used = [False] * len(pieces)
    # An open chain must start at a piece that no other piece ends at.
    ends = {key(p[-1]) for p in pieces}
    order = sorted(range(len(pieces)), key=lambda i: key(pieces[i][0]) in ends)
    rings, chains = [], []
    for i in order:
        if used[i]:
            continue
        used[i] = True
        line = list(pieces[i])
        while key(line[-1]) != key(line[0]):
            nxt = [j for j in by_start.get(key(line[-1]), []) if not used[j]]
            if not nxt:
                break
            used[nxt[0]] = True
            line.extend(pieces[nxt[0]][1:])
        if key(line[-1]) == key(line[0]) and len(line) >= 4:
            line[-1] = line[0]
            rings.append(line)
        else:
            chains.append(line)
    return rings, chains


def signed_area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2.0


def perimeter_pos(pt):
    """Position along the region's edge, counter-clockwise from the south-west corner."""
    x, y = pt
    w, h = EAST - WEST, NORTH - SOUTH
    eps = 1e-4
    if abs(y - SOUTH) < eps:
        return x - WEST
    if abs(x - EAST) < eps:
        return w + (y - SOUTH)
    if abs(y - NORTH) < eps:
        return w + h + (EAST - x)
    if abs(x - WEST) < eps:
        return 2 * w + h + (NORTH - y)
    raise ValueError(f"open shoreline ends inside the region at {pt}")




def corners_between(a, b, ccw):
    """Region corners met walking the edge from position a to position b."""
    w, h = EAST - WEST, NORTH - SOUTH
    total = 2 * (w + h)
    corners = [(0.0, (WEST, SOUTH)), (w, (EAST, SOUTH)), (w + h, (EAST, NORTH)), (2 * w + h, (WEST, NORTH))]
    out = []
    if ccw:
        dist = (b - a) % total
        for pos, c in corners:
            d = (pos - a) % total
            if 0 < d < dist:
                out.append((d, c))
    else:
        dist = (a - b) % total
        for pos, c in corners:
            d = (a - pos) % total
            if 0 < d < dist:
                out.append((d, c))
    return [c for _, c in sorted(out)]


def close_chains(chains, land_on_left):
    """Close shoreline chains cut by the region's edge into rings, walking the edge with land kept inside."""
    total = 2 * ((EAST - WEST) + (NORTH - SOUTH))
    starts = [(perimeter_pos(c[0]), i) for i, c in enumerate(chains)]
    used = [False] * len(chains)
    rings = []
    for first in range(len(chains)):
        if used[first]:
            continue
        ring, i = [], first
        while True:
            used[i] = True
            ring.extend(chains[i])
            end = perimeter_pos(chains[i][-1])
            # the next chain start met walking along the edge in the land-keeping direction
            if land_on_left:
                nxt = min(starts, key=lambda s: (s[0] - end) % total)
            else:
                nxt = min(starts, key=lambda s: (end - s[0]) % total)
            ring.extend(corners_between(end, nxt[0], land_on_left))
            i = nxt[1]
            if i == first:
                break
            if used[i]:
                raise ValueError("shoreline chains do not close consistently")
        ring.append(ring[0])
        rings.append(ring)
    return rings


def clean(ring):
    out = []
    for x, y in ring:
        p = (round(x, OUT_DIGITS), round(y, OUT_DIGITS))
        if not out or out[-1] != p:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def main():
    pieces = read_pieces(sys.stdin)
    rings, chains = chain(pieces)
    # GSHHG keeps one orientation for all level-1 shorelines; learn it from the largest closed ring.
    biggest = max(rings, key=lambda r: abs(signed_area(r)))
    land_on_left = signed_area(biggest) > 0
    rings += close_chains(chains, land_on_left) if chains else []
    features = []
    for ring in rings:
        ring = clean(ring)
        if len(ring) < 4:
            continue
        if signed_area(ring) < 0:
            ring.reverse()
        features.append(ring)
    features.sort(key=lambda r: -abs(signed_area(r)))
    out = sys.stdout
    out.write('{"type":"FeatureCollection","features":[\n')
    for n, ring in enumerate(features):
        geom = {"type": "Polygon", "coordinates": [[list(p) for p in ring]]}
        feat = {"type": "Feature", "properties": {"level": 1}, "geometry": geom}
        out.write(json.dumps(feat, separators=(",", ":")))
        out.write(",\n" if n + 1 < len(features) else "\n")
    out.write("]}\n")
    print(f"coastline: {len(pieces)} pieces -> {len(features)} rings "
          f"({len(chains)} chains closed along the region edge)", file=sys.stderr)


if __name__ == "__main__":
    main()
