// Pages as a person sees them, in Debian's headless Chromium:
// - no horizontal scroll at 360 px wide,
// - axe-core finds no WCAG 2.1 A/AA violation,
// - the search box finds a sheet by a word of its text,
// - the pages work without JavaScript (content, links, no search box).
// Usage: node tests/browser/run.mjs SITE_DIR   (a built site, e.g. public/)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, normalize, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = process.argv[2];
if (!root) { console.error("usage: run.mjs SITE_DIR"); process.exit(2); }
const axeSource = await readFile(join(here, "node_modules/axe-core/axe.min.js"), "utf8");

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml" };
const server = createServer(async (req, res) => {
  try {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.includes("..")) throw new Error("no");
    let file = join(root, path);
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
    res.end(await readFile(join(root, "404.html")).catch(() => "not found"));
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

// One page of each kind, in several languages and scripts; a fallback page; the 404.
const pages = [
  "", "en/", "sq/", "sr-Cyrl/", "mk/de/", "sr-Latn/de/work/", "sq/it/seasonal-work/",
  "en/us/diversity-visa/", "mk/de/family/", "hr/ca/work/", "nope/",
];
let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log(`ok   ${name}`); }
  else { failed++; console.log(`FAIL ${name}\n     ${detail}`); }
}

const thirdParty = [];
// bypassCSP only lets axe be injected; the pages themselves run under their CSP.
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
context.on("request", (r) => { if (!r.url().startsWith(base)) thirdParty.push(r.url()); });
for (const path of pages) {
  const page = await context.newPage();
  const response = await page.goto(base + path);
  check(`${path || "/"}: served`, path === "nope/" ? response.status() === 404 : response.ok(), `status ${response.status()}`);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(`${path || "/"}: no horizontal scroll at 360 px`, widths[0] <= widths[1], `scrollWidth ${widths[0]} > ${widths[1]}`);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const v = result.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
  check(`${path || "/"}: axe WCAG 2.1 AA`, v.length === 0, v.join("\n     "));
  await page.close();
}
check("no third-party requests", thirdParty.length === 0, thirdParty.join(", "));

// Search: a word that appears only in the text of one sheet.
{
  const page = await context.newPage();
  await page.goto(base + "sq/");
  const visible = await page.isVisible("#fs-q");
  check("search box appears with JavaScript", visible, "search form still hidden");
  await page.fill("#fs-q", "Beschäftigungsverordnung");
  await page.waitForSelector("#fs-results li a", { timeout: 5000 }).catch(() => {});
  const links = await page.$$eval("#fs-results li a", (as) => as.map((a) => a.getAttribute("href")));
  check("search finds a sheet by a word of its text", links.some((h) => h.endsWith("de/work/")), JSON.stringify(links));
  await page.fill("#fs-q", "vize sezonale");
  await page.waitForTimeout(300);
  const status = await page.textContent("#fs-status");
  check("search reports a count in the page's language", /rezultat/.test(status || ""), status);
  const target = (await page.$$eval("#fs-results li a", (as) => as.map((a) => a.href)))[0];
  if (target) {
    const r = await page.goto(target);
    check("a search result opens its sheet", r.ok(), target);
  }
  await page.close();
}

// Without JavaScript: the content is there, the search box is not.
{
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await noJs.newPage();
  await page.goto(base + "sq/de/work/");
  const h1 = await page.textContent("h1");
  check("a sheet reads without JavaScript", /Gjermani/.test(h1 || ""), h1);
  check("no dead search box without JavaScript", !(await page.isVisible("#fs-q")), "visible");
  await noJs.close();
}

await browser.close();
server.close();
console.log(`\nbrowser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
