#!/usr/bin/env python3
"""Checks Atom feeds against what RFC 4287 requires of them, and exits 1
with the reasons when one falls short. xmllint only checks that they are
well-formed XML; this checks that they are feeds a reader can follow.

Usage: python3 tests/xml/atom.py FEED.xml...
"""
import re
import sys
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

A = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time (RFC 4287 section 3.3).
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def problems(path):
    root = ET.parse(path).getroot()
    if root.tag != A + "feed":
        return [f"the root is {root.tag}, not an Atom <feed>"]
    out = []

    def one(el, name, where):
        found = el.findall(A + name)
        if len(found) != 1:
            out.append(f"{where} has {len(found)} <{name}>, not exactly one")
            return None
        return found[0]

    def iri(el, where):
        if el is not None and not urlparse((el.text or "").strip()).scheme:
            out.append(f"{where}: <id> {el.text!r} is not an absolute IRI")

    def stamp(el, where):
        if el is not None and not STAMP.match((el.text or "").strip()):
            out.append(f"{where}: <updated> {el.text!r} is not an RFC 3339 date-time")

    iri(one(root, "id", "the feed"), "the feed")
    one(root, "title", "the feed")
    stamp(one(root, "updated", "the feed"), "the feed")
    if not any(l.get("rel") == "self" for l in root.findall(A + "link")):
        out.append("the feed has no <link rel=\"self\">")
    feed_author = root.find(A + "author") is not None
    seen = set()
    for n, e in enumerate(root.findall(A + "entry"), 1):
        where = f"entry {n}"
        i = one(e, "id", where)
        iri(i, where)
        if i is not None:
            if i.text in seen:
                out.append(f"{where}: <id> {i.text} is used twice")
            seen.add(i.text)
        one(e, "title", where)
        stamp(one(e, "updated", where), where)
        if not feed_author and e.find(A + "author") is None:
            out.append(f"{where} has no <author>, nor has the feed")
        alternate = [l for l in e.findall(A + "link") if l.get("rel", "alternate") == "alternate"]
        if e.find(A + "content") is None and not alternate:
            out.append(f"{where} has neither <content> nor <link rel=\"alternate\">")
        if not (e.findtext(A + "summary") or "").strip():
            out.append(f"{where} has no <summary> text")
    return out


def main(paths):
    bad = 0
    for p in paths:
        for msg in problems(p):
            print(f"{p}: {msg}")
            bad += 1
    print(f"atom: {len(paths)} feeds, {bad} problems")
    return 1 if bad or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
