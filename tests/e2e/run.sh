#!/usr/bin/env bash
# End-to-end checks with Node, Chromium, GDAL and nginx against the real `kuril` binary.
# Installs what is missing (Debian packages as root; otherwise it prints the apt-get command and exits 1),
# runs `npm ci` here when node_modules is missing or stale, builds the release binary, then runs
# `node --test` on tests/e2e/*.test.mjs. Exits non-zero when anything fails, when no test ran, and (with CI set)
# when any test or suite was skipped.
#
#   bash tests/e2e/run.sh            # from anywhere
#   KURIL_BIN=/path/to/kuril ...     # test another binary (skips the cargo build)
#   KURIL_E2E_TESTS="a.test.mjs b.test.mjs" ...   # only these test files
set -euo pipefail
E2E="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$E2E/../.." && pwd)"

step() { printf '\n==> %s\n' "$*"; }
started=$(date +%s)

# 1. Debian packages.
pkgs=(chromium fonts-liberation gdal-bin nginx poppler-utils)
need=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    step "installing Debian packages: ${need[*]}"
    # Installing nginx must not start the system's nginx service (port 80, left running): a policy-rc.d
    # that forbids service starts, unless the machine already has one.
    policy=/usr/sbin/policy-rc.d
    made_policy=0
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' >"$policy"
      chmod 755 "$policy"
      made_policy=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    status=0
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; } || status=$?
    [ "$made_policy" = 1 ] && rm -f "$policy"
    [ "$status" = 0 ] || { echo "apt-get failed ($status)" >&2; exit "$status"; }
  else
    echo "tests/e2e needs these Debian packages:" >&2
    echo "  sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${need[*]}" >&2
    exit 1
  fi
fi

# 2. npm packages (playwright-core downloads no browser; Debian's Chromium is used).
if [ ! -f "$E2E/node_modules/.package-lock.json" ] \
  || [ "$E2E/package-lock.json" -nt "$E2E/node_modules/.package-lock.json" ] \
  || [ "$E2E/package.json" -nt "$E2E/node_modules/.package-lock.json" ]; then
  step "npm ci (tests/e2e)"
  (cd "$E2E" && npm ci --no-audit --no-fund --ignore-scripts)
fi

# 2b. Python for validity.test.mjs: shapely (GEOS) and mapbox-vector-tile, pinned in requirements.txt.
venv="$E2E/.venv"
if [ ! -f "$venv/.requirements.txt" ] || ! cmp -s "$E2E/requirements.txt" "$venv/.requirements.txt"; then
  step "python venv (tests/e2e/.venv): $(grep -v '^#' "$E2E/requirements.txt" | tr '\n' ' ')"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$E2E/requirements.txt"
  cp "$E2E/requirements.txt" "$venv/.requirements.txt"
fi

# 3. The release binary (a no-op when it is up to date).
if [ -z "${KURIL_BIN:-}" ]; then
  step "cargo build --release"
  (cd "$ROOT" && cargo build --release)
fi

# 4. The tests. They share one static export through $KURIL_E2E_TMP, removed here afterwards.
KURIL_E2E_TMP="$(mktemp -d "${TMPDIR:-/tmp}/kuril-e2e.XXXXXX")"
export KURIL_E2E_TMP
trap 'rm -rf "$KURIL_E2E_TMP"' EXIT

step "node --test (tests/e2e)"
cd "$E2E"
status=0
# KURIL_E2E_TESTS="gdal.test.mjs export.test.mjs" runs only those files (default: all).
read -r -a files <<<"${KURIL_E2E_TESTS:-$(echo ./*.test.mjs)}"
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$KURIL_E2E_TMP/results.tap" "${files[@]}" || status=$?
# No test ran, or (with CI set) a test or suite was skipped: a failure too (tests/lib/tap-check.mjs).
if [ "$status" = 0 ]; then
  node "$ROOT/tests/lib/tap-check.mjs" "$KURIL_E2E_TMP/results.tap" "tests/e2e" || status=$?
fi

printf '\n==> tests/e2e/run.sh: %s in %d s\n' "$([ "$status" = 0 ] && echo passed || echo FAILED)" "$(($(date +%s) - started))"
exit "$status"
