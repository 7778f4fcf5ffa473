//! `content/centres.yaml`: the Migrant Service Centres where a reader gets
//! free, personal advice. Every page links them and every handout ends
//! with them; a visitor pack prints one on its cover.

use std::path::Path;

use crate::diagnostics::{Code, Diagnostics};
use crate::text::is_slug;
use crate::yaml::reader::{Reader, Spanned, get};
use crate::yaml::{self, Node, Pos};

/// One centre, as `centres.yaml` lists it.
#[derive(Debug, Clone, Default)]
pub struct Centre {
    pub id: String,
    pub name: String,
    pub town: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    pub hours: Vec<Hours>,
    /// Language tags of the languages spoken there.
    pub languages: Vec<String>,
}

/// Opening hours on some days of the week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hours {
    /// Days of the week, Monday = 0 … Sunday = 6, in order.
    pub days: Vec<u8>,
    /// (hour, minute).
    pub opens: (u8, u8),
    pub closes: (u8, u8),
}

pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const KEYS: &[&str] = &[
    "id",
    "name",
    "town",
    "address",
    "phone",
    "email",
    "url",
    "hours",
    "languages",
];

/// Reads `centres.yaml`'s text: a list of centres. Problems go to `diags`
/// with their line and column; a centre with one is left out.
pub fn read(file: &Path, text: &str, diags: &mut Diagnostics) -> Vec<Centre> {
    let root = match yaml::parse(text) {
        Ok(root) => root,
        Err(e) => {
            diags.push(e.into_diagnostic(file, 0));
            return Vec::new();
        }
    };
    let mut r = Reader {
        file,
        line_offset: 0,
        diags,
    };
    if root.is_null() {
        return Vec::new();
    }
    let mut out: Vec<Centre> = Vec::new();
    for item in r.seq(&root, "centres.yaml").unwrap_or_default() {
        let before = r.diags.errors();
        let Some(c) = centre(&mut r, item) else {
            continue;
        };
        if let Some(other) = out.iter().find(|o| o.id == c.id) {
            r.error(
                item.pos,
                Code::Duplicate,
                format!("two centres have the id `{}`", other.id),
                "give each centre its own id",
            );
        } else if r.diags.errors() == before {
            out.push(c);
        }
    }
    out
}

fn centre(r: &mut Reader, item: &Node) -> Option<Centre> {
    let e = r.map(item, "a centre")?;
    r.check_keys(e, KEYS, "a centre", &|_| None);
    let ctx = "this centre";
    let text =
        |r: &mut Reader, key: &str| get(e, key).and_then(|n| r.text(n, key)).map(|s| s.value);
    let id = r.required(e, "id", item.pos, ctx, "tirana", |r, n| r.text(n, "id"));
    if let Some(id) = id.as_ref().filter(|id| !is_slug(&id.value)) {
        r.error_abs(
            id.pos,
            Code::BadValue,
            format!("`{}` is not an id", id.value),
            "use lower-case letters, digits and hyphens: `factsheet pack --centre <id>` takes it",
        );
    }
    let name = r.required(
        e,
        "name",
        item.pos,
        ctx,
        "Migrant Service Centre …",
        |r, n| r.text(n, "name"),
    );
    let town = r.required(e, "town", item.pos, ctx, "Tirana", |r, n| r.text(n, "town"));
    let centre = Centre {
        id: id?.value,
        name: name?.value,
        town: town?.value,
        address: text(r, "address"),
        phone: get(e, "phone")
            .and_then(|n| r.phone(n, "phone"))
            .map(|s| s.value),
        email: get(e, "email")
            .and_then(|n| r.email(n, "email"))
            .map(|s| s.value),
        url: get(e, "url").and_then(|n| r.url(n, "url")).map(|s| s.value),
        hours: get(e, "hours").map(|n| hours(r, n)).unwrap_or_default(),
        languages: get(e, "languages")
            .map(|n| languages(r, n))
            .unwrap_or_default(),
    };
    Some(centre)
}

/// `hours`: a list of `{days, opens, closes}`; `days` is a list of day
/// names (`[mon, wed]`) or a range (`mon-fri`).
fn hours(r: &mut Reader, node: &Node) -> Vec<Hours> {
    let mut out = Vec::new();
    for item in r.seq(node, "hours").unwrap_or_default() {
        let Some(e) = r.map(item, "opening hours") else {
            continue;
        };
        r.check_keys(e, &["days", "opens", "closes"], "opening hours", &|_| None);
        let ctx = "these opening hours";
        let days = r.required(e, "days", item.pos, ctx, "mon-fri", days);
        let opens = r.required(e, "opens", item.pos, ctx, "\"08:00\"", |r, n| {
            time(r, n, "opens")
        });
        let closes = r.required(e, "closes", item.pos, ctx, "\"16:00\"", |r, n| {
            time(r, n, "closes")
        });
        let (Some(days), Some(opens), Some(closes)) = (days, opens, closes) else {
            continue;
        };
        if closes.value <= opens.value {
            r.error_abs(
                closes.pos,
                Code::BadHours,
                "the centre must close after it opens",
                "write times on a 24-hour clock, e.g. opens: \"08:00\", closes: \"16:00\"",
            );
            continue;
        }
        out.push(Hours {
            days,
            opens: opens.value,
            closes: closes.value,
        });
    }
    out
}

fn days(r: &mut Reader, node: &Node) -> Option<Vec<u8>> {
    let day = |r: &mut Reader, s: &str, pos: Pos| -> Option<u8> {
        let found = DAYS.iter().position(|d| d.eq_ignore_ascii_case(s.trim()));
        if found.is_none() {
            r.error_abs(
                pos,
                Code::BadHours,
                format!("`{}` is not a day", s.trim()),
                format!("write days as {}", DAYS.join(", ")),
            );
        }
        found.map(|d| d as u8)
    };
    if let Some(text) = node.as_str() {
        let pos = r.abs(node.pos);
        return match text.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (day(r, a, pos)?, day(r, b, pos)?);
                if a > b {
                    r.error_abs(
                        pos,
                        Code::BadHours,
                        format!("`{text}` runs backwards"),
                        "write the first day of the week first, e.g. mon-fri",
                    );
                    return None;
                }
                Some((a..=b).collect())
            }
            None => Some(vec![day(r, text, pos)?]),
        };
    }
    let mut out = Vec::new();
    for n in r.seq(node, "days")? {
        let s = r.text(n, "days")?;
        out.push(day(r, &s.value, s.pos)?);
    }
    out.sort_unstable();
    out.dedup();
    Some(out)
}

/// `HH:MM` on a 24-hour clock (`8:30` too).
fn time(r: &mut Reader, node: &Node, key: &str) -> Option<Spanned<(u8, u8)>> {
    let raw = r.text(node, key)?;
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let parsed = raw.value.split_once(':').and_then(|(h, m)| {
        if !digits(h, 1..=2) || !digits(m, 2..=2) {
            return None;
        }
        let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
        (h < 24 && m < 60).then_some((h, m))
    });
    if parsed.is_none() {
        r.error_abs(
            raw.pos,
            Code::BadHours,
            format!("`{}` is not a time for `{key}`", raw.value),
            format!("write it as HH:MM on a 24-hour clock, in quotes: {key}: \"08:30\""),
        );
    }
    Some(Spanned::new(parsed?, raw.pos))
}

fn languages(r: &mut Reader, node: &Node) -> Vec<String> {
    let mut out = Vec::new();
    for n in r.seq(node, "languages").unwrap_or_default() {
        let Some(tag) = r.text(n, "languages") else {
            continue;
        };
        if crate::lang::is_valid_tag(&tag.value) {
            out.push(tag.value);
        } else {
            r.error_abs(
                tag.pos,
                Code::BadLanguage,
                format!("`{}` is not a language tag", tag.value),
                "write BCP 47 tags, e.g. sq, en, it, sr-Latn",
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<Centre>, Vec<String>) {
        let mut diags = Diagnostics::default();
        let c = read(Path::new("content/centres.yaml"), text, &mut diags);
        let msgs = diags
            .iter()
            .map(|d| {
                format!(
                    "{}:{}: {}: {}",
                    d.line.unwrap_or(0),
                    d.column.unwrap_or(0),
                    d.code,
                    d.message
                )
            })
            .collect();
        (c, msgs)
    }

    #[test]
    fn a_centre_with_hours_and_languages() {
        let (c, msgs) = run(
            "- id: tirana\n  name: Centre\n  town: Tirana\n  phone: +355 4 222 3333\n  email: a@b.al\n  url: https://x.al/\n  hours:\n    - days: mon-fri\n      opens: \"08:00\"\n      closes: \"16:30\"\n    - days: [sat]\n      opens: \"9:00\"\n      closes: \"12:00\"\n  languages: [sq, en]\n",
        );
        assert!(msgs.is_empty(), "{msgs:?}");
        assert_eq!(c[0].hours[0].days, [0, 1, 2, 3, 4]);
        assert_eq!(
            c[0].hours[1],
            Hours {
                days: vec![5],
                opens: (9, 0),
                closes: (12, 0)
            }
        );
        assert_eq!(c[0].languages, ["sq", "en"]);
    }

    #[test]
    fn bad_values_are_placed_and_the_centre_left_out() {
        let (c, msgs) = run(
            "- id: x\n  name: N\n  town: T\n  phone: call us\n  email: nobody\n  hours:\n    - days: mon-fryday\n      opens: \"25:00\"\n      closes: \"08:00\"\n  languages: [s q]\n  fax: 1\n- id: x\n  name: N\n  town: T\n",
        );
        assert!(c.is_empty() || c.len() == 1);
        let all = msgs.join("\n");
        for want in [
            "4:10: bad-phone: `call us` is not a telephone number",
            "5:10: bad-email: `nobody` is not an e-mail address",
            "7:13: bad-hours: `fryday` is not a day",
            "8:14: bad-hours: `25:00` is not a time for `opens`",
            "10:15: bad-language: `s q` is not a language tag",
            "11:3: unknown-field: unknown field `fax` in a centre",
        ] {
            assert!(all.contains(want), "{want}\n{all}");
        }
        assert!(
            !msgs.iter().any(|m| m.contains("duplicate")),
            "the first was left out"
        );
    }
}
