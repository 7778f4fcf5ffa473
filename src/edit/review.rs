//! Moving a source sheet's review dates in place, as `factsheet review`
//! does: `last_reviewed`, `next_review` (when set) and the re-checked
//! sources' `checked`. Only those values change; BOM, CRLF, comments and
//! layout are kept.

use jiff::civil::Date;

use crate::diagnostics::byte_offset;
use crate::yaml::{Entry, Kind};

/// What to write.
pub struct Dates<'a> {
    pub last_reviewed: Date,
    /// Written only where the sheet has `next_review`.
    pub next_review: Date,
    /// The 0-based positions in `sources` whose `checked` is set.
    pub checked: &'a [usize],
}

/// The file with its dates moved, or None when a value cannot be placed
/// (no `last_reviewed`, or a source written in flow style without
/// `checked`).
pub fn redate(bytes: &[u8], d: &Dates) -> Option<Vec<u8>> {
    let super::Parsed { bom, raw, root, .. } = super::parse(bytes)?;
    let Kind::Map(top) = &root.kind else {
        return None;
    };
    let eol = if raw.contains("\r\n") { "\r\n" } else { "\n" };
    // (start, end, text), applied from the end so offsets hold.
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let value = |e: &Entry, v: String| -> Option<(usize, usize, String)> {
        if e.value.pos == e.value.end {
            let key = byte_offset(raw, e.key_pos.line + 1, e.key_pos.col) + e.key.len();
            let colon = key + raw.get(key..)?.find(':')? + 1;
            return Some((colon, colon, format!(" {v}")));
        }
        Some((
            byte_offset(raw, e.value.pos.line + 1, e.value.pos.col),
            byte_offset(raw, e.value.end.line + 1, e.value.end.col),
            v,
        ))
    };
    let find = |k: &str| top.iter().find(|e| e.key == k);
    edits.push(value(find("last_reviewed")?, d.last_reviewed.to_string())?);
    if let Some(e) = find("next_review") {
        edits.push(value(e, d.next_review.to_string())?);
    }
    if let Some(Kind::Seq(items)) = find("sources").map(|e| &e.value.kind) {
        for &i in d.checked {
            let item = items.get(i)?;
            let Kind::Map(fields) = &item.kind else {
                return None;
            };
            let today = d.last_reviewed.to_string();
            if let Some(e) = fields.iter().find(|e| e.key == "checked") {
                edits.push(value(e, today)?);
                continue;
            }
            // No `checked` yet: a line after `url:`, in block style only.
            let url = fields.iter().find(|e| e.key == "url")?;
            let at = byte_offset(raw, item.pos.line + 1, item.pos.col);
            if raw.get(at..)?.starts_with('{') {
                return None;
            }
            let line_start = byte_offset(raw, url.value.end.line + 1, 1);
            let next = line_start + raw.get(line_start..)?.find('\n')? + 1;
            let indent = " ".repeat(url.key_pos.col - 1);
            edits.push((next, next, format!("{indent}checked: {today}{eol}")));
        }
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = raw.to_string();
    for (start, end, v) in edits {
        out.replace_range(start..end, &v);
    }
    let mut bytes_out = bytes[..bom].to_vec();
    bytes_out.extend_from_slice(out.as_bytes());
    Some(bytes_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(checked: &[usize]) -> Dates<'_> {
        Dates {
            last_reviewed: "2026-12-07".parse().unwrap(),
            next_review: "2027-06-05".parse().unwrap(),
            checked,
        }
    }

    #[test]
    fn only_the_dates_change_and_line_endings_are_kept() {
        let f = "\u{feff}---\r\ntitle: A # t\r\nlast_reviewed: 2026-01-01\r\nnext_review: 2026-06-01\r\n\
                 sources:\r\n  - title: X\r\n    url: https://a.example/\r\n    checked: 2026-01-01\r\n\
                 \x20 - title: Y\r\n    url: https://b.example/\r\n---\r\nBody\r\n";
        let out = String::from_utf8(redate(f.as_bytes(), &dates(&[0, 1])).unwrap()).unwrap();
        assert_eq!(
            out,
            f.replace("last_reviewed: 2026-01-01", "last_reviewed: 2026-12-07")
                .replace("next_review: 2026-06-01", "next_review: 2027-06-05")
                .replace("checked: 2026-01-01", "checked: 2026-12-07")
                .replace(
                    "url: https://b.example/\r\n",
                    "url: https://b.example/\r\n    checked: 2026-12-07\r\n"
                )
        );
    }

    #[test]
    fn next_review_is_not_added() {
        let f = "---\nlast_reviewed: 2026-01-01\nsources:\n  - {title: X, url: https://a.example/, checked: 2026-01-01}\n---\n";
        let out = String::from_utf8(redate(f.as_bytes(), &dates(&[0])).unwrap()).unwrap();
        assert_eq!(out, f.replace("2026-01-01", "2026-12-07"));
        let flow = "---\nlast_reviewed: 2026-01-01\nsources:\n  - {title: X, url: https://a.example/}\n---\n";
        assert_eq!(redate(flow.as_bytes(), &dates(&[0])), None);
    }
}
