#!/usr/bin/env python3
"""Generates a synthetic factsheet site, deterministically from a seed, and
the same Markdown as a Hugo site and a Zola site, for side-by-side builds.

  bench/gen_site.py --destinations 100 --routes 10 --languages 10 --seed 1 OUT

writes OUT/factsheet (content/, translations/), OUT/hugo and OUT/zola. The
sheets are 400-800 words of realistic Markdown (headings, lists, tables,
links, footnotes), with a mix of fresh, overdue, outdated and missing
translations. Each language has a translation of about 70 % of the sheets.
"""

import argparse
import hashlib
import os
import random

WORDS = (
    "visa permit employer contract residence application embassy quota season work "
    "study family spouse child income insurance language certificate appointment "
    "document passport translation recognition qualification salary housing "
    "registration office interview decision appeal fee payment bank account "
    "agency recruitment worker agriculture tourism care nursing construction "
    "university admission enrolment semester deadline requirement condition "
    "approval authority ministry portal online form signature copy original"
).split()

ISO = ("ad ae af ag ai al am ao ar as at au aw az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz "
       "ca cd cf cg ch ci ck cl cm cn co cr cu cv cy cz de dj dk dm do dz ec ee eg er es et fi fj fk fm "
       "fo fr ga gb gd ge gh gi gl gm gn gq gr gt gu gw gy hk hn hr ht hu id ie il in iq ir is it jm jo "
       "jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm "
       "mn mo mr ms mt mu mv mw mx my mz na ne ng ni nl no np nr nz om pa pe pg ph pk pl pr pt pw py qa "
       "ro rs ru rw sa sb sc sd se sg si sk sl sm sn so sr st sv sy sz td tg th tj tl tm tn to tr tt tv "
       "tw tz ua ug us uy uz va vc ve vn vu ws ye za zm zw").split()

LANGS = ["en", "sq", "sr-cyrl", "mk", "bs", "hr", "de", "it", "fr", "es", "pt", "ro", "el", "tr"]
CITIZENSHIPS = ["al", "ba", "me", "mk", "rs", "xk", "hr", "other"]
PURPOSES = ["work", "seasonal", "study", "family"]
ROUTES = ["work", "seasonal-work", "study", "family", "training", "research", "au-pair",
          "job-seeking", "self-employment", "volunteering", "internship", "care-work"]


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def body(rng, words_target):
    parts, count, note = [], 0, 0
    while count < words_target:
        kind = rng.random()
        if kind < 0.15:
            parts.append("## " + sentence(rng, rng.randint(2, 5)).rstrip("."))
            count += 4
        elif kind < 0.35:
            items = [f"- {sentence(rng, rng.randint(5, 12))}" for _ in range(rng.randint(3, 6))]
            parts.append("\n".join(items))
            count += 30
        elif kind < 0.45:
            rows = ["| Step | What | Cost |", "|---|---|--:|"]
            for i in range(rng.randint(3, 5)):
                rows.append(f"| {i + 1} | {sentence(rng, 4)} | €{rng.randint(10, 500)} |")
            parts.append("\n".join(rows))
            count += 25
        else:
            text = " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(rng.randint(2, 5)))
            if rng.random() < 0.3:
                text += f" See [the official portal](https://www.example.gov/{rng.choice(WORDS)}/)."
            if rng.random() < 0.15:
                note += 1
                text += f"[^{note}]"
                parts.append(text)
                parts.append(f"[^{note}]: {sentence(rng, 8)}")
                count += 60
                continue
            parts.append(text)
            count += 60
    return "\n\n".join(parts) + "\n"


def source_hash(title, summary, facts, text):
    h = hashlib.sha256()
    def field(name, value):
        h.update(name.encode() + b"\0" + value.replace("\r\n", "\n").encode() + b"\0")
    field("title", title)
    field("summary", summary)
    for label, value in facts:
        field("key_fact", label)
        field("value", value)
    field("body", text.strip())
    return h.hexdigest()[:16]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--destinations", type=int, default=100)
    ap.add_argument("--routes", type=int, default=10)
    ap.add_argument("--languages", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-finder", action="store_true", help="no content/finder.yaml, no sheet conditions")
    ap.add_argument("out")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    # Its own draws, so that the sheets are the same with and without it.
    frng = random.Random(a.seed + 1)
    langs = LANGS[: a.languages]
    routes = ROUTES[: a.routes]
    dests = ISO[: a.destinations]
    fs, hugo, zola = (os.path.join(a.out, n) for n in ("factsheet", "hugo", "zola"))

    lang_yaml = "".join(
        f"  - tag: {l}\n    name: {l.upper()}\n    fallback: [en]\n" if l != "en" else "  - tag: en\n    name: English\n"
        for l in langs)
    write(f"{fs}/content/site.yaml",
          "title: Benchmark\nbase_url: https://example.org/\nsource_language: en\n"
          f"routes: [{', '.join(routes)}]\nlanguages:\n{lang_yaml}")
    ftl = ["site-title = Benchmark"] + [f"country-{d} = Country {d.upper()}" for d in dests] + \
          [f"route-{r} = Route {r}" for r in routes] + ["fact-fee = Fee", "fact-duration = Duration"]
    # The route finder: the sample's questions; each sheet states
    # conditions below, so the benchmark builds its pages too.
    finder_q = [("citizenship", CITIZENSHIPS, False), ("purpose", PURPOSES, False),
                ("joboffer", ["yes", "no"], True)]
    if not a.no_finder:
        write(f"{fs}/content/finder.yaml", "questions:\n" + "".join(
            f"  - id: {q}\n    options: [{', '.join(chr(34) + o + chr(34) for o in opts)}]\n"
            + ("" if near else "    near_miss: false\n") for q, opts, near in finder_q)
            + "outcomes:\n  - id: no-route\n")
        for q, opts, near in finder_q:
            ftl += [f"finder-q-{q} = Question {q}?"] + [f"finder-a-{q}-{o} = Answer {o}" for o in opts]
            ftl += [f"finder-needs-{q} = needs {q}"] if near else []
        ftl += ["finder-o-no-route = Nothing fits."]
    for l in langs:
        write(f"{fs}/translations/{l}.ftl", "\n".join(ftl) + "\n")

    write(f"{hugo}/hugo.toml", 'baseURL = "https://example.org/"\ntitle = "Benchmark"\n'
          'defaultContentLanguage = "en"\ndisableKinds = ["taxonomy", "term", "RSS"]\n'
          + "".join(f'[languages.{l}]\nweight = {i + 1}\n' for i, l in enumerate(langs)))
    write(f"{hugo}/layouts/_default/single.html",
          '<!DOCTYPE html><html lang="{{ .Language.Lang }}"><head><title>{{ .Title }}</title></head>'
          "<body><h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}</body></html>\n")
    write(f"{hugo}/layouts/_default/list.html",
          "<!DOCTYPE html><html><body><ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul></body></html>\n")
    write(f"{zola}/config.toml", 'base_url = "https://example.org"\ntitle = "Benchmark"\n'
          'default_language = "en"\nbuild_search_index = false\n'
          + "".join(f'[languages.{l}]\n' for l in langs if l != "en"))
    write(f"{zola}/templates/page.html",
          '<!DOCTYPE html><html lang="{{ lang }}"><head><title>{{ page.title }}</title></head>'
          "<body><h1>{{ page.title }}</h1>{{ page.content | safe }}</body></html>\n")
    write(f"{zola}/templates/section.html", "<!DOCTYPE html><html><body>{% for p in section.pages %}{{ p.title }}{% endfor %}</body></html>\n")
    write(f"{zola}/templates/index.html", "<!DOCTYPE html><html><body>index</body></html>\n")
    write(f"{zola}/content/_index.md", "+++\n+++\n")

    pages = 0
    for d in dests:
        write(f"{zola}/content/{d}/_index.md", "+++\n+++\n")
        for l in langs[1:]:
            write(f"{zola}/content/{d}/_index.{l}.md", "+++\n+++\n")
        for r in routes:
            title = f"{r} in {d.upper()}: " + sentence(rng, 4)
            summary = sentence(rng, 20)
            facts = [("fee", f"€{rng.randint(50, 400)}"), ("duration", f"{rng.randint(1, 36)} months")]
            text = body(rng, rng.randint(400, 800))
            reviewed = f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}"
            fact_yaml = "".join(f"  - label: {k}\n    value: \"{v}\"\n" for k, v in facts)
            finder = ""
            if not a.no_finder:
                who = sorted(frng.sample(CITIZENSHIPS, frng.randint(3, len(CITIZENSHIPS))))
                purpose = PURPOSES[routes.index(r) % len(PURPOSES)]
                offer = '\n  joboffer: ["yes"]' if purpose in ("work", "seasonal") and frng.random() < 0.5 else ""
                finder = f"finder:\n  citizenship: [{', '.join(who)}]\n  purpose: [{purpose}]{offer}\n"
            write(f"{fs}/content/{d}/{r}.en.md",
                  f'---\ntitle: "{title}"\nsummary: "{summary}"\ndestination: {d}\nroute: {r}\n'
                  f"last_reviewed: {reviewed}\nsources:\n  - title: Official portal\n    url: https://www.example.gov/{d}/{r}/\n"
                  f"key_facts:\n{fact_yaml}{finder}---\n{text}")
            h = source_hash(title, summary, facts, text)
            for l in langs:
                pages += 1
                translated = l == "en" or rng.random() < 0.7
                front = f'title: "{title}"\ndate: {reviewed}\nsummary: "{summary}"\n'
                suffix = "" if l == "en" else f".{l}"
                write(f"{hugo}/content/{d}/{r}{suffix}.md", f"---\n{front}---\n{text}")
                write(f"{zola}/content/{d}/{r}{suffix}.md", f'+++\ntitle = "{title}"\ndate = {reviewed}\n+++\n{text}')
                if l == "en" or not translated:
                    continue
                stamp = h if rng.random() < 0.85 else "0" * 16
                write(f"{fs}/content/{d}/{r}.{l}.md",
                      f'---\ntitle: "{title}"\nsummary: "{summary}"\ntranslation:\n  from: en\n  source_hash: {stamp}\n---\n{text}')
    print(f"{pages} sheet pages: {len(dests)} destinations x {len(routes)} routes x {len(langs)} languages")


if __name__ == "__main__":
    main()
