#!/usr/bin/env python3
"""A bounded load run on `factsheet serve` while a sheet is being edited.

  bench/load.py FACTSHEET_BINARY SITE_DIR [--requests N] [--workers W] [--json FILE]

Starts serve (no PDFs) on a free loopback port and sends a fixed number of
GET requests over keep-alive connections, in two equal rounds, to every page
of the sitemap plus the style sheet, search indexes and feeds, while another
thread saves one sheet every 0.2 s with a new numbered marker at the top
(summary) and at the end (body) of its text. It fails (exit 1) when:

- any request fails or answers other than 200;
- an HTML page is cut short (no closing </html>);
- the edited page shows markers of two different saves (a half-updated page);
- the page never shows the last save once edits stop;
- serve's resident memory after round 2 exceeds that after round 1 by more
  than 10% + 8 MiB (memory must stay flat under steady load).

Prints requests/second, p50/p99 latency and memory, and writes them as JSON.
"""

import argparse
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("binary")
ap.add_argument("site")
ap.add_argument("--requests", type=int, default=20000)
ap.add_argument("--workers", type=int, default=8)
ap.add_argument("--json")
args = ap.parse_args()
args.binary = os.path.abspath(args.binary)

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen(
    [args.binary, "--quiet", "--today", "2026-12-07", "serve", "--no-pdf", "--port", str(port)],
    cwd=args.site, stdout=subprocess.DEVNULL, stderr=open(os.environ.get("SERVE_LOG", os.devnull), "w"))


def rss_kib():
    with open(f"/proc/{server.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def get(path, timeout=10):
    return urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout).read()


failures = []
try:
    start = time.time()
    while True:
        try:
            get("/")
            break
        except OSError:
            if time.time() - start > 300 or server.poll() is not None:
                raise SystemExit("serve did not start")
            time.sleep(0.1)

    sitemap = get("/sitemap.xml").decode()
    pages = sorted({re.sub(r"^https?://[^/]+", "", u) for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)})
    langs = sorted({p.split("/")[1] for p in pages if p.count("/") > 1})
    paths = pages + ["/static/style.css"] + [f"/{l}/search/meta.json" for l in langs] + [f"/{l}/feed.xml" for l in langs]

    sheet = os.path.join(args.site, "content", "de", "work.en.md")
    original = open(sheet, encoding="utf-8").read()
    edited_page = "/en/de/work/"
    assert edited_page in pages, edited_page
    head, sep, body = original.partition("\n---\n")
    assert sep and "\nsummary: " in head
    saves = [0]
    stop = threading.Event()

    def version(i):
        top = head.replace("\nsummary: ", f"\nsummary: edit-{i}-top ", 1)
        return f"{top}\n---\n{body.rstrip()}\n\nedit-{i}-end\n"

    def editor():
        while not stop.is_set():
            saves[0] += 1
            # A plain rewrite (truncate, then write), as many editors save.
            with open(sheet, "w", encoding="utf-8") as f:
                f.write(version(saves[0]))
            stop.wait(0.2)

    lock = threading.Lock()
    latencies = []
    checked = [0]

    def check(path, status, data):
        if status != 200:
            return f"{path}: HTTP {status}"
        if path.endswith("/") and b"</html>" not in data:
            return f"{path}: page cut short ({len(data)} bytes)"
        if path == edited_page:
            text = data.decode("utf-8", "replace")
            marks = set(re.findall(r"edit-(\d+)-(?:top|end)", text))
            if len(marks) > 1:
                return f"{path}: a half-updated page, saves {sorted(marks)}"
            with lock:
                checked[0] += 1
        return None

    def worker(n, offset):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        for i in range(n):
            path = paths[(offset + i * 7) % len(paths)] if i % 4 else edited_page
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                data = r.read()
                problem = check(path, r.status, data)
            except (OSError, http.client.HTTPException) as e:
                problem = f"{path}: {e!r}"
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            mine.append(time.perf_counter() - t0)
            if problem:
                with lock:
                    failures.append(problem)
        conn.close()
        with lock:
            latencies.extend(mine)

    def round_of(total):
        per = total // args.workers
        threads = [threading.Thread(target=worker, args=(per, k * 101)) for k in range(args.workers)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return per * args.workers, time.perf_counter() - t0

    for p in paths:  # warm: every page and index made once
        get(p)
    edits = threading.Thread(target=editor)
    edits.start()
    half = args.requests // 2
    n1, t1 = round_of(half)
    rss1 = rss_kib()
    n2, t2 = round_of(half)
    rss2 = rss_kib()
    stop.set()
    edits.join()

    # Once saving stops, the page shows the last save.
    last = saves[0]
    deadline = time.time() + 30
    while f"edit-{last}-end".encode() not in get(edited_page):
        if time.time() > deadline:
            failures.append(f"{edited_page}: save {last} never appeared")
            break
        time.sleep(0.1)

    if rss2 > rss1 * 1.10 + 8192:
        failures.append(f"memory grew from {rss1} KiB to {rss2} KiB between equal rounds")

    latencies.sort()
    n = n1 + n2
    result = {
        "requests": n,
        "failed": len(failures),
        "workers": args.workers,
        "saves": last,
        "edited_page_checks": checked[0],
        "req_per_s": round(n / (t1 + t2)),
        "p50_ms": round(latencies[len(latencies) // 2] * 1000, 2),
        "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 2),
        "rss_round1_mib": round(rss1 / 1024, 1),
        "rss_round2_mib": round(rss2 / 1024, 1),
    }
    print(json.dumps(result))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)
finally:
    server.terminate()
    server.wait()
    try:
        with open(sheet, "w", encoding="utf-8") as f:
            f.write(original)
    except NameError:
        pass

for f in failures[:20]:
    print("FAIL", f, file=sys.stderr)
sys.exit(1 if failures else 0)
