#!/usr/bin/env python3
"""Turns bench/run's measurements (JSON lines) into a table and a JSON file
with the ratios factsheet / peer for each size.

  bench/report.py RESULTS.jsonl OUT.json
"""

import datetime
import json
import platform
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
builds = [r for r in rows if r["tool"] in ("factsheet", "hugo", "zola")]
sizes = sorted({r["pages"] for r in builds})
ratios = []
print(f"{'pages':>6}  {'tool':<10} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9}  {'wall vs fs':>10}")
for size in sizes:
    fs = next(r for r in builds if r["pages"] == size and r["tool"] == "factsheet")
    for r in (r for r in builds if r["pages"] == size):
        ratio = "" if r is fs else f"{fs['wall_s'] / r['wall_s']:.2f}x"
        print(f"{size:>6}  {r['tool']:<10} {r['wall_s']:>7.2f} {r['cpu_s']:>7.2f} {r['peak_mib']:>9.1f}  {ratio:>10}")
        if r is not fs:
            ratios.append({"pages": size, "peer": r["tool"],
                           "wall_ratio": round(fs["wall_s"] / r["wall_s"], 3),
                           "cpu_ratio": round(fs["cpu_s"] / max(r["cpu_s"], 0.01), 3),
                           "memory_ratio": round(fs["peak_mib"] / r["peak_mib"], 3)})
print("(ratio = factsheet / peer: below 1 means factsheet is faster)")
fs_rows = [r for r in builds if r["tool"] == "factsheet"]
for a, b in zip(fs_rows, fs_rows[1:]):
    print(f"scaling {a['pages']} -> {b['pages']} pages: time x{b['wall_s'] / a['wall_s']:.2f}, memory x{b['peak_mib'] / a['peak_mib']:.2f}")
html = next((r for r in rows if r["tool"] == "factsheet-html"), None)
pdf = next((r for r in rows if r["tool"] == "factsheet-pdf"), None)
if html and pdf:
    # Measured from outside: the PDF build's CPU over the HTML-only build's,
    # shared by the 100 handouts and the 100 sheets the 10 booklets hold
    # (a booklet costs about as much as its sheets' handouts).
    per = (pdf["cpu_s"] - html["cpu_s"]) / 200 * 1000
    print(f"PDFs: build with 100 handouts + 10 booklets {pdf['wall_s']:.2f} s wall, {pdf['cpu_s']:.2f} s CPU "
          f"({pdf['cpu_s'] / pdf['wall_s']:.2f} cores busy); {per:.1f} ms of CPU per sheet typeset over the HTML-only build")
pages = next((r["pages"] for r in rows if r["tool"] == "pdf-pages"), None)
if html and pdf and pages:
    print(f"PDFs: {pages} pages typeset, {(pdf['cpu_s'] - html['cpu_s']) / pages * 1000:.1f} ms of CPU per page")
pack = next((r for r in rows if r["tool"] == "factsheet-pack"), None)
if pack:
    print(f"pack: 10 sheets, one language, {pack['wall_s']:.2f} s wall, {pack['cpu_s']:.2f} s CPU (whole command: load, check, typeset, write)")
for r in (r for r in rows if r["tool"] == "serve-edit"):
    print(f"serve at {r['pages']} pages: edit to new page median {r['median_ms']} ms, max {r['max_ms']} ms (startup {r['startup_s']} s)")
json.dump({"date": datetime.date.today().isoformat(), "machine": platform.machine(), "rows": rows, "ratios": ratios},
          open(sys.argv[2], "w"), indent=2)
print(f"written {sys.argv[2]}")
