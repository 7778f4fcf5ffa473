//! What the Fluent parser (`fluent-syntax` 0.12) cannot take, found before
//! it runs: it recurses once per nested `{`, call `(` or variant `[`
//! (100,000 of them overflow the stack and abort the process), and it
//! panics on a `\u` escape cut short by a non-ASCII letter (`"\uë"`,
//! upstream fluent-rs issue #389).

/// More brackets open at once than this are refused. Real messages nest
/// two or three levels. The count errs on the high side (an unclosed `{`
/// anywhere in the file stays counted, as the parser may still be inside
/// it), so the limit leaves room for a few mistakes.
pub const MAX_NESTING: usize = 100;

/// The first thing in `text` the parser cannot take: its byte offset, what
/// it is, and what to do.
pub fn unparsable(text: &str) -> Option<(usize, String, &'static str)> {
    let bytes = text.as_bytes();
    // Open `{`; and open brackets of any kind inside placeables, where
    // `(` and `[` are syntax (outside, they are text).
    let mut braces = 0usize;
    let mut depth = 0usize;
    let mut in_string = false;
    // The last byte outside strings that was not white space: a string
    // literal starts only where an expression may (`{ "a" }`, `F("a")`),
    // while a quote in text (`*[other] "a"`) is text.
    let mut prev = 0u8;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                b'"' | b'\n' => {
                    in_string = false;
                    prev = b'"';
                }
                b'\\' => {
                    if let Some(problem) = short_escape(text, i) {
                        return Some(problem);
                    }
                    i += 1; // the escaped character
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'\\' if braces > 0 => {
                if let Some(problem) = short_escape(text, i) {
                    return Some(problem);
                }
            }
            b'"' if braces > 0 && matches!(prev, b'{' | b'(' | b',' | b':') => in_string = true,
            b'{' | b'(' | b'[' if b == b'{' || braces > 0 => {
                braces += usize::from(b == b'{');
                depth += 1;
                if depth > MAX_NESTING {
                    return Some((
                        i,
                        format!("more than {MAX_NESTING} `{{`, `(` or `[` open at once"),
                        "a message nests two or three levels at most; look for unclosed or repeated `{` and `(`",
                    ));
                }
            }
            b'}' => {
                braces = braces.saturating_sub(1);
                depth = if braces == 0 {
                    0
                } else {
                    depth.saturating_sub(1)
                };
            }
            b')' | b']' if braces > 0 => depth = depth.saturating_sub(1),
            _ => {}
        }
        if !b.is_ascii_whitespace() {
            prev = b;
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
    use std::path::Path;

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
    fn deep_nesting_is_found_however_it_is_written() {
        for deep in [
            format!("a = {}", "{".repeat(100_000)),
            format!("a = {{ {}", "F(".repeat(100_000)),
            format!("a = {{\n{}", "F({\n".repeat(100_000)),
            format!("a = {{ $n ->\n *[o] \"{}", "{".repeat(100_000)),
            format!("a = {{ {}", "F(\"}\", ".repeat(100_000)),
        ] {
            let found = unparsable(&deep).map(|(at, what, _)| (at, what));
            let (at, what) = found.unwrap_or_else(|| panic!("{}", &deep[..40]));
            assert!(at < 8 * (MAX_NESTING + 2), "found late: {at}");
            assert!(what.contains("open at once"), "{what}");
        }
    }

    #[test]
    fn real_files_and_literal_braces_pass() {
        let ok = "a = { $n ->\n [one] { $n } item (one)\n *[other] \"{ $n }\" items :-(\n}\nb = {\"{\"} and {\"}\"} { NUMBER($n, minimumFractionDigits: 2) }\n";
        let many: String = (0..50).map(|_| ok).collect();
        assert_eq!(unparsable(&many), None);
        parses(&many);
        for f in [
            "translations/en.ftl",
            "translations/sr-Cyrl.ftl",
            "translations/sq.ftl",
        ] {
            let text =
                std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(f)).unwrap();
            assert_eq!(unparsable(&text), None, "{f}");
        }
    }
}
