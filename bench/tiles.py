"""The benchmark's tile list: every tile of z6–z11 over the analysis window (143–151.5°E, 42–47°N), one per line.

Usage: python3 bench/tiles.py [PREFIX [SUFFIX]]   prints PREFIX + "z/x/y" + SUFFIX (default: just "z/x/y").
"""
import math
import sys


def tile(lon, lat, z):
    n = 2**z
    return int((lon + 180) / 360 * n), int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)


prefix = sys.argv[1] if len(sys.argv) > 1 else ""
suffix = sys.argv[2] if len(sys.argv) > 2 else ""
for z in range(6, 12):
    x0, y0 = tile(143.0, 47.0, z)
    x1, y1 = tile(151.5, 42.0, z)
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            print(f"{prefix}{z}/{x}/{y}{suffix}")
