#!/usr/bin/env bash
# `just bench`: our tile server against nginx (static files) and Martin (PMTiles), same tiles, same URLs, same
# load tool, in one run on this machine. Also measures start-up time, resident memory and the full export.
#
#   1. builds the release binary and exports the full pyramid (z0–z14) to PMTiles, timed;
#   2. writes the tiles of z6–z11 over the analysis window (143–151.5°E, 42–47°N) as gzip files for nginx
#      (bench/pmtiles-to-dir.mjs reads the same archive), and that list becomes the URL list for all three;
#   3. starts our server (start-up timed), nginx (root = the files) and Martin (the PMTiles archive), each on a
#      free 127.0.0.1 port; one warm-up pass each;
#   4. oha, 64 connections, SECONDS each, gzip accepted; prints requests/s, p50, p99 and our ratio to each.
#
# Usage: bench/compare.sh [SECONDS=20] [MAX_ZOOM=14]
# Needs: oha (cargo install oha --locked), nginx (apt-get install nginx), Martin
# (cargo install martin@1.14.0 --locked; 1.14 is the newest that builds with Rust 1.95), Node (web/node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
maxzoom=${2:-14}
export PATH="$PATH:$HOME/.cargo/bin:$HOME/.cargo-tools/bin"
for tool in oha nginx martin node python3; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (see the header of $0)" >&2; exit 1; }
done
[ -d web/node_modules/pmtiles ] || (cd web && npm ci --no-audit --no-fund)

work=$(mktemp -d)
chmod 755 "$work"  # nginx workers (www-data) must read the files
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 300); do curl -fso /dev/null "$1" && return 0; sleep 0.05; done; echo "no answer from $1" >&2; return 1; }

echo "== build"
cargo build --release --quiet
bin=./target/release/kuril

echo "== export z0–z$maxzoom"
/usr/bin/time -f '%e s wall, %M KiB peak RSS' -o "$work/export.time" \
  "$bin" export --out "$work/site" --max-zoom "$maxzoom" >"$work/export.log" 2>&1
tiles_total=$(grep -oE '[0-9,]+ tiles' "$work/export.log" | tail -1 || true)
# The archive is named by its content (tiles-<hash>.pmtiles): the style says which.
archive="$work/site/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sources"]["kuril"]["url"].removeprefix("pmtiles://"))' "$work/site/style.json")"
echo "export: $(cat "$work/export.time"), $tiles_total, $(du -h "$archive" | cut -f1) PMTiles"

python3 bench/tiles.py >"$work/candidates"
node bench/pmtiles-to-dir.mjs "$archive" "$work/tree/tiles" <"$work/candidates" >"$work/tiles"
n=$(wc -l <"$work/tiles")

echo "== start the servers"
p_ours=$(free_port)
t0=$(date +%s%N)
"$bin" --addr "127.0.0.1:$p_ours" >"$work/ours.out" 2>"$work/ours.log" &
pids+=($!); ours_pid=$!
wait_http "http://127.0.0.1:$p_ours/healthz"
t1=$(date +%s%N)
startup_ms=$(( (t1 - t0) / 1000000 ))
rss_start=$(( $(ps -o rss= -p "$ours_pid") / 1024 ))

p_nginx=$(free_port)
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  types { application/vnd.mapbox-vector-tile mvt; }
  open_file_cache max=20000 inactive=60s;
  server {
    listen 127.0.0.1:$p_nginx;
    root $work/tree;
    location /tiles/ { add_header Content-Encoding gzip; }
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)

p_martin=$(free_port)
# Martin names a source by its file name: "tiles", as the URLs below expect.
ln -sf "$archive" "$work/tiles.pmtiles"
martin --listen-addresses "127.0.0.1:$p_martin" "$work/tiles.pmtiles" >"$work/martin.log" 2>&1 &
pids+=($!)

first=$(head -1 "$work/tiles")
wait_http "http://127.0.0.1:$p_nginx/tiles/$first.mvt"
wait_http "http://127.0.0.1:$p_martin/tiles/$first"
sed "s|^|http://127.0.0.1:$p_ours/tiles/|; s|$|.mvt|" "$work/tiles" >"$work/urls.ours"
sed "s|^|http://127.0.0.1:$p_nginx/tiles/|; s|$|.mvt|" "$work/tiles" >"$work/urls.nginx"
sed "s|^|http://127.0.0.1:$p_martin/tiles/|" "$work/tiles" >"$work/urls.martin"

run() { # name → JSON summary in $work/$name.json
  oha --no-tui -c 2 -n "$n" --urls-from-file -H 'Accept-Encoding: gzip' --output-format quiet "$work/urls.$1" >/dev/null
  oha --no-tui -c 64 -z "${secs}s" --urls-from-file -H 'Accept-Encoding: gzip' --output-format json \
    "$work/urls.$1" >"$work/$1.json"
}
# Our server computes its expensive documents in the background after start-up (routes::warm); measure the
# steady state, not that minute's CPU.
for _ in $(seq 600); do grep -q "documents warmed" "$work/ours.log" && break; sleep 0.1; done
echo "== load: $n tile URLs, 64 connections, ${secs}s each, gzip"
run ours
rss_after=$(( $(ps -o rss= -p "$ours_pid") / 1024 ))
run nginx
run martin

python3 - "$work" "$startup_ms" "$rss_start" "$rss_after" <<'PY'
import json, sys
work, startup, rss0, rss1 = sys.argv[1], *map(int, sys.argv[2:])
rows = {}
for name in ("ours", "nginx", "martin"):
    j = json.load(open(f"{work}/{name}.json"))
    s, lat = j["summary"], j["latencyPercentiles"]
    codes = j.get("statusCodeDistribution", {})
    ok = sum(v for k, v in codes.items() if k.startswith("2") or k == "304")
    rows[name] = (s["requestsPerSec"], lat["p50"] * 1e3, lat["p99"] * 1e3, ok, sum(codes.values()))
print(f"{'server':8} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'2xx/304':>18}")
for name, (rps, p50, p99, ok, total) in rows.items():
    print(f"{name:8} {rps:10.0f} {p50:8.2f} {p99:8.2f} {ok:>9}/{total:<8}")
o = rows["ours"][0]
print(f"ours / nginx  = {o / rows['nginx'][0]:.2f}x  (target ≥ 1.0x)")
print(f"ours / martin = {o / rows['martin'][0]:.2f}x  (target ≥ 1.5x)")
print(f"ours p99 = {rows['ours'][2]:.2f} ms (target < 5 ms)")
print(f"start-up to first /healthz 200: {startup} ms; resident memory {rss0} MiB at start, {rss1} MiB after the load")
PY
