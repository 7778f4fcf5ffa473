//! What a document under `content/` is, once read: its translatable text
//! (and one walk over its parts), the facts a source keeps for its
//! translations, its role. `sheet.rs` and `fields.rs` read it.

use std::path::PathBuf;

use jiff::civil::Date;

use crate::yaml::reader::Spanned;

/// What a translator translates: the parts that `source_hash` covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub title: String,
    pub summary: String,
    pub key_facts: Vec<KeyFact>,
    /// Markdown, line endings normalised.
    pub body: String,
    /// Change notes for readers, newest first. Not part of `source_hash`:
    /// a new note does not outdate a translation's text.
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFact {
    /// A Fluent message id without its `fact-` prefix.
    pub label: Spanned<String>,
    pub value: String,
    /// The days the fact holds (source sheets only; a translation takes
    /// them from its source).
    pub valid_from: Option<Spanned<Date>>,
    pub valid_until: Option<Spanned<Date>>,
    /// The 0-based position in `sources` of the source that supports the
    /// fact (written 1-based or as its URL; source sheets only).
    pub source: Option<Spanned<usize>>,
    /// The words on that source that say so, in the page's own language.
    pub quote: Option<Spanned<String>>,
}

/// One change note: what changed for readers, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub date: Spanned<Date>,
    pub note: String,
    /// The language of the note when it is not the page's own: a note the
    /// translation does not translate yet is shown in the source language.
    pub lang: Option<String>,
}

/// What belongs to the source sheet only and its translations inherit:
/// dates, sources, contacts.
#[derive(Debug, Clone)]
pub struct Inherited {
    pub last_reviewed: Spanned<Date>,
    pub next_review: Option<Spanned<Date>>,
    pub valid_until: Option<Spanned<Date>>,
    pub sources: Vec<SourceRef>,
    pub contacts: Vec<Contact>,
    /// `source_hash` of the text when its newest note or minor edit was
    /// recorded (`factsheet note`); None before the first.
    pub noted_hash: Option<Spanned<String>>,
    /// `finder`: whom the sheet is for, in the words of `finder.yaml`;
    /// None when it states nothing (the finder leaves it out).
    pub finder: Option<Vec<Condition>>,
}

/// One condition for the route finder: the answers to one question that
/// fit (`citizenship: [al, rs]`). Checked against `finder.yaml` later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub question: Spanned<String>,
    pub options: Vec<Spanned<String>>,
}

impl Inherited {
    /// The dates freshness is judged by, with those of the key facts.
    pub fn dates(&self, key_facts: &[KeyFact], today: Date) -> crate::freshness::Dates {
        crate::freshness::Dates {
            last_reviewed: self.last_reviewed.value,
            next_review: self.next_review.as_ref().map(|d| d.value),
            valid_until: self.valid_until.as_ref().map(|d| d.value),
            fact_expiry: crate::freshness::first_fact_expiry(&fact_dates(key_facts), today),
        }
    }
}

/// The days each key fact holds.
pub fn fact_dates(key_facts: &[KeyFact]) -> Vec<crate::freshness::FactDates<'_>> {
    key_facts
        .iter()
        .map(|k| crate::freshness::FactDates {
            label: &k.label.value,
            valid_from: k.valid_from.as_ref().map(|d| d.value),
            valid_until: k.valid_until.as_ref().map(|d| d.value),
        })
        .collect()
}

impl Doc {
    /// What a source sheet or overview keeps for its translations; None
    /// for a translation.
    pub fn inherited(&self) -> Option<&Inherited> {
        match &self.role {
            Role::Sheet(f) | Role::Overview(f) => Some(f),
            Role::Translation(_) => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct SourceRef {
    pub title: String,
    pub url: String,
    pub checked: Option<Spanned<Date>>,
    /// Where the source's item starts (file-absolute), for its warnings.
    pub pos: crate::yaml::Pos,
    /// A CSS selector for the part of the page that is watched.
    pub selector: Option<String>,
    /// Regular expressions for lines that are not watched (checked to parse).
    pub ignore: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Contact {
    pub name: String,
    pub url: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
}

#[derive(Debug, Clone)]
pub struct TranslationOf {
    pub from: Spanned<String>,
    /// Missing only in a translation that was never stamped.
    pub source_hash: Option<Spanned<String>>,
}

#[derive(Debug, Clone)]
pub enum Role {
    /// A sheet in the source language, with the facts it states.
    Sheet(Box<Inherited>),
    /// A destination overview in the source language (`_country.<lang>.md`),
    /// with the dates and sources of the facts it states.
    Overview(Box<Inherited>),
    /// A translation of either.
    Translation(TranslationOf),
}

/// One file under `content/`, read.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The path as shown to the user.
    pub path: PathBuf,
    pub lang: String,
    pub text: Text,
    pub role: Role,
    /// `source_hash` of this text, computed once when read.
    pub hash: String,
}

/// Where a file sits, which decides what it may contain.
pub struct Place<'a> {
    pub destination: &'a str,
    pub route: &'a str,
    pub lang: &'a str,
    pub is_source: bool,
    pub is_overview: bool,
    /// The source sheet's path, to say where source-only fields belong.
    pub source_path: PathBuf,
}

impl<'a> Place<'a> {
    /// `content/<destination>/<route>.<lang>.md` on a site whose source
    /// language is `source_language`; `source_path` is the source sheet's
    /// path as messages show it.
    pub fn new(
        destination: &'a str,
        route: &'a str,
        lang: &'a str,
        source_language: &str,
        source_path: PathBuf,
    ) -> Self {
        Place {
            destination,
            route,
            lang,
            is_source: lang == source_language,
            is_overview: route == crate::content::names::OVERVIEW,
            source_path,
        }
    }
}

/// One translatable part of a text, in the order a translator reads it.
/// Change notes are not among them: a new note does not outdate a
/// translation's text (they are translated by date instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'t> {
    Title(&'t str),
    Summary(&'t str),
    /// The `index`-th key fact.
    KeyFact {
        index: usize,
        label: &'t str,
        value: &'t str,
    },
    /// The Markdown body, surrounding whitespace trimmed.
    Body(&'t str),
}

impl Text {
    /// Every translatable part: the one list the hash, the printout
    /// version, `diff`, PO segments, search and `new` walk.
    pub fn parts(&self) -> impl Iterator<Item = Part<'_>> {
        let facts = self
            .key_facts
            .iter()
            .enumerate()
            .map(|(index, k)| Part::KeyFact {
                index,
                label: &k.label.value,
                value: &k.value,
            });
        [Part::Title(&self.title), Part::Summary(&self.summary)]
            .into_iter()
            .chain(facts)
            .chain([Part::Body(self.body.trim())])
    }
}

impl<'t> Part<'t> {
    /// The words of the part.
    pub fn text(&self) -> &'t str {
        match *self {
            Part::Title(t) | Part::Summary(t) | Part::Body(t) => t,
            Part::KeyFact { value, .. } => value,
        }
    }
}
