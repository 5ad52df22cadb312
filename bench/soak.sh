#!/usr/bin/env bash
# `just soak`: 5 minutes of mixed traffic at 256 connections against the release server — tiles (z6–z11 over the
# analysis window), GeoJSON documents, OGC API items pages and static images — then checks that every response
# was 2xx/304 and that resident memory grew by less than 10% between the end of the warm-up minute and the end.
#
# Usage: bench/soak.sh [SECONDS=300] [CONNECTIONS=256]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
secs=${1:-300}
conns=${2:-256}
export PATH="$PATH:$HOME/.cargo/bin"
command -v wrk >/dev/null || { echo "soak needs wrk: apt-get install wrk" >&2; exit 1; }
cargo build --release --quiet
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
start_kuril "$work"
python3 bench/tiles.py /tiles/ .mvt >"$work/paths"
python3 - >>"$work/paths" <<'PY'
docs = ["/api/lines", "/api/scenarios", "/api/scenarios/soviet", "/api/straits.geojson", "/api/places.geojson",
        "/api/islands.geojson", "/style.json", "/tiles.json", "/api/timeline", "/api/straits-tour",
        "/ogc/collections", "/ogc/collections/islands/items?limit=10",
        "/ogc/collections/islands/items?limit=5&offset=5", "/ogc/collections/lines/items",
        "/ogc/collections/places/items?bbox=145,43,147,45", "/ogc/collections/straits/items/catherine"]
images = [f"/image.png?map={z}/44.3/146.5&width={w}&height={h}" for z in (5, 6, 7) for (w, h) in ((1200, 630), (600, 400))]
images += ["/image.svg?map=6/44.3/146.5", "/image.png?map=7/43.6/145.8&lines=two-island-1956&areas=two-island-1956"]
# Documents and images weighted so they are about a fifth of the requests.

for _ in range(20):
    for p in docs + images:
        print(p)
PY
n=$(wc -l <"$work/paths")
echo "soak: $n URLs (tiles, documents, OGC items, images), $conns connections, ${secs}s, against $base"
# Warm-up minute: caches fill; memory is measured from its end. A request may take up to 30 s (the server's own
# limit) before wrk counts it as a timeout.
soak() { wrk -t2 -c"$conns" -d"$1" --timeout 30s -s bench/wrk.lua "$base" -- "$work/paths" | tail -1; }
soak 60s >"$work/warm.json"
rss0=$(ps -o rss= -p "$pid")
soak "${secs}s" >"$work/soak.json"
rss1=$(ps -o rss= -p "$pid")
python3 - "$work/warm.json" "$work/soak.json" "$rss0" "$rss1" <<'PY'
import json, sys
bad = 0
for f in sys.argv[1:3]:
    j = json.load(open(f))
    print(f"{f.rsplit('/', 1)[1]}: {j['requests']} responses, {j['rps']:.0f} req/s, p50 {j['p50_ms']:.2f} ms, "
          f"p99 {j['p99_ms']:.2f} ms, {j['non_2xx_3xx']} not 2xx/3xx, {j['socket_errors']} socket errors or timeouts")
    bad += j["non_2xx_3xx"] + j["socket_errors"]
rss0, rss1 = int(sys.argv[3]), int(sys.argv[4])
growth = (rss1 - rss0) / rss0
print(f"resident memory: {rss0 // 1024} MiB after warm-up, {rss1 // 1024} MiB at the end ({growth:+.1%})")
ok = bad == 0 and growth < 0.10
print("soak:", "PASS" if ok else f"FAIL ({bad} bad responses or errors, memory {growth:+.1%})")
sys.exit(0 if ok else 1)
PY
