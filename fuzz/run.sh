#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 20: the short run in CI; see README.md for a long run).
# Installs cargo-fuzz when missing. Works on stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags.
# Without a sanitizer by default (the code forbids `unsafe`, so libFuzzer's coverage and our assertions are what
# matter); FUZZ_SANITIZER=address for AddressSanitizer.
#   bash fuzz/run.sh [SECONDS]
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
for target in $(cargo fuzz list); do
  mkdir -p "corpus/$target"
  echo "==> fuzz $target for ${secs}s"
  cargo fuzz run --sanitizer "$sanitizer" "$target" "corpus/$target" seeds/"$target" -- \
    -max_total_time="$secs" -max_len=4096 -print_final_stats=1 2>&1 | grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|ERROR|panicked|SUMMARY" || true
  # cargo fuzz exits non-zero on a crash; pipefail is defeated by grep above, so check for artifacts instead.
  if compgen -G "artifacts/$target/*" >/dev/null; then
    echo "fuzz: $target found a failing input:" >&2
    for f in artifacts/"$target"/*; do
      echo "  $f, as text with escapes:" >&2
      python3 -c 'import sys; print("  " + repr(open(sys.argv[1], "rb").read()[:512]))' "$f" >&2
    done
    exit 1
  fi
done
echo "fuzz: no failures"
