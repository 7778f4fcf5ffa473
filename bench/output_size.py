#!/usr/bin/env python3
"""One line of JSON: the files and bytes a build wrote, and the mean size
of its sheet pages (<lang>/<destination>/<route>/index.html).

  bench/output_size.py TOOL PAGES OUT_DIR
"""
import json
import os
import sys

tool, size, out = sys.argv[1:]
files, total, sheet = 0, 0, []
for d, _, names in os.walk(out):
    for n in names:
        b = os.path.getsize(os.path.join(d, n))
        files += 1
        total += b
        rel = os.path.relpath(os.path.join(d, n), out).split(os.sep)
        if n == "index.html" and len(rel) == 4:
            sheet.append(b)
print(json.dumps({"tool": "output-" + tool, "pages": int(size), "files": files, "bytes": total,
                  "sheet_page_bytes": round(sum(sheet) / len(sheet)) if sheet else None}))
