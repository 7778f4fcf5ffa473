//! The routing table: every output of a site as one typed value. A route
//! gives its path under the output folder, is parsed back from one, and
//! says which source files it depends on. `build` renders every route;
//! `serve` renders the ones asked for or touched by a save. A new output
//! is a new variant here and a renderer for it.

use std::path::Path;

use super::Model;
use crate::content::names::{OVERVIEW, split_sheet_name};
use crate::lang::url_segment;

/// One output file. `lang` is a language tag of the site (BCP 47 case);
/// `sheet` indexes `Model::sheets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route<'a> {
    /// `index.html`: choose a language.
    Chooser,
    /// `404.html`.
    NotFound,
    /// `<lang>/`.
    Home { lang: &'a str },
    /// `<lang>/<destination>/`: the overview and its routes.
    Destination { lang: &'a str, dest: &'a str },
    /// `<lang>/<destination>/<route>/`.
    Sheet { lang: &'a str, sheet: usize },
    /// `<lang>/<destination>/<route>/handout.pdf`.
    Handout { lang: &'a str, sheet: usize },
    /// `<lang>/<destination>/booklet.pdf`.
    Booklet { lang: &'a str, dest: &'a str },
    /// `<lang>/changes/`: every change note of the site, newest first.
    Changes { lang: &'a str },
    /// `<lang>/centres/`: where to get free advice (`centres.yaml`).
    Centres { lang: &'a str },
    /// `<lang>/pack/`: the form that makes a visitor pack. `serve` only: a
    /// static site has no server to make the PDF, so `build` skips it.
    PackForm { lang: &'a str },
    /// `<lang>/feed.xml`: the site's change notes and reviews.
    Feed { lang: &'a str },
    /// `<lang>/<destination>/feed.xml`: one destination's.
    DestinationFeed { lang: &'a str, dest: &'a str },
    /// `<lang>/search/`: the search page, and without JavaScript an A–Z
    /// list of every sheet.
    SearchPage { lang: &'a str },
    /// `<lang>/search/<name>`: one file of the language's search index
    /// (`Model::search`), by its place in the index's list.
    SearchData { lang: &'a str, file: usize },
    /// `sitemap.xml`.
    Sitemap,
    /// `static/<name>`: a file of the theme.
    Static { name: &'a str },
}

/// What a change to the sources touches.
#[derive(Debug, PartialEq, Eq)]
pub enum Touched<'a> {
    /// These outputs, and nothing else.
    Only(Vec<Route<'a>>),
    /// Anything (configuration, Fluent, theme, a new or removed sheet).
    Everything,
}

impl<'a> Route<'a> {
    /// An HTML page (as opposed to a PDF, a feed, an index…).
    pub fn is_page(&self) -> bool {
        matches!(
            self,
            Route::Chooser
                | Route::NotFound
                | Route::Home { .. }
                | Route::Destination { .. }
                | Route::Sheet { .. }
                | Route::Changes { .. }
                | Route::Centres { .. }
                | Route::PackForm { .. }
                | Route::SearchPage { .. }
        )
    }

    /// The language of a localised output.
    pub fn lang(&self) -> Option<&'a str> {
        match *self {
            Route::Home { lang }
            | Route::Destination { lang, .. }
            | Route::Sheet { lang, .. }
            | Route::Handout { lang, .. }
            | Route::Booklet { lang, .. }
            | Route::Changes { lang }
            | Route::Centres { lang }
            | Route::PackForm { lang }
            | Route::Feed { lang }
            | Route::DestinationFeed { lang, .. }
            | Route::SearchPage { lang }
            | Route::SearchData { lang, .. } => Some(lang),
            Route::Chooser | Route::NotFound | Route::Sitemap | Route::Static { .. } => None,
        }
    }

    /// The same output in another language.
    pub fn in_lang(self, lang: &'a str) -> Route<'a> {
        match self {
            Route::Home { .. } => Route::Home { lang },
            Route::Destination { dest, .. } => Route::Destination { lang, dest },
            Route::Sheet { sheet, .. } => Route::Sheet { lang, sheet },
            Route::Handout { sheet, .. } => Route::Handout { lang, sheet },
            Route::Booklet { dest, .. } => Route::Booklet { lang, dest },
            Route::Changes { .. } => Route::Changes { lang },
            Route::Centres { .. } => Route::Centres { lang },
            Route::PackForm { .. } => Route::PackForm { lang },
            Route::Feed { .. } => Route::Feed { lang },
            Route::DestinationFeed { dest, .. } => Route::DestinationFeed { lang, dest },
            Route::SearchPage { .. } | Route::SearchData { .. } => Route::SearchPage { lang },
            other => other,
        }
    }
}

impl<'a> Model<'a> {
    /// The route's address under the site, as in a link: a page's folder
    /// (`sr-cyrl/de/work/`), or a file's path. Segments are lower case.
    pub fn url(&self, route: Route) -> String {
        let sheet = |i: usize| {
            let s = &self.sheets[i];
            format!("{}/{}/", s.destination, s.route)
        };
        match route {
            Route::Chooser => String::new(),
            Route::NotFound => "404.html".into(),
            Route::Home { lang } => format!("{}/", url_segment(lang)),
            Route::Destination { lang, dest } => format!("{}/{dest}/", url_segment(lang)),
            Route::Sheet { lang, sheet: i } => format!("{}/{}", url_segment(lang), sheet(i)),
            Route::Handout { lang, sheet: i } => {
                format!("{}/{}handout.pdf", url_segment(lang), sheet(i))
            }
            Route::Booklet { lang, dest } => format!("{}/{dest}/booklet.pdf", url_segment(lang)),
            Route::Changes { lang } => format!("{}/changes/", url_segment(lang)),
            Route::Centres { lang } => format!("{}/centres/", url_segment(lang)),
            Route::PackForm { lang } => format!("{}/pack/", url_segment(lang)),
            Route::Feed { lang } => format!("{}/feed.xml", url_segment(lang)),
            Route::DestinationFeed { lang, dest } => {
                format!("{}/{dest}/feed.xml", url_segment(lang))
            }
            Route::SearchPage { lang } => format!("{}/search/", url_segment(lang)),
            Route::SearchData { lang, file } => format!(
                "{}/search/{}",
                url_segment(lang),
                self.search(lang)
                    .files
                    .get(file)
                    .map_or("", |f| f.0.as_str())
            ),
            Route::Sitemap => "sitemap.xml".into(),
            Route::Static { name } => format!("static/{name}"),
        }
    }

    /// The file the route is written to, under the output folder.
    pub fn file_path(&self, route: Route) -> String {
        let url = self.url(route);
        if url.is_empty() || url.ends_with('/') {
            format!("{url}index.html")
        } else {
            url
        }
    }

    /// The route written to `path` (as `file_path` gives it), if any.
    /// Static files are not known here: any `static/<name>` parses.
    pub fn parse(&self, path: &'a str) -> Option<Route<'a>> {
        let lang = |seg: &str| self.site.config.tags().find(|t| url_segment(t) == seg);
        let dest = |d: &str| self.destinations.iter().copied().find(|x| *x == d);
        let sheet = |d: &str, r: &str| {
            self.sheets
                .iter()
                .position(|s| s.destination == d && s.route == r)
        };
        let parts: Vec<&str> = path.split('/').collect();
        Some(match parts.as_slice() {
            ["index.html"] => Route::Chooser,
            ["404.html"] => Route::NotFound,
            ["sitemap.xml"] => Route::Sitemap,
            ["static", name] if !name.is_empty() => Route::Static { name },
            [l, "index.html"] => Route::Home { lang: lang(l)? },
            [l, "feed.xml"] => Route::Feed { lang: lang(l)? },
            [l, "search", "index.html"] => Route::SearchPage { lang: lang(l)? },
            [l, "search", name] => {
                let lang = lang(l)?;
                let file = self.search(lang).files.iter().position(|f| f.0 == *name)?;
                Route::SearchData { lang, file }
            }
            // No destination is called `changes`: codes are two letters.
            [l, "changes", "index.html"] => Route::Changes { lang: lang(l)? },
            [l, "pack", "index.html"] => Route::PackForm { lang: lang(l)? },
            [l, "centres", "index.html"] if !self.site.centres.is_empty() => {
                Route::Centres { lang: lang(l)? }
            }
            [l, d, "feed.xml"] => Route::DestinationFeed {
                lang: lang(l)?,
                dest: dest(d)?,
            },
            [l, d, "index.html"] => Route::Destination {
                lang: lang(l)?,
                dest: dest(d)?,
            },
            [l, d, "booklet.pdf"] => Route::Booklet {
                lang: lang(l)?,
                dest: dest(d)?,
            },
            [l, d, r, "index.html"] => Route::Sheet {
                lang: lang(l)?,
                sheet: sheet(d, r)?,
            },
            [l, d, r, "handout.pdf"] => Route::Handout {
                lang: lang(l)?,
                sheet: sheet(d, r)?,
            },
            _ => return None,
        })
    }

    /// Every route of the site but static files, in a fixed order: pages,
    /// then feeds and search indexes, the sitemap, and with `pdf` the
    /// handouts and booklets.
    pub fn routes(&self, pdf: bool) -> Vec<Route<'a>> {
        let mut out = self.pages();
        for lang in self.site.config.tags() {
            out.push(Route::Feed { lang });
            for &dest in &self.destinations {
                out.push(Route::DestinationFeed { lang, dest });
            }
            let files = self.search(lang).files.len();
            out.extend((0..files).map(|file| Route::SearchData { lang, file }));
        }
        out.push(Route::Sitemap);
        if pdf {
            out.extend(self.pdfs());
        }
        out
    }

    /// Every HTML page, in a fixed order.
    pub fn pages(&self) -> Vec<Route<'a>> {
        let mut pages = vec![Route::Chooser, Route::NotFound];
        for lang in self.site.config.tags() {
            pages.push(Route::Home { lang });
            pages.push(Route::Changes { lang });
            pages.push(Route::SearchPage { lang });
            if !self.site.centres.is_empty() {
                pages.push(Route::Centres { lang });
            }
            for &dest in &self.destinations {
                pages.push(Route::Destination { lang, dest });
            }
            for sheet in 0..self.sheets.len() {
                pages.push(Route::Sheet { lang, sheet });
            }
        }
        pages
    }

    /// Handouts, then booklets, each language in turn.
    pub fn pdfs(&self) -> Vec<Route<'a>> {
        let tags = || self.site.config.tags();
        let handouts = tags().flat_map(|lang| {
            (0..self.sheets.len()).map(move |sheet| Route::Handout { lang, sheet })
        });
        let booklets = tags().flat_map(|lang| {
            self.destinations
                .iter()
                .map(move |&dest| Route::Booklet { lang, dest })
        });
        handouts.chain(booklets).collect()
    }

    /// The outputs that a change to `rel` (a path under the site's root)
    /// touches. A sheet or overview that the site already has touches its
    /// own pages and PDFs, its destination's, the homes, feeds, search
    /// indexes and the sitemap; anything else may change every page.
    pub fn touched_by(&self, rel: &Path) -> Touched<'a> {
        let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
        let ["content", dest, name] = parts.as_slice() else {
            return Touched::Everything;
        };
        let Some((route, _)) = split_sheet_name(name) else {
            return Touched::Everything;
        };
        let Some(&dest) = self.destinations.iter().find(|d| *d == dest) else {
            return Touched::Everything;
        };
        let sheet = self
            .sheets
            .iter()
            .position(|s| s.destination == dest && s.route == route);
        if sheet.is_none() && route != OVERVIEW {
            return Touched::Everything;
        }
        let mut out = vec![Route::Sitemap];
        for lang in self.site.config.tags() {
            out.extend([
                Route::Home { lang },
                Route::Destination { lang, dest },
                Route::Booklet { lang, dest },
                Route::Changes { lang },
                Route::Feed { lang },
                Route::DestinationFeed { lang, dest },
                Route::SearchPage { lang },
            ]);
            if let Some(sheet) = sheet {
                out.extend([Route::Sheet { lang, sheet }, Route::Handout { lang, sheet }]);
            }
        }
        Touched::Only(out)
    }
}
