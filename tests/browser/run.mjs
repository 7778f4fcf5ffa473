// Pages as a person sees them, in Debian's headless Chromium:
// - no horizontal scroll at 360 px wide,
// - axe-core finds no WCAG 2.1 A/AA violation,
// - the search box finds a sheet by a word of its text,
// - the pages work without JavaScript (content, links, no search box),
// - a link in the header of every page leads, by keyboard too, to the
//   language switcher.
// Usage: node tests/browser/run.mjs SITE_DIR   (a built site, e.g. public/)
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve, langDir } from "./site.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = process.argv[2];
if (!root) { console.error("usage: run.mjs SITE_DIR"); process.exit(2); }
const axeSource = await readFile(join(here, "node_modules/axe-core/axe.min.js"), "utf8");

const server = await serve(root);
const base = server.base;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

// One page of each kind, in several languages and scripts; a fallback page; the 404.
// A language's folder is found whatever its case (sr-Cyrl/ or sr-cyrl/).
const d = (tag) => langDir(root, tag);
const pages = [
  "", "en/", "sq/", `${await d("sr-Cyrl")}/`, `${await d("mk")}/de/`, `${await d("sr-Latn")}/de/work/`,
  `${await d("sr-Cyrl")}/de/work/`, `${await d("sq")}/it/seasonal-work/`, `${await d("en")}/us/diversity-visa/`,
  `${await d("mk")}/de/family/`, `${await d("hr")}/ca/work/`, `${await d("bs")}/de/work/`,
  `${await d("sq")}/changes/`, `${await d("sr-Cyrl")}/changes/`, `${await d("mk")}/centres/`,
  `${await d("sq")}/search/`, `${await d("sr-Cyrl")}/search/`, "nope/",
  `${await d("en")}/de/nope/`,
  `${await d("sq")}/finder/`, `${await d("sr-Cyrl")}/finder/rs-work/`, `${await d("en")}/finder/al-work-no/`,
  `${await d("hr")}/finder/hr-work/`,
];
let passed = 0, failed = 0;
// The header's link to the language switcher: its target exists and holds a
// link to each language; it is reached with Tab from the top of the page,
// shows where the focus is, and Enter on it brings the switcher into view.
async function languageLink(page, name) {
  const found = await page.evaluate(() => {
    for (const a of document.querySelectorAll("header a[href^='#']")) {
      const id = decodeURIComponent(a.getAttribute("href").slice(1));
      const target = id && document.getElementById(id);
      const langs = target ? new Set([...target.querySelectorAll("a[hreflang]")].map((l) => l.hreflang)) : new Set();
      if (langs.size >= 2) return { id, text: a.textContent.trim(), langs: langs.size };
    }
    return null;
  });
  check(`${name}: a header link leads to the language switcher`, found && found.text,
    found ? "the link has no text" : "no link in <header> to an element that holds links to two or more languages");
  if (!found) return;
  let focused = null;
  for (let i = 0; i < 8 && !focused; i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate((id) => {
      const a = document.activeElement;
      if (!a || a.getAttribute("href") !== "#" + id) return null;
      const s = getComputedStyle(a);
      return { outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
    }, found.id);
  }
  check(`${name}: the language link is reached by keyboard, with a visible focus`, focused && focused.outline, JSON.stringify(focused));
  if (!focused) return;
  await page.keyboard.press("Enter");
  await page.waitForTimeout(100);
  const inView = await page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return location.hash === "#" + id && r.top < innerHeight && r.bottom > 0;
  }, found.id);
  check(`${name}: Enter on the language link shows the switcher`, inView, "switcher not in view");
}

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
  const missing = path.endsWith("nope/");
  check(`${path || "/"}: served`, missing ? response.status() === 404 : response.ok(), `status ${response.status()}`);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(`${path || "/"}: no horizontal scroll at 360 px`, widths[0] <= widths[1], `scrollWidth ${widths[0]} > ${widths[1]}`);
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const v = result.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
  check(`${path || "/"}: axe WCAG 2.1 AA`, v.length === 0, v.join("\n     "));
  await languageLink(page, path || "/");
  await page.close();
}
check("no third-party requests", thirdParty.length === 0, thirdParty.join(", "));

// Search, on the search page, in three scripts: a word of one sheet's
// text; a query without diacritics; Serbian typed in Latin on the Cyrillic
// page; a typo; the count read out in the page's language.
{
  const page = await context.newPage();
  const search = async (path, q) => {
    await page.goto(base + path);
    await page.fill("#fs-q", q);
    await page.waitForFunction(() => document.getElementById("fs-status").textContent.trim() !== "", null, { timeout: 5000 }).catch(() => {});
    return page.$$eval("#fs-results li a", (as) => as.map((a) => a.getAttribute("href")));
  };
  const top3 = (links, want) => links.slice(0, 3).some((h) => h.endsWith(want));
  await page.goto(base + "sq/search/");
  check("search box appears with JavaScript", await page.isVisible("#fs-q"), "search form still hidden");
  let links = await search("sq/search/", "Beschäftigungsverordnung");
  check("search finds a sheet by a word of its text", top3(links, "de/work/"), JSON.stringify(links));
  links = await search("sq/search/", "pune sezonale");
  check("a query without diacritics finds the sheet (sq)", top3(links, "it/seasonal-work/") || top3(links, "us/seasonal-work/"), JSON.stringify(links));
  const status = await page.textContent("#fs-status");
  check("search reports a count in the page's language", /rezultat/.test(status || ""), status);
  links = await search(`${await d("sr-Cyrl")}/search/`, "lutrija");
  check("Serbian typed in Latin finds the Cyrillic sheet", top3(links, "us/diversity-visa/"), JSON.stringify(links));
  links = await search(`${await d("sr-Latn")}/search/`, "лутрија");
  check("Serbian typed in Cyrillic finds the Latin sheet", top3(links, "us/diversity-visa/"), JSON.stringify(links));
  links = await search("en/search/", "lottrey");
  check("one typo in a long word is forgiven", top3(links, "us/diversity-visa/"), JSON.stringify(links));
  const marks = await page.$$eval("#fs-results mark", (m) => m.length);
  check("the matching words are marked in the results", marks > 0, String(marks));
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  check("search results are axe-clean", result.violations.length === 0, result.violations.map((x) => x.id).join(", "));
  const target = (await page.$$eval("#fs-results li a", (as) => as.map((a) => a.href)))[0];
  if (target) {
    const r = await page.goto(target);
    check("a search result opens its sheet", r.ok(), target);
  }
  await page.close();
}

// A printout's QR code opens its page with the printout's version: the page
// says the printout is current, or lists the notes published since.
{
  const page = await context.newPage();
  const path = `${await d("sq")}/de/work/`;
  await page.goto(base + path);
  const data = await page.$eval("#updates", (s) => ({ ...s.dataset }));
  const notes = await page.$$eval("#updates ol.changes li", (li) => li.map((l) => l.dataset.date));
  check("the page knows its printout version", /^\d{8}-[0-9a-f]{6}$/.test(data.version || ""), data.version);
  await page.goto(`${base}${path}?v=${data.version}#updates`);
  const current = (await page.textContent("#fs-printout")) || "";
  check("a current printout is said to be current", current.trim() === data.current && await page.isVisible("#fs-printout"), current);
  // Printed on 2 November 2023: the notes dated after it are listed.
  await page.goto(`${base}${path}?v=20231102-000000#updates`);
  const old = await page.evaluate(() => {
    const box = document.getElementById("fs-printout");
    return { text: box.textContent, dates: [...box.querySelectorAll("li")].map((l) => l.dataset.date) };
  });
  const since = notes.filter((n) => n > "2023-11-02");
  check("an old printout lists the notes published since it was printed",
    JSON.stringify(old.dates) === JSON.stringify(since) && since.length > 0 && /2023/.test(old.text),
    JSON.stringify(old));
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  check("the printout answer is axe-clean", result.violations.length === 0, result.violations.map((x) => x.id).join(", "));
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
  await page.goto(base + "mk/search/");
  const az = await page.$$eval("ul.a-z li a", (as) => as.length);
  check("without JavaScript the search page lists every sheet A–Z", az === 10 && !(await page.isVisible("#fs-q")), String(az));
  await page.goto(base + "sq/de/work/");
  await languageLink(page, "without JavaScript");
  // The QR code's address lands on the dated list of updates.
  await page.goto(base + "sq/de/work/?v=20231102-000000#updates");
  const list = await page.evaluate(() => {
    const r = document.querySelector("#updates ol.changes").getBoundingClientRect();
    return { inView: r.top < innerHeight && r.bottom > 0, items: document.querySelectorAll("#updates ol.changes li time").length };
  });
  check("without JavaScript a scanned printout lands on the dated updates", list.inView && list.items > 1, JSON.stringify(list));
  // The route finder by keyboard alone: Tab to the first answer, Enter,
  // until an outcome, in three scripts.
  for (const tag of ["sq", "sr-Cyrl", "en"]) {
    await page.goto(base + `${await d(tag)}/finder/`);
    let steps = 0;
    while (await page.$("ul.finder-answers") && steps < 8) {
      let onAnswer = false;
      for (let i = 0; i < 60 && !onAnswer; i++) {
        await page.keyboard.press("Tab");
        onAnswer = await page.evaluate(() => !!document.activeElement?.closest("ul.finder-answers"));
      }
      if (!onAnswer) break;
      await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
      steps++;
    }
    const outcome = await page.evaluate(() => ({
      results: document.querySelectorAll("ul.finder-results li").length,
      centres: document.querySelectorAll(".finder-centres li").length,
      noindex: !!document.querySelector('meta[name="robots"][content="noindex"]'),
    }));
    check(`the finder by keyboard without JavaScript (${tag}): ${steps} answers to an outcome`,
      steps > 1 && outcome.results > 0 && outcome.centres > 0 && outcome.noindex, JSON.stringify({ steps, ...outcome }));
  }
  await noJs.close();
}

await browser.close();
await server.close();
console.log(`\nbrowser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
