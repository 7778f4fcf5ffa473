//! The typed fields of a sheet's front matter: facts, sources, key facts,
//! contacts and the translation block, each checked with its place in the
//! file and a hint.

use super::sheet::{Contact, Facts, KeyFact, Place, SourceRef, TranslationOf};
use crate::diagnostics::Code;
use crate::text::is_slug;
use crate::yaml::reader::{Reader, get};
use crate::yaml::{Entry, Node, Pos};

/// `destination` and `route` must say what the path says.
pub(super) fn check_place(r: &mut Reader, entries: &[Entry], place: &Place) {
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

pub(super) fn read_facts(r: &mut Reader, entries: &[Entry], top: Pos) -> Option<Facts> {
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

pub(super) fn read_key_facts(r: &mut Reader, node: &Node) -> Vec<KeyFact> {
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

pub(super) fn read_translation_of(r: &mut Reader, node: &Node) -> Option<TranslationOf> {
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
