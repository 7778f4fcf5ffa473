//! A printout's version: the day the printed advice describes and a short
//! id of its words. The handout prints both and its QR code carries them
//! (`…/sq/de/work/?v=20261201-3fa9c1`), so the page a reader scans can say
//! whether the paper in their hand is still current, or what changed since.

use std::fmt;

use jiff::civil::Date;
use sha2::{Digest, Sha256};

use super::{Model, Page};
use crate::content::doc::Part;
use crate::freshness::FactState;

/// The version of one sheet in one language on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The newest of the review date and the change notes' dates.
    pub as_of: Date,
    /// Six hex digits of SHA-256 over the printed words and the review date.
    pub id: String,
}

impl fmt::Display for Version {
    /// `20261201-3fa9c1`: short to type, and the date readable by eye.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.as_of.strftime("%Y%m%d"), self.id)
    }
}

impl Model<'_> {
    /// The version of sheet `i` as printed in `lang` today. It changes when
    /// the printed words do (text, notes, which facts show and how) or the
    /// review date does, and with nothing else.
    pub fn version(&self, i: usize, lang: &str) -> Version {
        let mut h = Sha256::new();
        let mut field = |s: &str| {
            h.update(s.as_bytes());
            h.update(b"\0");
        };
        let Some(s) = self.sheets.get(i) else {
            return Version {
                as_of: self.today,
                id: String::new(),
            };
        };
        let last = s.inherited.last_reviewed.value;
        field(lang);
        field(&last.to_string());
        let mut as_of = last;
        if let Some(text) = self.text(i, lang) {
            for part in text.parts() {
                match part {
                    // What shows of a fact, and how, is printed.
                    Part::KeyFact {
                        index,
                        label,
                        value,
                    } => {
                        if let Some(state) = s.fact_states.get(index)
                            && *state != FactState::Hidden
                        {
                            field(label);
                            field(value);
                            field(state.as_str());
                        }
                    }
                    other => field(other.text()),
                }
            }
            for c in &text.changes {
                field(&c.date.value.to_string());
                field(&c.note);
                as_of = as_of.max(c.date.value);
            }
        }
        let digest = h.finalize();
        let id = digest.iter().take(3).map(|b| format!("{b:02x}")).collect();
        Version { as_of, id }
    }

    /// The address a printout's QR code opens: the page with the version,
    /// scrolled to its updates.
    pub fn printout_url(&self, i: usize, lang: &str) -> String {
        format!("{}#updates", self.printed_url(i, lang))
    }

    /// The address printed under the QR code, with the version.
    pub fn printed_url(&self, i: usize, lang: &str) -> String {
        let page = self.absolute_url(Page::Sheet { lang, sheet: i });
        format!("{page}?v={}", self.version(i, lang))
    }
}
