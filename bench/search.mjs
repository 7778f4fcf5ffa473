// Our site search against Pagefind, side by side on the same built site.
//
//   node bench/search.mjs SITE_DIR [--label N] [--lang TAG] [--queries "q1|q2"] [--json FILE]
//   node bench/search.mjs --relevance SAMPLE_SITE_DIR [--json FILE]
//
// SITE_DIR is a site built by `factsheet build`; it is not written to.
// Pagefind (bench/package.json, pinned; `npm ci` in bench/) indexes a copy
// of it in a temporary folder, with the same documents as ours: the sheet
// pages (<lang>/<destination>/<route>/index.html). Pagefind indexing every
// page of the site (lists, search pages, home pages) is measured too.
//
// Sizes and speed (first form):
// - index on disk: ours, every <lang>/search/*.json; Pagefind, its
//   pagefind/ folder (script, WASM, UI bundles, index and fragments);
// - Pagefind's indexing time (wall, its binary alone); ours is part of the
//   build, which bench/run measures;
// - in headless Chromium, one fresh browser context per engine, the bytes
//   of every response a search needs (response.body(): scripts, WASM,
//   index files, fetched by the page or a worker), not the HTML page the
//   search starts from, nor style sheets, images or fonts: for the first
//   query, then for a second, different query in the same page. Ours:
//   <lang>/search/, the query typed into #fs-q and submitted; its script,
//   loaded with the page, is counted with the first query. Pagefind: a
//   bench page in the copy, <html lang=…> as the language's pages, that
//   imports /pagefind/pagefind.js, searches and loads the first 5 results
//   (as its UI shows 5). Our page shows 20 results with their summaries.
//   The files are served as they are on disk, uncompressed: Pagefind's
//   index files are gzip files already, ours are JSON, so "gzip" gives
//   each response's size gzipped too (what a host that compresses sends).
//
// Relevance (--relevance): tests/search/relevance.json on the sample site,
// top-3 recall per language for ours (the search page with ?q=, as
// tests/browser/relevance.mjs) and for Pagefind on a copy (sheets only,
// and the whole site), results' data().url containing /<expect>/.
//
// Prints tables; with --json FILE, appends one JSON line per engine and
// size (tool "search-factsheet", "search-pagefind") and per language
// (tool "search-relevance") to FILE.
import { spawnSync } from "node:child_process";
import { appendFile, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { serve, langDir } from "../tests/browser/site.mjs";

const here = dirname(fileURLToPath(import.meta.url));
// playwright-core as tests/browser pins it (npm ci in tests/browser).
const { chromium } = createRequire(join(here, "../tests/browser/package.json"))("playwright-core");
const PAGEFIND_VERSION = "1.6.0";
// Words of bench/gen_site.py's vocabulary, in every generated sheet's text;
// the second query's words start with other letters than the first's.
const QUERIES = ["embassy appointment", "insurance salary"];
// Pagefind's documents: the sheet pages, as our index has them.
const SHEETS = "*/*/*/index.html";

function usage(msg) {
  if (msg) console.error(msg);
  console.error("usage: node bench/search.mjs SITE_DIR [--label N] [--lang TAG] [--queries \"q1|q2\"] [--json FILE]\n" +
    "       node bench/search.mjs --relevance SAMPLE_SITE_DIR [--json FILE]");
  process.exit(2);
}

const opts = { label: "", lang: "en", queries: QUERIES, json: null, relevance: false, site: null };
{
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    const v = () => (i + 1 < a.length ? a[++i] : usage(`${a[i]} needs a value`));
    if (a[i] === "--label") opts.label = v();
    else if (a[i] === "--lang") opts.lang = v();
    else if (a[i] === "--queries") opts.queries = v().split("|");
    else if (a[i] === "--json") opts.json = v();
    else if (a[i] === "--relevance") opts.relevance = true;
    else if (a[i] === "-h" || a[i] === "--help") usage();
    else if (a[i].startsWith("--")) usage(`unknown option ${a[i]}`);
    else if (!opts.site) opts.site = a[i];
    else usage(`unexpected ${a[i]}`);
  }
  if (!opts.site) usage("no site folder given");
  if (opts.queries.length !== 2) usage("--queries wants two queries: \"q1|q2\"");
}

// ---------------------------------------------------------------- helpers

async function* walk(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

/** Files, bytes, and bytes gzipped file by file, of the files `keep` accepts. */
async function sizeOf(dir, keep = () => true) {
  let files = 0, bytes = 0, gzip = 0;
  for await (const f of walk(dir)) {
    const rel = relative(dir, f);
    if (!keep(rel)) continue;
    const body = await readFile(f);
    files++;
    bytes += body.length;
    gzip += gzipped(body);
  }
  return { files, bytes, gzip };
}

/** A response's size if the host gzips it (never more than as it is). */
function gzipped(body) {
  return Math.min(body.length, gzipSync(body, { level: 6 }).length);
}

/** Pagefind's binary, as its npm wrapper finds it (the timing then leaves
 *  out node's start-up). */
async function pagefindBinary() {
  const pkg = join(here, "node_modules/pagefind/package.json");
  const version = await readFile(pkg, "utf8").then((s) => JSON.parse(s).version, () => null);
  if (version !== PAGEFIND_VERSION) {
    throw new Error(`pagefind ${PAGEFIND_VERSION} is not installed in bench/node_modules (found ${version}): run (cd bench && npm ci)`);
  }
  const { resolveBinaryPath } = await import(join(here, "node_modules/pagefind/lib/resolveBinary.js"));
  return resolveBinaryPath(["pagefind_extended", "pagefind"]);
}

/** Copies `site` to a temporary folder and runs Pagefind on it, on the
 *  pages `glob` matches. Returns { dir, ms, pages, languages }. */
async function pagefind(site, glob) {
  const dir = await mkdtemp(join(tmpdir(), "fs-pagefind-"));
  await cp(site, dir, { recursive: true });
  const bin = await pagefindBinary();
  const args = ["--site", dir, "--output-subdir", "pagefind", "--glob", glob];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(bin, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`pagefind failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const pages = Number((r.stdout.match(/Indexed (\d+) pages/) || [])[1]);
  const languages = Number((r.stdout.match(/Indexed (\d+) languages/) || [])[1]);
  return { dir, ms: Math.round(ms), pages, languages };
}

/** The `lang` of a language's pages, as Pagefind reads it. */
async function htmlLang(root, dir) {
  const html = await readFile(join(root, dir, "index.html"), "utf8");
  return (html.match(/<html[^>]*\blang="([^"]+)"/) || [])[1] || dir;
}

/** A page in the Pagefind copy that searches with Pagefind, in `lang`. */
async function benchPage(root, dir, lang) {
  const name = `pagefind-bench-${dir}.html`;
  await writeFile(join(root, name),
    `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>Pagefind bench</title></head>` +
    `<body><p>Pagefind bench page: searched by bench/search.mjs.</p></body></html>\n`);
  return name;
}

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Counts the responses of a browser context (pages and their workers):
 *  take() waits until the network is quiet and returns what came since the
 *  last take(). Not counted: HTML pages, style sheets, images, fonts. */
function meter(context) {
  let inflight = 0, pending = [], got = [];
  const skip = new Set(["document", "stylesheet", "image", "font", "media"]);
  context.on("request", () => inflight++);
  context.on("requestfinished", () => inflight--);
  context.on("requestfailed", (r) => { inflight--; got.push({ url: r.url(), failed: true, bytes: 0, gzip: 0 }); });
  context.on("response", (res) => {
    const type = res.request().resourceType();
    const url = res.url();
    if (skip.has(type) || /favicon/.test(url)) return;
    pending.push(res.body().then(
      (b) => got.push({ url, type, status: res.status(), bytes: b.length, gzip: gzipped(b) }),
      () => got.push({ url, type, status: res.status(), bytes: 0, gzip: 0, nobody: true })));
  });
  return {
    async take() {
      // Quiet: nothing in flight for 150 ms in a row.
      for (let quiet = 0; quiet < 3;) {
        await new Promise((ok) => setTimeout(ok, 50));
        quiet = inflight > 0 ? 0 : quiet + 1;
      }
      await Promise.all(pending);
      const out = got;
      pending = []; got = [];
      return {
        requests: out.length,
        bytes: out.reduce((s, r) => s + r.bytes, 0),
        gzip: out.reduce((s, r) => s + r.gzip, 0),
        failed: out.filter((r) => r.failed || r.status >= 400).map((r) => r.url),
        files: out.map((r) => [r.url.replace(/^https?:\/\/[^/]+/, ""), r.bytes]),
      };
    },
  };
}

// ---------------------------------------------------------------- engines

/** Our search: the language's search page, each query typed and submitted. */
async function ours(browser, base, dir, queries) {
  const context = await browser.newContext();
  const m = meter(context);
  const page = await context.newPage();
  await page.goto(`${base}${dir}/search/`, { waitUntil: "load" });
  const out = [];
  for (const q of queries) {
    // Typed, then submitted (Enter): the time is from the submit to the
    // count shown, in the page.
    await page.fill("#fs-q", q);
    const ms = await page.evaluate(() => new Promise((done) => {
      const status = document.getElementById("fs-status");
      status.textContent = "";
      document.getElementById("fs-results").textContent = "";
      const t0 = performance.now();
      new MutationObserver((_, o) => {
        if (status.textContent.trim() === "") return;
        o.disconnect();
        done(Math.round(performance.now() - t0));
      }).observe(status, { childList: true, characterData: true, subtree: true });
      document.getElementById("fs-search").requestSubmit();
    }));
    const shown = await page.$$eval("#fs-results li a", (as) => as.length);
    const status = await page.$eval("#fs-status", (e) => e.textContent.trim());
    // The debounced input handler runs the query once more, from its cache.
    await page.waitForTimeout(200);
    out.push({ q, ms, shown, status, ...(await m.take()) });
  }
  await context.close();
  return out;
}

/** Pagefind on the bench page: import, init, search, the first 5 results' data. */
async function pagefindSearch(page, q) {
  return page.evaluate(async (q) => {
    const t0 = performance.now();
    window.__pf ||= await import("/pagefind/pagefind.js");
    const pf = window.__pf;
    await pf.init();
    const r = await pf.search(q);
    const data = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
    return { ms: Math.round(performance.now() - t0), count: r.results.length, urls: data.map((d) => d.url) };
  }, q);
}

async function theirs(browser, base, benchName, queries) {
  const context = await browser.newContext();
  const m = meter(context);
  const page = await context.newPage();
  await page.goto(`${base}${benchName}`, { waitUntil: "load" });
  await m.take(); // the bench page itself: not counted
  const out = [];
  for (const q of queries) {
    const r = await pagefindSearch(page, q);
    out.push({ q, ms: r.ms, shown: r.urls.length, status: `${r.count} results`, ...(await m.take()) });
  }
  await context.close();
  return out;
}

// ---------------------------------------------------------------- output

const kb = (n) => (n / 1024).toFixed(1);
async function emit(row) {
  if (opts.json) await appendFile(opts.json, JSON.stringify(row) + "\n");
  else console.log(JSON.stringify(row));
}

async function speed() {
  const site = opts.site;
  const dir = await langDir(site, opts.lang);
  // Ours: every language's index files.
  const mine = await sizeOf(site, (rel) => /^[^/]+\/search\/[^/]+\.json$/.test(rel));
  const docs = [];
  for (const e of await readdir(site, { withFileTypes: true })) {
    const meta = join(site, e.name, "search/meta.json");
    if (e.isDirectory() && (await stat(meta).catch(() => null))) docs.push(JSON.parse(await readFile(meta, "utf8")).docs);
  }
  const ourDocs = docs.reduce((a, b) => a + b, 0);

  const all = await pagefind(site, "**/*.html"); // out of the box: every page
  const allSize = await sizeOf(join(all.dir, "pagefind"));
  await rm(all.dir, { recursive: true, force: true });
  const pf = await pagefind(site, SHEETS);
  try {
    if (pf.pages !== ourDocs) console.error(`note: Pagefind indexed ${pf.pages} sheet pages, our indexes hold ${ourDocs} documents`);
    const theirSize = await sizeOf(join(pf.dir, "pagefind"));
    const bench = await benchPage(pf.dir, dir, await htmlLang(site, dir));

    const browser = await launch();
    const serverOurs = await serve(site);
    const serverTheirs = await serve(pf.dir);
    let a, b;
    try {
      a = await ours(browser, serverOurs.base, dir, opts.queries);
      b = await theirs(browser, serverTheirs.base, bench, opts.queries);
    } finally {
      await browser.close();
      await serverOurs.close();
      await serverTheirs.close();
    }
    for (const r of [...a, ...b]) {
      if (r.failed.length) console.error(`warning: failed requests for "${r.q}": ${r.failed.join(", ")}`);
      if (!r.shown) console.error(`warning: no results for "${r.q}"`);
    }
    const row = (tool, q, size, extra) => ({
      tool, pages: opts.label === "" ? null : Number(opts.label) || opts.label, lang: opts.lang,
      q1: opts.queries[0], q2: opts.queries[1],
      q1_bytes: q[0].bytes, q1_gzip: q[0].gzip, q1_requests: q[0].requests, q1_ms: q[0].ms, q1_results: q[0].status,
      q2_bytes: q[1].bytes, q2_gzip: q[1].gzip, q2_requests: q[1].requests, q2_ms: q[1].ms, q2_results: q[1].status,
      index_bytes: size.bytes, index_gzip: size.gzip, index_files: size.files, ...extra,
      q1_files: q[0].files, q2_files: q[1].files,
    });
    const rOurs = row("search-factsheet", a, mine, { docs: ourDocs });
    const rTheirs = row("search-pagefind", b, theirSize, {
      docs: pf.pages, version: PAGEFIND_VERSION, index_ms: pf.ms,
      all_pages: all.pages, all_index_ms: all.ms, all_index_bytes: allSize.bytes, all_index_files: allSize.files,
    });

    console.log(`search, ${opts.label || "?"} pages (${ourDocs} sheet documents in ${docs.length} languages), ` +
      `queries in ${opts.lang}: 1. "${opts.queries[0]}" 2. "${opts.queries[1]}"`);
    const head = ["", "1st query KiB (gz)", "req", "2nd query KiB (gz)", "req", "index KiB (gz)", "files", "index ms", "1st ms", "2nd ms"];
    const line = (name, r) => [name, `${kb(r.q1_bytes)} (${kb(r.q1_gzip)})`, r.q1_requests, `${kb(r.q2_bytes)} (${kb(r.q2_gzip)})`,
      r.q2_requests, `${kb(r.index_bytes)} (${kb(r.index_gzip)})`, r.index_files, r.index_ms ?? "(build)", r.q1_ms, r.q2_ms];
    const ratio = (x, y) => (y ? (x / y).toFixed(2) : "-");
    const rows = [head, line("factsheet", rOurs), line(`pagefind ${PAGEFIND_VERSION}`, rTheirs),
      ["ours/pagefind", `${ratio(rOurs.q1_bytes, rTheirs.q1_bytes)} (${ratio(rOurs.q1_gzip, rTheirs.q1_gzip)})`, "",
        `${ratio(rOurs.q2_bytes, rTheirs.q2_bytes)} (${ratio(rOurs.q2_gzip, rTheirs.q2_gzip)})`, "",
        `${ratio(rOurs.index_bytes, rTheirs.index_bytes)} (${ratio(rOurs.index_gzip, rTheirs.index_gzip)})`,
        ratio(rOurs.index_files, rTheirs.index_files), "", "", ""]];
    table(rows);
    console.log(`results: ours ${a.map((r) => `"${r.status}"`).join(", ")} (10 shown); Pagefind ${b.map((r) => r.status).join(", ")} (5 loaded)`);
    console.log(`Pagefind on every page of the site (${all.pages} pages): ${all.ms} ms, ${kb(allSize.bytes)} KiB in ${allSize.files} files`);
    for (const [name, r] of [["factsheet", a], ["pagefind", b]]) {
      r.forEach((x, i) => console.log(`  ${name} query ${i + 1}: ${x.files.map(([u, n]) => `${u} ${n}`).join(", ")}`));
    }
    await emit(rOurs);
    await emit(rTheirs);
  } finally {
    await rm(pf.dir, { recursive: true, force: true });
  }
}

function table(rows) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join("  "));
}

// ---------------------------------------------------------------- relevance

async function relevance() {
  const site = opts.site;
  const set = JSON.parse(await readFile(join(here, "../tests/search/relevance.json"), "utf8"));
  const sheets = await pagefind(site, SHEETS);
  const all = await pagefind(site, "**/*.html");
  const browser = await launch();
  const server = await serve(site);
  const results = {};
  const misses = [];
  try {
    // Ours, as tests/browser/relevance.mjs runs it.
    const page = await browser.newPage();
    for (const [lang, queries] of Object.entries(set.languages)) {
      const dir = await langDir(site, lang);
      let hits = 0;
      for (const q of queries) {
        await page.goto(`${server.base}${dir}/search/?q=${encodeURIComponent(q.q)}`);
        await page.waitForFunction(() => document.getElementById("fs-status").textContent.trim() !== "", null, { timeout: 5000 }).catch(() => {});
        const top = (await page.$$eval("#fs-results li a", (as) => as.map((a) => a.getAttribute("href")))).slice(0, 3);
        if (q.expect.every((e) => top.some((h) => h.endsWith(`${e}/`)))) hits++;
        else misses.push(`factsheet ${lang} [${q.kind}] "${q.q}" → ${JSON.stringify(top)}, want ${q.expect.join(", ")}`);
      }
      results[lang] = { n: queries.length, ours: hits };
    }
    await page.close();
    for (const [name, pf] of [["pagefind", sheets], ["pagefind_all", all]]) {
      const srv = await serve(pf.dir);
      try {
        for (const [lang, queries] of Object.entries(set.languages)) {
          const dir = await langDir(site, lang);
          const bench = await benchPage(pf.dir, dir, await htmlLang(site, dir));
          const p = await browser.newPage();
          await p.goto(`${srv.base}${bench}`);
          let hits = 0;
          const kinds = (results[lang][`${name}_kinds`] = {});
          for (const q of queries) {
            const r = await pagefindSearch(p, q.q);
            const top = r.urls.slice(0, 3);
            const ok = q.expect.every((e) => top.some((u) => u.includes(`/${e}/`)));
            const k = (kinds[q.kind] ||= [0, 0]);
            k[1]++;
            if (ok) { hits++; k[0]++; } else if (name === "pagefind") misses.push(`pagefind ${lang} [${q.kind}] "${q.q}" → ${JSON.stringify(top)}, want ${q.expect.join(", ")}`);
          }
          results[lang][name] = hits;
          await p.close();
        }
      } finally {
        await srv.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(sheets.dir, { recursive: true, force: true });
    await rm(all.dir, { recursive: true, force: true });
  }
  console.log(`search relevance: top-3 recall on tests/search/relevance.json (Pagefind ${PAGEFIND_VERSION}: sheet pages, and every page)`);
  const rows = [["lang", "queries", "factsheet", "pagefind", "pagefind (all pages)", "pagefind misses by kind"]];
  const tot = { n: 0, ours: 0, pagefind: 0, pagefind_all: 0 };
  const r2 = (h, n) => `${(h / n).toFixed(2)} (${h})`;
  for (const [lang, r] of Object.entries(results)) {
    for (const k of Object.keys(tot)) tot[k] += r[k];
    const missed = Object.entries(r.pagefind_kinds).filter(([, [h, n]]) => h < n).map(([k, [h, n]]) => `${k} ${n - h}/${n}`).join(", ");
    rows.push([lang, r.n, r2(r.ours, r.n), r2(r.pagefind, r.n), r2(r.pagefind_all, r.n), missed || "-"]);
    await emit({ tool: "search-relevance", lang, queries: r.n, factsheet: r.ours, pagefind: r.pagefind, pagefind_all: r.pagefind_all,
      pagefind_kinds: r.pagefind_kinds, version: PAGEFIND_VERSION });
  }
  rows.push(["all", tot.n, r2(tot.ours, tot.n), r2(tot.pagefind, tot.n), r2(tot.pagefind_all, tot.n), ""]);
  table(rows);
  for (const m of misses) console.log(`  miss: ${m}`);
}

if (opts.relevance) await relevance();
else await speed();
