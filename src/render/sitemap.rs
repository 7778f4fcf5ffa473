//! `sitemap.xml`'s data: every page and feed, with its other languages as
//! hreflang alternates and the source language as `x-default`. The theme's
//! `sitemap.xml` template writes it.

use serde::Serialize;

use super::Model;
use super::route::{Page, Route};

/// What `sitemap.xml` receives.
#[derive(Serialize)]
pub struct SitemapData {
    pub urls: Vec<SitemapUrl>,
}

#[derive(Serialize)]
pub struct SitemapUrl {
    pub loc: String,
    /// A sheet's: the day its words last changed for readers, or were
    /// checked.
    pub lastmod: Option<String>,
    /// Every language's address, then `x-default`; none for the chooser.
    pub alternates: Vec<SitemapAlternate>,
}

#[derive(Serialize)]
pub struct SitemapAlternate {
    pub lang: String,
    pub href: String,
}

pub fn data(model: &Model) -> SitemapData {
    let config = &model.site.config;
    let listed = model
        .routes(false)
        .into_iter()
        .filter(|r| matches!(r, Route::Page(_) | Route::Feed(_)))
        .filter(|r| *r != Route::Page(Page::NotFound))
        // Only the finder's start: its answer pages are `noindex`.
        .filter(|r| !matches!(r, Route::Page(Page::Finder { step, .. }) if *step != 0));
    let urls = listed
        .map(|route| {
            let lastmod = match route {
                Route::Page(Page::Sheet { sheet, .. }) => {
                    let s = &model.sheets[sheet];
                    let newest_note = s.source.text.changes.first().map(|c| c.date.value);
                    let last = s
                        .inherited
                        .last_reviewed
                        .value
                        .max(newest_note.unwrap_or_default());
                    Some(last.to_string())
                }
                _ => None,
            };
            let alternates = if route == Route::Page(Page::Chooser) {
                Vec::new()
            } else {
                config
                    .languages
                    .iter()
                    .map(|l| (l.tag.as_str(), l.tag.as_str()))
                    .chain([("x-default", config.source_language.as_str())])
                    .map(|(name, tag)| SitemapAlternate {
                        lang: name.to_string(),
                        href: model.absolute_url(route.in_lang(tag)),
                    })
                    .collect()
            };
            SitemapUrl {
                loc: model.absolute_url(route),
                lastmod,
                alternates,
            }
        })
        .collect();
    SitemapData { urls }
}
