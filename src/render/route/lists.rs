//! The lists of routes: every output of a site in a fixed order, and the
//! outputs a change to one source file touches.

use std::path::Path;

use super::{Data, Feed, Page, Pdf, Route, Touched};
use crate::content::names::{OVERVIEW, split_sheet_name};
use crate::render::Model;

impl<'a> Model<'a> {
    /// Every route of the site but static files, in a fixed order: pages,
    /// then feeds and search indexes, the sitemap, and with `pdf` the
    /// handouts and booklets.
    pub fn routes(&self, pdf: bool) -> Vec<Route<'a>> {
        let mut out = self.pages();
        for lang in self.site.config.tags() {
            out.push(Feed::Site { lang }.into());
            for &dest in &self.destinations {
                out.push(Feed::Destination { lang, dest }.into());
            }
            let files = self.search(lang).files.len();
            out.extend((0..files).map(|file| Route::Data(Data::Search { lang, file })));
        }
        out.push(Data::Sitemap.into());
        if pdf {
            out.extend(self.pdfs().into_iter().map(Route::Pdf));
        }
        out
    }

    /// Every HTML page, in a fixed order.
    pub fn pages(&self) -> Vec<Route<'a>> {
        let mut pages = vec![Page::Chooser.into(), Page::NotFound.into()];
        for lang in self.site.config.tags() {
            pages.push(Page::Home { lang }.into());
            pages.push(Page::Changes { lang }.into());
            pages.push(Page::Search { lang }.into());
            if !self.site.centres.is_empty() {
                pages.push(Page::Centres { lang }.into());
            }
            pages.extend(
                (0..self.finder_steps()).map(|step| Route::from(Page::Finder { lang, step })),
            );
            for &dest in &self.destinations {
                pages.push(Page::Destination { lang, dest }.into());
            }
            for sheet in 0..self.sheets.len() {
                pages.push(Page::Sheet { lang, sheet }.into());
            }
        }
        pages
    }

    /// How many pages the route finder has in each language.
    pub fn finder_steps(&self) -> usize {
        self.finder.as_ref().map_or(0, |f| f.steps.len())
    }

    /// Handouts, then booklets, each language in turn.
    pub fn pdfs(&self) -> Vec<Pdf<'a>> {
        let tags = || self.site.config.tags();
        let handouts = tags()
            .flat_map(|lang| (0..self.sheets.len()).map(move |sheet| Pdf::Handout { lang, sheet }));
        let booklets = tags().flat_map(|lang| {
            self.destinations
                .iter()
                .map(move |&dest| Pdf::Booklet { lang, dest })
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
        let mut out = vec![Route::Data(Data::Sitemap)];
        for lang in self.site.config.tags() {
            out.extend::<[Route; 7]>([
                Page::Home { lang }.into(),
                Page::Destination { lang, dest }.into(),
                Pdf::Booklet { lang, dest }.into(),
                Page::Changes { lang }.into(),
                Feed::Site { lang }.into(),
                Feed::Destination { lang, dest }.into(),
                Page::Search { lang }.into(),
            ]);
            // Outcome pages show sheets' titles, summaries and states.
            out.extend(
                (0..self.finder_steps()).map(|step| Route::from(Page::Finder { lang, step })),
            );
            if let Some(sheet) = sheet {
                out.extend::<[Route; 2]>([
                    Page::Sheet { lang, sheet }.into(),
                    Pdf::Handout { lang, sheet }.into(),
                ]);
            }
        }
        Touched::Only(out)
    }
}
