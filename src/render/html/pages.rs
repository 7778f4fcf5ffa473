//! Each page's data, from the model: the common part and one builder per
//! page kind. Every link comes from the routing table (`Model::href`).

use fluent_bundle::FluentValue;

use super::data::*;
use super::{Html, Page};
use crate::content::state::{PageState, SheetState};
use crate::lang::{Direction, og_locale};
use crate::render::route::{Feed, Pdf};
use crate::render::view::{self, Words, text_lang};
use crate::render::{escape_xml, share};

impl<'b, 'a> Html<'b, 'a> {
    /// The title, description and Open Graph type of a page.
    fn head(&self, page: Page, lang: &str) -> (String, String, &'static str) {
        let t = |id: &str| self.t(lang, id);
        let (title, description) = match page {
            Page::NotFound => (t("site-title"), t("not-found-text")),
            Page::Changes { .. } => (t("changes-title"), t("changes-intro")),
            Page::Search { .. } => (t("search-label"), t("site-tagline")),
            Page::Centres { .. } => (t("centres-title"), t("centres-intro")),
            Page::PackForm { .. } => (t("pack-form-title"), t("pack-form-intro")),
            Page::Destination { dest, .. } => {
                let country = t(&format!("country-{dest}"));
                let description = format!("{country}: {}", t("site-tagline"));
                (country, description)
            }
            Page::Sheet { sheet, .. } => {
                let summary = self.model.text(sheet, lang).map(|t| t.summary.clone());
                (
                    self.sheet_title(sheet, lang),
                    summary.unwrap_or_else(|| t("site-tagline")),
                )
            }
            Page::Finder { lang, step } => (self.finder_title(lang, step), t("finder-intro")),
            Page::Chooser | Page::Home { .. } => (t("site-title"), t("site-tagline")),
        };
        let og_type = match page {
            Page::Sheet { .. } => "article",
            _ => "website",
        };
        (title, description, og_type)
    }

    /// What every page has: language, direction, links to the root and
    /// home, title, alternates and the language switcher, feeds.
    pub(super) fn common<'x>(
        &'x self,
        page: Page<'x>,
        lang: &'x str,
        others: &'x [Alternate<'x>],
    ) -> Common<'x> {
        let m = self.model;
        let config = &m.site.config;
        let localized = !matches!(page, Page::Chooser | Page::NotFound);
        let (page_title, description, og_type) = self.head(page, lang);
        let link = |to: Page| m.href(page, to);
        let local = |r: Option<String>| r.filter(|_| localized);
        // A destination's pages offer its own feed; the rest the site's.
        let dest = match page {
            Page::Destination { dest, .. } => Some(dest),
            Page::Sheet { sheet, .. } => m.sheets.get(sheet).map(|s| s.destination),
            _ => None,
        };
        let (feed, feed_title) = match dest {
            Some(dest) => (
                m.href(page, Feed::Destination { lang, dest }),
                self.t_args(
                    lang,
                    "destination-feed",
                    &[("country", self.t(lang, &format!("country-{dest}")))],
                ),
            ),
            None => (m.href(page, Feed::Site { lang }), self.t(lang, "site-feed")),
        };
        Common {
            lang,
            source_lang: &config.source_language,
            dir: self.dir(lang),
            root: m.root_href(page),
            home: match page {
                Page::NotFound => m.root_href(page),
                _ => link(Page::Home { lang }),
            },
            site_title: self.t(lang, "site-title"),
            page_title,
            description,
            og_type,
            // og:locale only: og:locale:alternate names other locales of
            // the same address, and each language has its own.
            og_locale: og_locale(lang),
            pdf: self.pdf,
            canonical: (page != Page::NotFound).then(|| m.absolute_url(page)),
            // The reader's language, named in the header's link to the
            // switcher.
            language_name: config
                .language(lang)
                .filter(|_| localized)
                .map_or("", |l| l.name.as_str()),
            alternates: others,
            switcher: others,
            x_default: localized.then(|| m.absolute_url(page.in_lang(&config.source_language))),
            feed: local(Some(feed)),
            feed_title: local(Some(feed_title)),
            site_feed: local(Some(m.href(page, Feed::Site { lang }))),
            site_feed_title: local(Some(self.t(lang, "site-feed"))),
            changes_href: local(Some(link(Page::Changes { lang }))),
            centres_href: local((!m.site.centres.is_empty()).then(|| link(Page::Centres { lang }))),
            search_href: local(Some(link(Page::Search { lang }))),
            finder_href: local(
                m.finder
                    .as_ref()
                    .map(|_| link(Page::Finder { lang, step: 0 })),
            ),
            noindex: matches!(page, Page::Finder { step, .. } if step != 0),
            languages: match page {
                Page::Chooser | Page::NotFound => self.language_links(page),
                _ => Vec::new(),
            },
        }
    }

    /// The page in every language; none on the chooser and 404 pages.
    pub(super) fn alternates(&self, page: Page) -> Vec<Alternate<'b>> {
        if matches!(page, Page::Chooser | Page::NotFound) {
            return Vec::new();
        }
        let m = self.model;
        m.site
            .config
            .languages
            .iter()
            .map(|l| {
                let other = page.in_lang(&l.tag);
                Alternate {
                    lang: &l.tag,
                    name: &l.name,
                    href: m.href(page, other),
                    abs: m.absolute_url(other),
                }
            })
            .collect()
    }

    fn language_links(&self, from: Page) -> Vec<LanguageLink> {
        let m = self.model;
        m.site
            .config
            .languages
            .iter()
            .map(|l| LanguageLink {
                lang: l.tag.clone(),
                name: l.name.clone(),
                dir: l.dir,
                href: m.href(from, Page::Home { lang: &l.tag }),
                tagline: self.t(&l.tag, "site-tagline"),
            })
            .collect()
    }

    pub(super) fn destinations(&self, lang: &str) -> Vec<DestinationLink> {
        let m = self.model;
        let from = Page::Home { lang };
        let mut out: Vec<DestinationLink> = m
            .destinations
            .iter()
            .map(|&dest| DestinationLink {
                name: self.t(lang, &format!("country-{dest}")),
                href: m.href(from, Page::Destination { lang, dest }),
                sheets: m
                    .sheets
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.destination == dest)
                    .map(|(i, s)| self.sheet_link(from, i, s, lang))
                    .collect(),
            })
            .collect();
        out.sort_by_cached_key(|d| d.name.to_lowercase());
        out
    }

    /// A sheet in a list on the page `from`: its route, link and state.
    fn sheet_link(&self, from: Page, i: usize, s: &SheetState, lang: &str) -> SheetLink {
        SheetLink {
            route_name: self.t(lang, &format!("route-{}", s.route)),
            href: self.model.href(from, Page::Sheet { lang, sheet: i }),
            status: s.review.status.as_str(),
            stale: s.review.status.is_stale(),
            status_text: self.t(lang, &format!("status-{}", s.review.status.as_str())),
        }
    }

    pub(super) fn destination(&self, lang: &str, dest: &str) -> Kind {
        let m = self.model;
        let site = m.site;
        let from = Page::Destination { lang, dest };
        let overview = site.destinations.get(dest).and_then(|d| {
            let files = &d.overview;
            files.source.as_ref()?;
            let state = PageState {
                lang: lang.to_string(),
                translation: None,
                shown: site.shown_in(files, lang),
            };
            let text = site.text(files, &state)?;
            let text_lang = text_lang(&state, lang);
            // An overview states facts too: when they were checked, against
            // what, and a warning when that is too long ago.
            let words = Words::new(site, lang);
            let facts = files.source.as_ref()?.inherited()?;
            let review = site.overview_review(dest, m.today)?;
            Some(Overview {
                dir: self.dir(&text_lang),
                lang: text_lang,
                title: text.title.clone(),
                body: m.markdown(&text.body).html.clone(),
                warnings: view::review_warnings(&words, review, facts, m.today),
                checked: view::checked(&words, facts.last_reviewed.value),
                sources: facts
                    .sources
                    .iter()
                    .map(|s| view::source(&words, s))
                    .collect(),
            })
        });
        let sheets = m
            .sheets
            .iter()
            .enumerate()
            .filter(|(_, s)| s.destination == dest)
            .filter_map(|(i, s)| {
                let page = s.page(lang)?;
                let text = m.text(i, lang)?;
                let text_lang = text_lang(page, lang);
                Some(ListedSheet {
                    link: self.sheet_link(from, i, s, lang),
                    title: text.title.clone(),
                    summary: text.summary.clone(),
                    dir: self.dir(&text_lang),
                    lang: text_lang,
                })
            })
            .collect();
        Kind::Destination {
            country: self.t(lang, &format!("country-{dest}")),
            overview,
            sheets,
            booklet_href: self.pdf.then(|| m.href(from, Pdf::Booklet { lang, dest })),
        }
    }

    pub(super) fn dir(&self, lang: &str) -> Direction {
        self.model
            .site
            .config
            .language(lang)
            .map_or(Direction::Ltr, |l| l.dir)
    }

    fn sheet_title(&self, i: usize, lang: &str) -> String {
        let m = self.model;
        match (m.sheets.get(i), m.text(i, lang)) {
            (_, Some(text)) => text.title.clone(),
            (Some(s), None) if s.page(lang).is_none() => s.source.text.title.clone(),
            _ => String::new(),
        }
    }

    pub(super) fn sheet(&self, i: usize, lang: &str) -> Option<HtmlSheet> {
        let m = self.model;
        let words = Words::new(m.site, lang);
        let (sheet, text) = view::sheet(m, &words, i)?;
        let from = Page::Sheet { lang, sheet: i };
        let url = m.absolute_url(from);
        let checked = words.date(m.sheets.get(i)?.inherited.last_reviewed.value);
        let message = self.t_args(
            lang,
            "share-text",
            &[
                ("title", text.title.clone()),
                ("date", checked),
                ("url", url.clone()),
            ],
        );
        let share = share::links(&url, &text.title, &message, &words.t("share-email"));
        let mut body = m.markdown(&text.body).html.clone();
        if let Some(stale) = m.stale(i, lang) {
            body = self.mark_stale(i, lang, &body, &stale.sections);
        }
        let dest = m.sheets.get(i)?.destination;
        Some(HtmlSheet {
            sheet,
            body,
            country_href: m.href(from, Page::Destination { lang, dest }),
            handout_href: self
                .pdf
                .then(|| m.href(from, Pdf::Handout { lang, sheet: i })),
            share,
        })
    }

    /// The body with a notice on each section whose source changed since
    /// the translation was made, linking to that section of the source.
    fn mark_stale(&self, i: usize, lang: &str, body: &str, sections: &[usize]) -> String {
        let m = self.model;
        let source_lang = &m.site.config.source_language;
        let words = Words::new(m.site, lang);
        let notice = words.t_args(
            "section-changed",
            &[("language", FluentValue::from(words.name_of(source_lang)))],
        );
        let source_url = m.href(
            Page::Sheet { lang, sheet: i },
            Page::Sheet {
                lang: source_lang,
                sheet: i,
            },
        );
        let ids = m
            .sheets
            .get(i)
            .map(|s| crate::render::markdown::heading_ids(&m.markdown(&s.source.text.body).html))
            .unwrap_or_default();
        crate::render::markdown::mark_sections(body, sections, &|k| {
            let anchor = k
                .checked_sub(1)
                .and_then(|h| ids.get(h))
                .map_or(String::new(), |id| format!("#{id}"));
            format!(
                "<p class=\"stale-part\" lang=\"{}\"><a href=\"{}{}\" hreflang=\"{}\">{}</a></p>\n",
                escape_xml(lang),
                escape_xml(&source_url),
                escape_xml(&anchor),
                escape_xml(source_lang),
                escape_xml(&notice)
            )
        })
    }

    /// "Germany · Work", in `lang`.
    pub(super) fn place(&self, lang: &str, s: &SheetState) -> String {
        format!(
            "{} · {}",
            self.t(lang, &format!("country-{}", s.destination)),
            self.t(lang, &format!("route-{}", s.route))
        )
    }
}
