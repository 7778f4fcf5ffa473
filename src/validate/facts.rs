//! The rules for key facts bound in time: past or near their last day
//! with nothing to take over, and facts that name a year but hold no
//! dates.

use jiff::civil::Date;

use super::at;
use crate::content::Site;
use crate::content::sheet::{Doc, fact_dates};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::freshness::{self, FactAlarm};

/// Key facts past or near their last day with nothing to take over;
/// returns the last days of those it reported.
pub(super) fn check_facts(
    site: &Site,
    doc: &Doc,
    today: Date,
    diags: &mut Diagnostics,
) -> Vec<Date> {
    let mut alarmed = Vec::new();
    let dates = fact_dates(&doc.text.key_facts);
    let alarms = freshness::fact_alarms(&dates, today, site.config.warning_days);
    for (k, alarm) in doc.text.key_facts.iter().zip(alarms) {
        let (Some(alarm), Some(until)) = (alarm, &k.valid_until) else {
            continue;
        };
        let label = &k.label.value;
        let hint = format!(
            "add the `{label}` that holds from {}: a key fact `{label}` with `valid_from: {}`; or, if the rule goes on, move `valid_until` on",
            until.value.tomorrow().unwrap_or(until.value),
            until.value.tomorrow().unwrap_or(until.value)
        );
        let d = match alarm {
            FactAlarm::Expired => Diagnostic::error(
                Code::FactExpired,
                format!("key fact `{label}` held only until {}", until.value),
            ),
            FactAlarm::Expiring => Diagnostic::warning(
                Code::FactExpiring,
                format!("key fact `{label}` holds only until {}", until.value),
            ),
        };
        diags.push(at(d.hint(hint), doc, until.pos));
        alarmed.push(until.value);
    }
    alarmed
}

/// A source's key fact whose value names a year ("as of 2026", "the
/// 2027 quota") holds for a period, so it needs its dates: without them
/// nothing tells a reader on the first day of the next year whether it
/// still holds.
pub(super) fn check_undated(doc: &Doc, diags: &mut Diagnostics) {
    for k in &doc.text.key_facts {
        if k.valid_from.is_some() || k.valid_until.is_some() {
            continue;
        }
        let Some(year) = named_year(&k.value) else {
            continue;
        };
        let label = &k.label.value;
        let d = Diagnostic::warning(
            Code::FactUndated,
            format!("key fact `{label}` names the year {year} but has no dates"),
        )
        .hint(format!(
            "bind it in time: add `valid_from:` and/or `valid_until:` (YYYY-MM-DD) to this fact, and a `{label}` for the next period with its own `valid_from` when it is known"
        ));
        diags.push(at(d, doc, k.label.pos));
    }
}

/// The first year (19xx or 20xx, four digits standing alone) in `value`.
pub fn named_year(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let run = &value[start..i];
        if run.len() == 4 && (run.starts_with("19") || run.starts_with("20")) {
            return Some(run);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::named_year;

    #[test]
    fn a_year_is_four_digits_standing_alone() {
        assert_eq!(named_year("As of 2026: €75"), Some("2026"));
        assert_eq!(named_year("Winter 2024/25"), Some("2024"));
        assert_eq!(named_year("since June 1999"), Some("1999"));
        assert_eq!(named_year("Up to 50,000 a year"), None);
        assert_eq!(named_year("€2000 a semester"), Some("2000"));
        assert_eq!(named_year("CAD 20250"), None);
        assert_eq!(named_year("2 weeks, 18 months, 2100 km"), None);
        assert_eq!(named_year(""), None);
    }
}
