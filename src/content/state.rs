//! What each (sheet, language) shows on a given day: its own translation,
//! a derived one, or a fallback; how fresh the facts are; whether the
//! translation is current.

use std::borrow::Cow;
use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use super::sheet::{Change, Doc, Inherited, KeyFact, Role, Text, fact_dates};
use super::{Files, Site};
use crate::freshness::{self, Currency, FactState, Review};
use crate::lang::translit;

/// How a page's text comes to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Shown {
    /// The source sheet itself.
    Source,
    /// A translation file in this language.
    Translation { file: PathBuf },
    /// Made by rule from another language's text (`sr-Latn` from `sr-Cyrl`).
    Derived { from: String },
    /// No text in this language: another language's, with a notice.
    Fallback { lang: String },
}

/// One language's page of a sheet.
#[derive(Debug, Clone, Serialize)]
pub struct PageState {
    pub lang: String,
    pub shown: Shown,
    /// None for the source language.
    pub translation: Option<Currency>,
}

/// A sheet with its review state and every language's page.
#[derive(Debug, Clone)]
pub struct SheetState<'a> {
    pub destination: &'a str,
    pub route: &'a str,
    /// The source and its translations.
    pub files: &'a Files,
    pub source: &'a Doc,
    pub inherited: &'a Inherited,
    pub review: Review,
    /// Each of the source's key facts on the day, in its order (which a
    /// page's merged text keeps).
    pub fact_states: Vec<FactState>,
    pub hash: String,
    pub pages: Vec<PageState>,
}

impl SheetState<'_> {
    /// The page of this sheet in `lang`.
    pub fn page(&self, lang: &str) -> Option<&PageState> {
        self.pages.iter().find(|p| p.lang == lang)
    }
}

impl Site {
    /// Every readable source sheet, in destination and route order.
    pub fn sheets(&self, today: Date) -> Vec<SheetState<'_>> {
        let mut out = Vec::new();
        for (code, dest) in &self.destinations {
            for (route, files) in &dest.sheets {
                out.extend(self.state(code, route, files, today));
            }
        }
        out
    }

    /// Every destination overview with a readable source, in destination
    /// order: reviewed like sheets (`route` is `_country`).
    pub fn overviews(&self, today: Date) -> Vec<SheetState<'_>> {
        self.destinations
            .iter()
            .filter_map(|(code, dest)| {
                self.state(code, crate::content::names::OVERVIEW, &dest.overview, today)
            })
            .collect()
    }

    fn state<'s>(
        &'s self,
        code: &'s str,
        route: &'s str,
        files: &'s Files,
        today: Date,
    ) -> Option<SheetState<'s>> {
        let c = &self.config;
        let source = files.source.as_ref()?;
        let facts = source.inherited()?;
        let hash = source.hash.clone();
        let pages = c.tags().map(|t| self.page_state(files, &hash, t)).collect();
        Some(SheetState {
            destination: code,
            route,
            files,
            source,
            inherited: facts,
            review: self.review(source, facts, today),
            fact_states: freshness::fact_states(
                &fact_dates(&source.text.key_facts),
                today,
                c.warning_days,
            ),
            hash,
            pages,
        })
    }

    /// A source's review state on `today`.
    fn review(&self, source: &Doc, facts: &Inherited, today: Date) -> Review {
        let c = &self.config;
        freshness::review(
            &facts.dates(&source.text.key_facts, today),
            today,
            c.review_interval_days,
            c.warning_days,
        )
    }

    /// A destination overview's review state on `today`, if it has a
    /// readable source.
    pub fn overview_review(&self, dest: &str, today: Date) -> Option<Review> {
        let source = self.destinations.get(dest)?.overview.source.as_ref()?;
        Some(self.review(source, source.inherited()?, today))
    }

    /// What `lang`'s page of a sheet shows, and whether it is current.
    pub fn page_state(&self, files: &Files, hash: &str, lang: &str) -> PageState {
        let shown = self.shown_in(files, lang);
        let translation = if lang == self.config.source_language {
            None
        } else if matches!(shown, Shown::Fallback { .. }) {
            Some(Currency::Missing)
        } else {
            self.currency_of(files, lang, hash)
        };
        PageState {
            lang: lang.to_string(),
            shown,
            translation,
        }
    }

    /// The first language of `lang`'s chain with text for a sheet.
    pub fn shown_in(&self, files: &Files, lang: &str) -> Shown {
        for l in self.config.chain(lang) {
            if let Some(shown) = self.available(files, l) {
                return if l == lang {
                    shown
                } else {
                    Shown::Fallback {
                        lang: l.to_string(),
                    }
                };
            }
        }
        Shown::Fallback {
            lang: self.config.source_language.clone(),
        }
    }

    /// Whether `lang` has text of its own for a sheet, and how.
    fn available(&self, files: &Files, lang: &str) -> Option<Shown> {
        if lang == self.config.source_language {
            return files.source.as_ref().map(|_| Shown::Source);
        }
        if let Some(doc) = files.translations.get(lang) {
            return Some(Shown::Translation {
                file: doc.path.clone(),
            });
        }
        let base = self.config.language(lang)?.derive.as_deref()?;
        self.available(files, base)?;
        Some(Shown::Derived {
            from: base.to_string(),
        })
    }

    /// Current or outdated, for a language that has text of its own (a
    /// derived language is as current as its base).
    fn currency_of(&self, files: &Files, lang: &str, hash: &str) -> Option<Currency> {
        if lang == self.config.source_language {
            return Some(Currency::Current);
        }
        if let Some(doc) = files.translations.get(lang) {
            let Role::Translation(t) = &doc.role else {
                return None;
            };
            let same = t.source_hash.as_ref().is_some_and(|h| h.value == hash);
            return Some(if same {
                Currency::Current
            } else {
                Currency::Outdated
            });
        }
        let base = self.config.language(lang)?.derive.as_deref()?;
        self.available(files, base)?;
        self.currency_of(files, base, hash)
    }

    /// The text a page shows: the translation's (key facts it does not
    /// translate come from the source), transliterated for a derived
    /// language.
    pub fn text<'a>(&self, files: &'a Files, page: &PageState) -> Option<Cow<'a, Text>> {
        let source = &files.source.as_ref()?.text;
        let lang = match &page.shown {
            Shown::Source => return Some(Cow::Borrowed(source)),
            Shown::Translation { .. } => page.lang.as_str(),
            Shown::Derived { from } => from.as_str(),
            Shown::Fallback { lang } => {
                let state = PageState {
                    lang: lang.clone(),
                    shown: self.shown_in(files, lang),
                    translation: None,
                };
                return self.text(files, &state).map(|t| Cow::Owned(t.into_owned()));
            }
        };
        let mut text = if lang == self.config.source_language {
            source.clone()
        } else {
            // An outdated translation's repeated facts (a quota per year)
            // may be last year's: the source's values show then.
            let outdated = files.source.as_ref().is_some_and(|src| {
                self.currency_of(files, lang, &src.hash) == Some(Currency::Outdated)
            });
            merge(
                source,
                &files.translations.get(lang)?.text,
                &self.config.source_language,
                outdated,
            )
        };
        if matches!(page.shown, Shown::Derived { .. }) {
            text = transliterate(&text);
        }
        Some(Cow::Owned(text))
    }
}

/// A translation's text, in the source's order: the source's value for
/// any key fact it leaves untranslated (the n-th fact of a label
/// translates the source's n-th; for an outdated translation a repeated
/// label takes the source's values, which may have moved on a year), its dates from the source, and the
/// source's note, marked with its language, for any note it does not
/// translate.
fn merge(source: &Text, translation: &Text, source_lang: &str, outdated: bool) -> Text {
    let key_facts = source
        .key_facts
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let nth = source.key_facts[..i]
                .iter()
                .filter(|o| o.label.value == k.label.value)
                .count();
            let count = |facts: &[KeyFact]| {
                facts
                    .iter()
                    .filter(|o| o.label.value == k.label.value)
                    .count()
            };
            let (in_source, in_translation) =
                (count(&source.key_facts), count(&translation.key_facts));
            if outdated && (in_source > 1 || in_translation != in_source) {
                return k.clone();
            }
            match translation
                .key_facts
                .iter()
                .filter(|t| t.label.value == k.label.value)
                .nth(nth)
            {
                Some(t) => KeyFact {
                    value: t.value.clone(),
                    ..k.clone()
                },
                None => k.clone(),
            }
        })
        .collect();
    let changes = source
        .changes
        .iter()
        .map(|c| {
            match translation
                .changes
                .iter()
                .find(|t| t.date.value == c.date.value)
            {
                Some(t) => Change {
                    note: t.note.clone(),
                    ..c.clone()
                },
                None => Change {
                    lang: Some(source_lang.to_string()),
                    ..c.clone()
                },
            }
        })
        .collect();
    Text {
        key_facts,
        changes,
        ..translation.clone()
    }
}

fn transliterate(text: &Text) -> Text {
    let t = translit::sr_cyrl_to_latn;
    Text {
        title: t(&text.title),
        summary: t(&text.summary),
        key_facts: text
            .key_facts
            .iter()
            .map(|k| KeyFact {
                value: t(&k.value),
                ..k.clone()
            })
            .collect(),
        body: t(&text.body),
        changes: text
            .changes
            .iter()
            .map(|c| Change {
                note: if c.lang.is_none() {
                    t(&c.note)
                } else {
                    c.note.clone()
                },
                ..c.clone()
            })
            .collect(),
    }
}
