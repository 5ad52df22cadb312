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

# Rebuild geodata/coastline.geojson and geodata/world-land.geojson from their packages
geodata:
    bash geodata/recipe/build.sh

# Check that the committed geodata is what the recipe builds
geodata-check:
    bash geodata/recipe/build.sh --check

fmt:
    cargo fmt --all

lint:
    cargo clippy --workspace --all-targets -- -D warnings
