//! A sheet's front matter, read into a source sheet or a translation.

use std::path::Path;

pub use super::doc::*;
pub use super::fields::is_hash;
use super::fields::{
    check_place, read_changes, read_conditions, read_facts, read_key_facts, read_translation_of,
};
use super::sources::resolve_fact_sources;
use crate::content::frontmatter::Split;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::yaml::reader::{Reader, get};
use crate::yaml::{self, Entry, Pos};

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
    "finder",
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
    let (mut key_facts, fact_sources) =
        match get(entries, "key_facts").filter(|_| allowed.contains(&"key_facts")) {
            Some(n) => read_key_facts(&mut r, n, place.is_source),
            None => (Vec::new(), Vec::new()),
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
            let mut facts = read_facts(&mut r, entries, top, "a source sheet")?;
            facts.finder = get(entries, "finder").map(|n| read_conditions(&mut r, n, "`finder`"));
            Role::Sheet(Box::new(facts))
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
    if let Role::Sheet(f) | Role::Overview(f) = &role {
        resolve_fact_sources(&mut r, &mut key_facts, fact_sources, &f.sources);
    }
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
