//! Setting a translation's `source_hash` in place, as `factsheet stamp`
//! and `import` do.

use crate::diagnostics::byte_offset;
use crate::yaml::Kind;

/// The file with its `source_hash` set to `hash`, or None when the
/// translation block cannot be found. A BOM and CRLF line endings are kept.
pub fn restamp(bytes: &[u8], hash: &str) -> Option<Vec<u8>> {
    let super::Parsed { bom, raw, root, .. } = super::parse(bytes)?;
    let Kind::Map(top) = &root.kind else {
        return None;
    };
    let block = top.iter().find(|e| e.key == "translation")?;
    let Kind::Map(fields) = &block.value.kind else {
        return None;
    };
    // YAML line n is file line n + 1 (after the opening `---`).
    let (start, end, insert) = match fields.iter().find(|e| e.key == "source_hash") {
        // A value, or a null written out (`~`, `null`): replace it.
        Some(e) if e.value.pos != e.value.end => {
            let v = &e.value;
            (
                byte_offset(raw, v.pos.line + 1, v.pos.col),
                byte_offset(raw, v.end.line + 1, v.end.col),
                hash.to_string(),
            )
        }
        Some(e) => {
            // `source_hash:` with nothing after it: write after the colon.
            let key = byte_offset(raw, e.key_pos.line + 1, e.key_pos.col) + "source_hash".len();
            let colon = key + raw.get(key..)?.find(':')? + 1;
            (colon, colon, format!(" {hash}"))
        }
        None => {
            // No `source_hash` yet: a new line after `from:`, same indent.
            let from = fields.iter().find(|e| e.key == "from")?;
            if from.key_pos.line == block.key_pos.line {
                return None; // flow style `{from: en}`: let the user add it
            }
            let line_start = byte_offset(raw, from.key_pos.line + 1, 1);
            let line_len = raw.get(line_start..)?.find('\n')? + 1;
            let eol = if raw
                .get(line_start..line_start + line_len)?
                .ends_with("\r\n")
            {
                "\r\n"
            } else {
                "\n"
            };
            let at = line_start + line_len;
            let indent = " ".repeat(from.key_pos.col - 1);
            (at, at, format!("{indent}source_hash: {hash}{eol}"))
        }
    };
    let mut out = bytes[..bom].to_vec();
    out.extend_from_slice(raw.get(..start)?.as_bytes());
    out.extend_from_slice(insert.as_bytes());
    out.extend_from_slice(raw.get(end..)?.as_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::restamp;

    const H: &str = "0123456789abcdef";

    #[test]
    fn replaces_only_the_value() {
        let f = "---\ntitle: A\ntranslation:\n  from: en\n  source_hash: 0000000000000000 # kept\n---\nBody\n";
        let out = String::from_utf8(restamp(f.as_bytes(), H).unwrap()).unwrap();
        assert_eq!(out, f.replace("0000000000000000", H));
    }

    #[test]
    fn keeps_bom_crlf_and_quotes_style() {
        let f = "\u{feff}---\r\ntitle: Ë\r\ntranslation:\r\n  from: en\r\n  source_hash: \"0000000000000000\"\r\n---\r\nBody\r\n";
        let out = String::from_utf8(restamp(f.as_bytes(), H).unwrap()).unwrap();
        assert_eq!(out, f.replace("\"0000000000000000\"", H));
    }

    #[test]
    fn fills_an_empty_value_and_adds_a_missing_line() {
        let f = "---\ntranslation:\n  from: en\n  source_hash:\n---\n";
        let out = String::from_utf8(restamp(f.as_bytes(), H).unwrap()).unwrap();
        assert_eq!(
            out,
            format!("---\ntranslation:\n  from: en\n  source_hash: {H}\n---\n")
        );
        let f = "---\ntranslation:\n    from: en\ntitle: x\n---\n";
        let out = String::from_utf8(restamp(f.as_bytes(), H).unwrap()).unwrap();
        assert_eq!(
            out,
            format!("---\ntranslation:\n    from: en\n    source_hash: {H}\ntitle: x\n---\n")
        );
    }

    #[test]
    fn replaces_null_malformed_and_upper_case_values() {
        for old in ["~", "null", "12345", "\"\"", "336DAC30BD525225"] {
            let f = format!("---\ntranslation:\n  from: en\n  source_hash: {old}\n---\nBody\n");
            let out = String::from_utf8(restamp(f.as_bytes(), H).unwrap()).unwrap();
            assert_eq!(out, f.replace(old, H), "{old}");
        }
    }

    #[test]
    fn flow_style_without_hash_is_left_to_the_user() {
        assert!(restamp(b"---\ntranslation: {from: en}\n---\n", H).is_none());
    }
}
