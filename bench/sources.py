#!/usr/bin/env python3
"""`factsheet sources` on 1,000 sources spread over 20 local hosts.

Twenty HTTP servers on 127.0.0.1 (one port each: one host each for the
politeness rules) answer every page after 50 ms, with an ETag, and a 304
to a matching If-None-Match. A generated site has 50 sheets of 20
sources each. The script runs `factsheet sources` twice and reports the
wall time against the bound per-host politeness allows, the peak memory
of the process (getrusage of the child) and the bytes the servers sent.

    bench/sources.py [path/to/factsheet]   # default: target/release/factsheet,
                                           # else target/debug/factsheet
"""
import hashlib, http.server, os, resource, socketserver, subprocess, sys, tempfile, threading, time

HOSTS, SHEETS, PER_SHEET, LATENCY, DELAY_MS = 20, 50, 20, 0.05, 100
DESTS = ["at", "be", "ch", "cz", "de", "dk", "es", "fr", "it", "nl"]
ROUTES = ["work", "study", "family", "seasonal-work", "research"]
sent = {"bytes": 0, "requests": 0, "not_modified": 0}
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        time.sleep(LATENCY)
        if self.path == "/robots.txt":
            body, status = b"User-agent: *\nAllow: /\n", 200
        else:
            body = (f"<html><body><main><h1>Page {self.path}</h1>"
                    + "<p>The rules for this route, unchanged. </p>" * 40
                    + "</main></body></html>").encode()
            status = 200
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            status, body = 304, b""
        head = f"HTTP/1.1 {status} {'OK' if status == 200 else 'Not Modified'}\r\n" \
               f"Content-Type: text/html; charset=utf-8\r\nETag: {etag}\r\n" \
               f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        data = head.encode() + body
        with lock:
            sent["bytes"] += len(data)
            sent["requests"] += 1
            sent["not_modified"] += status == 304
        self.wfile.write(data)
        self.close_connection = True

    def log_message(self, *a):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def site(root, ports):
    os.makedirs(f"{root}/content", exist_ok=True)
    os.makedirs(f"{root}/translations", exist_ok=True)
    with open(f"{root}/content/site.yaml", "w") as f:
        f.write("title: Bench\nbase_url: https://example.org/\nsource_language: en\n"
                f"routes: [{', '.join(ROUTES)}]\nlanguages:\n  - tag: en\n    name: English\n"
                f"source_delay_ms: {DELAY_MS}\nsource_hosts: {HOSTS}\n")
    with open(f"{root}/translations/en.ftl", "w") as f:
        for d in DESTS:
            f.write(f"country-{d} = {d.upper()}\n")
        for r in ROUTES:
            f.write(f"route-{r} = {r}\n")
    n = 0
    for i in range(SHEETS):
        d, r = DESTS[i % len(DESTS)], ROUTES[i // len(DESTS)]
        os.makedirs(f"{root}/content/{d}", exist_ok=True)
        lines = []
        for _ in range(PER_SHEET):
            lines.append(f"  - title: Source {n}\n    url: http://127.0.0.1:{ports[n % HOSTS]}/p/{n}\n")
            n += 1
        with open(f"{root}/content/{d}/{r}.en.md", "w") as f:
            f.write(f"---\ntitle: {d} {r}\nsummary: Bench.\ndestination: {d}\nroute: {r}\n"
                    f"last_reviewed: 2026-12-01\nsources:\n{''.join(lines)}---\nText.\n")


def run(binary, root):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with lock:
        start_bytes = dict(sent)
    t = time.monotonic()
    p = subprocess.run([binary, "--today", "2026-12-07", "--quiet", "sources", "--format", "json"],
                       cwd=root, capture_output=True, env={**os.environ, "NO_PROXY": "127.0.0.1"})
    wall = time.monotonic() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with lock:
        delta = {k: sent[k] - start_bytes[k] for k in sent}
    return wall, max(peak, before) / 1024, delta, p.returncode


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "target", "release", "factsheet")
    if not os.path.exists(default):
        default = os.path.join(here, "..", "target", "debug", "factsheet")
    binary = sys.argv[1] if len(sys.argv) > 1 else default
    servers = [Server(("127.0.0.1", 0), Handler) for _ in range(HOSTS)]
    for s in servers:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    ports = [s.server_address[1] for s in servers]
    per_host = SHEETS * PER_SHEET // HOSTS
    # Each host: robots.txt, then its pages one at a time, a pause after each.
    bound = (per_host + 1) * LATENCY + per_host * DELAY_MS / 1000
    with tempfile.TemporaryDirectory() as root:
        site(root, ports)
        for name in ["first run", "second run"]:
            wall, mib, delta, rc = run(binary, root)
            print(f"{name}: {wall:.2f} s wall (politeness bound {bound:.2f} s), "
                  f"peak {mib:.0f} MiB, {delta['requests']} requests, "
                  f"{delta['not_modified']} answered 304, {delta['bytes']:,} bytes sent, exit {rc}")


if __name__ == "__main__":
    main()
