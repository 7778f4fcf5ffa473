#!/usr/bin/env python3
"""Edit-to-new-page latency of `factsheet serve`: starts it on a free
loopback port, saves one sheet with a new word five times, and measures the
time until the page served over HTTP shows the word.

  bench/serve_latency.py FACTSHEET_BINARY SITE_DIR PAGES   # prints one JSON line
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

binary, site, pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server = subprocess.Popen([binary, "--quiet", "--today", "2026-12-07", "serve", "--no-pdf", "--port", str(port)],
                          cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}/"
try:
    start = time.time()
    while True:
        try:
            urllib.request.urlopen(base, timeout=1).read()
            break
        except OSError:
            if time.time() - start > 600:
                raise SystemExit("serve did not start")
            time.sleep(0.1)
    startup = time.time() - start
    dest = sorted(d for d in os.listdir(os.path.join(site, "content")) if len(d) == 2)[0]
    sheet = os.path.join(site, "content", dest, "work.en.md")
    original = open(sheet, encoding="utf-8").read()
    url = f"{base}en/{dest}/work/"
    samples = []
    for i in range(5):
        word = f"Edited{i}Marker"
        t0 = time.time()
        with open(sheet, "w", encoding="utf-8") as f:
            f.write(original.rstrip("\n") + f"\n\n{word}\n")
        while word not in urllib.request.urlopen(url, timeout=5).read().decode():
            if time.time() - t0 > 30:
                raise SystemExit("the edit never showed")
            time.sleep(0.005)
        samples.append(time.time() - t0)
        time.sleep(0.3)
    with open(sheet, "w", encoding="utf-8") as f:
        f.write(original)
    samples.sort()
    print(json.dumps({"tool": "serve-edit", "pages": pages, "startup_s": round(startup, 2),
                      "median_ms": round(samples[len(samples) // 2] * 1000, 1),
                      "max_ms": round(samples[-1] * 1000, 1)}))
finally:
    server.terminate()
    server.wait()
