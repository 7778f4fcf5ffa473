//! A sheet's front matter, read into a source sheet or a translation.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

pub use super::fields::is_hash;
use super::fields::{check_place, read_changes, read_facts, read_key_facts, read_translation_of};
use crate::content::frontmatter::Split;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::yaml::reader::{Reader, Spanned, get};
use crate::yaml::{self, Entry, Pos};

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

/// The facts and dates that belong to the source sheet only.
#[derive(Debug, Clone)]
pub struct Facts {
    pub last_reviewed: Spanned<Date>,
    pub next_review: Option<Spanned<Date>>,
    pub valid_until: Option<Spanned<Date>>,
    pub sources: Vec<SourceRef>,
    pub contacts: Vec<Contact>,
    /// `source_hash` of the text when its newest note or minor edit was
    /// recorded (`factsheet note`); None before the first.
    pub noted_hash: Option<Spanned<String>>,
}

impl Facts {
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
    /// The facts of a source sheet or overview; None for a translation.
    pub fn facts(&self) -> Option<&Facts> {
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
    Sheet(Box<Facts>),
    /// A destination overview in the source language (`_country.<lang>.md`),
    /// with the dates and sources of the facts it states.
    Overview(Box<Facts>),
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

/// Reads a document from the bytes of its file: text, front matter, fields.
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    place: &Place,
    diags: &mut Diagnostics,
) -> Option<Doc> {
    let split = match crate::text::decode(bytes).and_then(|t| super::frontmatter::split(&t)) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d.file(path));
            return None;
        }
    };
    read(path, &split, place, diags)
}

const SOURCE_FIELDS: &[&str] = &[
    "title",
    "summary",
    "destination",
    "route",
    "last_reviewed",
    "next_review",
    "valid_until",
    "sources",
    "key_facts",
    "changes",
    "contacts",
    "noted_hash",
];
const TRANSLATION_FIELDS: &[&str] = &["title", "summary", "key_facts", "changes", "translation"];
const OVERVIEW_FIELDS: &[&str] = &[
    "title",
    "summary",
    "last_reviewed",
    "next_review",
    "valid_until",
    "sources",
];

/// Reads one document's front matter. Problems go to `diags`; `None` when
/// the document cannot be used at all.
pub fn read(path: &Path, split: &Split, place: &Place, diags: &mut Diagnostics) -> Option<Doc> {
    let root = match yaml::parse(&split.yaml) {
        Ok(root) => root,
        Err(e) => {
            diags.push(e.into_diagnostic(path, 1));
            return None;
        }
    };
    let mut r = Reader {
        file: path,
        line_offset: 1,
        diags,
    };
    let top = Pos { line: 1, col: 1 };
    // An empty front matter is an empty set of fields: report what is missing.
    let empty = Vec::new();
    let entries: &[Entry] = if root.is_null() {
        &empty
    } else {
        r.map(&root, "the front matter")?
    };

    let mut allowed: Vec<&str> = if place.is_source {
        SOURCE_FIELDS.to_vec()
    } else {
        TRANSLATION_FIELDS.to_vec()
    };
    if place.is_overview {
        allowed.retain(|f| OVERVIEW_FIELDS.contains(f) || *f == "translation");
        if !place.is_source {
            allowed.retain(|f| {
                !matches!(
                    *f,
                    "last_reviewed" | "next_review" | "valid_until" | "sources"
                )
            });
        }
    }
    let context = if place.is_source {
        "a source sheet"
    } else {
        "a translation"
    };
    let source_path = place.source_path.display().to_string();
    let misplaced = |key: &str| -> Option<(String, String)> {
        if place.is_overview && place.is_source {
            return None;
        }
        if !place.is_source && SOURCE_FIELDS.contains(&key) {
            Some((
                format!("`{key}` belongs to the source sheet, not to a translation"),
                format!("remove it here; facts and dates are kept once, in {source_path}"),
            ))
        } else if place.is_source && key == "translation" {
            Some((
                format!(
                    "a sheet in the source language ({}) has no `translation` block",
                    place.lang
                ),
                "remove it; or, if this file is a translation, name it <route>.<language>.md"
                    .into(),
            ))
        } else {
            None
        }
    };
    r.check_keys(entries, &allowed, context, &misplaced);

    let title = r.required(entries, "title", top, context, "A clear title", |r, n| {
        r.text(n, "title")
    });
    let summary = r.required(
        entries,
        "summary",
        top,
        context,
        "One or two sentences.",
        |r, n| r.text(n, "summary"),
    );
    let key_facts = match get(entries, "key_facts").filter(|_| allowed.contains(&"key_facts")) {
        Some(n) => read_key_facts(&mut r, n, place.is_source),
        None => Vec::new(),
    };
    let changes = match get(entries, "changes").filter(|_| allowed.contains(&"changes")) {
        Some(n) => read_changes(&mut r, n),
        None => Vec::new(),
    };
    let role = if place.is_source {
        if place.is_overview {
            Role::Overview(Box::new(read_facts(
                &mut r,
                entries,
                top,
                "a destination overview",
            )?))
        } else {
            check_place(&mut r, entries, place);
            Role::Sheet(Box::new(read_facts(
                &mut r,
                entries,
                top,
                "a source sheet",
            )?))
        }
    } else {
        let node = get(entries, "translation");
        let t = r.required(
            entries,
            "translation",
            top,
            context,
            "{from: en, source_hash: ...}",
            |r, n| read_translation_of(r, n),
        );
        match (t, node) {
            (Some(t), _) => Role::Translation(t),
            _ => return None,
        }
    };
    let (title, summary) = (title?, summary?);
    for (what, value, pos) in [
        ("title", &title.value, title.pos),
        ("summary", &summary.value, summary.pos),
    ] {
        if value.contains("TODO") {
            r.diags.push(
                Diagnostic::warning(Code::Todo, format!("the {what} still contains TODO"))
                    .file(path)
                    .at(pos.line, pos.col)
                    .hint("replace the placeholder with the real text"),
            );
        }
    }
    if let Some(i) = split.body.lines().position(|l| l.contains("TODO")) {
        r.diags.push(
            Diagnostic::warning(Code::Todo, "the text still contains TODO")
                .file(path)
                .at(split.body_line + i, 1)
                .hint("replace the placeholder with the real text"),
        );
    }
    let text = Text {
        title: title.value,
        summary: summary.value,
        key_facts,
        body: split.body.clone(),
        changes,
    };
    Some(Doc {
        path: path.to_path_buf(),
        lang: place.lang.to_string(),
        hash: super::hash::source_hash(&text),
        text,
        role,
    })
}
