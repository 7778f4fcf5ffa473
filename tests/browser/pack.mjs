// The visitor-pack form of `factsheet serve`, in Debian's headless Chromium,
// with JavaScript off as staff computers may have it: axe finds no WCAG 2.1
// AA violation, every control is reached by keyboard with a visible focus,
// and submitting the form returns the PDF.
// Usage: node tests/browser/pack.mjs FACTSHEET_BINARY SITE_DIR
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const [bin, site] = process.argv.slice(2);
const axeSource = await readFile(join(here, "node_modules/axe-core/axe.min.js"), "utf8");
const port = await new Promise((ok) => { const s = createServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
const server = spawn(bin, ["--today", "2026-12-07", "serve", "--port", String(port)], { cwd: site, stdio: ["ignore", "ignore", "inherit"] });
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 200; i++) {
  try { if ((await fetch(base)).ok) break; } catch {}
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let passed = 0, failed = 0;
const check = (name, ok, detail) => {
  if (ok) { passed++; console.log(`ok   ${name}`); } else { failed++; console.log(`FAIL ${name}\n     ${detail}`); }
};
try {
  // axe needs a script; the form itself runs without one.
  const withJs = await browser.newContext({ viewport: { width: 360, height: 740 }, bypassCSP: true });
  const a = await withJs.newPage();
  await a.goto(base + "sq/pack/");
  await a.addScriptTag({ content: axeSource });
  const result = await a.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  check("the pack form is axe-clean", result.violations.length === 0,
    result.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`).join("\n     "));
  await withJs.close();

  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await noJs.newPage();
  await page.goto(base + "sq/pack/");
  // Keyboard only: Tab to the Germany work sheet, Space ticks it; then the
  // second language, the centre and the button, each with a visible focus.
  const reached = new Set();
  let outlines = true;
  for (let i = 0; i < 60 && !reached.has("button"); i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => {
      const a = document.activeElement;
      const s = getComputedStyle(a);
      return { tag: a.tagName.toLowerCase(), value: a.value, name: a.name, outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
    });
    if (!f.name && f.tag !== "button") continue;
    if (!f.outline) outlines = false;
    if (f.value === "de/work") { await page.keyboard.press("Space"); reached.add("sheet"); }
    if (f.name === "also") { await page.selectOption("#fs-also", "en"); reached.add("also"); }
    if (f.name === "centre") { await page.selectOption("#fs-centre", "tirana"); reached.add("centre"); }
    if (f.tag === "button") reached.add("button");
  }
  check("every control of the form is reached by keyboard", ["sheet", "also", "centre", "button"].every((x) => reached.has(x)), JSON.stringify([...reached]));
  check("the focus is visible on each", outlines, "a control without a 2px outline");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes("pack.pdf")),
    page.keyboard.press("Enter").catch(() => {}),
  ]);
  // The browser may show or download it; fetch the same address for its bytes.
  const body = Buffer.from(await (await fetch(response.url())).arrayBuffer());
  check("submitting the form returns the pack as a PDF",
    response.status() === 200 && (response.headers()["content-type"] || "").startsWith("application/pdf") && body.subarray(0, 5).toString() === "%PDF-",
    `${response.status()} ${response.headers()["content-type"]} ${response.url()}`);
  check("the request carries only what the form offered",
    /\?sheet=de%2Fwork&also=en&centre=tirana$/.test(response.url()), response.url());
  await noJs.close();
} catch (e) {
  failed++; console.log(`FAIL pack form: ${e.message}`);
} finally {
  await browser.close();
  server.kill();
}
console.log(`\npack form: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
