//! What the Fluent parser (`fluent-syntax` 0.12) cannot take, found before
//! it runs: it recurses once per nested `{` (100,000 of them overflow the
//! stack and abort the process), and it panics on a `\u` escape cut short
//! by a non-ASCII letter (`"\uë"`, upstream fluent-rs issue #389).

/// Placeables nested deeper than this are refused. Real messages nest two
/// or three levels.
pub const MAX_NESTING: usize = 50;

/// The first thing in `text` the parser cannot take: its byte offset, what
/// it is, and what to do.
pub fn unparsable(text: &str) -> Option<(usize, String, &'static str)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match (in_string, b) {
            (true, b'"' | b'\n') => in_string = false,
            (true, b'\\') => {
                if let Some(problem) = short_escape(text, i) {
                    return Some(problem);
                }
                i += 1; // the escaped character
            }
            (true, _) => {}
            (false, b'"') if depth > 0 => in_string = true,
            (false, b'{') => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some((
                        i,
                        format!("placeables (`{{ … }}`) nested more than {MAX_NESTING} deep"),
                        "a message needs two or three levels at most; look for unclosed or repeated `{`",
                    ));
                }
            }
            (false, b'}') => depth = depth.saturating_sub(1),
            // A line that starts a message, term or comment: whatever was
            // left open before it is junk to the parser.
            (false, b'\n')
                if bytes
                    .get(i + 1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'-' | b'#')) =>
            {
                depth = 0
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A `\u` (4 hex digits) or `\U` (6) escape at `i` cut short by a
/// non-ASCII character.
fn short_escape(text: &str, i: usize) -> Option<(usize, String, &'static str)> {
    let bytes = text.as_bytes();
    let digits = match bytes.get(i + 1) {
        Some(b'u') => 4,
        Some(b'U') => 6,
        _ => return None,
    };
    let hex = bytes
        .get(i + 2..)?
        .iter()
        .take(digits)
        .take_while(|c| c.is_ascii_hexdigit())
        .count();
    if hex == digits || bytes.get(i + 2 + hex).is_none_or(|c| c.is_ascii()) {
        return None;
    }
    let end = text
        .get(i..)?
        .char_indices()
        .nth(3 + hex)
        .map_or(text.len(), |(n, _)| i + n);
    Some((
        i,
        format!(
            "`{}` is not a complete Unicode escape",
            text.get(i..end).unwrap_or("\\u")
        ),
        "write the letter itself, or its code in full (`\\u00EB` for ë); `\\\\` is a backslash",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parses(text: &str) {
        let _ = fluent_syntax::parser::parse(text);
    }

    #[test]
    fn short_escapes_before_non_ascii_are_found() {
        for bad in [
            "a = { \"\\u\u{1d4}\" }\n",
            "a={\"\\u\u{30c}\"",
            "a = { \"\\u00ë\" }",
            "a = { \"\\U0001ж\" }",
        ] {
            let (at, what, _) = unparsable(bad).unwrap_or_else(|| panic!("{bad:?}"));
            assert_eq!(&bad[at..at + 1], "\\", "{bad:?}");
            assert!(what.contains("is not a complete Unicode escape"), "{what}");
        }
        for good in [
            "a = { \"\\u00EB\" }\n",
            "a = { \"\\U01F600\" }",
            "a = \\u text ë\n",
            "a = { \"\\uzz\" }",
        ] {
            assert_eq!(unparsable(good), None, "{good:?}");
            parses(good);
        }
    }

    #[test]
    fn deep_nesting_is_found_and_messages_reset_it() {
        let deep = format!("a = {}", "{".repeat(100_000));
        assert_eq!(
            unparsable(&deep).map(|(at, _, _)| at),
            Some(4 + MAX_NESTING)
        );
        // Unclosed braces in many messages do not add up.
        let many: String = (0..1000).map(|i| format!("m{i} = {{ {{ x\n")).collect();
        assert_eq!(unparsable(&many), None);
        parses(&many);
    }
}
