#!/usr/bin/env bash
# `just bench`: every figure of issue 17 in one run on this machine, each against its reference:
#   1. start-up (bench/startup.py): our release server from its start to the first /healthz 200 and to a
#      complete first view with every expensive document, 3 runs (target: under 1 s);
#   2. the full export z0–z$MAXZOOM: wall time and peak memory (targets: under 30 s, under 300 MB);
#   3. tiles: our server against nginx (the same tiles as gzip files) and Martin (the export's PMTiles archive,
#      when installed) on the same URL list — the non-empty tiles of z6–z11 over the analysis window
#      (143–151.5°E, 42–47°N) — with wrk, 2 threads, 64 connections, SECONDS each, gzip accepted, after a warm-up
#      pass, in two alternating rounds; then one hot tile without gzip (targets: ≥ 1.0× nginx, p99 < 5 ms);
#   4. the front end (bench/frontend.mjs): the app's first `idle` against a bare MapLibre page drawing the same
#      style, and the bytes before first paint (target: ≤ 1.1×).
# The load tool shares the two cores with the server it measures, as it does with nginx and Martin.
#
# Usage: bench/compare.sh [SECONDS=10] [MAX_ZOOM=14]
# Needs: wrk and nginx (apt-get install wrk nginx), Node with web/node_modules and tests/e2e/node_modules, Chromium
# (apt-get install chromium). Martin is optional: cargo install martin@1.14.0 --locked (1.14 is the newest that
# builds with Rust 1.95); without it the Martin column is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
maxzoom=${2:-14}
export PATH="$PATH:$HOME/.cargo/bin:$HOME/.cargo-tools/bin"
for tool in wrk nginx node python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (see the header of $0)" >&2; exit 1; }
done
have_martin=0
if command -v martin >/dev/null; then have_martin=1; else
  echo "note: Martin is not installed (cargo install martin@1.14.0 --locked); comparing with nginx only" >&2
fi
[ -d web/node_modules/pmtiles ] || (cd web && npm ci --no-audit --no-fund)
[ -d tests/e2e/node_modules ] || (cd tests/e2e && npm ci --no-audit --no-fund)

work=$(mktemp -d)
chmod 755 "$work"  # nginx workers (www-data) must read the files
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 600); do curl -fso /dev/null "$1" && return 0; sleep 0.05; done; echo "no answer from $1" >&2; return 1; }

echo "== build"
cargo build --release --quiet
bin=./target/release/kuril

echo "== start-up (3 runs)"
python3 bench/startup.py "$bin" 3 | tee "$work/startup.txt"

echo "== export z0–z$maxzoom"
/usr/bin/time -f '%e %M' -o "$work/export.time" "$bin" export --out "$work/site" --max-zoom "$maxzoom" >"$work/export.log" 2>&1
read -r export_s export_kib <"$work/export.time"
tiles_total=$(grep -oE 'exported [0-9]+ tiles' "$work/export.log" | grep -oE '[0-9]+' || echo "?")
# The archive is named by its content (tiles-<hash>.pmtiles): the style says which.
archive="$work/site/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sources"]["kuril"]["url"].removeprefix("pmtiles://"))' "$work/site/style.json")"
echo "export: $export_s s wall, $((export_kib / 1024)) MiB peak RSS, $tiles_total tiles, $(du -h "$archive" | cut -f1) PMTiles"

python3 bench/tiles.py >"$work/candidates"
node bench/pmtiles-to-dir.mjs "$archive" "$work/tree/tiles" <"$work/candidates" >"$work/tiles"
n=$(wc -l <"$work/tiles")
sed 's|^|/tiles/|; s|$|.mvt|' "$work/tiles" >"$work/paths.mvt"
sed 's|^|/tiles/|' "$work/tiles" >"$work/paths.martin"

echo "== start the servers"
p_ours=$(free_port)
"$bin" --addr "127.0.0.1:$p_ours" >"$work/ours.out" 2>"$work/ours.log" &
pids+=($!); ours_pid=$!
wait_http "http://127.0.0.1:$p_ours/healthz"
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
first=$(head -1 "$work/tiles")
wait_http "http://127.0.0.1:$p_nginx/tiles/$first.mvt"
servers="ours nginx"
declare -A url=([ours]="http://127.0.0.1:$p_ours" [nginx]="http://127.0.0.1:$p_nginx")
declare -A paths=([ours]="$work/paths.mvt" [nginx]="$work/paths.mvt")
if [ "$have_martin" = 1 ]; then
  p_martin=$(free_port)
  # Martin names a source by its file name: "tiles", as the URLs expect.
  ln -sf "$archive" "$work/tiles.pmtiles"
  martin --listen-addresses "127.0.0.1:$p_martin" "$work/tiles.pmtiles" >"$work/martin.log" 2>&1 &
  pids+=($!)
  wait_http "http://127.0.0.1:$p_martin/tiles/$first"
  servers="$servers martin"
  url[martin]="http://127.0.0.1:$p_martin"; paths[martin]="$work/paths.martin"
fi

echo "== tiles: $n URLs, wrk -t2 -c64, ${secs}s each, gzip, two alternating rounds"
for s in $servers; do  # warm-up: every URL once (our server cuts and caches them)
  wrk -t2 -c4 -d"$((n / 400 + 3))s" -s bench/wrk.lua "${url[$s]}" -- "${paths[$s]}" >/dev/null
done
for round in 1 2; do
  for s in $servers; do
    wrk -t2 -c64 -d"${secs}s" -s bench/wrk.lua "${url[$s]}" -- "${paths[$s]}" | tail -1 >"$work/$s.$round.json"
    echo "round $round $s: $(cat "$work/$s.$round.json")"
  done
done
hot=$(sed -n "$((n / 2))p" "$work/tiles")
# One hot tile without gzip (nginx sends the gzip file, which is smaller; ours sends the raw tile).
echo "$hot" | sed 's|^|/tiles/|; s|$|.mvt|' >"$work/hot.mvt"
for s in ours nginx; do
  wrk -t2 -c64 -d"${secs}s" -s bench/wrk.lua "${url[$s]}" -- "$work/hot.mvt" | tail -1 >"$work/$s.hot.json"
  echo "hot tile $hot $s: $(cat "$work/$s.hot.json")"
done
rss_after=$(( $(ps -o rss= -p "$ours_pid") / 1024 ))

echo "== front end"
node bench/frontend.mjs "${url[ours]}" 7 "$(free_port)" | tee "$work/frontend.txt"

python3 - "$work" "$servers" "$export_s" "$export_kib" "$rss_start" "$rss_after" <<'PY'
import json, re, sys
work, servers, export_s, export_kib, rss0, rss1 = sys.argv[1], sys.argv[2].split(), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
def load(name): return json.load(open(f"{work}/{name}.json"))
rows = {s: [load(f"{s}.{r}") for r in (1, 2)] for s in servers}
print()
print(f"{'server':8} {'req/s r1':>10} {'req/s r2':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
for s, (a, b) in rows.items():
    print(f"{s:8} {a['rps']:10.0f} {b['rps']:10.0f} {max(a['p50_ms'], b['p50_ms']):8.2f} {max(a['p99_ms'], b['p99_ms']):8.2f} "
          f"{a['non_2xx_3xx'] + b['non_2xx_3xx'] + a['socket_errors'] + b['socket_errors']:7}")
ours = sum(r["rps"] for r in rows["ours"])
def verdict(ok): return "met" if ok else "MISSED"
summary = []
r = ours / sum(x["rps"] for x in rows["nginx"])
summary.append(f"tiles ours/nginx = {r:.2f}x (target >= 1.0x: {verdict(r >= 1.0)})")
if "martin" in rows:
    r = ours / sum(x["rps"] for x in rows["martin"])
    summary.append(f"tiles ours/martin = {r:.2f}x (target >= 1.5x: {verdict(r >= 1.5)})")
hot = load("ours.hot")["rps"] / load("nginx.hot")["rps"]
summary.append(f"hot tile ours/nginx = {hot:.2f}x (target >= 1.0x: {verdict(hot >= 1.0)})")
p99 = max(x["p99_ms"] for x in rows["ours"])
summary.append(f"tiles p99 ours = {p99:.2f} ms, nginx = {max(x['p99_ms'] for x in rows['nginx']):.2f} ms (target < 5 ms: {verdict(p99 < 5)})")
st = open(f"{work}/startup.txt").read()
m = re.search(r"startup healthz-ms=(\d+) full-ms=(\d+)", st)
h, f = int(m.group(1)), int(m.group(2))
summary.append(f"start-up to /healthz = {h} ms, to the full first view = {f} ms (target < 1000 ms: {verdict(f < 1000)})")
summary.append(f"export = {export_s:.1f} s (target < 30 s: {verdict(export_s < 30)}), peak {export_kib // 1024} MiB (target < 300 MiB: {verdict(export_kib < 300 * 1024)})")
fe = open(f"{work}/frontend.txt").read()
m = re.search(r"idle-ratio=([0-9.]+)", fe)
if m:
    r = float(m.group(1))
    summary.append(f"front end first idle app/bare MapLibre = {r:.2f}x (target <= 1.1x: {verdict(r <= 1.1)})")
else:
    summary.append("front end: bench/frontend.mjs printed no idle-ratio")
summary.append(f"our server's resident memory: {rss0} MiB at start, {rss1} MiB after the load")
print()
print("\n".join(summary))
PY
