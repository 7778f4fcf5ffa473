//! Rules that look across files: translations against their source,
//! key-fact labels and names against the Fluent files, and the freshness
//! and currency of every sheet on a given day.

mod facts;

use jiff::civil::Date;

use crate::content::names::OVERVIEW;
use crate::content::sheet::{Doc, Role};
use crate::content::{Files, Site};
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::freshness::{Freshness, Review};
use crate::yaml::Pos;

/// Every cross-file problem of `site` on `today`.
pub fn validate(site: &Site, today: Date) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let c = &site.config;
    site.l10n.check_references(c, &mut diags);
    site.l10n.check_completeness(c, &mut diags);
    check_names(site, &mut diags);
    // Review states come from the per-day model, as pages show them.
    let states = site.sheets(today);
    crate::finder::check::check(site, &states, &mut diags);
    let review_of = |dest: &str, route: &str| {
        if route == OVERVIEW {
            return site.overview_review(dest, today);
        }
        states
            .iter()
            .find(|s| s.destination == dest && s.route == route)
            .map(|s| s.review)
    };
    for (code, dest) in &site.destinations {
        let overview = std::iter::once(("_country", &dest.overview));
        for (route, files) in overview.chain(dest.sheets.iter().map(|(r, f)| (r.as_str(), f))) {
            check_translations(site, code, route, files, &mut diags);
            if let Some(source) = &files.source {
                check_source(site, source, review_of(code, route), today, &mut diags);
            }
            for doc in files.source.iter().chain(files.translations.values()) {
                check_printable(doc, &mut diags);
            }
        }
    }
    diags
}

fn at(d: Diagnostic, doc: &Doc, pos: Pos) -> Diagnostic {
    d.file(&doc.path).at(pos.line, pos.col)
}

/// Route and country names, and key-fact labels, need Fluent messages in
/// the source language.
fn check_names(site: &Site, diags: &mut Diagnostics) {
    let c = &site.config;
    let Some(file) = site.l10n.files.get(&c.source_language) else {
        return;
    };
    let missing = |id: String| {
        Diagnostic::error(
            Code::MissingMessage,
            format!("no Fluent message `{id}` in {}", file.path.display()),
        )
        .hint(format!(
            "add `{id} = ...` to {} (and to the other languages)",
            file.path.display()
        ))
    };
    for route in &c.routes {
        if !file.ids.contains_key(&format!("route-{route}")) {
            diags.push(
                missing(format!("route-{route}"))
                    .file(site.display_path("content/site.yaml".as_ref())),
            );
        }
    }
    for code in site.destinations.keys() {
        if !file.ids.contains_key(&format!("country-{code}")) {
            diags.push(
                missing(format!("country-{code}"))
                    .file(site.display_path(format!("content/{code}").as_ref())),
            );
        }
    }
    let fact_ids = || file.ids.keys().filter_map(|k| k.strip_prefix("fact-"));
    for dest in site.destinations.values() {
        for files in dest.sheets.values() {
            let Some(source) = &files.source else {
                continue;
            };
            for k in &source.text.key_facts {
                if !file.ids.contains_key(&format!("fact-{}", k.label.value)) {
                    let hint = did_you_mean(&k.label.value, fact_ids()).unwrap_or_else(|| {
                        format!(
                            "use a known label ({}) or add `fact-{} = ...` to {}",
                            fact_ids().collect::<Vec<_>>().join(", "),
                            k.label.value,
                            file.path.display()
                        )
                    });
                    diags.push(at(
                        Diagnostic::error(
                            Code::UnknownLabel,
                            format!("key-fact label `{}` has no Fluent message", k.label.value),
                        )
                        .hint(hint),
                        source,
                        k.label.pos,
                    ));
                }
            }
        }
    }
}

/// A handout typesets a bounded amount of text (so that no sheet can stall
/// a build); a sheet beyond it prints shortened, with a note.
fn check_printable(doc: &Doc, diags: &mut Diagnostics) {
    use crate::paper::{MAX_CHARS, MAX_FOOTNOTES, shortened};
    if shortened(&doc.text.body) {
        diags.push(
            Diagnostic::warning(
                Code::TooLongToPrint,
                format!(
                    "the handout leaves out part of this text: it has over {MAX_CHARS} characters or over {MAX_FOOTNOTES} footnotes"
                ),
            )
            .file(&doc.path)
            .hint("split it into shorter sheets, or link to the long document; the web page shows it all"),
        );
    }
}

fn check_source(
    site: &Site,
    doc: &Doc,
    review: Option<Review>,
    today: Date,
    diags: &mut Diagnostics,
) {
    let (Some(facts), Some(review)) = (doc.inherited(), review) else {
        return;
    };
    let last = &facts.last_reviewed;
    if last.value > today {
        diags.push(at(
            Diagnostic::error(
                Code::InvalidDate,
                format!(
                    "`last_reviewed` ({}) is in the future (today is {today})",
                    last.value
                ),
            )
            .hint("write the date the facts were actually checked"),
            doc,
            last.pos,
        ));
    }
    for (key, date) in [
        ("valid_until", &facts.valid_until),
        ("next_review", &facts.next_review),
    ] {
        if let Some(d) = date.as_ref().filter(|d| d.value < last.value) {
            diags.push(at(
                Diagnostic::error(
                    Code::InvalidDate,
                    format!(
                        "`{key}` ({}) is before `last_reviewed` ({})",
                        d.value, last.value
                    ),
                )
                .hint(format!("`{key}` must be on or after the review date")),
                doc,
                d.pos,
            ));
        }
    }
    let future = facts
        .sources
        .iter()
        .filter_map(|s| s.checked.as_ref())
        .map(|d| (d, "source checked on"))
        .chain(
            doc.text
                .changes
                .iter()
                .map(|c| (&c.date, "change note dated")),
        );
    for (date, what) in future.filter(|(d, _)| d.value > today) {
        diags.push(at(
            Diagnostic::error(
                Code::InvalidDate,
                format!("{what} {}, which is in the future", date.value),
            )
            .hint("write the day it actually happened"),
            doc,
            date.pos,
        ));
    }
    if let Some(noted) = facts.noted_hash.as_ref().filter(|h| h.value != doc.hash) {
        let file = doc.path.display();
        diags.push(at(
            Diagnostic::warning(
                Code::UnnotedChange,
                "the text changed after its newest change note or minor edit was recorded",
            )
            .hint(format!(
                "tell readers what changed: `factsheet note {file} \"What changed\"`; or, for an edit readers need not hear about (a typo), `factsheet note --minor {file}`"
            )),
            doc,
            noted.pos,
        ));
    }
    facts::check_undated(doc, diags);
    let alarmed = facts::check_facts(site, doc, today, diags);
    let due_pos = facts.next_review.as_ref().map_or(last.pos, |n| n.pos);
    let recheck = "check the facts against the sources, update the sheet and set `last_reviewed` to the day you checked";
    // A due date that a key fact's expiry brought forward is reported at
    // the fact, once.
    if alarmed.contains(&review.due) && review.status != Freshness::Expired {
        return;
    }
    let d = match review.status {
        Freshness::Overdue => Diagnostic::error(
            Code::Overdue,
            format!("review overdue: it was due on {}", review.due),
        )
        .hint(recheck),
        Freshness::DueSoon => {
            Diagnostic::warning(Code::DueSoon, format!("review due soon: on {}", review.due))
                .hint(recheck)
        }
        Freshness::Expired => {
            let until = facts.valid_until.as_ref().map_or(last, |v| v);
            diags.push(at(
                Diagnostic::error(Code::Expired, format!("expired: valid only until {}", until.value))
                    .hint("replace the facts with the current rules and move `valid_until` on, or remove the sheet"),
                doc,
                until.pos,
            ));
            return;
        }
        Freshness::Fresh | Freshness::InvalidDate => return,
    };
    diags.push(at(d, doc, due_pos));
}

fn check_translations(
    site: &Site,
    code: &str,
    route: &str,
    files: &Files,
    diags: &mut Diagnostics,
) {
    let c = &site.config;
    let hash = files.source.as_ref().map(|s| s.hash.clone());
    for (lang, doc) in &files.translations {
        let Role::Translation(t) = &doc.role else {
            continue;
        };
        if t.from.value != c.source_language {
            diags.push(at(
                Diagnostic::error(
                    Code::BadFrom,
                    format!(
                        "`from: {}`, but the source language is `{}`",
                        t.from.value, c.source_language
                    ),
                )
                .hint(format!("write `from: {}`", c.source_language)),
                doc,
                t.from.pos,
            ));
        }
        let Some(source) = &files.source else {
            if files.source_path.is_none() {
                let new = if route == "_country" {
                    String::new()
                } else {
                    format!(" (`factsheet new {code} {route}`)")
                };
                diags.push(
                    Diagnostic::error(
                        Code::OrphanTranslation,
                        format!(
                            "no source sheet: content/{code}/{route}.{}.md does not exist",
                            c.source_language
                        ),
                    )
                    .file(&doc.path)
                    .at(1, 1)
                    .hint(format!(
                        "write the source first{new}, or remove or rename this translation"
                    )),
                );
            }
            continue;
        };
        for c in &doc.text.changes {
            if !source
                .text
                .changes
                .iter()
                .any(|s| s.date.value == c.date.value)
            {
                let dates: Vec<String> = source
                    .text
                    .changes
                    .iter()
                    .map(|s| s.date.value.to_string())
                    .collect();
                diags.push(at(
                    Diagnostic::error(
                        Code::UnknownChange,
                        format!("the source has no change note dated {}", c.date.value),
                    )
                    .hint(if dates.is_empty() {
                        format!(
                            "{} has no change notes: remove this one",
                            source.path.display()
                        )
                    } else {
                        format!(
                            "translate the notes of {} by their dates: {}",
                            source.path.display(),
                            dates.join(", ")
                        )
                    }),
                    doc,
                    c.date.pos,
                ));
            }
        }
        for (i, k) in doc.text.key_facts.iter().enumerate() {
            let count = |facts: &[crate::content::sheet::KeyFact]| {
                facts
                    .iter()
                    .filter(|s| s.label.value == k.label.value)
                    .count()
            };
            let in_source = count(&source.text.key_facts);
            if in_source > 0 && count(&doc.text.key_facts[..=i]) > in_source {
                // A warning: the extra value is not shown, and an editor
                // who removes last year's fact must not stop the build.
                diags.push(at(
                    Diagnostic::warning(
                        Code::UnknownLabel,
                        format!(
                            "the source has {in_source} key fact `{}`, and this is one more (not shown)",
                            k.label.value
                        ),
                    )
                    .hint(format!(
                        "translate each key fact of {} once, in its order",
                        source.path.display()
                    )),
                    doc,
                    k.label.pos,
                ));
            }
            if in_source == 0 {
                let known = source.text.key_facts.iter().map(|s| s.label.value.as_str());
                let hint = did_you_mean(&k.label.value, known).unwrap_or_else(|| {
                    format!("translate only the key facts of {}", source.path.display())
                });
                diags.push(at(
                    Diagnostic::error(
                        Code::UnknownLabel,
                        format!("the source has no key fact `{}`", k.label.value),
                    )
                    .hint(hint),
                    doc,
                    k.label.pos,
                ));
            }
        }
        let stamp = format!("run `factsheet stamp {}`", doc.path.display());
        match (&t.source_hash, &hash) {
            (None, _) => diags.push(at(
                Diagnostic::error(Code::Unstamped, "the translation has no `source_hash`")
                    .hint(format!("when the translation matches the source, {stamp}")),
                doc,
                t.from.pos,
            )),
            (Some(h), Some(hash)) if h.value != *hash => diags.push(at(
                Diagnostic::error(
                    Code::Outdated,
                    format!(
                        "translation ({lang}) is outdated: {} has changed since it was translated",
                        source.path.display()
                    ),
                )
                .hint(format!(
                    "bring the translation in line with the source, then {stamp}"
                )),
                doc,
                h.pos,
            )),
            _ => {}
        }
    }
}
