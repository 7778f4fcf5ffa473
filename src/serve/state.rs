//! The site as `serve` holds it in memory: rendered files by path, and what
//! they were made from. A save of a sheet re-renders the pages the routing
//! table says it touches; anything else rebuilds all. Output made on
//! request is rendered outside the lock and kept only if the site has not
//! changed meanwhile.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Instant;

use super::Preview;
use crate::diagnostics::{self, Diagnostic, Diagnostics, Format};
use crate::pipeline::{self, Prepared};
use crate::render::{Data, Renderer, Route, Touched};

/// Where the reload script and its event stream live; nothing of the site
/// can have these paths (no folder starts with `__`).
pub const LIVE_JS: &str = "__factsheet/live.js";
pub const EVENTS: &str = "__factsheet/events";
const SCRIPT_TAG: &str = "<script src=\"/__factsheet/live.js\"></script>";

/// The site as currently served.
pub enum Output {
    Site {
        files: HashMap<String, Vec<u8>>,
        /// Site, theme and typesetter, shared with requests that render
        /// from them outside the lock.
        prepared: Arc<Prepared>,
        /// Bumped on every change: output made from an older site is not
        /// kept.
        version: u64,
    },
    /// The last rebuild failed: its diagnostics, as a page.
    Broken(String),
}

pub struct State {
    pub output: RwLock<Output>,
    /// Bumped after every rebuild; event streams wait on it.
    pub generation: Mutex<u64>,
    pub changed: Condvar,
    pub opts: Preview,
    base_url: String,
    versions: AtomicU64,
    /// Held while a new day's rebuild runs, so that it runs once.
    new_day: Mutex<()>,
    /// Held by every rebuild and update, so that an older build never
    /// replaces a newer one (the watcher and a request may both rebuild).
    changing: Mutex<()>,
}

impl State {
    pub fn new(opts: Preview, base_url: String) -> State {
        State {
            output: RwLock::new(Output::Broken(String::new())),
            generation: Mutex::new(0),
            changed: Condvar::new(),
            opts,
            base_url,
            versions: AtomicU64::new(0),
            new_day: Mutex::new(()),
            changing: Mutex::new(()),
        }
    }

    fn next_version(&self) -> u64 {
        self.versions.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Rebuilds the site in memory and tells open pages to reload.
    pub fn rebuild(&self) {
        let _one = self.changing.lock();
        self.rebuild_now();
    }

    fn rebuild_now(&self) {
        let started = Instant::now();
        let output = match self.build() {
            Ok(o) => {
                if let Output::Site { files, .. } = &o
                    && !self.opts.quiet
                {
                    let pages = files.keys().filter(|p| p.ends_with(".html")).count();
                    eprintln!(
                        "built {pages} pages in {} ms",
                        started.elapsed().as_millis()
                    );
                }
                o
            }
            Err(diags) => Output::Broken(overlay(&report(&diags))),
        };
        if let Ok(mut out) = self.output.write() {
            *out = output;
        }
        self.bump();
    }

    /// Applies saved changes: re-renders what they touch, or rebuilds all.
    pub fn apply(&self, changed: &[PathBuf]) {
        let _one = self.changing.lock();
        let started = Instant::now();
        if self.update(changed) {
            if !self.opts.quiet {
                eprintln!("updated in {} ms", started.elapsed().as_millis());
            }
            self.bump();
        } else {
            self.rebuild_now();
        }
    }

    /// Tells open pages to reload.
    fn bump(&self) {
        if let Ok(mut g) = self.generation.lock() {
            *g += 1;
            self.changed.notify_all();
        }
    }

    /// Every output but the PDFs (made on request), or every error that
    /// stops the site.
    fn build(&self) -> Result<Output, Diagnostics> {
        let opts = pipeline::PrepareOptions {
            today: self.opts.day(),
            base_url: Some(&self.base_url),
            pdf: self.opts.pdf,
            strict: false,
            cache: self.opts.cache.as_deref(),
        };
        let prepared = match pipeline::prepare(&self.opts.root, &opts) {
            Ok((prepared, _)) => prepared,
            Err(stop) => return Err(pipeline::errors_only(&stop.into_diagnostics())),
        };
        let model = prepared.model().previewed();
        let rendered = Renderer::new(&model, &prepared.theme, prepared.typesetter.as_deref())
            .and_then(|r| r.render_all(false))
            .map_err(one)?;
        drop(model);
        let files = rendered
            .files
            .into_iter()
            .map(|f| {
                let bytes = if f.path.ends_with(".html") {
                    inject(f.bytes)
                } else {
                    f.bytes
                };
                (f.path, bytes)
            })
            .collect();
        Ok(Output::Site {
            files,
            prepared: Arc::new(prepared),
            version: self.next_version(),
        })
    }

    /// Applies saved edits of existing sheets without a full rebuild: reads
    /// those files again, re-renders the pages they touch and forgets the
    /// other outputs they touch (made again on request). False when the
    /// change needs a full rebuild.
    fn update(&self, changed: &[PathBuf]) -> bool {
        let Ok(mut out) = self.output.write() else {
            return false;
        };
        let Output::Site {
            files,
            prepared,
            version,
        } = &mut *out
        else {
            return false;
        };
        // A new day changes every page's freshness.
        if prepared.today != self.opts.day() {
            return false;
        }
        let root = &self.opts.root;
        // The watcher reports absolute paths, the root may be relative
        // (".", by default): compare them as real paths.
        let real_root = root.canonicalize().unwrap_or_else(|_| root.clone());
        let mut touched = Vec::new();
        let finder_pages;
        {
            let model = prepared.model();
            finder_pages = model.finder.as_ref().map(|f| f.segments.clone());
            for path in changed {
                // An editor's temporary file, already renamed over the sheet.
                let is_sheet = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .and_then(crate::content::names::split_sheet_name)
                    .is_some();
                if !path.exists() {
                    // A removed sheet changes lists and links: rebuild all.
                    if is_sheet {
                        return false;
                    }
                    continue;
                }
                let real = path.canonicalize().unwrap_or_else(|_| path.clone());
                let rel = real
                    .strip_prefix(&real_root)
                    .or_else(|_| path.strip_prefix(root))
                    .unwrap_or(path);
                match model.touched_by(rel) {
                    Touched::Everything => return false,
                    Touched::Only(routes) => {
                        touched.extend(routes.iter().map(|r| model.file_path(*r)))
                    }
                }
            }
        }
        // Output made on request from here on is not kept, even if this
        // update fails halfway (a full rebuild follows then).
        *version = self.next_version();
        // Requests may still read the old site: they keep their copy.
        let prepared = Arc::make_mut(prepared);
        let site = Arc::make_mut(&mut prepared.site);
        let mut diags = Diagnostics::default();
        for path in changed.iter().filter(|p| p.exists()) {
            if !crate::content::load::reload_sheet(site, path, &mut diags) {
                return false;
            }
        }
        diags.extend(crate::validate::validate(site, prepared.today));
        let errors = pipeline::errors_only(&pipeline::as_published(&diags));
        if errors.errors() > 0 {
            *out = Output::Broken(overlay(&report(&errors)));
            return true;
        }
        let model = prepared.model().previewed();
        // Changed finder conditions can change the finder's pages.
        if model.finder.as_ref().map(|f| &f.segments) != finder_pages.as_ref() {
            return false;
        }
        let Ok(renderer) = Renderer::new(&model, &prepared.theme, prepared.typesetter.as_deref())
        else {
            return false;
        };
        // The search index's files are made again on request: a saved
        // sheet can add or remove shards.
        files.retain(|k, _| !model.is_search_file(k));
        for path in &touched {
            files.remove(path);
            let Some(route) = model.parse(path).filter(|r| r.as_page().is_some()) else {
                continue;
            };
            match renderer.render(route) {
                Some(Ok(f)) => {
                    files.insert(f.path, inject(f.bytes));
                }
                Some(Err(_)) => return false,
                None => {}
            }
        }
        true
    }

    /// Rebuilds first when the day has changed since the site was built
    /// (and no `--today` fixes it): a preview left running past midnight
    /// must not show yesterday's freshness.
    pub fn judge_today(&self) {
        let stale = || {
            self.opts.today.is_none()
                && matches!(self.output.read().as_deref(),
                    Ok(Output::Site { prepared, .. }) if prepared.today != self.opts.day())
        };
        if stale()
            && let Ok(_one) = self.new_day.lock()
            && stale()
        {
            self.rebuild();
        }
    }

    /// Makes the output at `key` that is made on request (a PDF, a feed, a
    /// search index, the sitemap). None when the site has no such output.
    /// The work is done outside the lock, on the site as it was; the
    /// result is kept only if the site has not changed meanwhile.
    pub fn make(&self, key: &str) -> Option<Result<Vec<u8>, Diagnostic>> {
        let (prepared, made_from) = match self.output.read().as_deref() {
            Ok(Output::Site {
                prepared, version, ..
            }) => (Arc::clone(prepared), *version),
            _ => return None,
        };
        let model = prepared.model();
        let route = model.parse(key).filter(|r| r.as_page().is_none())?;
        let renderer = match Renderer::new(&model, &prepared.theme, prepared.typesetter.as_deref())
        {
            Ok(r) => r,
            Err(d) => return Some(Err(d)),
        };
        // A search file: the language's whole index is built for it, so
        // keep every file of it at once (the next query needs others).
        if let Route::Data(Data::Search { lang, .. }) = route {
            for (file, (_, bytes)) in model.search(lang).files.iter().enumerate() {
                self.keep(
                    &model.file_path(Data::Search { lang, file }),
                    bytes,
                    made_from,
                );
            }
        }
        let made = renderer.render(route)?.map(|f| f.bytes);
        if let Ok(body) = &made {
            self.keep(key, body, made_from);
        }
        Some(made)
    }

    /// Keeps output made on request, unless the site changed since it was
    /// made from version `made_from`.
    pub fn keep(&self, key: &str, body: &[u8], made_from: u64) -> bool {
        if let Ok(mut out) = self.output.write()
            && let Output::Site { files, version, .. } = &mut *out
            && *version == made_from
        {
            files.insert(key.to_string(), body.to_vec());
            return true;
        }
        false
    }
}

pub fn one(d: Diagnostic) -> Diagnostics {
    d.into()
}

/// Diagnostics as the terminal shows them; printed there too.
pub fn report(diags: &Diagnostics) -> String {
    let mut text = Vec::new();
    let _ = diagnostics::render(diags, Format::Human, false, &mut text, false);
    let text = String::from_utf8_lossy(&text).into_owned();
    eprint!("{text}");
    eprintln!("the site has errors: the browser shows them until they are fixed");
    text
}

/// Adds the reload script to a page (only in `serve`, never in `build`).
fn inject(html: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{SCRIPT_TAG}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{SCRIPT_TAG}").into_bytes(),
    }
}

/// The page shown in place of every page while the site is broken.
fn overlay(diagnostics: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>factsheet: the site has errors</title><style>body{{font:16px/1.5 system-ui,sans-serif;margin:1rem;color:#1a1a1a}}\
pre{{white-space:pre-wrap;background:#fff4e5;border-left:6px solid #a40e26;padding:1rem}}</style></head>\
<body><main><h1>The site has errors</h1><p>Fix them and save: this page reloads by itself.</p><pre id=\"factsheet-errors\">{}</pre></main>{SCRIPT_TAG}</body></html>\n",
        crate::render::escape_xml(diagnostics)
    )
}

#[cfg(test)]
mod tests;
