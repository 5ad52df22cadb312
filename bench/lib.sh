# Shared by the bench scripts (sourced, not run): start the release server on a free port.

# start_kuril WORK: starts ./target/release/kuril on 127.0.0.1:0 with its stdout/stderr in WORK/out and WORK/log,
# sets `pid` and `base` (http://127.0.0.1:PORT) once it has printed its URL; fails after 20 s without one.
start_kuril() {
  ./target/release/kuril --addr 127.0.0.1:0 >"$1/out" 2>"$1/log" &
  pid=$!
  for _ in $(seq 200); do grep -q http "$1/out" 2>/dev/null && break; sleep 0.1; done
  base=$(grep -o 'http://[0-9.:]*' "$1/out") || { echo "the server printed no URL; its log:" >&2; cat "$1/log" >&2; return 1; }
}
