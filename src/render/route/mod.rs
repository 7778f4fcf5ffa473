//! The routing table: every output of a site as one typed value, split by
//! kind so that each renderer matches its own kind exhaustively. A route
//! gives its address and file (`paths.rs`), is parsed back from one, links
//! to any other (`Model::href`), and says which source files it depends on
//! (`lists.rs`). `build` renders every route; `serve` renders the ones
//! asked for or touched by a save.
//!
//! A new output touches: its variant here (and `lang`/`in_lang`), its
//! address and parse arm in `paths.rs`, its place in the lists and in
//! `touched_by` in `lists.rs`, the renderer of its kind (`Renderer::render`
//! and `html.rs`, `feed.rs`, `pdf/` or `search.rs`), and for a page its
//! template, its typed data (`html/data.rs`) and docs/reference.md.

mod lists;
mod paths;

/// One output file. `lang` is a language tag of the site (BCP 47 case);
/// `sheet` indexes `Model::sheets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route<'a> {
    Page(Page<'a>),
    Feed(Feed<'a>),
    Pdf(Pdf<'a>),
    Data(Data<'a>),
}

/// An HTML page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page<'a> {
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
    /// `<lang>/changes/`: every change note of the site, newest first.
    Changes { lang: &'a str },
    /// `<lang>/centres/`: where to get free advice (`centres.yaml`).
    Centres { lang: &'a str },
    /// `<lang>/pack/`: the form that makes a visitor pack. `serve` only: a
    /// static site has no server to make the PDF, so `build` skips it.
    PackForm { lang: &'a str },
    /// `<lang>/search/`: the search page, and without JavaScript an A–Z
    /// list of every sheet.
    Search { lang: &'a str },
    /// `<lang>/finder/` (step 0) and `<lang>/finder/<answers>/`: a page of
    /// the route finder; `step` indexes `Model::finder`'s steps.
    Finder { lang: &'a str, step: usize },
}

/// An Atom feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feed<'a> {
    /// `<lang>/feed.xml`: the site's change notes and reviews.
    Site { lang: &'a str },
    /// `<lang>/<destination>/feed.xml`: one destination's.
    Destination { lang: &'a str, dest: &'a str },
}

/// A PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pdf<'a> {
    /// `<lang>/<destination>/<route>/handout.pdf`.
    Handout { lang: &'a str, sheet: usize },
    /// `<lang>/<destination>/booklet.pdf`.
    Booklet { lang: &'a str, dest: &'a str },
    /// `<lang>/pack/pack.pdf`: a visitor pack, made by `serve` from the
    /// pack form's query (so never in a build's list of routes).
    Pack { lang: &'a str },
}

/// Data files: the search index, the sitemap, the theme's static files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Data<'a> {
    /// `<lang>/search/<name>`: one file of the language's search index
    /// (`Model::search`), by its place in the index's list.
    Search { lang: &'a str, file: usize },
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

impl<'a> From<Page<'a>> for Route<'a> {
    fn from(p: Page<'a>) -> Self {
        Route::Page(p)
    }
}

impl<'a> From<Feed<'a>> for Route<'a> {
    fn from(f: Feed<'a>) -> Self {
        Route::Feed(f)
    }
}

impl<'a> From<Pdf<'a>> for Route<'a> {
    fn from(p: Pdf<'a>) -> Self {
        Route::Pdf(p)
    }
}

impl<'a> From<Data<'a>> for Route<'a> {
    fn from(d: Data<'a>) -> Self {
        Route::Data(d)
    }
}

impl<'a> Page<'a> {
    pub fn lang(&self) -> Option<&'a str> {
        match *self {
            Page::Home { lang }
            | Page::Destination { lang, .. }
            | Page::Sheet { lang, .. }
            | Page::Changes { lang }
            | Page::Centres { lang }
            | Page::PackForm { lang }
            | Page::Search { lang }
            | Page::Finder { lang, .. } => Some(lang),
            Page::Chooser | Page::NotFound => None,
        }
    }

    /// The same page in another language.
    pub fn in_lang(self, lang: &'a str) -> Page<'a> {
        match self {
            Page::Home { .. } => Page::Home { lang },
            Page::Destination { dest, .. } => Page::Destination { lang, dest },
            Page::Sheet { sheet, .. } => Page::Sheet { lang, sheet },
            Page::Changes { .. } => Page::Changes { lang },
            Page::Centres { .. } => Page::Centres { lang },
            Page::PackForm { .. } => Page::PackForm { lang },
            Page::Search { .. } => Page::Search { lang },
            Page::Finder { step, .. } => Page::Finder { lang, step },
            Page::Chooser | Page::NotFound => self,
        }
    }
}

impl<'a> Feed<'a> {
    pub fn lang(&self) -> &'a str {
        match *self {
            Feed::Site { lang } | Feed::Destination { lang, .. } => lang,
        }
    }
}

impl<'a> Route<'a> {
    pub fn as_page(&self) -> Option<Page<'a>> {
        match *self {
            Route::Page(p) => Some(p),
            _ => None,
        }
    }

    /// The language of a localised output.
    pub fn lang(&self) -> Option<&'a str> {
        match *self {
            Route::Page(p) => p.lang(),
            Route::Feed(f) => Some(f.lang()),
            Route::Pdf(
                Pdf::Handout { lang, .. } | Pdf::Booklet { lang, .. } | Pdf::Pack { lang },
            ) => Some(lang),
            Route::Data(Data::Search { lang, .. }) => Some(lang),
            Route::Data(Data::Sitemap | Data::Static { .. }) => None,
        }
    }

    /// The same output in another language (a search file: the search
    /// page, since another language's index has other files).
    pub fn in_lang(self, lang: &'a str) -> Route<'a> {
        match self {
            Route::Page(p) => Route::Page(p.in_lang(lang)),
            Route::Feed(Feed::Site { .. }) => Feed::Site { lang }.into(),
            Route::Feed(Feed::Destination { dest, .. }) => Feed::Destination { lang, dest }.into(),
            Route::Pdf(Pdf::Handout { sheet, .. }) => Pdf::Handout { lang, sheet }.into(),
            Route::Pdf(Pdf::Booklet { dest, .. }) => Pdf::Booklet { lang, dest }.into(),
            Route::Pdf(Pdf::Pack { .. }) => Pdf::Pack { lang }.into(),
            Route::Data(Data::Search { .. }) => Page::Search { lang }.into(),
            Route::Data(Data::Sitemap | Data::Static { .. }) => self,
        }
    }
}
