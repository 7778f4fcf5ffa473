//! What a sheet page says, in the reader's language: shared by the HTML
//! and PDF renderers so that screen and paper tell the same truth.

use fluent_bundle::FluentValue;
use jiff::civil::Date;
use serde::Serialize;

use super::Model;
use crate::content::Site;
use crate::content::sheet::{Change, Contact, Inherited, SourceRef, Text};
use crate::content::state::{PageState, Shown};
use crate::freshness::{Currency, FactState, Freshness, Review};
use crate::lang::Direction;

/// UI strings and dates in one language.
pub struct Words<'s> {
    pub site: &'s Site,
    pub lang: &'s str,
}

impl<'s> Words<'s> {
    pub fn new(site: &'s Site, lang: &'s str) -> Self {
        Words { site, lang }
    }

    pub fn t(&self, id: &str) -> String {
        self.site
            .l10n
            .format(&self.site.config, self.lang, id, None)
            .unwrap_or_else(|| id.to_string())
    }

    pub fn t_args(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let a = crate::l10n::args(args);
        self.site
            .l10n
            .format(&self.site.config, self.lang, id, Some(&a))
            .unwrap_or_else(|| id.to_string())
    }

    pub fn date(&self, d: Date) -> String {
        self.site.l10n.format_date(self.lang, d)
    }

    /// A language's own name ("Shqip"), as it appears in sentences.
    pub fn name_of(&self, tag: &str) -> String {
        self.site
            .config
            .language(tag)
            .map_or(tag.to_string(), |l| l.name.clone())
    }
}

/// The language of the text a page shows.
pub fn text_lang(page: &PageState, lang: &str) -> String {
    match &page.shown {
        Shown::Fallback { lang } => lang.clone(),
        _ => lang.to_string(),
    }
}

/// A sheet's page as the templates read it (field names are their keys):
/// everything but the body, which each renderer lays out its own way.
#[derive(Serialize)]
pub struct SheetView {
    /// The language of the text shown, which may be a fallback's.
    #[serde(rename = "lang")]
    pub text_lang: String,
    pub dir: Option<Direction>,
    pub title: String,
    pub summary: String,
    pub country: String,
    pub route_name: String,
    pub key_facts: Vec<KeyFactView>,
    pub sources: Vec<SourceView>,
    pub contacts: Vec<ContactView>,
    pub warnings: Vec<String>,
    pub notice: Option<String>,
    pub status: &'static str,
    pub last_reviewed: String,
    pub next_review: String,
    /// "Checked against official sources on {date}".
    pub checked: String,
    /// The newest change note, newest first, all of them.
    pub updated: Option<ChangeView>,
    pub changes: Vec<ChangeView>,
    /// The printout's version: the date it describes and a short id.
    pub version: String,
    /// "Printout of {date}, version {id}".
    pub printout: String,
}

#[derive(Serialize)]
pub struct KeyFactView {
    pub label: String,
    pub value: String,
    /// "From {date}" for a fact announced before it holds.
    pub from: Option<String>,
    /// The mark of a fact past its last day.
    pub expired: Option<String>,
}

/// A change note as a reader sees it.
#[derive(Serialize, Clone)]
pub struct ChangeView {
    /// YYYY-MM-DD, for `<time datetime>` and scripts.
    pub iso: String,
    pub date: String,
    pub note: String,
    /// "Updated {date}: {note}", and the words before and after the note
    /// (for markup that gives the note its own language).
    pub line: String,
    pub before: String,
    pub after: String,
    /// The note's language: the text's, or the source's for a note not yet
    /// translated, which `in_language` then says ("(in English)").
    pub lang: String,
    pub in_language: Option<String>,
}

#[derive(Serialize)]
pub struct SourceView {
    pub title: String,
    pub url: String,
    pub checked: Option<String>,
}

#[derive(Serialize)]
pub struct ContactView {
    pub name: String,
    pub url: Option<String>,
    pub phone: Option<String>,
    /// The phone number as a `tel:` link wants it: digits and `+`.
    pub phone_uri: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
}

/// A sheet's page in `words.lang`, and the text whose body each renderer
/// lays out its own way.
pub fn sheet<'a>(model: &'a Model, words: &Words, i: usize) -> Option<(SheetView, &'a Text)> {
    let site = model.site;
    let lang = words.lang;
    let s = model.sheets.get(i)?;
    let page = s.page(lang)?;
    let text = model.text(i, lang)?;
    let text_lang = text_lang(page, lang);

    let warnings = warnings(model, words, i, &text_lang);
    let notice = matches!(page.shown, Shown::Fallback { .. }).then(|| {
        words.t_args(
            "fallback-notice",
            &[
                ("requested", FluentValue::from(words.name_of(lang))),
                ("shown", FluentValue::from(words.name_of(&text_lang))),
            ],
        )
    });
    // The merged text keeps the source's facts in order: states line up.
    let key_facts = text
        .key_facts
        .iter()
        .zip(&s.fact_states)
        .filter_map(|(k, state)| {
            let date = |d: &Option<crate::yaml::reader::Spanned<Date>>| {
                FluentValue::from(words.date(d.as_ref().map_or(model.today, |d| d.value)))
            };
            let (from, expired) = match state {
                FactState::Hidden => return None,
                FactState::Current => (None, None),
                FactState::Announced => (
                    Some(words.t_args("fact-from", &[("date", date(&k.valid_from))])),
                    None,
                ),
                // "No longer valid since" the day after its last.
                FactState::Expired => {
                    let last = k.valid_until.as_ref().map_or(model.today, |d| d.value);
                    let since = last.tomorrow().unwrap_or(last);
                    (
                        None,
                        Some(words.t_args(
                            "fact-expired-mark",
                            &[("date", FluentValue::from(words.date(since)))],
                        )),
                    )
                }
            };
            Some(KeyFactView {
                label: words.t(&format!("fact-{}", k.label.value)),
                value: k.value.clone(),
                from,
                expired,
            })
        })
        .collect();
    let changes: Vec<ChangeView> = text
        .changes
        .iter()
        .map(|c| change(words, c, &text_lang))
        .collect();
    let version = model.version(i, lang);
    let sources = s
        .inherited
        .sources
        .iter()
        .map(|src| source(words, src))
        .collect();
    let dir = site.config.language(&text_lang).map(|l| l.dir);
    let view = SheetView {
        text_lang,
        dir,
        title: text.title.clone(),
        summary: text.summary.clone(),
        country: words.t(&format!("country-{}", s.destination)),
        route_name: words.t(&format!("route-{}", s.route)),
        key_facts,
        sources,
        contacts: s.inherited.contacts.iter().map(contact).collect(),
        warnings,
        notice,
        status: s.review.status.as_str(),
        last_reviewed: words.t_args(
            "last-reviewed",
            &[(
                "date",
                FluentValue::from(words.date(s.inherited.last_reviewed.value)),
            )],
        ),
        next_review: words.t_args(
            "next-review",
            &[("date", FluentValue::from(words.date(s.review.due)))],
        ),
        checked: checked(words, s.inherited.last_reviewed.value),
        updated: changes.first().cloned(),
        changes,
        printout: words.t_args(
            "printout-version",
            &[
                ("date", FluentValue::from(words.date(version.as_of))),
                ("id", FluentValue::from(version.id.clone())),
            ],
        ),
        version: version.to_string(),
    };
    Some((view, text))
}

/// An official source, with the day it was checked.
pub fn source(words: &Words, src: &SourceRef) -> SourceView {
    let checked = src.checked.as_ref().map(|c| {
        words.t_args(
            "source-checked",
            &[("date", FluentValue::from(words.date(c.value)))],
        )
    });
    SourceView {
        title: src.title.clone(),
        url: src.url.clone(),
        checked,
    }
}

/// "Checked against official sources on {date}".
pub fn checked(words: &Words, day: Date) -> String {
    words.t_args(
        "checked-on",
        &[("date", FluentValue::from(words.date(day)))],
    )
}

/// A change note in `words.lang`, of a text in `text_lang`.
pub fn change(words: &Words, c: &Change, text_lang: &str) -> ChangeView {
    let date = words.date(c.date.value);
    let line = |note: &str| {
        words.t_args(
            "updated-on",
            &[
                ("date", FluentValue::from(date.clone())),
                ("note", FluentValue::from(note.to_string())),
            ],
        )
    };
    // The message with a marker for the note, cut around it.
    let marked = line("\u{1}");
    let (before, after) = marked.split_once('\u{1}').unwrap_or((&marked, ""));
    ChangeView {
        iso: c.date.value.to_string(),
        line: line(&c.note),
        before: before.to_string(),
        after: after.to_string(),
        date,
        note: c.note.clone(),
        in_language: c.lang.as_ref().map(|l| {
            words.t_args(
                "note-in-language",
                &[("language", FluentValue::from(words.name_of(l)))],
            )
        }),
        lang: c.lang.clone().unwrap_or_else(|| text_lang.to_string()),
    }
}

/// The warnings a sheet's page shows in `words`' language, whose text is
/// in `text_lang`: overdue or expired, and outdated when the sections
/// cannot show what changed.
pub fn warnings(model: &Model, words: &Words, i: usize, text_lang: &str) -> Vec<String> {
    let site = model.site;
    let lang = words.lang;
    let Some(s) = model.sheets.get(i) else {
        return Vec::new();
    };
    let mut warnings = review_warnings(words, s.review, s.inherited, model.today);
    let shown_currency = s
        .pages
        .iter()
        .find(|p| p.lang == text_lang)
        .and_then(|p| p.translation);
    // With the version it was made from (git history), only the changed
    // sections are marked; without it, the whole page is.
    // (A change the sections cannot show keeps the notice on the page.)
    let sections_only = model
        .stale(i, lang)
        .is_some_and(|s| !s.front_matter && !s.sections.is_empty());
    if shown_currency == Some(Currency::Outdated) && !sections_only {
        let source = words.name_of(&site.config.source_language);
        warnings.push(words.t_args(
            "warning-outdated",
            &[("language", FluentValue::from(source))],
        ));
    }
    warnings
}

/// The warnings a page and its handout print for a review state: overdue
/// or expired (a sheet's or an overview's).
pub fn review_warnings(
    words: &Words,
    review: Review,
    facts: &Inherited,
    today: Date,
) -> Vec<String> {
    let mut warnings = Vec::new();
    match review.status {
        Freshness::Overdue => {
            let days = (today - review.due).get_days();
            warnings.push(format!(
                "{} {}",
                words.t_args(
                    "warning-overdue",
                    &[("date", FluentValue::from(words.date(review.due)))]
                ),
                words.t_args("warning-overdue-days", &[("days", FluentValue::from(days))])
            ));
        }
        Freshness::Expired => {
            let until = facts.valid_until.as_ref().map_or(review.due, |v| v.value);
            warnings.push(words.t_args(
                "warning-expired",
                &[("date", FluentValue::from(words.date(until)))],
            ));
        }
        _ => {}
    }
    warnings
}

fn contact(c: &Contact) -> ContactView {
    ContactView {
        name: c.name.clone(),
        url: c.url.clone(),
        phone: c.phone.clone(),
        phone_uri: c.phone.as_deref().map(phone_uri),
        email: c.email.clone(),
        address: c.address.clone(),
    }
}

/// A telephone number as a `tel:` link wants it: digits and `+`.
pub fn phone_uri(phone: &str) -> String {
    phone
        .chars()
        .filter(|ch| ch.is_ascii_digit() || *ch == '+')
        .collect()
}
