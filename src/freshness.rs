//! Is the advice still fresh, and is each translation current?
//!
//! Pure functions of a sheet's dates and a day, so that every command and
//! renderer shows the same truth for the same `--today`.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::Serialize;

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

/// The dates a sheet's freshness depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dates {
    pub last_reviewed: Date,
    pub next_review: Option<Date>,
    pub valid_until: Option<Date>,
}

/// The due date of a sheet's next review.
pub fn due_date(dates: &Dates, interval_days: u32) -> Date {
    dates.next_review.unwrap_or_else(|| {
        dates
            .last_reviewed
            .checked_add(i64::from(interval_days).days())
            .unwrap_or(Date::MAX)
    })
}

/// The state of `facts` on `today`. Boundaries: on the due date a sheet is
/// due soon, the day after it is overdue; on `valid_until` it is still
/// valid, the day after it has expired.
pub fn review(dates: &Dates, today: Date, interval_days: u32, warning_days: u32) -> Review {
    let due = due_date(dates, interval_days);
    let last = dates.last_reviewed;
    let status = if last > today || dates.valid_until.is_some_and(|v| v < last) {
        Freshness::InvalidDate
    } else if dates.valid_until.is_some_and(|v| today > v) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn facts(last: &str, next: Option<&str>, until: Option<&str>) -> Dates {
        Dates {
            last_reviewed: d(last),
            next_review: next.map(d),
            valid_until: until.map(d),
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
}
