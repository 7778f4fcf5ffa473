//! The pages that list sheets across the site: the A–Z list of the search
//! page, the site's change notes, and the pack form.

use super::data::*;
use super::{Html, Page};
use crate::render::route::Pdf;
use crate::render::view::{self, Words, text_lang};

impl<'b, 'a> Html<'b, 'a> {
    /// Every sheet in `lang`, A–Z by title in the language's own order
    /// (CLDR collation), for the search page without JavaScript.
    pub(super) fn a_to_z(&self, lang: &str) -> Kind {
        let m = self.model;
        let from = Page::Search { lang };
        let mut sheets: Vec<AzSheet> = m
            .sheets
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let text = m.text(i, lang)?;
                let text_lang = text_lang(s.page(lang)?, lang);
                Some(AzSheet {
                    title: text.title.clone(),
                    summary: text.summary.clone(),
                    href: m.href(from, Page::Sheet { lang, sheet: i }),
                    place: self.place(lang, s),
                    dir: self.dir(&text_lang),
                    lang: (text_lang != lang).then_some(text_lang),
                })
            })
            .collect();
        let locale = m.site.config.language(lang).and_then(|l| {
            icu::locale::Locale::try_from_str(l.locale.as_deref().unwrap_or(&l.tag)).ok()
        });
        let collator = locale.and_then(|l| {
            icu::collator::Collator::try_new(
                (&l).into(),
                icu::collator::options::CollatorOptions::default(),
            )
            .ok()
        });
        match collator {
            Some(c) => sheets.sort_by(|a, b| c.compare(&a.title, &b.title)),
            None => sheets.sort_by(|a, b| a.title.cmp(&b.title)),
        }
        Kind::Search {
            sheets,
            search_action: m.href(from, from),
        }
    }

    /// What the pack form offers: every sheet by destination, the other
    /// languages, the centres.
    pub(super) fn pack_form(&self, lang: &str) -> Kind {
        let m = self.model;
        let groups = m
            .destinations
            .iter()
            .map(|&dest| PackGroup {
                name: self.t(lang, &format!("country-{dest}")),
                sheets: m
                    .sheets
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.destination == dest)
                    .filter_map(|(i, s)| {
                        let text = m.text(i, lang)?;
                        let text_lang = text_lang(s.page(lang)?, lang);
                        Some(PackSheet {
                            value: format!("{dest}/{}", s.route),
                            id: format!("fs-sheet-{dest}-{}", s.route),
                            route_name: self.t(lang, &format!("route-{}", s.route)),
                            title: text.title.clone(),
                            title_lang: (text_lang != lang).then_some(text_lang),
                        })
                    })
                    .collect(),
            })
            .collect();
        let others = m
            .site
            .config
            .languages
            .iter()
            .filter(|l| l.tag != lang)
            .map(|l| PackLanguage {
                tag: l.tag.clone(),
                name: l.name.clone(),
            })
            .collect();
        let centres = m
            .site
            .centres
            .iter()
            .map(|c| PackCentre {
                id: c.id.clone(),
                name: format!("{} ({})", c.name, c.town),
            })
            .collect();
        Kind::Pack {
            groups,
            others,
            centres,
            pack_action: m.href(Page::PackForm { lang }, Pdf::Pack { lang }),
        }
    }

    /// Every change note of the site in `lang`, newest first, each with
    /// its sheet.
    pub(super) fn changes(&self, lang: &str) -> Kind {
        let m = self.model;
        let words = Words::new(m.site, lang);
        let from = Page::Changes { lang };
        let mut changes = Vec::new();
        for (i, s) in m.sheets.iter().enumerate() {
            let (Some(page), Some(text)) = (s.page(lang), m.text(i, lang)) else {
                continue;
            };
            let text_lang = text_lang(page, lang);
            for c in &text.changes {
                changes.push(ListedChange {
                    change: view::change(&words, c, &text_lang),
                    href: m.href(from, Page::Sheet { lang, sheet: i }),
                    place: self.place(lang, s),
                    title: text.title.clone(),
                    dir: self.dir(&text_lang),
                    title_lang: (text_lang != lang).then(|| text_lang.clone()),
                    sheet: i,
                });
            }
        }
        changes.sort_by(|a, b| b.change.iso.cmp(&a.change.iso).then(a.sheet.cmp(&b.sheet)));
        Kind::Changes { changes }
    }
}
