//! A sheet's front matter, read into a source sheet or a translation.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::content::frontmatter::Split;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::text::is_slug;
use crate::yaml::reader::{Reader, Spanned, get};
use crate::yaml::{self, Entry, Node, Pos};

/// What a translator translates: the parts that `source_hash` covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub title: String,
    pub summary: String,
    pub key_facts: Vec<KeyFact>,
    /// Markdown, line endings normalised.
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFact {
    /// A Fluent message id without its `fact-` prefix.
    pub label: Spanned<String>,
    pub value: String,
}

/// The facts and dates that belong to the source sheet only.
#[derive(Debug, Clone)]
pub struct Facts {
    pub last_reviewed: Spanned<Date>,
    pub next_review: Option<Spanned<Date>>,
    pub valid_until: Option<Spanned<Date>>,
    pub sources: Vec<SourceRef>,
    pub contacts: Vec<Contact>,
}

impl Facts {
    /// The dates freshness is judged by.
    pub fn dates(&self) -> crate::freshness::Dates {
        crate::freshness::Dates {
            last_reviewed: self.last_reviewed.value,
            next_review: self.next_review.as_ref().map(|d| d.value),
            valid_until: self.valid_until.as_ref().map(|d| d.value),
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
    /// A destination overview in the source language (`_country.<lang>.md`).
    Overview,
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
    "contacts",
];
const TRANSLATION_FIELDS: &[&str] = &["title", "summary", "key_facts", "translation"];
const OVERVIEW_FIELDS: &[&str] = &["title", "summary"];

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
    }
    let context = if place.is_source {
        "a source sheet"
    } else {
        "a translation"
    };
    let source_path = place.source_path.display().to_string();
    let misplaced = |key: &str| -> Option<(String, String)> {
        if place.is_overview {
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
        Some(n) => read_key_facts(&mut r, n),
        None => Vec::new(),
    };
    let role = if place.is_source {
        if place.is_overview {
            Role::Overview
        } else {
            check_place(&mut r, entries, place);
            Role::Sheet(Box::new(read_facts(&mut r, entries, top)?))
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
    };
    Some(Doc {
        path: path.to_path_buf(),
        lang: place.lang.to_string(),
        hash: super::hash::source_hash(&text),
        text,
        role,
    })
}

/// `destination` and `route` must say what the path says.
fn check_place(r: &mut Reader, entries: &[Entry], place: &Place) {
    for (key, expected, fix) in [
        (
            "destination",
            place.destination,
            format!(
                "move the file to content/<destination>/, or write `destination: {}`",
                place.destination
            ),
        ),
        (
            "route",
            place.route,
            format!(
                "rename the file to <route>.{}.md, or write `route: {}`",
                place.lang, place.route
            ),
        ),
    ] {
        let Some(node) = get(entries, key) else {
            r.error(
                Pos { line: 1, col: 1 },
                Code::MissingField,
                format!("a source sheet has no `{key}`"),
                format!("add `{key}: {expected}`"),
            );
            continue;
        };
        if let Some(v) = r.text(node, key)
            && v.value != expected
        {
            r.error(
                node.pos,
                Code::PathMismatch,
                format!(
                    "`{key}: {}` does not match the file's place (`{expected}`)",
                    v.value
                ),
                fix,
            );
        }
    }
}

fn read_facts(r: &mut Reader, entries: &[Entry], top: Pos) -> Option<Facts> {
    let ctx = "a source sheet";
    let last_reviewed = r.required(entries, "last_reviewed", top, ctx, "2026-11-02", |r, n| {
        r.date(n, "last_reviewed")
    });
    let next_review = get(entries, "next_review").and_then(|n| r.date(n, "next_review"));
    let valid_until = get(entries, "valid_until").and_then(|n| r.date(n, "valid_until"));
    let sources = r.required(
        entries,
        "sources",
        top,
        ctx,
        "[{title: ..., url: https://...}]",
        read_sources,
    );
    let contacts = get(entries, "contacts")
        .map(|n| read_contacts(r, n))
        .unwrap_or_default();
    Some(Facts {
        last_reviewed: last_reviewed?,
        next_review,
        valid_until,
        sources: sources?,
        contacts,
    })
}

fn read_sources(r: &mut Reader, node: &Node) -> Option<Vec<SourceRef>> {
    let items = r.seq(node, "sources")?;
    if items.is_empty() {
        r.error(
            node.pos,
            Code::NoSources,
            "`sources` is empty",
            "list at least one official source: - {title: ..., url: https://..., checked: YYYY-MM-DD}",
        );
        return None;
    }
    let mut out = Vec::new();
    for item in items {
        let Some(e) = r.map(item, "a source") else {
            continue;
        };
        r.check_keys(e, &["title", "url", "checked"], "a source", &|_| None);
        let title = r.required(
            e,
            "title",
            item.pos,
            "this source",
            "Ministry of ...",
            |r, n| r.text(n, "title"),
        );
        let url = r.required(e, "url", item.pos, "this source", "https://...", |r, n| {
            r.url(n, "url")
        });
        let checked = get(e, "checked").and_then(|n| r.date(n, "checked"));
        if let (Some(title), Some(url)) = (title, url) {
            out.push(SourceRef {
                title: title.value,
                url: url.value,
                checked,
            });
        }
    }
    Some(out)
}

fn read_key_facts(r: &mut Reader, node: &Node) -> Vec<KeyFact> {
    let mut out: Vec<KeyFact> = Vec::new();
    for item in r.seq(node, "key_facts").unwrap_or_default() {
        let Some(e) = r.map(item, "a key fact") else {
            continue;
        };
        r.check_keys(e, &["label", "value"], "a key fact", &|_| None);
        let label = r.required(e, "label", item.pos, "this key fact", "fee", |r, n| {
            r.text(n, "label")
        });
        let value = r.required(e, "value", item.pos, "this key fact", "...", |r, n| {
            r.text(n, "value")
        });
        let (Some(label), Some(value)) = (label, value) else {
            continue;
        };
        if !is_slug(&label.value) {
            r.error_abs(
                label.pos,
                Code::BadLabel,
                format!("`{}` is not a key-fact label", label.value),
                "labels are Fluent message names in lower case with hyphens, e.g. processing-time",
            );
        } else if out.iter().any(|k| k.label.value == label.value) {
            r.error_abs(
                label.pos,
                Code::Duplicate,
                format!("key fact `{}` is listed twice", label.value),
                "remove one",
            );
        } else {
            out.push(KeyFact {
                label,
                value: value.value,
            });
        }
    }
    out
}

fn read_contacts(r: &mut Reader, node: &Node) -> Vec<Contact> {
    let keys = ["name", "url", "phone", "email", "address"];
    let mut out = Vec::new();
    for item in r.seq(node, "contacts").unwrap_or_default() {
        let Some(e) = r.map(item, "a contact") else {
            continue;
        };
        r.check_keys(e, &keys, "a contact", &|_| None);
        let Some(name) = r.required(
            e,
            "name",
            item.pos,
            "this contact",
            "Embassy of ...",
            |r, n| r.text(n, "name"),
        ) else {
            continue;
        };
        let mut c = Contact {
            name: name.value,
            ..Contact::default()
        };
        c.url = get(e, "url").and_then(|n| r.url(n, "url")).map(|s| s.value);
        c.phone = get(e, "phone")
            .and_then(|n| r.text(n, "phone"))
            .map(|s| s.value);
        c.address = get(e, "address")
            .and_then(|n| r.text(n, "address"))
            .map(|s| s.value);
        let email = get(e, "email").and_then(|n| Some((n, r.text(n, "email")?)));
        if let Some((n, mail)) = email {
            if mail.value.contains('@') && !mail.value.contains(char::is_whitespace) {
                c.email = Some(mail.value);
            } else {
                r.error(
                    n.pos,
                    Code::BadEmail,
                    format!("`{}` is not an e-mail address", mail.value),
                    "write it as name@example.org",
                );
            }
        }
        out.push(c);
    }
    out
}

/// 16 hex digits, as `source_hash` writes them (any case).
pub fn is_hash(s: &str) -> bool {
    s.len() == 16 && s.chars().all(|c| c.is_ascii_hexdigit())
}

fn read_translation_of(r: &mut Reader, node: &Node) -> Option<TranslationOf> {
    let e = r.map(node, "`translation`")?;
    r.check_keys(e, &["from", "source_hash"], "`translation`", &|_| None);
    let from = r.required(e, "from", node.pos, "`translation`", "en", |r, n| {
        r.text(n, "from")
    })?;
    let source_hash = match get(e, "source_hash") {
        // Not stamped yet (`source_hash:`, `~`, `null`, `""`): validation
        // says so, with the command that stamps it.
        None => None,
        Some(n) if n.is_null() || n.as_str().is_some_and(|s| s.trim().is_empty()) => None,
        Some(n) => {
            let h = r.text(n, "source_hash");
            match h {
                // Hex digits in either case are the same hash.
                Some(mut h) if is_hash(&h.value) => {
                    h.value.make_ascii_lowercase();
                    Some(h)
                }
                Some(h) => {
                    r.error(
                        n.pos,
                        Code::BadHash,
                        format!("`{}` is not a source hash", h.value),
                        format!(
                            "let the tool write it: run `factsheet stamp {}`",
                            r.file.display()
                        ),
                    );
                    None
                }
                None => None,
            }
        }
    };
    Some(TranslationOf { from, source_hash })
}
