//! Renderers: each turns the one site model into files, one kind of route
//! each (`route`): `html` the pages, `feed` Atom feeds per language and
//! destination, `pdf` handouts, booklets and packs, `sitemap` the sitemap
//! with hreflang alternates, `search` a search index per language.

pub mod advice;
pub mod feed;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod route;
pub mod search;
pub mod share;
pub mod sitemap;
pub mod version;
pub mod view;

use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock};

use jiff::civil::Date;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::content::Site;
use crate::content::sheet::Text;
use crate::content::state::SheetState;
use crate::diagnostics::Diagnostic;
use crate::theme::Theme;
pub use route::{Data, Feed, Page, Pdf, Route, Touched};

/// One output file, by its path under the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The site on one day, computed once: every sheet's state and pages,
/// their texts and Markdown. Every renderer reads it; the routing table
/// (`route.rs`) gives its outputs.
pub struct Model<'a> {
    pub site: &'a Site,
    pub today: Date,
    /// The published address, ending in `/`.
    pub base_url: String,
    pub sheets: Vec<SheetState<'a>>,
    /// Destinations with at least one sheet, in order.
    pub destinations: Vec<&'a str>,
    /// The route finder's pages, when the site has `finder.yaml`.
    pub finder: Option<crate::finder::Flow>,
    /// Rendered by `serve`, which offers what a static site cannot (a
    /// pack of the finder's results).
    pub preview: bool,
    /// The text of each sheet in each language (sheet × language, in the
    /// order of `site.config.tags()`), merged and transliterated once, when
    /// first asked for.
    texts: Vec<OnceLock<Option<Cow<'a, Text>>>>,
    /// Markdown rendered once per distinct text: the same body shows on
    /// many pages (fallbacks) and in the search index. Keyed by the text
    /// itself: a hash alone could show another sheet's body on a collision.
    /// A text being rendered by one thread is waited for by the others
    /// (the search indexes of several languages ask for the same source
    /// text at once).
    markdown: Mutex<FxHashMap<Box<str>, Arc<MarkdownCell>>>,
    /// Which sections of an outdated translation changed in the source,
    /// per sheet × language, when git history has the version it was made
    /// from (computed when first asked for).
    stale: Vec<OnceLock<Option<Stale>>>,
    /// Each language's search index, built when first asked for.
    search: Vec<OnceLock<search::Index>>,
}

/// One text's Markdown, rendered by the first thread to ask.
type MarkdownCell = OnceLock<Arc<markdown::Converted>>;

/// The parts of an outdated translation whose source changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// Sections (0 before the first heading, then one per heading).
    pub sections: Vec<usize>,
    /// The title, summary or a key fact changed: the whole page keeps its
    /// notice too.
    pub front_matter: bool,
    /// Segments whose source changed, of all the sheet's segments.
    pub segments: usize,
    pub total: usize,
}

impl<'a> Model<'a> {
    pub fn new(site: &'a Site, today: Date, base_url: &str) -> Self {
        let mut base_url = base_url.to_string();
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        let sheets = site.sheets(today);
        let mut destinations: Vec<&str> = sheets.iter().map(|s| s.destination).collect();
        destinations.dedup();
        let texts = (0..sheets.len() * site.config.languages.len())
            .map(|_| OnceLock::new())
            .collect();
        let stale = (0..sheets.len() * site.config.languages.len())
            .map(|_| OnceLock::new())
            .collect();
        let search = (0..site.config.languages.len())
            .map(|_| OnceLock::new())
            .collect();
        let finder = site
            .finder
            .as_ref()
            .map(|f| crate::finder::flow(f, &sheets));
        Model {
            site,
            today,
            base_url,
            finder,
            preview: false,
            sheets,
            destinations,
            texts,
            markdown: Default::default(),
            stale,
            search,
        }
    }

    /// The model as `serve` renders it.
    pub fn previewed(mut self) -> Self {
        self.preview = true;
        self
    }

    /// `lang`'s search index (empty for a language the site lacks).
    pub fn search(&self, lang: &str) -> &search::Index {
        static NONE: search::Index = search::Index { files: Vec::new() };
        let Some(l) = self.site.config.tags().position(|t| t == lang) else {
            return &NONE;
        };
        self.search[l].get_or_init(|| search::build(self, lang))
    }

    /// What changed in the source since the translation that `lang`'s page
    /// of `sheet` shows was made; None when it is current, or when git
    /// history lacks the version it was made from.
    pub fn stale(&self, sheet: usize, lang: &str) -> Option<&Stale> {
        let s = self.sheets.get(sheet)?;
        let l = self.site.config.tags().position(|t| t == lang)?;
        let cell = self
            .stale
            .get(sheet * self.site.config.languages.len() + l)?;
        cell.get_or_init(|| {
            let shown = crate::render::view::text_lang(s.page(lang)?, lang);
            let (parts, total) = crate::po::align::stale_of(self.site, s, &shown)?;
            Some(Stale {
                sections: parts.sections,
                front_matter: parts.front_matter,
                segments: parts.segments,
                total,
            })
        })
        .as_ref()
    }

    /// The text sheet `sheet` shows in `lang`: its translation (with the
    /// source's untranslated key facts), derived, or a fallback's.
    pub fn text(&self, sheet: usize, lang: &str) -> Option<&Text> {
        let s = self.sheets.get(sheet)?;
        let l = self.site.config.tags().position(|t| t == lang)?;
        let cell = self
            .texts
            .get(sheet * self.site.config.languages.len() + l)?;
        cell.get_or_init(|| self.site.text(s.files, s.page(lang)?))
            .as_deref()
    }

    /// `text` as safe HTML and plain text, from the cache when seen before.
    pub fn markdown(&self, text: &str) -> Arc<markdown::Converted> {
        let cell = match self.markdown.lock() {
            Ok(mut m) => match m.get(text) {
                Some(cell) => Arc::clone(cell),
                None => Arc::clone(m.entry(text.into()).or_default()),
            },
            Err(_) => Arc::default(),
        };
        // Rendered outside the map's lock, once.
        Arc::clone(cell.get_or_init(|| Arc::new(markdown::render(text))))
    }

    pub fn absolute(&self, url: &str) -> String {
        format!("{}{url}", self.base_url)
    }
}

/// The renderers of one model: each route goes to the one that makes it.
pub struct Renderer<'b, 'a> {
    model: &'b Model<'a>,
    theme: &'b Theme,
    /// Compiled on the first page: `serve` makes a PDF or a feed on
    /// request without compiling the templates.
    html: OnceLock<Result<html::Html<'b, 'a>, Diagnostic>>,
    typesetter: Option<&'b pdf::world::Typesetter>,
}

impl<'b, 'a> Renderer<'b, 'a> {
    /// Pages link handouts and booklets when `typesetter` is given.
    pub fn new(
        model: &'b Model<'a>,
        theme: &'b Theme,
        typesetter: Option<&'b pdf::world::Typesetter>,
    ) -> Result<Self, Diagnostic> {
        Ok(Renderer {
            model,
            theme,
            html: OnceLock::new(),
            typesetter,
        })
    }

    fn html(&self) -> Result<&html::Html<'b, 'a>, Diagnostic> {
        self.html
            .get_or_init(|| html::Html::new(self.model, self.theme, self.typesetter.is_some()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The route's file; None when the site has no such output (a static
    /// file the theme lacks, a PDF without a typesetter, a pack, which
    /// needs the form's query).
    pub fn render(&self, route: Route) -> Option<Result<File, Diagnostic>> {
        let m = self.model;
        let file_of = |bytes: Vec<u8>| {
            Some(Ok(File {
                path: m.file_path(route),
                bytes,
            }))
        };
        match route {
            Route::Page(page) => Some(self.html().and_then(|h| h.render(page))),
            Route::Feed(feed) => Some(
                self.html()
                    .and_then(|h| h.render_data("feed.xml", &feed::data(m, feed), route)),
            ),
            Route::Pdf(pdf @ (Pdf::Handout { .. } | Pdf::Booklet { .. })) => {
                pdf::render(m, self.typesetter?, pdf).map(|r| r.map(|made| made.file))
            }
            Route::Pdf(Pdf::Pack { .. }) => None,
            Route::Data(Data::Search { lang, file }) => {
                let (_, bytes) = m.search(lang).files.get(file)?;
                file_of(bytes.clone())
            }
            Route::Data(Data::Sitemap) => Some(
                self.html()
                    .and_then(|h| h.render_data("sitemap.xml", &sitemap::data(m), route)),
            ),
            Route::Data(Data::Static { name }) => {
                let (_, bytes) = self.theme.statics.iter().find(|(n, _)| n == name)?;
                file_of(bytes.clone())
            }
        }
    }

    /// Every output of the site, sorted by path: same input, same bytes.
    /// Pages in parallel on rayon's pool; with `pdf`, PDFs on their own
    /// workers.
    pub fn render_all(&self, pdf: bool) -> Result<RenderedSite, Diagnostic> {
        let files = Mutex::new(Vec::new());
        let made = self.render_each(pdf, &|f: File| -> Result<(), Diagnostic> {
            if let Ok(mut files) = files.lock() {
                files.push(f);
            }
            Ok(())
        })?;
        let mut files = files.into_inner().unwrap_or_default();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(RenderedSite {
            files,
            pdf_times: made.pdf_times,
        })
    }

    /// Every output of the site, each handed to `sink` as soon as it is
    /// made, so that a build need not hold the whole site in memory: pages
    /// in parallel on rayon's pool, then with `pdf` the PDFs on their own
    /// workers. The first error stops it.
    pub fn render_each<E>(
        &self,
        pdf: bool,
        sink: &(impl Fn(File) -> Result<(), E> + Sync),
    ) -> Result<RenderStats, E>
    where
        E: From<Diagnostic> + Send,
    {
        // The search indexes first, languages in parallel: the routes list
        // their files.
        let langs: Vec<&str> = self.model.site.config.tags().collect();
        langs.par_iter().for_each(|lang| {
            self.model.search(lang);
        });
        let mut routes = self.model.routes(false);
        routes.extend(
            self.theme
                .statics
                .iter()
                .map(|(name, _)| Route::Data(Data::Static { name })),
        );
        let pages = routes.iter().filter(|r| r.as_page().is_some()).count();
        routes.par_iter().try_for_each(|r| match self.render(*r) {
            Some(Ok(file)) => sink(file),
            Some(Err(d)) => Err(E::from(d)),
            None => Ok(()),
        })?;
        let mut pdf_times = Vec::new();
        if let Some(typesetter) = self.typesetter.filter(|_| pdf) {
            for made in pdf::render_all(self.model, typesetter, &self.model.pdfs())? {
                pdf_times.push((made.file.path.clone(), made.time));
                sink(made.file)?;
            }
        }
        Ok(RenderStats { pages, pdf_times })
    }
}

/// A rendered site: its files, and how long each PDF took.
pub struct RenderedSite {
    pub files: Vec<File>,
    pub pdf_times: Vec<(String, std::time::Duration)>,
}

/// What `render_each` made besides the files: how many pages, and how
/// long each PDF took.
pub struct RenderStats {
    pub pages: usize,
    pub pdf_times: Vec<(String, std::time::Duration)>,
}

/// Escapes text for XML and HTML text and attribute values, and drops
/// control characters but newline and tab. Every value on every page goes
/// through it: runs that need nothing are copied whole.
pub fn escape_xml(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    // `s[done..i]` is copied when the byte at `i` needs replacing; `i` is
    // always at an ASCII byte or at the lead byte of a C1 control.
    let (mut done, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        let (with, len) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&apos;", 1),
            b'\n' | b'\t' => {
                i += 1;
                continue;
            }
            0..=0x1f | 0x7f => ("", 1),
            // U+0080–U+009F, the C1 controls.
            0xc2 if bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)) => ("", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(s.get(done..i).unwrap_or_default());
        out.push_str(with);
        i += len;
        done = i;
    }
    out.push_str(s.get(done..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::escape_xml;

    #[test]
    fn escaping_replaces_markup_and_drops_controls() {
        assert_eq!(escape_xml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape_xml("Шкоџа ë € 🇦🇱"), "Шкоџа ë € 🇦🇱");
        assert_eq!(
            escape_xml("x\u{0}y\u{1f}z\u{7f}\u{85}\u{9f}\n\t"),
            "xyz\n\t"
        );
        assert_eq!(escape_xml("\u{a0}\u{c2}"), "\u{a0}\u{c2}", "not controls");
        assert_eq!(escape_xml("<"), "&lt;");
        assert_eq!(escape_xml(""), "");
    }
}
