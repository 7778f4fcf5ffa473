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
    /// `first_fact_expiry` of its key facts: the sheet is due for review
    /// by then at the latest.
    pub fact_expiry: Option<Date>,
}

/// A key fact on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactState {
    /// Holds today.
    Current,
    /// Starts within `warning_days`: announced ("From 1 January 2027"),
    /// not shown as current.
    Announced,
    /// Past its `valid_until`, with nothing to take over: shown marked.
    Expired,
    /// Not shown: it starts later than the warning, or a fact with the
    /// same label has taken over from it.
    Hidden,
}

impl FactState {
    /// A stable name (printout versions hash it).
    pub fn as_str(self) -> &'static str {
        match self {
            FactState::Current => "current",
            FactState::Announced => "announced",
            FactState::Expired => "expired",
            FactState::Hidden => "hidden",
        }
    }
}

/// The days a key fact holds, by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactDates<'a> {
    pub label: &'a str,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
}

impl FactDates<'_> {
    /// The fact of the same label that follows this one without a gap:
    /// it starts after this one did, at the latest the day after this one
    /// ends.
    fn successor<'f>(&self, all: &'f [FactDates<'f>]) -> Option<&'f FactDates<'f>> {
        let until = self.valid_until?;
        let next = until.tomorrow().unwrap_or(Date::MAX);
        all.iter().find(|o| {
            o.label == self.label
                && o.valid_from.is_some_and(|f| f <= next)
                && o.valid_from > self.valid_from
        })
    }
}

/// Each fact's state on `today` (in the order given). A fact hands over
/// to a later one of its label on the day that one starts.
pub fn fact_states(facts: &[FactDates], today: Date, warning_days: u32) -> Vec<FactState> {
    facts
        .iter()
        .map(|f| {
            if let Some(from) = f.valid_from.filter(|&from| from > today) {
                let announce = from
                    .checked_sub(i64::from(warning_days).days())
                    .unwrap_or(Date::MIN);
                return if today >= announce {
                    FactState::Announced
                } else {
                    FactState::Hidden
                };
            }
            let taken_over = facts.iter().any(|o| {
                o.label == f.label
                    && o.valid_from.is_some_and(|from| from <= today)
                    && o.valid_from > f.valid_from
            });
            if taken_over {
                FactState::Hidden
            } else if f.valid_until.is_some_and(|u| u < today) {
                FactState::Expired
            } else {
                FactState::Current
            }
        })
        .collect()
}

/// What `check` says of a fact on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactAlarm {
    /// Past its last day, with nothing to take over.
    Expired,
    /// Its last day is within `warning_days`, with nothing to take over.
    Expiring,
}

/// Each fact's alarm on `today`, if any (in the order given).
pub fn fact_alarms(facts: &[FactDates], today: Date, warning_days: u32) -> Vec<Option<FactAlarm>> {
    fact_states(facts, today, warning_days)
        .into_iter()
        .zip(facts)
        .map(|(state, f)| match state {
            FactState::Expired => Some(FactAlarm::Expired),
            FactState::Current => {
                let until = f.valid_until?;
                let warn = until
                    .checked_sub(i64::from(warning_days).days())
                    .unwrap_or(Date::MIN);
                (today >= warn && f.successor(facts).is_none()).then_some(FactAlarm::Expiring)
            }
            FactState::Announced | FactState::Hidden => None,
        })
        .collect()
}

/// The last day of the first fact that ends with nothing to take over
/// from it: the day the sheet's facts stop being whole.
/// A fact already replaced by a later one of its label (which has started
/// by `today`) is past: a gap before its successor does not keep the sheet
/// due for ever.
pub fn first_fact_expiry(facts: &[FactDates], today: Date) -> Option<Date> {
    let replaced = |f: &FactDates| {
        facts.iter().any(|o| {
            o.label == f.label
                && o.valid_from > f.valid_from
                && o.valid_from.is_some_and(|d| d <= today)
        })
    };
    facts
        .iter()
        .filter(|f| f.successor(facts).is_none() && !replaced(f))
        .filter_map(|f| f.valid_until)
        .min()
}

/// The due date of a sheet's next review.
/// The earlier of the review date (`next_review`, or `last_reviewed` +
/// the interval) and the first fact expiry.
pub fn due_date(dates: &Dates, interval_days: u32) -> Date {
    let review = dates.next_review.unwrap_or_else(|| {
        dates
            .last_reviewed
            .checked_add(i64::from(interval_days).days())
            .unwrap_or(Date::MAX)
    });
    dates.fact_expiry.map_or(review, |f| f.min(review))
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
            fact_expiry: None,
        }
    }

    fn fact<'a>(label: &'a str, from: Option<&str>, until: Option<&str>) -> FactDates<'a> {
        FactDates {
            label,
            valid_from: from.map(d),
            valid_until: until.map(d),
        }
    }

    #[test]
    fn a_fact_is_announced_then_current_then_expired() {
        // Holds 2027-01-01..=2027-06-30; announced 30 days ahead.
        let f = [fact("fee", Some("2027-01-01"), Some("2027-06-30"))];
        let at = |t: &str| fact_states(&f, d(t), 30)[0];
        assert_eq!(at("2026-12-01"), FactState::Hidden);
        assert_eq!(at("2026-12-02"), FactState::Announced);
        assert_eq!(at("2026-12-31"), FactState::Announced);
        assert_eq!(at("2027-01-01"), FactState::Current);
        assert_eq!(at("2027-06-30"), FactState::Current);
        assert_eq!(at("2027-07-01"), FactState::Expired);
        assert_eq!(
            first_fact_expiry(&f, d("2027-01-01")),
            Some(d("2027-06-30"))
        );
        let alarm = |t: &str| fact_alarms(&f, d(t), 30)[0];
        assert_eq!(alarm("2027-05-30"), None);
        assert_eq!(alarm("2027-05-31"), Some(FactAlarm::Expiring));
        assert_eq!(alarm("2027-06-30"), Some(FactAlarm::Expiring));
        assert_eq!(alarm("2027-07-01"), Some(FactAlarm::Expired));
    }

    #[test]
    fn facts_of_one_label_hand_over_on_the_day() {
        let f = [
            fact("quota", None, Some("2026-12-31")),
            fact("quota", Some("2027-01-01"), None),
            fact("fee", None, None),
        ];
        let at = |t: &str| fact_states(&f, d(t), 30);
        use FactState::*;
        assert_eq!(at("2026-12-01"), [Current, Hidden, Current]);
        assert_eq!(at("2026-12-02"), [Current, Announced, Current]);
        assert_eq!(at("2026-12-31"), [Current, Announced, Current]);
        assert_eq!(at("2027-01-01"), [Hidden, Current, Current]);
        assert_eq!(at("2027-01-02"), [Hidden, Current, Current]);
        // A planned hand-over is no expiry, and raises no alarm.
        assert_eq!(first_fact_expiry(&f, d("2026-12-01")), None);
        for day in ["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"] {
            assert_eq!(fact_alarms(&f, d(day), 30), [None, None, None], "{day}");
        }
        // A gap of a day is: the first fact expires.
        let gap = [
            fact("quota", None, Some("2026-12-30")),
            fact("quota", Some("2027-01-01"), None),
        ];
        assert_eq!(
            first_fact_expiry(&gap, d("2026-12-31")),
            Some(d("2026-12-30"))
        );
        assert_eq!(fact_states(&gap, d("2026-12-31"), 0)[0], Expired);
        // Once the next has started, the gap is past: the sheet is not due.
        assert_eq!(first_fact_expiry(&gap, d("2027-01-01")), None);
    }

    #[test]
    fn the_first_fact_expiry_brings_the_due_date_forward() {
        let mut f = facts("2026-01-01", Some("2026-09-01"), None);
        f.fact_expiry = Some(d("2026-06-30"));
        assert_eq!(review(&f, d("2026-06-29"), 180, 0).status, Freshness::Fresh);
        assert_eq!(
            review(&f, d("2026-06-30"), 180, 0).status,
            Freshness::DueSoon
        );
        assert_eq!(
            review(&f, d("2026-07-01"), 180, 0).status,
            Freshness::Overdue
        );
        assert_eq!(review(&f, d("2026-07-01"), 180, 0).due, d("2026-06-30"));
        f.fact_expiry = Some(d("2026-12-31"));
        assert_eq!(review(&f, d("2026-07-01"), 180, 0).due, d("2026-09-01"));
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
