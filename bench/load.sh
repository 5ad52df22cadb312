#!/usr/bin/env bash
# HTTP load run against the real server: every tile of z6–z11 over the analysis window (143–151.5°E,
# 42–47°N) plus the GeoJSON API, requested at random by oha with 64 connections, gzip accepted, after one warm-up
# pass (the server caches tiles; a cold pass is reported separately).
# Usage: bench/load.sh [seconds]   (needs oha: cargo install oha --locked)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
command -v oha >/dev/null || { echo "needs oha: cargo install oha --locked" >&2; exit 1; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
./target/release/kuril --addr 127.0.0.1:0 >"$work/out" 2>"$work/log" &
pid=$!
for _ in $(seq 100); do grep -q http "$work/out" 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' "$work/out")
python3 - "$base" > "$work/urls" <<'PY'
import math, sys
base = sys.argv[1]
def tile(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y
for z in range(6, 12):
    x0, y0 = tile(143.0, 47.0, z)
    x1, y1 = tile(151.5, 42.0, z)
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            print(f"{base}/tiles/{z}/{x}/{y}.mvt")
for p in ["/api/lines", "/api/scenarios", "/api/straits.geojson", "/api/places.geojson", "/style.json", "/tiles.json"]:
    print(base + p)
PY
n=$(wc -l < "$work/urls")
echo "load: $n URLs (tiles z6–z11 over the analysis window, API documents) against $base"
echo "--- cold pass (each URL once, 2 connections: tiles cut on demand)"
oha --no-tui -c 2 -n "$n" --urls-from-file -H 'Accept-Encoding: gzip' "$work/urls" | grep -E "Requests/sec|Slowest|Fastest|Average|99.00%|\[2|\[3|\[4|\[5"
echo "--- warm: 64 connections for ${secs}s"
oha --no-tui -c 64 -z "${secs}s" --urls-from-file -H 'Accept-Encoding: gzip' "$work/urls" | grep -E "Success rate|Requests/sec|Slowest|Fastest|Average|50.00%|99.00%|99.90%|\[2|\[3|\[4|\[5"
rss=$(ps -o rss= -p "$pid")
echo "server resident memory after the run: $((rss / 1024)) MiB"
