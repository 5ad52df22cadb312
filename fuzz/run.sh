#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 20: the short run in CI; see README.md for a long run).
# Installs cargo-fuzz when missing. Works on stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags.
# Without a sanitizer by default (the code forbids `unsafe`, so libFuzzer's coverage and our assertions are what
# matter); FUZZ_SANITIZER=address for AddressSanitizer.
#   bash fuzz/run.sh [SECONDS]
#
# Fails (exit 1) when `cargo fuzz list` fails or does not list exactly the targets in fuzz_targets/, when a target
# does not build or libFuzzer does not start (cargo fuzz's own exit status), when a run executes no input, and when
# a run leaves a failing input in artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-20}
export PATH="$PATH:$HOME/.cargo/bin:$HOME/.cargo-tools/bin"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz"
  cargo install cargo-fuzz --locked --quiet
fi
export RUSTC_BOOTSTRAP=1
# The web app is embedded by kuril-server's build script; reuse the dist the test run already built.
[ -f ../web/dist/index.html ] && export KURIL_SKIP_WEB_BUILD=1
sanitizer=${FUZZ_SANITIZER:-none}

fail() {
  echo "fuzz: $*" >&2
  exit 1
}

# The targets: what cargo fuzz lists must be exactly the files in fuzz_targets/ (none missing, none left out).
listed=$(cargo fuzz list) || fail "\`cargo fuzz list\` failed"
listed=$(printf '%s\n' $listed | sort)
expected=$(for f in fuzz_targets/*.rs; do basename "$f" .rs; done | sort)
[ -n "$listed" ] || fail "\`cargo fuzz list\` printed no target"
[ "$listed" = "$expected" ] || fail "\`cargo fuzz list\` printed [$(echo $listed)], fuzz_targets/ holds [$(echo $expected)]"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
count=0
for target in $listed; do
  mkdir -p "corpus/$target"
  echo "==> fuzz $target for ${secs}s"
  status=0
  cargo fuzz run --sanitizer "$sanitizer" "$target" "corpus/$target" seeds/"$target" -- \
    -max_total_time="$secs" -max_len=4096 -print_final_stats=1 >"$log" 2>&1 || status=$?
  if compgen -G "artifacts/$target/*" >/dev/null; then
    echo "fuzz: $target found a failing input:" >&2
    for f in artifacts/"$target"/*; do
      echo "  $f, as text with escapes:" >&2
      python3 -c 'import sys; print("  " + repr(open(sys.argv[1], "rb").read()[:512]))' "$f" >&2
    done
    tail -n 40 "$log" >&2
    exit 1
  fi
  if [ "$status" -ne 0 ]; then
    # A build error, a libFuzzer that did not start, or a crash without an artifact: show what cargo said.
    tail -n 60 "$log" >&2
    fail "$target: cargo fuzz run exited with status $status"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
  if [ -z "$runs" ] || [ "$runs" -eq 0 ]; then
    tail -n 40 "$log" >&2
    fail "$target: libFuzzer executed no input"
  fi
  echo "fuzz: $target: $runs inputs in ${secs}s, no failure"
  count=$((count + 1))
done
echo "fuzz: $count targets, no failures"
