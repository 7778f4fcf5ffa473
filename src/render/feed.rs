//! Atom feeds: per language (`<lang>/feed.xml`) and per destination
//! (`<lang>/<destination>/feed.xml`). Each change note and each review is
//! an entry, newest first, so a counsellor who follows a destination
//! learns of a change the day it is published.

use fluent_bundle::FluentValue;
use jiff::civil::Date;

use super::view::Words;
use super::{File, Model, Route, escape_xml};

/// The newest entries a feed keeps: readers poll for what is new, and a
/// feed of a large site must not grow with it.
const MAX_ENTRIES: usize = 100;

/// One entry: a change note, or a review when `note` is None.
struct Entry<'m> {
    sheet: usize,
    date: Date,
    note: Option<&'m str>,
}

pub fn render(model: &Model, route: Route) -> Option<File> {
    let (lang, dest) = match route {
        Route::Feed { lang } => (lang, None),
        Route::DestinationFeed { lang, dest } => (lang, Some(dest)),
        _ => return None,
    };
    let words = Words::new(model.site, lang);
    let mut entries = Vec::new();
    for (i, s) in model.sheets.iter().enumerate() {
        if dest.is_some_and(|d| d != s.destination) {
            continue;
        }
        let Some(text) = model.text(i, lang) else {
            continue;
        };
        entries.extend(text.changes.iter().map(|c| Entry {
            sheet: i,
            date: c.date.value,
            note: Some(&c.note),
        }));
        entries.push(Entry {
            sheet: i,
            date: s.facts.last_reviewed.value,
            note: None,
        });
    }
    // Newest first; on one day, notes before reviews, then sheet order.
    entries.sort_by_key(|e| (std::cmp::Reverse(e.date), e.note.is_none(), e.sheet));
    entries.truncate(MAX_ENTRIES);

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
    let author = words.t("site-title");
    let home = match dest {
        Some(dest) => Route::Destination { lang, dest },
        None => Route::Changes { lang },
    };
    let feed_url = model.absolute(&model.url(route));
    let home = model.absolute(&model.url(home));
    let stamp = |d: Date| format!("{d}T00:00:00Z");
    let updated = entries.first().map_or(model.today, |e| e.date);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape_xml(lang)
    ));
    x.push_str(&format!("  <title>{}</title>\n", escape_xml(&title)));
    x.push_str(&format!("  <id>{}</id>\n", escape_xml(&feed_url)));
    x.push_str(&format!(
        "  <link rel=\"self\" href=\"{}\"/>\n",
        escape_xml(&feed_url)
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" href=\"{}\"/>\n",
        escape_xml(&home)
    ));
    x.push_str(&format!("  <updated>{}</updated>\n", stamp(updated)));
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape_xml(&author)
    ));
    for e in &entries {
        let Some(text) = model.text(e.sheet, lang) else {
            continue;
        };
        let page = model.absolute(&model.url(Route::Sheet {
            lang,
            sheet: e.sheet,
        }));
        let title = FluentValue::from(text.title.clone());
        let (kind, entry_title, summary) = match e.note {
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
        // Stable ids: a reader's feed client shows each entry once.
        let id = format!("{page}#{kind}-{}", e.date);
        x.push_str("  <entry>\n");
        x.push_str(&format!(
            "    <title>{}</title>\n",
            escape_xml(&entry_title)
        ));
        x.push_str(&format!("    <id>{}</id>\n", escape_xml(&id)));
        x.push_str(&format!(
            "    <link rel=\"alternate\" href=\"{}\"/>\n",
            escape_xml(&page)
        ));
        x.push_str(&format!("    <updated>{}</updated>\n", stamp(e.date)));
        x.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape_xml(&summary)
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    Some(File {
        path: model.file_path(route),
        bytes: x.into_bytes(),
    })
}
