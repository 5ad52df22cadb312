"""Start-up of the release server, timed from the moment it is started: to its first /healthz 200, and to a complete
first view with every expensive document — the page, its script and styles, the style and TileJSON, the tiles
of the opening view (z6 around 44.3°N 146.5°E at 1280×800: z6 x 56–59, y 22–24) and the documents that are slow
to compute the first time (scenario statistics, OGC collections and items, the social-card image), fetched six at
a time like a browser. Each run starts a fresh process on a free port.

Usage: python3 bench/startup.py BINARY [RUNS=3]   prints one JSON line per run and a summary line:
  startup healthz-ms=<median> full-ms=<median> slowest=<path of the slowest document, median run>
"""
import concurrent.futures
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

PATHS = (
    ["/", "/app.js", "/app.css", "/style.json", "/tiles.json"]
    + [f"/tiles/6/{x}/{y}.mvt" for x in range(56, 60) for y in range(22, 25)]
    + [
        "/api/scenarios",
        "/api/lines",
        "/ogc/collections",
        "/ogc/collections/islands/items",
        "/image.png",
        "/glyphs/Noto%20Sans%20Regular/0-255.pbf",
    ]
)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=60) as r:
        r.read()
        return r.status


def run(binary):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    t0 = time.monotonic()
    proc = subprocess.Popen([binary, "--addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                if fetch(base + "/healthz") == 200:
                    break
            except OSError:
                pass
            if time.monotonic() - t0 > 60:
                raise SystemExit("no /healthz 200 within 60 s")
            time.sleep(0.005)
        healthz = time.monotonic() - t0
        done = {}

        def timed(path):
            status = fetch(base + path)
            done[path] = time.monotonic() - t0
            if status not in (200, 204):
                raise SystemExit(f"{path}: {status}")

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            list(pool.map(timed, PATHS))
        full = max(done.values())
        slowest = max(done, key=done.get)
        return {"healthz_ms": round(healthz * 1e3), "full_ms": round(full * 1e3), "slowest": slowest}
    finally:
        proc.terminate()
        proc.wait()


binary = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
results = []
for _ in range(runs):
    r = run(binary)
    print(json.dumps(r))
    results.append(r)
median = sorted(results, key=lambda r: r["full_ms"])[len(results) // 2]
print(
    f"startup healthz-ms={statistics.median(r['healthz_ms'] for r in results):.0f} "
    f"full-ms={statistics.median(r['full_ms'] for r in results):.0f} slowest={median['slowest']}"
)
