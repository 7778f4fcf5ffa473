//! Is the advice still fresh, and is each translation current?
//!
//! Pure functions of a sheet and a date, so that every command and
//! renderer shows the same truth for the same `--today`.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::content::sheet::{Facts, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Freshness {
    Fresh,
    DueSoon,
    Overdue,
    Expired,
    InvalidDate,
}

impl Freshness {
    pub fn as_str(self) -> &'static str {
        match self {
            Freshness::Fresh => "fresh",
            Freshness::DueSoon => "due-soon",
            Freshness::Overdue => "overdue",
            Freshness::Expired => "expired",
            Freshness::InvalidDate => "invalid-date",
        }
    }

    /// Published with a warning; fails `check` and `build --strict`.
    pub fn is_stale(self) -> bool {
        matches!(
            self,
            Freshness::Overdue | Freshness::Expired | Freshness::InvalidDate
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Currency {
    Current,
    Outdated,
    Missing,
}

impl Currency {
    pub fn as_str(self) -> &'static str {
        match self {
            Currency::Current => "current",
            Currency::Outdated => "outdated",
            Currency::Missing => "missing",
        }
    }
}

/// A sheet's review state on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Review {
    pub status: Freshness,
    /// `next_review`, or `last_reviewed` + the review interval.
    pub due: Date,
}

/// The due date of a sheet's next review.
pub fn due_date(facts: &Facts, interval_days: u32) -> Date {
    facts
        .next_review
        .as_ref()
        .map(|d| d.value)
        .unwrap_or_else(|| {
            facts
                .last_reviewed
                .value
                .checked_add(i64::from(interval_days).days())
                .unwrap_or(Date::MAX)
        })
}

/// The state of `facts` on `today`. Boundaries: on the due date a sheet is
/// due soon, the day after it is overdue; on `valid_until` it is still
/// valid, the day after it has expired.
pub fn review(facts: &Facts, today: Date, interval_days: u32, warning_days: u32) -> Review {
    let due = due_date(facts, interval_days);
    let last = facts.last_reviewed.value;
    let status = if last > today || facts.valid_until.as_ref().is_some_and(|v| v.value < last) {
        Freshness::InvalidDate
    } else if facts.valid_until.as_ref().is_some_and(|v| today > v.value) {
        Freshness::Expired
    } else if today > due {
        Freshness::Overdue
    } else if today
        >= due
            .checked_sub(i64::from(warning_days).days())
            .unwrap_or(Date::MIN)
    {
        Freshness::DueSoon
    } else {
        Freshness::Fresh
    };
    Review { status, due }
}

/// The first 16 hex digits of SHA-256 over the translatable text: title,
/// summary, key facts (label and value) and body, each line ending
/// normalised to LF, the text to Unicode NFC (an editor that saves `ë` as
/// `e` + combining diaeresis has changed no word) and the body's
/// surrounding whitespace trimmed. Dates,
/// sources and contacts are not part of it, so re-reviewing a sheet does
/// not outdate its translations.
pub fn source_hash(text: &Text) -> String {
    let nfc = icu::normalizer::ComposingNormalizerBorrowed::new_nfc();
    let mut h = Sha256::new();
    let mut field = |name: &str, value: &str| {
        h.update(name.as_bytes());
        h.update(b"\0");
        h.update(nfc.normalize(&value.replace("\r\n", "\n")).as_bytes());
        h.update(b"\0");
    };
    field("title", &text.title);
    field("summary", &text.summary);
    for k in &text.key_facts {
        field("key_fact", &k.label.value);
        field("value", &k.value);
    }
    field("body", text.body.trim());
    let digest = h.finalize();
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::sheet::KeyFact;
    use crate::schema::Spanned;
    use crate::yaml::Pos;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn facts(last: &str, next: Option<&str>, until: Option<&str>) -> Facts {
        let sp = |s: &str| Spanned::new(d(s), Pos::default());
        Facts {
            last_reviewed: sp(last),
            next_review: next.map(sp),
            valid_until: until.map(sp),
            sources: vec![],
            contacts: vec![],
        }
    }

    #[test]
    fn boundaries_of_the_due_date() {
        // Due 180 days after 2026-01-01: 2026-06-30; warning from 2026-05-31.
        let f = facts("2026-01-01", None, None);
        let at = |t: &str| review(&f, d(t), 180, 30).status;
        assert_eq!(review(&f, d("2026-01-01"), 180, 30).due, d("2026-06-30"));
        assert_eq!(at("2026-05-30"), Freshness::Fresh);
        assert_eq!(at("2026-05-31"), Freshness::DueSoon);
        assert_eq!(at("2026-06-29"), Freshness::DueSoon);
        assert_eq!(at("2026-06-30"), Freshness::DueSoon);
        assert_eq!(at("2026-07-01"), Freshness::Overdue);
    }

    #[test]
    fn explicit_next_review_and_expiry() {
        let f = facts("2026-01-01", Some("2026-03-01"), Some("2026-12-31"));
        let at = |t: &str| review(&f, d(t), 180, 0).status;
        assert_eq!(at("2026-02-28"), Freshness::Fresh);
        assert_eq!(at("2026-03-01"), Freshness::DueSoon);
        assert_eq!(at("2026-03-02"), Freshness::Overdue);
        assert_eq!(at("2026-12-31"), Freshness::Overdue);
        assert_eq!(at("2027-01-01"), Freshness::Expired);
    }

    #[test]
    fn impossible_dates() {
        let f = facts("2026-12-01", None, None);
        assert_eq!(
            review(&f, d("2026-11-30"), 180, 30).status,
            Freshness::InvalidDate
        );
        assert_eq!(
            review(&f, d("2026-12-01"), 180, 30).status,
            Freshness::Fresh
        );
        let f = facts("2026-05-01", None, Some("2026-04-30"));
        assert_eq!(
            review(&f, d("2026-05-02"), 180, 30).status,
            Freshness::InvalidDate
        );
    }

    fn text(body: &str) -> Text {
        Text {
            title: "Work".into(),
            summary: "How.".into(),
            key_facts: vec![KeyFact {
                label: Spanned::new("fee".into(), Pos::default()),
                value: "€75".into(),
            }],
            body: body.into(),
        }
    }

    #[test]
    fn hash_ignores_line_endings_and_surrounding_blank_lines() {
        let h = source_hash(&text("# A\n\nText.\n"));
        assert_eq!(h.len(), 16);
        assert_eq!(h, source_hash(&text("\n# A\r\n\r\nText.\r\n\n")));
        assert_ne!(h, source_hash(&text("# A\n\nText!\n")));
        let mut other = text("# A\n\nText.\n");
        other.key_facts[0].value = "€80".into();
        assert_ne!(h, source_hash(&other));
    }

    #[test]
    fn hash_is_the_same_for_nfc_and_nfd() {
        let nfc = source_hash(&text("Shqip\u{eb}ri.\n"));
        assert_eq!(nfc, source_hash(&text("Shqipe\u{308}ri.\n")));
        assert_ne!(nfc, source_hash(&text("Shqiperi.\n")));
        // Text already in NFC (nearly all of it) hashes as it always did.
        let mut h = Sha256::new();
        for (name, value) in [
            ("title", "Work"),
            ("summary", "How."),
            ("key_fact", "fee"),
            ("value", "€75"),
            ("body", "Shqip\u{eb}ri."),
        ] {
            h.update(format!("{name}\0{value}\0").as_bytes());
        }
        let old: String = h
            .finalize()
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(nfc, old);
    }
}
