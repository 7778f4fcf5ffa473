//! Atom feeds: per language (`<lang>/feed.xml`) and per destination
//! (`<lang>/<destination>/feed.xml`). Each change note and each review is
//! an entry, newest first, so a counsellor who follows a destination
//! learns of a change the day it is published.

use fluent_bundle::FluentValue;
use jiff::civil::Date;
use serde::Serialize;

use super::Model;
use super::route::{Feed, Page};
use super::view::Words;

/// The newest entries a feed keeps: readers poll for what is new, and a
/// feed of a large site must not grow with it.
const MAX_ENTRIES: usize = 100;

/// One entry found: a change note, or a review when `note` is None.
struct Found<'m> {
    sheet: usize,
    date: Date,
    note: Option<&'m str>,
}

/// What `feed.xml` receives.
#[derive(Serialize)]
pub struct FeedData {
    pub lang: String,
    pub title: String,
    /// The feed's own address, also its id.
    pub id: String,
    /// The page the feed is about: its destination, or the changes page.
    pub home: String,
    /// RFC 3339: the newest entry's day.
    pub updated: String,
    pub author: String,
    pub entries: Vec<FeedEntry>,
}

/// One entry of `feed.xml`.
#[derive(Serialize)]
pub struct FeedEntry {
    pub title: String,
    /// Stable (`<sheet address>#change-DATE`, `#review-DATE`): a feed
    /// reader shows each entry once.
    pub id: String,
    pub href: String,
    pub updated: String,
    pub summary: String,
}

pub fn data(model: &Model, feed: Feed) -> FeedData {
    let (lang, dest) = match feed {
        Feed::Site { lang } => (lang, None),
        Feed::Destination { lang, dest } => (lang, Some(dest)),
    };
    let words = Words::new(model.site, lang);
    let mut found = Vec::new();
    for (i, s) in model.sheets.iter().enumerate() {
        if dest.is_some_and(|d| d != s.destination) {
            continue;
        }
        let Some(text) = model.text(i, lang) else {
            continue;
        };
        found.extend(text.changes.iter().map(|c| Found {
            sheet: i,
            date: c.date.value,
            note: Some(&c.note),
        }));
        found.push(Found {
            sheet: i,
            date: s.inherited.last_reviewed.value,
            note: None,
        });
    }
    // Newest first; on one day, notes before reviews, then sheet order.
    found.sort_by_key(|e| (std::cmp::Reverse(e.date), e.note.is_none(), e.sheet));
    found.truncate(MAX_ENTRIES);

    let title = match dest {
        Some(d) => words.t_args(
            "destination-feed",
            &[(
                "country",
                FluentValue::from(words.t(&format!("country-{d}"))),
            )],
        ),
        None => words.t("site-title"),
    };
    let home = match dest {
        Some(dest) => Page::Destination { lang, dest },
        None => Page::Changes { lang },
    };
    let stamp = |d: Date| format!("{d}T00:00:00Z");
    let updated = found.first().map_or(model.today, |e| e.date);
    let entries = found
        .iter()
        .filter_map(|e| {
            let text = model.text(e.sheet, lang)?;
            let page = model.absolute_url(Page::Sheet {
                lang,
                sheet: e.sheet,
            });
            let title = FluentValue::from(text.title.clone());
            let (kind, title, summary) = match e.note {
                Some(note) => (
                    "change",
                    words.t_args("feed-updated", &[("title", title)]),
                    note.to_string(),
                ),
                None => (
                    "review",
                    words.t_args("feed-reviewed", &[("title", title)]),
                    words.t_args(
                        "feed-reviewed-text",
                        &[("date", FluentValue::from(words.date(e.date)))],
                    ),
                ),
            };
            Some(FeedEntry {
                title,
                id: format!("{page}#{kind}-{}", e.date),
                href: page,
                updated: stamp(e.date),
                summary,
            })
        })
        .collect();
    FeedData {
        lang: lang.to_string(),
        title,
        id: model.absolute_url(feed),
        home: model.absolute_url(home),
        updated: stamp(updated),
        author: words.t("site-title"),
        entries,
    }
}
