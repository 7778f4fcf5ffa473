//! Where to get free, personal advice: the Migrant Service Centres of
//! `centres.yaml` as a reader sees them, in their language (day names and
//! times from CLDR). Shared by the centres page, every handout and packs.

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::view::Words;
use crate::content::centres::{Centre, Hours};

#[derive(Debug, Clone, Serialize)]
pub struct CentreView {
    pub id: String,
    pub name: String,
    pub town: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    /// Digits and `+`, for a `tel:` link.
    pub phone_uri: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    /// "Monday–Friday: 8:00 AM–4:00 PM", one line per group of days.
    pub hours: Vec<String>,
    /// The languages spoken there, by their own names where the site knows
    /// them.
    pub languages: String,
}

/// Every centre, in the order of `centres.yaml`.
pub fn centres(words: &Words) -> Vec<CentreView> {
    words
        .site
        .centres
        .iter()
        .map(|c| centre(words, c))
        .collect()
}

pub fn centre(words: &Words, c: &Centre) -> CentreView {
    CentreView {
        id: c.id.clone(),
        name: c.name.clone(),
        town: c.town.clone(),
        address: c.address.clone(),
        phone: c.phone.clone(),
        phone_uri: c.phone.as_deref().map(super::view::phone_uri),
        email: c.email.clone(),
        url: c.url.clone(),
        hours: c.hours.iter().map(|h| hours(words, h)).collect(),
        languages: c
            .languages
            .iter()
            .map(|l| {
                words
                    .site
                    .config
                    .language(l)
                    .map_or_else(|| l.clone(), |x| x.name.clone())
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// One group of opening hours: runs of days as ranges ("Monday–Friday"),
/// single days listed, then the times.
fn hours(words: &Words, h: &Hours) -> String {
    let clock = words.site.l10n.clock(words.lang);
    let day = |d: u8| {
        clock.map_or_else(
            || crate::content::centres::DAYS[usize::from(d % 7)].to_string(),
            |c| c.weekday(d),
        )
    };
    let time =
        |(hh, mm): (u8, u8)| clock.map_or_else(|| format!("{hh:02}:{mm:02}"), |c| c.time(hh, mm));
    let mut runs: Vec<(u8, u8)> = Vec::new();
    for &d in &h.days {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == d => *end = d,
            _ => runs.push((d, d)),
        }
    }
    let days = runs
        .iter()
        .map(|&(a, b)| match b - a {
            0 => day(a),
            1 => format!("{}, {}", day(a), day(b)),
            _ => format!("{}–{}", day(a), day(b)),
        })
        .collect::<Vec<_>>()
        .join(", ");
    words.t_args(
        "centre-hours",
        &[
            ("days", FluentValue::from(days)),
            ("opens", FluentValue::from(time(h.opens))),
            ("closes", FluentValue::from(time(h.closes))),
        ],
    )
}
