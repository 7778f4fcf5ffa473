//! Renderers: each turns the one site model into files. `html` writes the
//! pages, `feed` an Atom feed per language, `sitemap` the sitemap with
//! hreflang alternates, `search` a search index per language. They share
//! the list of pages and their addresses (`Pages`).

pub mod feed;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod search;
pub mod sitemap;
pub mod view;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::content::Site;
use crate::content::model::SheetState;
use crate::diagnostics::Diagnostic;
use crate::lang::url_segment;
use crate::theme::Theme;

/// One output file, by its path under the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A page of the site.
#[derive(Debug, Clone, Copy)]
pub enum Page<'a> {
    /// `/`: choose a language.
    Chooser,
    /// `/<lang>/`.
    Home { lang: &'a str },
    /// `/<lang>/<destination>/`.
    Destination { lang: &'a str, dest: &'a str },
    /// `/<lang>/<destination>/<route>/`; `sheet` indexes `Build::sheets`.
    Sheet { lang: &'a str, sheet: usize },
    /// `/404.html`.
    NotFound,
}

/// Everything one build needs, computed once.
pub struct Build<'a> {
    pub site: &'a Site,
    pub today: Date,
    /// The published address, ending in `/`.
    pub base_url: String,
    pub sheets: Vec<SheetState<'a>>,
    /// Markdown rendered once per distinct text: the same body shows on
    /// many pages (fallbacks) and in the search index.
    /// Keyed by the text itself: a hash alone could show another sheet's
    /// body on a collision.
    markdown:
        std::sync::Mutex<std::collections::HashMap<Box<str>, std::sync::Arc<markdown::Rendered>>>,
}

impl<'a> Build<'a> {
    pub fn new(site: &'a Site, today: Date, base_url: &str) -> Self {
        let mut base_url = base_url.to_string();
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        Build {
            site,
            today,
            base_url,
            sheets: site.sheets(today),
            markdown: Default::default(),
        }
    }

    /// `text` as safe HTML and plain text, from the cache when seen before.
    pub fn markdown(&self, text: &str) -> std::sync::Arc<markdown::Rendered> {
        if let Some(r) = self.markdown.lock().ok().and_then(|m| m.get(text).cloned()) {
            return r;
        }
        let rendered = std::sync::Arc::new(markdown::render(text));
        if let Ok(mut m) = self.markdown.lock() {
            m.insert(text.into(), std::sync::Arc::clone(&rendered));
        }
        rendered
    }

    /// Every page, in a fixed order.
    pub fn pages(&self) -> Vec<Page<'a>> {
        let mut pages = vec![Page::Chooser, Page::NotFound];
        for lang in self.site.config.tags() {
            pages.push(Page::Home { lang });
            for dest in self.destinations() {
                pages.push(Page::Destination { lang, dest });
            }
            for sheet in 0..self.sheets.len() {
                pages.push(Page::Sheet { lang, sheet });
            }
        }
        pages
    }

    /// Destinations with at least one sheet.
    pub fn destinations(&self) -> Vec<&'a str> {
        let mut out: Vec<&str> = self.sheets.iter().map(|s| s.destination).collect();
        out.dedup();
        out
    }

    /// The page's path under the site, as in a URL (`sq/de/work/`).
    pub fn url(&self, page: Page) -> String {
        match page {
            Page::Chooser => String::new(),
            Page::NotFound => "404.html".into(),
            Page::Home { lang } => format!("{}/", url_segment(lang)),
            Page::Destination { lang, dest } => format!("{}/{dest}/", url_segment(lang)),
            Page::Sheet { lang, sheet } => {
                let s = &self.sheets[sheet];
                format!("{}/{}/{}/", url_segment(lang), s.destination, s.route)
            }
        }
    }

    /// The same page in another language.
    pub fn in_lang(&self, page: Page<'a>, lang: &'a str) -> Page<'a> {
        match page {
            Page::Home { .. } => Page::Home { lang },
            Page::Destination { dest, .. } => Page::Destination { lang, dest },
            Page::Sheet { sheet, .. } => Page::Sheet { lang, sheet },
            other => other,
        }
    }

    pub fn absolute(&self, url: &str) -> String {
        format!("{}{url}", self.base_url)
    }

    /// The file a page is written to.
    pub fn file_path(&self, page: Page) -> String {
        let url = self.url(page);
        if url.ends_with(".html") {
            url
        } else {
            format!("{url}index.html")
        }
    }
}

/// Renders some pages again (for `serve`, after one sheet changed).
pub fn render_pages(
    build: &Build,
    theme: &Theme,
    link_pdf: bool,
    pages: &[Page],
) -> Result<Vec<File>, Diagnostic> {
    let html = html::Html::new(build, theme, link_pdf)?;
    pages.par_iter().map(|page| html.render(*page)).collect()
}

/// A rendered site: its files, and how long each PDF took.
pub struct Rendered {
    pub files: Vec<File>,
    pub pdf_times: Vec<(String, std::time::Duration)>,
    /// (kind, how many, CPU time) of handouts and booklets.
    pub pdf_cpu: Vec<(&'static str, usize, Option<std::time::Duration>)>,
}

/// Renders the whole site: pages in parallel, then feeds, sitemap, search
/// indexes, static files and, with `make_pdf`, handouts and booklets
/// (which pages link to with `link_pdf`). Output is sorted by path: same
/// input, same bytes.
pub fn render(
    build: &Build,
    theme: &Theme,
    link_pdf: bool,
    make_pdf: bool,
) -> Result<Rendered, Diagnostic> {
    let html = html::Html::new(build, theme, link_pdf)?;
    let pages = build.pages();
    let mut files: Vec<File> = pages
        .par_iter()
        .map(|page| html.render(*page))
        .collect::<Result<_, _>>()?;
    for lang in build.site.config.tags() {
        files.push(feed::render(build, lang));
        files.push(search::render(build, lang));
    }
    files.push(sitemap::render(build, &pages));
    for (name, bytes) in &theme.statics {
        files.push(File {
            path: format!("static/{name}"),
            bytes: bytes.clone(),
        });
    }
    let mut pdf_times = Vec::new();
    let mut pdf_cpu = Vec::new();
    if make_pdf {
        let typeset = pdf::render(build, theme)?;
        pdf_cpu = typeset.cpu;
        for made in typeset.made {
            pdf_times.push((made.file.path.clone(), made.time));
            files.push(made.file);
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Rendered {
        files,
        pdf_times,
        pdf_cpu,
    })
}

/// Escapes text for XML and HTML text and attribute values.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}
