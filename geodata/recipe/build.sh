#!/usr/bin/env bash
# Rebuild the generated files of geodata/ from their source packages:
#   coastline.geojson   <- Debian gmt + gmt-gshhg-full (GSHHG 2.3.7, full resolution), less the Habomai islets
#   habomai-osm.geojson <- npm @geo-maps/earth-coastlines-1m@0.6.0 (OpenStreetMap): the Habomai islets
#   world-land.geojson  <- npm world-atlas@2.0.2 (Natural Earth 10 m land), simplified with shapely (PyPI)
# Usage: build.sh            write into geodata/
#        build.sh --check    build into a temporary folder and fail if the committed files differ
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
geodata=$(dirname "$here")
cache="$geodata/.cache"
out="$geodata"
if [ "${1:-}" = "--check" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$cache"

need_apt=()
command -v gmt >/dev/null || need_apt+=(gmt)
dpkg -s gmt-gshhg-full >/dev/null 2>&1 || need_apt+=(gmt-gshhg-full)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "geodata: installing ${need_apt[*]} (apt)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "geodata: please run: sudo apt-get install ${need_apt[*]}" >&2
    exit 1
  fi
fi

# Python with a pinned shapely (GEOS inside the wheel) so the output is reproducible.
if [ ! -x "$cache/venv/bin/python" ]; then
  python3 -m venv "$cache/venv"
fi
"$cache/venv/bin/python" -c 'import shapely; assert shapely.__version__ == "2.2.0"' 2>/dev/null \
  || "$cache/venv/bin/pip" install -q 'shapely==2.2.0'

if [ ! -f "$cache/world-atlas/land-10m.json" ]; then
  (cd "$cache" && npm pack -q world-atlas@2.0.2 >/dev/null && mkdir -p world-atlas \
     && tar xzf world-atlas-2.0.2.tgz -C world-atlas --strip-components=1 && rm world-atlas-2.0.2.tgz)
fi

if [ ! -f "$cache/geo-maps/map.geo.json" ]; then
  (cd "$cache" && npm pack -q @geo-maps/earth-coastlines-1m@0.6.0 >/dev/null && mkdir -p geo-maps \
     && tar xzf geo-maps-earth-coastlines-1m-0.6.0.tgz -C geo-maps --strip-components=1 \
     && rm geo-maps-earth-coastlines-1m-0.6.0.tgz)
fi

work=$(mktemp -d)
(cd "$work" && gmt coast -R139/157/41/55 -Df -W1 -M) | python3 "$here/coastline.py" > "$work/gshhg.geojson"
"$cache/venv/bin/python" "$here/habomai_osm.py" "$work/gshhg.geojson" "$cache/geo-maps/map.geo.json" \
  "$out/coastline.geojson" "$out/habomai-osm.geojson"
rm -rf "$work"
"$cache/venv/bin/python" "$here/world_land.py" "$cache/world-atlas/land-10m.json" > "$out/world-land.geojson"

if [ "$out" != "$geodata" ]; then
  for f in coastline.geojson habomai-osm.geojson world-land.geojson; do
    if ! cmp -s "$out/$f" "$geodata/$f"; then
      echo "geodata: $f differs from what the recipe builds (run: just geodata)" >&2
      exit 1
    fi
  done
  echo "geodata: committed coastline.geojson, habomai-osm.geojson and world-land.geojson match the recipe's output" >&2
fi
