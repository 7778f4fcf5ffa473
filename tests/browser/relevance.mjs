// Top-3 recall of the site search on tests/search/relevance.json, in
// Debian's headless Chromium, with the search page as a reader uses it
// (the query passed in the address, `?q=`, which the page's script runs).
// Prints recall per language and kind; fails when a language falls below
// MIN_RECALL (default 1.0).
// Usage: node tests/browser/relevance.mjs SITE_DIR
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve, langDir } from "./site.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = process.argv[2];
const min = Number(process.env.MIN_RECALL || "1");
const set = JSON.parse(await readFile(join(here, "../search/relevance.json"), "utf8"));
const server = await serve(root);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage();
let failed = 0;
const misses = [];
for (const [lang, queries] of Object.entries(set.languages)) {
  const dir = await langDir(root, lang);
  const byKind = {};
  let hits = 0;
  for (const q of queries) {
    await page.goto(`${server.base}${dir}/search/?q=${encodeURIComponent(q.q)}`);
    await page.waitForFunction(() => document.getElementById("fs-status").textContent.trim() !== "", null, { timeout: 5000 }).catch(() => {});
    const links = await page.$$eval("#fs-results li a", (as) => as.map((a) => a.getAttribute("href")));
    const top = links.slice(0, 3);
    const ok = q.expect.every((e) => top.some((h) => h.endsWith(`${e}/`)));
    const k = (byKind[q.kind] ||= [0, 0]);
    k[1]++;
    if (ok) { hits++; k[0]++; } else misses.push(`${lang} [${q.kind}] "${q.q}" → ${JSON.stringify(top)}, want ${q.expect.join(", ")}`);
  }
  const recall = hits / queries.length;
  const kinds = Object.entries(byKind).map(([k, [h, n]]) => `${k} ${h}/${n}`).join(", ");
  console.log(`${recall >= min ? "ok  " : "FAIL"} ${lang}: top-3 recall ${recall.toFixed(2)} (${hits}/${queries.length}; ${kinds})`);
  if (recall < min) failed++;
}
for (const m of misses) console.log(`     miss: ${m}`);
await browser.close();
await server.close();
process.exit(failed ? 1 : 0);
