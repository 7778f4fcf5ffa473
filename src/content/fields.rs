//! The typed fields of a sheet's front matter: facts, sources, key facts,
//! contacts and the translation block, each checked with its place in the
//! file and a hint.

use super::doc::{Change, Condition, Contact, Inherited, KeyFact, Place, TranslationOf};
use crate::diagnostics::Code;
use crate::text::is_slug;
use crate::yaml::reader::{Reader, Spanned, get};
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

/// The dated facts of a source; `ctx` names it ("a source sheet").
pub(super) fn read_facts(
    r: &mut Reader,
    entries: &[Entry],
    top: Pos,
    ctx: &str,
) -> Option<Inherited> {
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
        super::sources::read_sources,
    );
    let contacts = get(entries, "contacts")
        .map(|n| read_contacts(r, n))
        .unwrap_or_default();
    let noted_hash =
        get(entries, "noted_hash").and_then(|n| read_hash(r, n, "noted_hash", "note --minor"));
    Some(Inherited {
        last_reviewed: last_reviewed?,
        next_review,
        valid_until,
        sources: sources?,
        contacts,
        noted_hash,
        finder: None,
    })
}

/// `finder` (or an outcome's `when`): `question: [option, …]` or
/// `question: option`. The names are checked against `finder.yaml` later.
pub(super) fn read_conditions(r: &mut Reader, node: &Node, what: &str) -> Vec<Condition> {
    let mut out: Vec<Condition> = Vec::new();
    for e in r.map(node, what).unwrap_or_default() {
        let question = Spanned::new(e.key.clone(), r.abs(e.key_pos));
        let options = match e.value.as_str() {
            Some(_) => r.text(&e.value, &e.key).into_iter().collect(),
            None => r
                .seq(&e.value, &e.key)
                .unwrap_or_default()
                .iter()
                .filter_map(|n| r.text(n, &e.key))
                .collect::<Vec<_>>(),
        };
        if options.is_empty() {
            r.error_abs(
                question.pos,
                Code::EmptyField,
                format!("`{}` lists no answer", question.value),
                "list the answers that fit, e.g. `purpose: [work]`, or remove the line",
            );
            continue;
        }
        out.push(Condition { question, options });
    }
    out
}

/// Key facts. A source's may bound a fact in time; a label may come back
/// for another period, never for overlapping days. A translation gives
/// values only, the n-th of a label translating the source's n-th.
pub(super) fn read_key_facts(
    r: &mut Reader,
    node: &Node,
    is_source: bool,
) -> (
    Vec<KeyFact>,
    Vec<Option<Spanned<super::sources::FactSource>>>,
) {
    let mut out: Vec<KeyFact> = Vec::new();
    let mut written = Vec::new();
    let keys: &[&str] = if is_source {
        &[
            "label",
            "value",
            "valid_from",
            "valid_until",
            "source",
            "quote",
        ]
    } else {
        &["label", "value"]
    };
    let misplaced = |key: &str| {
        (!is_source && matches!(key, "valid_from" | "valid_until" | "source" | "quote")).then(
            || {
                (
                    format!("`{key}` belongs to the source sheet, not to a translation"),
                    if key.starts_with("valid") {
                        "remove it here; a translated fact holds on the source's days"
                    } else {
                        "remove it here; the source sheet's `source` and `quote` hold for its translations"
                    }
                    .to_string(),
                )
            },
        )
    };
    for item in r.seq(node, "key_facts").unwrap_or_default() {
        let Some(e) = r.map(item, "a key fact") else {
            continue;
        };
        r.check_keys(e, keys, "a key fact", &misplaced);
        let label = r.required(e, "label", item.pos, "this key fact", "fee", |r, n| {
            r.text(n, "label")
        });
        let value = r.required(e, "value", item.pos, "this key fact", "...", |r, n| {
            r.text(n, "value")
        });
        let date = |r: &mut Reader, key: &str| {
            get(e, key)
                .filter(|_| is_source)
                .and_then(|n| r.date(n, key))
        };
        let (valid_from, valid_until) = (date(r, "valid_from"), date(r, "valid_until"));
        let source = get(e, "source")
            .filter(|_| is_source)
            .and_then(|n| super::sources::read_fact_source(r, n));
        let quote = get(e, "quote")
            .filter(|_| is_source)
            .and_then(|n| r.text(n, "quote"));
        let (Some(label), Some(value)) = (label, value) else {
            continue;
        };
        if let (Some(f), Some(u)) = (&valid_from, &valid_until)
            && u.value < f.value
        {
            r.error_abs(
                u.pos,
                Code::InvalidDate,
                format!(
                    "`valid_until` ({}) is before `valid_from` ({})",
                    u.value, f.value
                ),
                "a fact holds from `valid_from` to `valid_until`, both days included",
            );
            continue;
        }
        let fact = KeyFact {
            label,
            value: value.value,
            valid_from,
            valid_until,
            source: None,
            quote,
        };
        if !is_slug(&fact.label.value) {
            r.error_abs(
                fact.label.pos,
                Code::BadLabel,
                format!("`{}` is not a key-fact label", fact.label.value),
                "labels are Fluent message names in lower case with hyphens, e.g. processing-time",
            );
        } else if is_source
            && let Some(other) = out
                .iter()
                .find(|k| k.label.value == fact.label.value && overlap(k, &fact))
        {
            r.error_abs(
                fact.label.pos,
                Code::Duplicate,
                format!(
                    "key fact `{}` is listed twice for the same days (also on line {})",
                    fact.label.value, other.label.pos.line
                ),
                "remove one, or give each `valid_from`/`valid_until` dates that do not overlap",
            );
        } else {
            out.push(fact);
            written.push(source);
        }
    }
    (out, written)
}

/// Whether two facts hold on a common day (no dates: every day).
fn overlap(a: &KeyFact, b: &KeyFact) -> bool {
    let from = |k: &KeyFact| {
        k.valid_from
            .as_ref()
            .map_or(jiff::civil::Date::MIN, |d| d.value)
    };
    let until = |k: &KeyFact| {
        k.valid_until
            .as_ref()
            .map_or(jiff::civil::Date::MAX, |d| d.value)
    };
    from(a) <= until(b) && from(b) <= until(a)
}

/// `changes`: `{date, note}` items, one per date.
pub(super) fn read_changes(r: &mut Reader, node: &Node) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for item in r.seq(node, "changes").unwrap_or_default() {
        let Some(e) = r.map(item, "a change note") else {
            continue;
        };
        r.check_keys(e, &["date", "note"], "a change note", &|_| None);
        let date = r.required(
            e,
            "date",
            item.pos,
            "this change note",
            "2026-12-01",
            |r, n| r.date(n, "date"),
        );
        let note = r.required(
            e,
            "note",
            item.pos,
            "this change note",
            "\"What changed, for readers.\"",
            |r, n| r.text(n, "note"),
        );
        let (Some(date), Some(note)) = (date, note) else {
            continue;
        };
        if let Some(other) = out.iter().find(|c| c.date.value == date.value) {
            r.error_abs(
                date.pos,
                Code::Duplicate,
                format!(
                    "two change notes are dated {} (also on line {})",
                    date.value, other.date.pos.line
                ),
                "write one note per day: join the two",
            );
            continue;
        }
        out.push(Change {
            date,
            note: note.value,
            lang: None,
        });
    }
    // Newest first, whatever order they were written in.
    out.sort_by_key(|c| std::cmp::Reverse(c.date.value));
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
        c.email = get(e, "email")
            .and_then(|n| r.email(n, "email"))
            .map(|s| s.value);
        out.push(c);
    }
    out
}

/// 16 hex digits, as `source_hash` writes them (any case).
pub fn is_hash(s: &str) -> bool {
    s.len() == 16 && s.chars().all(|c| c.is_ascii_hexdigit())
}

/// A hash the tool writes (`source_hash`, `noted_hash`). Empty (`key:`,
/// `~`, `null`, `""`) is None: validation says so where it matters, with
/// the command (`factsheet <command> <file>`) that writes it.
fn read_hash(r: &mut Reader, n: &Node, key: &str, command: &str) -> Option<Spanned<String>> {
    if n.is_null() || n.as_str().is_some_and(|s| s.trim().is_empty()) {
        return None;
    }
    match r.text(n, key) {
        // Hex digits in either case are the same hash.
        Some(mut h) if is_hash(&h.value) => {
            h.value.make_ascii_lowercase();
            Some(h)
        }
        Some(h) => {
            r.error(
                n.pos,
                Code::BadHash,
                format!("`{}` is not a {}", h.value, key.replace('_', " ")),
                format!(
                    "let the tool write it: run `factsheet {command} {}`",
                    r.file.display()
                ),
            );
            None
        }
        None => None,
    }
}

pub(super) fn read_translation_of(r: &mut Reader, node: &Node) -> Option<TranslationOf> {
    let e = r.map(node, "`translation`")?;
    r.check_keys(e, &["from", "source_hash"], "`translation`", &|_| None);
    let from = r.required(e, "from", node.pos, "`translation`", "en", |r, n| {
        r.text(n, "from")
    })?;
    let source_hash = get(e, "source_hash").and_then(|n| read_hash(r, n, "source_hash", "stamp"));
    Some(TranslationOf { from, source_hash })
}
