//! What each template receives: one typed value per page, the common part
//! and the part of its kind. Every field is always there (an absent value
//! is `null`), so a template never meets an undefined variable. The names
//! are the templates' variables; docs/reference.md lists them, and a test
//! holds that list to these types.

use serde::Serialize;

use crate::lang::Direction;
use crate::render::advice::CentreView;
use crate::render::share::ShareLink;
use crate::render::view::{ChangeView, SheetView, SourceView};

/// A page's data: the common part and its kind's, side by side.
#[derive(Serialize)]
pub struct PageData<'x> {
    #[serde(flatten)]
    pub common: Common<'x>,
    #[serde(flatten)]
    pub kind: Kind,
}

/// What every page has.
#[derive(Serialize)]
pub struct Common<'x> {
    /// The page's language (BCP 47 case).
    pub lang: &'x str,
    pub source_lang: &'x str,
    pub dir: Direction,
    /// The link to the site's root folder, before `static/…`.
    pub root: String,
    /// The link to the home page of the page's language.
    pub home: String,
    pub site_title: String,
    pub page_title: String,
    pub description: String,
    /// Open Graph: `article` for a sheet, `website` otherwise.
    pub og_type: &'static str,
    pub og_locale: String,
    /// Whether handouts and booklets are built.
    pub pdf: bool,
    /// The page's published address; null on the 404 page.
    pub canonical: Option<String>,
    /// The reader's language's own name; empty on the chooser and 404.
    pub language_name: &'x str,
    /// The same page in every language, for `<link rel=alternate>`.
    pub alternates: &'x [Alternate<'x>],
    /// The same list, for the language switcher.
    pub switcher: &'x [Alternate<'x>],
    /// The page in the source language, for `hreflang="x-default"`.
    pub x_default: Option<String>,
    /// The page's feed (its destination's, or the site's) and its title.
    pub feed: Option<String>,
    pub feed_title: Option<String>,
    pub site_feed: Option<String>,
    pub site_feed_title: Option<String>,
    pub changes_href: Option<String>,
    /// Null when the site has no `centres.yaml`.
    pub centres_href: Option<String>,
    pub search_href: Option<String>,
    /// The route finder's start; null when the site has no `finder.yaml`.
    pub finder_href: Option<String>,
    /// Whether search engines should leave the page out (the finder's
    /// answer pages).
    pub noindex: bool,
    /// Every language's home: on the chooser and 404 pages, empty
    /// elsewhere.
    pub languages: Vec<LanguageLink>,
}

/// The part of a page's data its kind adds.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Kind {
    /// `chooser.html`, `404.html`: nothing more.
    Plain {},
    /// `home.html`.
    Home { destinations: Vec<DestinationLink> },
    /// `destination.html`.
    Destination {
        country: String,
        overview: Option<Overview>,
        sheets: Vec<ListedSheet>,
        /// Null when PDFs are not built.
        booklet_href: Option<String>,
    },
    /// `sheet.html`; `sheet` is null only for a sheet the language cannot
    /// show (never linked).
    Sheet { sheet: Option<Box<HtmlSheet>> },
    /// `changes.html`.
    Changes { changes: Vec<ListedChange> },
    /// `centres.html`.
    Centres { centres: Vec<CentreView> },
    /// `search.html`: every sheet A–Z.
    Search {
        sheets: Vec<AzSheet>,
        /// The search form's target: the page itself.
        search_action: String,
    },
    /// `finder.html`: a question, or an outcome (`question` null).
    Finder(Box<FinderPage>),
    /// `pack.html`.
    Pack {
        groups: Vec<PackGroup>,
        others: Vec<PackLanguage>,
        centres: Vec<PackCentre>,
        /// The form's target, the pack PDF.
        pack_action: String,
    },
}

/// A page of the route finder.
#[derive(Serialize)]
pub struct FinderPage {
    /// The question, the page's `h1`; null on an outcome page.
    pub question: Option<FinderText>,
    /// Its answers, each linking to the next page.
    pub answers: Vec<FinderLink>,
    /// The answers so far, each with a link to change it.
    pub given: Vec<FinderGiven>,
    /// The previous page; null on the start page.
    pub back_href: Option<String>,
    /// The start page; null on the start page.
    pub restart_href: Option<String>,
    /// On an outcome: the sheets that fit.
    pub results: Vec<FinderSheet>,
    /// On an outcome: texts that are not a sheet (an EU citizen's rights,
    /// "nothing fits").
    pub texts: Vec<FinderText>,
    /// On an outcome: sheets that miss by one condition.
    pub near: Vec<FinderSheet>,
    /// On an outcome: where to get free advice.
    pub centres: Vec<CentreView>,
    /// In `serve`, on an outcome with results: the pack PDF of them, and
    /// their `destination/route` values; null and empty otherwise.
    pub pack_action: Option<String>,
    pub pack_sheets: Vec<String>,
}

/// A finder text, and its language when a fallback's.
#[derive(Serialize)]
pub struct FinderText {
    pub text: String,
    pub lang: Option<String>,
}

#[derive(Serialize)]
pub struct FinderLink {
    pub text: String,
    pub lang: Option<String>,
    pub href: String,
}

#[derive(Serialize)]
pub struct FinderGiven {
    pub question: String,
    pub answer: String,
    pub change_href: String,
}

/// A sheet on an outcome page.
#[derive(Serialize)]
pub struct FinderSheet {
    pub title: String,
    pub summary: String,
    pub href: String,
    /// "Germany · Work".
    pub place: String,
    /// "Checked against official sources on …".
    pub checked: String,
    /// Overdue, outdated, expired or paused facts, as the sheet shows them.
    pub warnings: Vec<String>,
    /// What a near miss lacks ("needs a job offer"); empty for a result.
    pub needs: String,
    /// Set when the text is in another language than the page.
    pub lang: Option<String>,
    pub dir: Option<Direction>,
}

/// The page in one language.
#[derive(Serialize, Clone)]
pub struct Alternate<'x> {
    pub lang: &'x str,
    pub name: &'x str,
    pub href: String,
    pub abs: String,
}

/// A language on the chooser and 404 pages.
#[derive(Serialize)]
pub struct LanguageLink {
    pub lang: String,
    pub name: String,
    pub dir: Direction,
    pub href: String,
    pub tagline: String,
}

/// A destination on the home page, with its sheets.
#[derive(Serialize)]
pub struct DestinationLink {
    pub name: String,
    pub href: String,
    pub sheets: Vec<SheetLink>,
}

/// A sheet in a list: its route's name, link and state.
#[derive(Serialize)]
pub struct SheetLink {
    pub route_name: String,
    pub href: String,
    pub status: &'static str,
    pub stale: bool,
    pub status_text: String,
}

/// A sheet on its destination's page: also its title and summary.
#[derive(Serialize)]
pub struct ListedSheet {
    #[serde(flatten)]
    pub link: SheetLink,
    pub title: String,
    pub summary: String,
    /// The language of the title and summary.
    pub lang: String,
    pub dir: Direction,
}

/// A destination's overview text, as HTML.
#[derive(Serialize)]
pub struct Overview {
    pub lang: String,
    pub dir: Direction,
    pub title: String,
    pub body: String,
    pub warnings: Vec<String>,
    pub checked: String,
    pub sources: Vec<SourceView>,
}

/// A sheet page's `sheet`: the view, and its body as HTML.
#[derive(Serialize)]
pub struct HtmlSheet {
    #[serde(flatten)]
    pub sheet: SheetView,
    pub body: String,
    /// The link to the sheet's destination.
    pub country_href: String,
    /// Null when PDFs are not built.
    pub handout_href: Option<String>,
    pub share: Vec<ShareLink>,
}

/// A change note on the site's list of updates.
#[derive(Serialize)]
pub struct ListedChange {
    #[serde(flatten)]
    pub change: ChangeView,
    pub href: String,
    /// "Germany · Work".
    pub place: String,
    pub title: String,
    pub dir: Direction,
    /// Set when the title is in another language than the page.
    pub title_lang: Option<String>,
    #[serde(skip)]
    pub sheet: usize,
}

/// A sheet in the search page's A–Z list.
#[derive(Serialize)]
pub struct AzSheet {
    pub title: String,
    pub summary: String,
    pub href: String,
    pub place: String,
    /// Set when the text is in another language than the page.
    pub lang: Option<String>,
    pub dir: Direction,
}

/// A destination's sheets on the pack form.
#[derive(Serialize)]
pub struct PackGroup {
    pub name: String,
    pub sheets: Vec<PackSheet>,
}

#[derive(Serialize)]
pub struct PackSheet {
    /// `de/work`, as `factsheet pack` takes it.
    pub value: String,
    pub id: String,
    pub route_name: String,
    pub title: String,
    pub title_lang: Option<String>,
}

#[derive(Serialize)]
pub struct PackLanguage {
    pub tag: String,
    pub name: String,
}

#[derive(Serialize)]
pub struct PackCentre {
    pub id: String,
    pub name: String,
}

#[cfg(test)]
mod tests;
