// What the browser checks share: a tiny static server for a built site, and
// the pages to look at, found in the site as built.
import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { join, normalize, extname } from "node:path";

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml",
  ".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8",
};

/** Serves `root` on 127.0.0.1 (a free port unless `port` is given), as a
 *  static host does: `dir/` is `dir/index.html`, anything else missing is
 *  404.html with status 404. Returns { base, close }. */
export async function serve(root, port = 0) {
  const server = createServer(async (req, res) => {
    try {
      const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
      if (path.includes("..")) throw new Error("no");
      let file = join(root, path);
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(await readFile(join(root, "404.html")).catch(() => "not found"));
    }
  });
  await new Promise((ok, fail) => { server.once("error", fail); server.listen(port, "127.0.0.1", ok); });
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** The folder of language `tag` in the built site, whatever its case
 *  (`sr-Cyrl/` or `sr-cyrl/`): URLs may lower-case the tag. */
export async function langDir(root, tag) {
  const names = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const name = names.find((n) => n.toLowerCase() === tag.toLowerCase());
  if (!name) throw new Error(`no folder for language ${tag} in ${root} (have: ${names.join(", ")})`);
  return name;
}

/** One page of each kind, with a label: the chooser, a language home, a
 *  destination, sheets in Latin, Cyrillic and derived (transliterated) Latin
 *  script, a page shown in a fallback language, and the 404 page. */
export async function pageKinds(root) {
  const d = async (tag) => await langDir(root, tag);
  return [
    ["chooser", ""],
    ["home", `${await d("en")}/`],
    ["destination", `${await d("mk")}/de/`],
    ["sheet", `${await d("sq")}/de/work/`],
    ["Cyrillic sheet", `${await d("sr-Cyrl")}/de/work/`],
    ["derived-Latin sheet", `${await d("sr-Latn")}/de/work/`],
    // Bosnian has no sheets: bs falls back to Serbian Latin.
    ["fallback sheet", `${await d("bs")}/de/work/`],
    ["search", `${await d("sr-Cyrl")}/search/`],
    // The route finder: its start, a question after two answers, an outcome
    // with results, near misses and the centres.
    ["finder start", `${await d("sq")}/finder/`],
    ["finder question", `${await d("sr-Cyrl")}/finder/rs-work/`],
    ["finder outcome", `${await d("en")}/finder/al-work-no/`],
    // A static host serves 404.html, with status 404, for any missing path.
    // Lighthouse marks every 404 as "unsuccessful status code" by design, so
    // it looks at the page at its own address; run.mjs checks the status.
    ["404", "404.html"],
  ];
}
