//! Addresses: each route's path under the site, its file under the output
//! folder, the route a path names, and the link from one route to another.

use super::{Data, Feed, Page, Pdf, Route};
use crate::lang::url_segment;
use crate::render::Model;

impl<'a> Model<'a> {
    /// The route's address under the site, as in a link: a page's folder
    /// (`sr-cyrl/de/work/`), or a file's path. Segments are lower case.
    pub fn url<'r>(&self, route: impl Into<Route<'r>>) -> String {
        let sheet = |i: usize| {
            let s = &self.sheets[i];
            format!("{}/{}/", s.destination, s.route)
        };
        let l = url_segment;
        match route.into() {
            Route::Page(page) => match page {
                Page::Chooser => String::new(),
                Page::NotFound => "404.html".into(),
                Page::Home { lang } => format!("{}/", l(lang)),
                Page::Destination { lang, dest } => format!("{}/{dest}/", l(lang)),
                Page::Sheet { lang, sheet: i } => format!("{}/{}", l(lang), sheet(i)),
                Page::Changes { lang } => format!("{}/changes/", l(lang)),
                Page::Centres { lang } => format!("{}/centres/", l(lang)),
                Page::PackForm { lang } => format!("{}/pack/", l(lang)),
                Page::Search { lang } => format!("{}/search/", l(lang)),
                Page::Finder { lang, step } => {
                    let segment = self.finder.as_ref().and_then(|f| f.segments.get(step));
                    match segment.filter(|s| !s.is_empty()) {
                        Some(s) => format!("{}/finder/{s}/", l(lang)),
                        None => format!("{}/finder/", l(lang)),
                    }
                }
            },
            Route::Feed(Feed::Site { lang }) => format!("{}/feed.xml", l(lang)),
            Route::Feed(Feed::Destination { lang, dest }) => format!("{}/{dest}/feed.xml", l(lang)),
            Route::Pdf(Pdf::Handout { lang, sheet: i }) => {
                format!("{}/{}handout.pdf", l(lang), sheet(i))
            }
            Route::Pdf(Pdf::Booklet { lang, dest }) => format!("{}/{dest}/booklet.pdf", l(lang)),
            Route::Pdf(Pdf::Pack { lang }) => format!("{}/pack/pack.pdf", l(lang)),
            Route::Data(Data::Search { lang, file }) => format!(
                "{}/search/{}",
                l(lang),
                self.search(lang)
                    .files
                    .get(file)
                    .map_or("", |f| f.0.as_str())
            ),
            Route::Data(Data::Sitemap) => "sitemap.xml".into(),
            Route::Data(Data::Static { name }) => format!("static/{name}"),
        }
    }

    /// The route's published address.
    pub fn absolute_url<'r>(&self, route: impl Into<Route<'r>>) -> String {
        self.absolute(&self.url(route))
    }

    /// The file the route is written to, under the output folder.
    pub fn file_path<'r>(&self, route: impl Into<Route<'r>>) -> String {
        let url = self.url(route);
        if url.is_empty() || url.ends_with('/') {
            format!("{url}index.html")
        } else {
            url
        }
    }

    /// The link from the page `from` to `to`: the shortest relative path
    /// (`../`, `de/work/`), so that a site works under any folder of any
    /// host; `./` to the page itself. The 404 page is shown at any depth,
    /// so its links start at the site's path (`/factsheets/sq/`).
    pub fn href<'r>(&self, from: impl Into<Route<'r>>, to: impl Into<Route<'r>>) -> String {
        let from = from.into();
        let to = self.url(to);
        if from == Route::Page(Page::NotFound) {
            return format!("{}{to}", url_path(&self.base_url));
        }
        let here = self.url(from);
        // The folder a relative link starts from.
        let dir = &here[..here.rfind('/').map_or(0, |i| i + 1)];
        let (mut up, mut rest) = (dir, to.as_str());
        while let (Some((a, a_rest)), Some((b, b_rest))) =
            (up.split_once('/'), rest.split_once('/'))
        {
            if a != b {
                break;
            }
            (up, rest) = (a_rest, b_rest);
        }
        let link = format!("{}{rest}", "../".repeat(up.matches('/').count()));
        if link.is_empty() { "./".into() } else { link }
    }

    /// The link from `from` to the site's root folder, which a theme's
    /// static files are under (`../../`; the site's path on the 404 page).
    pub fn root_href<'r>(&self, from: impl Into<Route<'r>>) -> String {
        let from = from.into();
        if from == Route::Page(Page::NotFound) {
            return url_path(&self.base_url);
        }
        "../".repeat(self.url(from).matches('/').count())
    }

    /// Whether `path` (as `file_path` gives it) is a file of a search
    /// index, whether or not today's index still has it.
    pub fn is_search_file(&self, path: &str) -> bool {
        let parts: Vec<&str> = path.split('/').collect();
        matches!(parts.as_slice(), [l, "search", name]
            if *name != "index.html" && self.site.config.tags().any(|t| url_segment(t) == *l))
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
            ["index.html"] => Page::Chooser.into(),
            ["404.html"] => Page::NotFound.into(),
            ["sitemap.xml"] => Data::Sitemap.into(),
            ["static", name] if !name.is_empty() => Data::Static { name }.into(),
            [l, "index.html"] => Page::Home { lang: lang(l)? }.into(),
            [l, "feed.xml"] => Feed::Site { lang: lang(l)? }.into(),
            [l, "search", "index.html"] => Page::Search { lang: lang(l)? }.into(),
            [l, "search", name] => {
                let lang = lang(l)?;
                let file = self.search(lang).files.iter().position(|f| f.0 == *name)?;
                Data::Search { lang, file }.into()
            }
            // No destination is called `changes`, `pack` or `finder`: codes
            // are two letters.
            [l, "changes", "index.html"] => Page::Changes { lang: lang(l)? }.into(),
            [l, "pack", "index.html"] => Page::PackForm { lang: lang(l)? }.into(),
            [l, "pack", "pack.pdf"] => Pdf::Pack { lang: lang(l)? }.into(),
            [l, "finder", "index.html"] if self.finder.is_some() => Page::Finder {
                lang: lang(l)?,
                step: 0,
            }
            .into(),
            [l, "finder", seg, "index.html"] if !seg.is_empty() => Page::Finder {
                lang: lang(l)?,
                step: self.finder.as_ref()?.step_of(seg)?,
            }
            .into(),
            [l, "centres", "index.html"] if !self.site.centres.is_empty() => {
                Page::Centres { lang: lang(l)? }.into()
            }
            [l, d, "feed.xml"] => Feed::Destination {
                lang: lang(l)?,
                dest: dest(d)?,
            }
            .into(),
            [l, d, "index.html"] => Page::Destination {
                lang: lang(l)?,
                dest: dest(d)?,
            }
            .into(),
            [l, d, "booklet.pdf"] => Pdf::Booklet {
                lang: lang(l)?,
                dest: dest(d)?,
            }
            .into(),
            [l, d, r, "index.html"] => Page::Sheet {
                lang: lang(l)?,
                sheet: sheet(d, r)?,
            }
            .into(),
            [l, d, r, "handout.pdf"] => Pdf::Handout {
                lang: lang(l)?,
                sheet: sheet(d, r)?,
            }
            .into(),
            _ => return None,
        })
    }
}

/// The path of an absolute URL (`https://x.org/a/` → `/a/`).
pub fn url_path(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".into(),
    }
}
