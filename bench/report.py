#!/usr/bin/env python3
"""Turns bench/run's measurements (JSON lines) into a table and a JSON file
with the ratios factsheet / peer for each size.

  bench/report.py RESULTS.jsonl OUT.json [MORE.jsonl ...]

MORE.jsonl: further measurements, e.g. bench/search.mjs's (site search
against Pagefind), read as if they were in RESULTS.jsonl.
"""

import datetime
import json
import platform
import sys

rows = [json.loads(line) for f in [sys.argv[1], *sys.argv[3:]] for line in open(f) if line.strip()]
runs = [r for r in rows if r["tool"] in ("factsheet", "hugo", "zola")]


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


# One row per tool and size: the median of its alternating runs.
builds = []
for key in sorted({(r["pages"], r["tool"]) for r in runs}, key=lambda k: (k[0], k[1] != "factsheet", k[1])):
    rs = [r for r in runs if (r["pages"], r["tool"]) == key]
    row = {"pages": key[0], "tool": key[1], "runs": len(rs)}
    for f in ("wall_s", "cpu_s", "user_s", "sys_s", "peak_mib"):
        vals = [r[f] for r in rs if f in r]
        row[f] = round(median(vals), 3) if vals else 0.0
    out = next((o for o in rows if o["tool"] == "output-" + key[1] and o["pages"] == key[0]), None)
    if out:
        row.update({"files": out["files"], "bytes": out["bytes"], "sheet_page_bytes": out["sheet_page_bytes"]})
    builds.append(row)
sizes = sorted({r["pages"] for r in builds})
ratios = []
print(f"{'pages':>6}  {'tool':<10} {'runs':>4} {'wall s':>7} {'user s':>7} {'sys s':>6} {'peak MiB':>9} {'MB out':>7} {'page KB':>8}  {'fs/peer wall':>12} {'user':>5} {'memory':>6} {'bytes':>5}")
for size in sizes:
    fs = next(r for r in builds if r["pages"] == size and r["tool"] == "factsheet")
    for r in (r for r in builds if r["pages"] == size):
        ratio = "" if r is fs else (f"{fs['wall_s'] / r['wall_s']:>12.2f} {fs['user_s'] / max(r['user_s'], 0.01):>5.2f} "
                                    f"{fs['peak_mib'] / r['peak_mib']:>6.2f} "
                                    + (f"{fs.get('bytes', 0) / r['bytes']:>5.2f}" if r.get("bytes") else ""))
        mb = f"{r['bytes'] / 1e6:.0f}" if r.get("bytes") else ""
        kb = f"{r['sheet_page_bytes'] / 1024:.1f}" if r.get("sheet_page_bytes") else ""
        print(f"{size:>6}  {r['tool']:<10} {r['runs']:>4} {r['wall_s']:>7.2f} {r['user_s']:>7.2f} {r['sys_s']:>6.2f} {r['peak_mib']:>9.1f} {mb:>7} {kb:>8}  {ratio}")
        if r is not fs:
            ratios.append({"pages": size, "peer": r["tool"],
                           "wall_ratio": round(fs["wall_s"] / r["wall_s"], 3),
                           "user_ratio": round(fs["user_s"] / max(r["user_s"], 0.01), 3),
                           "sys_ratio": round(fs["sys_s"] / max(r["sys_s"], 0.01), 3),
                           "cpu_ratio": round(fs["cpu_s"] / max(r["cpu_s"], 0.01), 3),
                           "memory_ratio": round(fs["peak_mib"] / r["peak_mib"], 3),
                           "bytes_ratio": round(fs.get("bytes", 0) / r["bytes"], 3) if r.get("bytes") else None})
print("(medians of alternating runs; ratio = factsheet / peer: below 1 means factsheet is faster)")
fs_rows = [r for r in builds if r["tool"] == "factsheet"]
for a, b in zip(fs_rows, fs_rows[1:]):
    print(f"scaling {a['pages']} -> {b['pages']} pages (x{b['pages'] / a['pages']:.0f}): wall x{b['wall_s'] / a['wall_s']:.2f}, "
          f"user CPU x{b['user_s'] / a['user_s']:.2f}, memory x{b['peak_mib'] / a['peak_mib']:.2f}")
for r in (r for r in rows if r["tool"] == "write"):
    print(f"writing {r['files']} files at {r['pages']} pages (time summed over threads, medians of {r.get('runs', 1)}): factsheet {r['factsheet_s']:.2f} s, "
          f"plain Rust making the same files {r['floor_s']:.2f} s ({r['floor_wall_s']:.2f} s wall), cp -r {r['cp_s']:.2f} s; "
          f"factsheet / plain Rust {r['factsheet_s'] / max(r['floor_s'], 0.001):.2f}")
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

# Site search against Pagefind (bench/search.mjs): bytes a reader's browser
# fetches for a first and a second query, the index on disk.
search = {}
for r in rows:
    if r["tool"] in ("search-factsheet", "search-pagefind"):
        search.setdefault(r["pages"], {})[r["tool"]] = r
search_ratios = []


def kib(r, key):
    """KiB as served (gzipped)."""
    return f"{r[key + '_bytes'] / 1024:.1f} ({r[key + '_gzip'] / 1024:.1f})"


if search:
    some = next(r for r in rows if r["tool"] == "search-pagefind")
    print(f"\nsearch: factsheet against Pagefind {some['version']} (sheet pages), queries \"{some['q1']}\" then "
          f"\"{some['q2']}\" ({some['lang']}); KiB as served (gzipped, if the host compresses)")
    print(f"{'pages':>6}  {'engine':<13} {'1st query KiB':>16} {'2nd query KiB':>16} {'index KiB':>18} {'files':>6} {'index ms':>9}")
    for size in sorted(search, key=lambda s: (not isinstance(s, (int, float)), s if isinstance(s, (int, float)) else 0, str(s))):
        fs, pf = search[size].get("search-factsheet"), search[size].get("search-pagefind")
        for name, r in (("factsheet", fs), ("pagefind", pf)):
            if r:
                print(f"{size:>6}  {name:<13} {kib(r, 'q1'):>16} {kib(r, 'q2'):>16} {kib(r, 'index'):>18} "
                      f"{r['index_files']:>6} {r.get('index_ms', '(build)'):>9}")
        if fs and pf:
            q = {k: round(fs[k] / pf[k], 3) for k in
                 ("q1_bytes", "q1_gzip", "q2_bytes", "q2_gzip", "index_bytes", "index_gzip", "index_files")}
            search_ratios.append({"pages": size, "peer": "pagefind", **{k + "_ratio": v for k, v in q.items()}})
            pair = lambda k: f"{q[k + '_bytes']:.2f} ({q[k + '_gzip']:.2f})"
            print(f"{size:>6}  {'ours/pagefind':<13} {pair('q1'):>16} {pair('q2'):>16} {pair('index'):>18} "
                  f"{q['index_files']:>6.2f}")
    for size in sorted(search, key=lambda s: (not isinstance(s, (int, float)), s if isinstance(s, (int, float)) else 0, str(s))):
        pf = search[size].get("search-pagefind")
        if pf and "all_pages" in pf:
            print(f"{size:>6}  Pagefind on every page ({pf['all_pages']}): {pf['all_index_ms']} ms, "
                  f"{pf['all_index_bytes'] / 1024:.1f} KiB in {pf['all_index_files']} files")
    print("(ratio = factsheet / Pagefind: below 1 means factsheet fetches or stores less; "
          "factsheet's index is built with its pages, timed in the builds above)")
relevance = [r for r in rows if r["tool"] == "search-relevance"]
if relevance:
    print("\nsearch relevance: top-3 recall on tests/search/relevance.json, sample site")
    print(f"{'lang':<8} {'queries':>7} {'factsheet':>10} {'pagefind':>10} {'pagefind, all pages':>20}")
    tot = [0, 0, 0, 0]
    for r in relevance:
        n = r["queries"]
        tot = [tot[0] + n, tot[1] + r["factsheet"], tot[2] + r["pagefind"], tot[3] + r["pagefind_all"]]
        print(f"{r['lang']:<8} {n:>7} {r['factsheet'] / n:>10.2f} {r['pagefind'] / n:>10.2f} {r['pagefind_all'] / n:>20.2f}")
    print(f"{'all':<8} {tot[0]:>7} {tot[1] / tot[0]:>10.2f} {tot[2] / tot[0]:>10.2f} {tot[3] / tot[0]:>20.2f}")
json.dump({"date": datetime.date.today().isoformat(), "machine": platform.machine(), "rows": rows, "ratios": ratios,
           "search_ratios": search_ratios},
          open(sys.argv[2], "w"), indent=2)
print(f"written {sys.argv[2]}")
