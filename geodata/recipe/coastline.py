#!/usr/bin/env python3
"""Stitch GSHHG shoreline pieces into polygons and write geodata/coastline.geojson.

Input: the output of `gmt coast -R139/157/41/55 -Df -W1 -M` on stdin: GSHHG full resolution, every level, each
piece headed "> Shore Bin # N, Level L" (1 land/ocean, 2 lake, 3 island in a lake, 4 pond on such an island).
GMT splits shorelines at the edges of its storage bins; the pieces' end points match exactly once rounded to
1e-6 degrees, so the pieces of one level chain into rings. Shorelines cut by the region's edge (Asia, Honshu,
Kamchatka, and the lakes of the Asian mainland that the edge crosses) are closed along that edge.

Output: a GeoJSON FeatureCollection of Polygons, as OGC Simple Features and RFC 7946 ask: one per land mass
(level 1) with its lakes (level 2) as holes, and one per island in a lake (level 3) with its ponds (level 4) as
holes, so that no ring of a feature lies inside another shell. `"level"` says which (1 or 3). Exteriors
counter-clockwise, holes clockwise; coordinates rounded to 1e-5 degrees (about 1 m; GSHHG full resolution is good
to tens of metres). Python standard library only.
"""
import json
import re
import sys

WEST, EAST, SOUTH, NORTH = 139.0, 157.0, 41.0, 55.0
KEY = 1e-6
OUT_DIGITS = 5


def read_pieces(lines):
    """{level: [piece]} from GMT's multi-segment output."""
    pieces, cur = {}, None
    for line in lines:
        if line.startswith(">"):
            m = re.search(r"Level (\d+)", line)
            if not m:
                raise ValueError(f"segment header without a level: {line.strip()}")
            cur = []
            pieces.setdefault(int(m.group(1)), []).append(cur)
            continue
        parts = line.split()
        if len(parts) >= 2:
            cur.append((float(parts[0]), float(parts[1])))
    return {level: [p for p in ps if len(p) >= 2] for level, ps in pieces.items()}


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


def bbox(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def inside(pt, ring, box):
    """Point in ring (even-odd ray casting), after a bounding-box test."""
    x, y = pt
    if not (box[0] <= x <= box[2] and box[1] <= y <= box[3]):
        return False
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def probe(ring):
    """A point of the ring's interior side for containment tests: the midpoint of its first segment (no vertex
    of one GSHHG level lies on a ring of another, but a segment's midpoint avoids shared bin-edge vertices)."""
    (x1, y1), (x2, y2) = ring[0], ring[1]
    return (x1 + x2) / 2, (y1 + y2) / 2


def rings_of_level(pieces, land_on_left, close_at_edge):
    """Closed, cleaned rings (at least 4 positions) of one level's pieces. Chains cut by the region's edge are
    closed along it (`close_at_edge`) or left out."""
    rings, chains = chain(pieces)
    if chains and close_at_edge:
        rings += close_chains(chains, land_on_left)
    out = []
    for ring in rings:
        ring = clean(ring)
        if len(ring) >= 4 and signed_area(ring) != 0:
            out.append(ring)
    return out


def nest(shells, holes):
    """Polygons: each shell counter-clockwise with the holes inside it, clockwise. A hole belongs to the smallest
    shell that contains it."""
    shells = sorted(shells, key=lambda r: abs(signed_area(r)))
    boxes = [bbox(r) for r in shells]
    polys = [[r if signed_area(r) > 0 else r[::-1]] for r in shells]
    for hole in holes:
        pt = probe(hole)
        owner = next((i for i, (r, b) in enumerate(zip(shells, boxes)) if inside(pt, r, b)), None)
        if owner is None:
            raise ValueError(f"a lake or pond shoreline lies in no shell: {hole[0]}")
        polys[owner].append(hole if signed_area(hole) < 0 else hole[::-1])
    return polys


def main():
    pieces = read_pieces(sys.stdin)
    if 1 not in pieces:
        raise ValueError("no level-1 shoreline in the input")
    # GSHHG keeps one orientation for all level-1 shorelines; learn it from the largest ring that closes alone.
    closed, _ = chain(pieces[1])
    biggest = max(closed, key=lambda r: abs(signed_area(r)))
    land_on_left = signed_area(biggest) > 0
    # Land masses cut by the edge are closed along it. A lake the edge cuts (one, on the Asian mainland at 139°E)
    # is left out: closed along the edge, it would share that edge with its land's ring, an invalid hole.
    levels = {
        level: rings_of_level(ps, land_on_left if level % 2 else not land_on_left, close_at_edge=level == 1)
        for level, ps in pieces.items()
    }
    if any(level > 4 for level in levels):
        raise ValueError(f"unexpected GSHHG levels {sorted(levels)}")
    polygons = [(1, p) for p in nest(levels.get(1, []), levels.get(2, []))]
    # Islands in a lake that was left out (cut by the edge) would lie on land: left out with it.
    lakes = [(r, bbox(r)) for r in levels.get(2, [])]
    in_lake = [r for r in levels.get(3, []) if any(inside(probe(r), lake, b) for lake, b in lakes)]
    polygons += [(3, p) for p in nest(in_lake, levels.get(4, []))]
    polygons.sort(key=lambda lp: -abs(signed_area(lp[1][0])))
    out = sys.stdout
    out.write('{"type":"FeatureCollection","features":[\n')
    for n, (level, rings) in enumerate(polygons):
        geom = {"type": "Polygon", "coordinates": [[list(p) for p in ring] for ring in rings]}
        feat = {"type": "Feature", "properties": {"level": level}, "geometry": geom}
        out.write(json.dumps(feat, separators=(",", ":")))
        out.write(",\n" if n + 1 < len(polygons) else "\n")
    out.write("]}\n")
    counts = {level: len(rings) for level, rings in sorted(levels.items())}
    print(f"coastline: rings per GSHHG level {counts} -> {len(polygons)} polygons "
          f"({sum(len(r) - 1 for _, r in polygons)} holes; {len(levels.get(3, [])) - len(in_lake)} islands of a "
          f"lake left out)", file=sys.stderr)


if __name__ == "__main__":
    main()
