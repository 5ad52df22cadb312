#!/usr/bin/env bash
# HTTP load run against the real server: every tile of z6–z11 over the analysis window (143–151.5°E,
# 42–47°N) plus the GeoJSON API, requested in turn by wrk with 64 connections, gzip accepted: first a cold pass
# (2 connections, each URL about once: tiles cut on demand), then the warm run.
# Usage: bench/load.sh [seconds]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
secs=${1:-20}
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
start_kuril "$work"
{
  python3 bench/tiles.py /tiles/ .mvt
  for p in /api/lines /api/scenarios /api/straits.geojson /api/places.geojson /style.json /tiles.json; do echo "$p"; done
} >"$work/paths"
n=$(wc -l < "$work/paths")
echo "load: $n URLs (tiles z6–z11 over the analysis window, API documents) against $base"
echo "--- cold pass (2 connections, about each URL once: tiles cut on demand)"
wrk -t1 -c2 -d"$((n / 500 + 2))s" --timeout 30s -s bench/wrk.lua "$base" -- "$work/paths" | tail -1
echo "--- warm: 64 connections for ${secs}s"
wrk -t2 -c64 -d"${secs}s" --timeout 30s -s bench/wrk.lua "$base" -- "$work/paths" | tail -1
rss=$(ps -o rss= -p "$pid")
echo "server resident memory after the run: $((rss / 1024)) MiB"
