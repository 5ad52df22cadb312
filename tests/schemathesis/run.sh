#!/usr/bin/env bash
# API conformance: schemathesis (PyPI, pinned) against the real binary's OpenAPI document (/ogc/api), which
# describes every endpoint. Installs schemathesis when missing. Exits non-zero on any failure and when no operation
# was tested.
#   bash tests/schemathesis/run.sh            # uses target/release/kuril (KURIL_BIN to override)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VERSION=4.32.5
if ! command -v schemathesis >/dev/null || [ "$(schemathesis --version | grep -o '[0-9.]*$')" != "$VERSION" ]; then
  echo "==> pip install schemathesis==$VERSION"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "schemathesis==$VERSION"
fi
bin=${KURIL_BIN:-$ROOT/target/release/kuril}
[ -x "$bin" ] || (cd "$ROOT" && cargo build --release --quiet)
work=$(mktemp -d)
"$bin" --addr 127.0.0.1:0 >"$work/out" 2>"$work/log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 600); do grep -q http "$work/out" 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://[0-9.:]*' "$work/out") || { cat "$work/log" >&2; exit 1; }
# The first /ogc request builds the feature catalogue (seconds): do it before schemathesis's 10 s load timeout.
curl -sf --max-time 300 -o /dev/null "$base/ogc/api"
cd "$HERE"
set +e
schemathesis --config-file "$HERE/schemathesis.toml" run "$base/ogc/api" --url "$base" \
  --checks all --request-timeout 60 --no-color --seed 1 | tee "$work/report"
status=${PIPESTATUS[0]}
set -e
[ "$status" = 0 ] || { echo "schemathesis: exit status $status" >&2; exit "$status"; }
# A run that tested no operation (a schema that did not load, a filter that matched nothing) is a failure too.
tested=$(sed -n 's/^ *Tested: *\([0-9][0-9]*\).*/\1/p' "$work/report" | tail -n 1)
if [ -z "$tested" ] || [ "$tested" -eq 0 ]; then
  echo "schemathesis: no operation was tested" >&2
  exit 1
fi
echo "schemathesis: $tested operations tested"
