//! Days of the week and times of day in a reader's language, from CLDR
//! (ICU4X's compiled data): opening hours read "e hënë–e premte
//! 08:00–16:00" in Albanian and "Monday–Friday 8:00 AM–4:00 PM" in English.

use icu::calendar::Gregorian;
use icu::calendar::types::Weekday;
use icu::datetime::fieldsets::{E, T};
use icu::datetime::input::Time;
use icu::datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu::locale::Locale;

/// One language's day names and clock.
pub struct Clock {
    /// Monday first.
    weekdays: Vec<String>,
    time: NoCalendarFormatter<T>,
}

const WEEK: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

impl Clock {
    pub fn new(locale: &Locale) -> Option<Clock> {
        let days =
            FixedCalendarDateTimeFormatter::<Gregorian, E>::try_new(locale.into(), E::long())
                .ok()?;
        let time = NoCalendarFormatter::try_new(locale.into(), T::hm()).ok()?;
        Some(Clock {
            weekdays: WEEK.iter().map(|d| days.format(d).to_string()).collect(),
            time,
        })
    }

    /// Day `day` of the week (Monday = 0).
    pub fn weekday(&self, day: u8) -> String {
        self.weekdays
            .get(usize::from(day))
            .cloned()
            .unwrap_or_default()
    }

    pub fn time(&self, hour: u8, minute: u8) -> String {
        match Time::try_new(hour, minute, 0, 0) {
            Ok(t) => self.time.format(&t).to_string(),
            Err(_) => format!("{hour:02}:{minute:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times_in_the_regions_languages() {
        let at = |tag: &str| {
            let c = Clock::new(&tag.parse().unwrap()).unwrap();
            format!("{} {} {}", c.weekday(0), c.weekday(4), c.time(8, 30))
        };
        assert_eq!(at("en"), "Monday Friday 8:30\u{202f}AM");
        assert_eq!(at("sq"), "e hënë e premte 8:30\u{202f}p.d.");
        assert_eq!(at("sr-Cyrl"), "понедељак петак 08:30");
        assert_eq!(at("mk"), "понеделник петок 8:30");
        assert_eq!(at("hr"), "ponedjeljak petak 08:30");
    }
}
