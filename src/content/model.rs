//! What each (sheet, language) shows on a given day: its own translation,
//! a derived one, or a fallback; how fresh the facts are; whether the
//! translation is current.

use std::borrow::Cow;
use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use super::sheet::{Doc, Facts, Role, Text};
use super::{Files, Site};
use crate::freshness::{self, Currency, Review};
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
    pub facts: &'a Facts,
    pub review: Review,
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
        let c = &self.config;
        let mut out = Vec::new();
        for (code, dest) in &self.destinations {
            for (route, files) in &dest.sheets {
                let Some(source) = &files.source else {
                    continue;
                };
                let Role::Sheet(facts) = &source.role else {
                    continue;
                };
                let hash = source.hash.clone();
                let pages = c.tags().map(|t| self.page_state(files, &hash, t)).collect();
                out.push(SheetState {
                    destination: code,
                    route,
                    files,
                    source,
                    facts,
                    review: freshness::review(
                        &facts.dates(),
                        today,
                        c.review_interval_days,
                        c.warning_days,
                    ),
                    hash,
                    pages,
                });
            }
        }
        out
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
            merge(source, &files.translations.get(lang)?.text)
        };
        if matches!(page.shown, Shown::Derived { .. }) {
            text = transliterate(&text);
        }
        Some(Cow::Owned(text))
    }
}

/// A translation's text, with the source's value for any key fact it
/// leaves untranslated, in the source's order.
fn merge(source: &Text, translation: &Text) -> Text {
    let key_facts = source
        .key_facts
        .iter()
        .map(|k| {
            translation
                .key_facts
                .iter()
                .find(|t| t.label.value == k.label.value)
                .unwrap_or(k)
                .clone()
        })
        .collect();
    Text {
        key_facts,
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
            .map(|k| super::sheet::KeyFact {
                label: k.label.clone(),
                value: t(&k.value),
            })
            .collect(),
        body: t(&text.body),
    }
}
