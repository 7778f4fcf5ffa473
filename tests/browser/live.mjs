// In Debian's headless Chromium: a page served by `factsheet serve` reloads
// by itself after its sheet is edited.
// Usage: node tests/browser/live.mjs FACTSHEET_BINARY SITE_DIR
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [bin, site] = process.argv.slice(2);
const port = await new Promise((ok) => { const s = createServer(); s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
const server = spawn(bin, ["serve", "--port", String(port), "--no-pdf"], { cwd: site, stdio: ["ignore", "ignore", "inherit"] });
const base = `http://127.0.0.1:${port}/`;
for (let i = 0; i < 100; i++) {
  try { if ((await fetch(base)).ok) break; } catch {}
  await new Promise((r) => setTimeout(r, 100));
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let failed = 0;
try {
  const page = await browser.newPage();
  await page.goto(base + "en/de/work/");
  const file = join(site, "content/de/work.en.md");
  const before = await readFile(file, "utf8");
  const reloaded = page.waitForEvent("load", { timeout: 10000 });
  await page.waitForTimeout(300); // let the event stream connect
  await writeFile(file, before.replace("Find an employer first.", "Find an employer first. Edited live."));
  await reloaded;
  const text = await page.textContent("main");
  if (text.includes("Edited live.")) console.log("ok   the page reloaded by itself with the edit");
  else { failed++; console.log("FAIL the page did not show the edit"); }
} catch (e) {
  failed++; console.log(`FAIL live reload: ${e.message}`);
} finally {
  await browser.close();
  server.kill();
}
console.log(`\nlive reload: ${1 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
