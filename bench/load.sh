#!/usr/bin/env bash
# HTTP load run against the real server: every tile of z6–z11 over the analysis window (143–151.5°E,
# 42–47°N) plus the GeoJSON API, requested at random by oha with 64 connections, gzip accepted, after one warm-up
# pass (the server caches tiles; a cold pass is reported separately).
# Usage: bench/load.sh [seconds]   (needs oha: cargo install oha --locked)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
secs=${1:-20}
command -v oha >/dev/null || { echo "needs oha: cargo install oha --locked" >&2; exit 1; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
start_kuril "$work"
{
  python3 bench/tiles.py "$base/tiles/" .mvt
  for p in /api/lines /api/scenarios /api/straits.geojson /api/places.geojson /style.json /tiles.json; do echo "$base$p"; done
} >"$work/urls"
n=$(wc -l < "$work/urls")
echo "load: $n URLs (tiles z6–z11 over the analysis window, API documents) against $base"
echo "--- cold pass (each URL once, 2 connections: tiles cut on demand)"
oha --no-tui -c 2 -n "$n" --urls-from-file -H 'Accept-Encoding: gzip' "$work/urls" | grep -E "Requests/sec|Slowest|Fastest|Average|99.00%|\[2|\[3|\[4|\[5"
echo "--- warm: 64 connections for ${secs}s"
oha --no-tui -c 64 -z "${secs}s" --urls-from-file -H 'Accept-Encoding: gzip' "$work/urls" | grep -E "Success rate|Requests/sec|Slowest|Fastest|Average|50.00%|99.00%|99.90%|\[2|\[3|\[4|\[5"
rss=$(ps -o rss= -p "$pid")
echo "server resident memory after the run: $((rss / 1024)) MiB"
