# The project's entry point: `just` lists the recipes.

default:
    @just --list

# Start the map service with the embedded data
run *ARGS:
    cargo run --release -- {{ARGS}}

# The whole test suite (what CI runs)
test:
    ./tests/run

# Islands, straits and lines at a glance
stats:
    cargo run --release -- stats

# Rebuild geodata/coastline.geojson, habomai-osm.geojson and world-land.geojson from their packages
geodata:
    bash geodata/recipe/build.sh

# Check that the committed geodata is what the recipe builds
geodata-check:
    bash geodata/recipe/build.sh --check

fmt:
    cargo fmt --all

lint:
    cargo clippy --workspace --all-targets -- -D warnings

# HTTP load run against the real server (needs oha)
load SECONDS="20":
    bash bench/load.sh {{SECONDS}}

# Every speed ratio in one run: start-up, export, tiles against nginx (and Martin if installed), front end
# against a bare MapLibre page (needs wrk, nginx, chromium: see bench/compare.sh)
bench SECONDS="10" MAXZOOM="14":
    bash bench/compare.sh {{SECONDS}} {{MAXZOOM}}

# Five minutes of mixed traffic at 256 connections: no errors, memory growth under 10%
soak SECONDS="300" CONNECTIONS="256":
    bash bench/soak.sh {{SECONDS}} {{CONNECTIONS}}

# Licences, bans and sources of every dependency (cargo install cargo-deny --locked). Advisories need the
# RustSec database from GitHub, which this machine cannot reach: run `cargo deny check advisories` where it can.
deny:
    cargo deny check licenses bans sources

# Tile generation benchmark (criterion)
bench-tiles:
    cargo bench -p kuril-tiles --bench tiles

# Static site for any static host or CDN
export OUT="site" MAXZOOM="14":
    cargo run --release -- export --out {{OUT}} --max-zoom {{MAXZOOM}}

# Regenerate the glyph PBFs after the data gains new characters
glyphs:
    bash tools/glyphs/run.sh
