//! Adding a change note (or recording a minor edit) in place, as
//! `factsheet note` does.

use jiff::civil::Date;

use crate::diagnostics::byte_offset;
use crate::yaml::{self, Kind, quote};

/// The file with `note` (its date and text) first under `changes:` and
/// `noted_hash` set to `hash`; None when the front matter cannot be edited
/// safely (flow style, or it would not read back). A BOM and CRLF line
/// endings are kept.
pub fn renote(bytes: &[u8], note: Option<(Date, &str)>, hash: &str) -> Option<Vec<u8>> {
    let super::Parsed {
        bom,
        raw,
        yaml: front,
        root,
    } = super::parse(bytes)?;
    let eol = if raw.contains("\r\n") { "\r\n" } else { "\n" };
    let Kind::Map(top) = &root.kind else {
        return None;
    };
    // YAML line n is file line n + 1 (after the opening `---`).
    let line_start = |yaml_line: usize| byte_offset(raw, yaml_line + 1, 1);
    let close = byte_offset(raw, front.matches('\n').count() + 2, 1);
    // (where, what to insert, how many bytes it replaces)
    let mut edits: Vec<(usize, String, usize)> = Vec::new();

    if let Some((date, note)) = note {
        let item = |indent: &str| {
            format!(
                "{indent}- date: {date}{eol}{indent}  note: {}{eol}",
                quote(note)
            )
        };
        match top.iter().find(|e| e.key == "changes") {
            None => edits.push((close, format!("changes:{eol}{}", item("  ")), 0)),
            Some(e) => match &e.value.kind {
                Kind::Seq(items) if !items.is_empty() => {
                    let at = line_start(items[0].pos.line);
                    let line = raw.get(at..)?.lines().next()?;
                    let indent = &line[..line.len() - line.trim_start().len()];
                    if !line.trim_start().starts_with('-') {
                        return None; // flow style: let the user add it
                    }
                    edits.push((at, item(indent), 0));
                }
                _ if e.value.is_null() && e.value.pos == e.value.end => {
                    edits.push((line_start(e.key_pos.line + 1), item("  "), 0));
                }
                _ => return None,
            },
        }
    }
    match top.iter().find(|e| e.key == "noted_hash") {
        Some(e) if e.value.pos != e.value.end => {
            let start = byte_offset(raw, e.value.pos.line + 1, e.value.pos.col);
            let end = byte_offset(raw, e.value.end.line + 1, e.value.end.col);
            edits.push((start, hash.to_string(), end - start));
        }
        Some(e) => {
            let key = byte_offset(raw, e.key_pos.line + 1, e.key_pos.col) + "noted_hash".len();
            let colon = key + raw.get(key..)?.find(':')? + 1;
            edits.push((colon, format!(" {hash}"), 0));
        }
        None => edits.push((close, format!("noted_hash: {hash}{eol}"), 0)),
    }
    // From the end, so that earlier offsets stay right; at one offset, in
    // the order pushed.
    let mut out = raw.to_string();
    for (at, insert, len) in edits.iter().rev() {
        out.replace_range(*at..*at + *len, insert);
    }
    // Never write what would not read back.
    let check = crate::content::frontmatter::split(&crate::text::normalize_newlines(&out)).ok()?;
    yaml::parse(&check.yaml).ok()?;
    let mut bytes_out = bytes[..bom].to_vec();
    bytes_out.extend_from_slice(out.as_bytes());
    Some(bytes_out)
}

#[cfg(test)]
mod tests {
    use super::renote;

    const H: &str = "0123456789abcdef";

    fn day() -> jiff::civil::Date {
        "2026-12-01".parse().unwrap()
    }

    fn run(f: &str, note: Option<&str>) -> String {
        String::from_utf8(renote(f.as_bytes(), note.map(|n| (day(), n)), H).unwrap()).unwrap()
    }

    #[test]
    fn a_first_note_adds_changes_and_the_hash_at_the_end() {
        let f = "---\ntitle: A\nsources: [x]\n---\nBody\n";
        assert_eq!(
            run(f, Some("Fee: \"€75\"")),
            format!(
                "---\ntitle: A\nsources: [x]\nchanges:\n  - date: 2026-12-01\n    note: \"Fee: \\\"€75\\\"\"\nnoted_hash: {H}\n---\nBody\n"
            )
        );
    }

    #[test]
    fn a_new_note_goes_first_in_the_list_with_its_indent() {
        let f = "---\nchanges:\n- date: 2026-01-01\n  note: Old\nnoted_hash: ffffffffffffffff # kept\ntitle: A\n---\nBody\n";
        assert_eq!(
            run(f, Some("New")),
            format!(
                "---\nchanges:\n- date: 2026-12-01\n  note: \"New\"\n- date: 2026-01-01\n  note: Old\nnoted_hash: {H} # kept\ntitle: A\n---\nBody\n"
            )
        );
    }

    #[test]
    fn minor_changes_only_the_hash_and_keeps_bom_and_crlf() {
        let f = "\u{feff}---\r\ntitle: Ë\r\nnoted_hash:\r\n---\r\nBody\r\n";
        assert_eq!(
            run(f, None),
            format!("\u{feff}---\r\ntitle: Ë\r\nnoted_hash: {H}\r\n---\r\nBody\r\n")
        );
        let f = "---\r\ntitle: A\r\n---\r\n";
        assert_eq!(
            run(f, Some("x")),
            format!(
                "---\r\ntitle: A\r\nchanges:\r\n  - date: 2026-12-01\r\n    note: \"x\"\r\nnoted_hash: {H}\r\n---\r\n"
            )
        );
    }

    #[test]
    fn an_empty_changes_key_gets_the_note_and_flow_style_is_left_alone() {
        let f = "---\nchanges:\ntitle: A\n---\n";
        assert_eq!(
            run(f, Some("x")),
            format!(
                "---\nchanges:\n  - date: 2026-12-01\n    note: \"x\"\ntitle: A\nnoted_hash: {H}\n---\n"
            )
        );
        assert!(
            renote(
                b"---\nchanges: [{date: 2026-01-01, note: a}]\n---\n",
                Some((day(), "x")),
                H
            )
            .is_none()
        );
    }
}
