//! Reading typed values out of a spanned YAML tree, reporting every problem
//! with its place in the file and what to write instead. Used for
//! `site.yaml` and for sheets' front matter alike.

use std::path::Path;

use jiff::civil::Date;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::yaml::{Entry, Kind, Node, Pos};

/// A value and where it was written (file-absolute line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> Spanned<T> {
    pub fn new(value: T, pos: Pos) -> Self {
        Spanned { value, pos }
    }
}

/// Reads one YAML document of one file; `line_offset` is the number of
/// file lines before the YAML text starts (the front matter's `---`).
pub struct Reader<'a> {
    pub file: &'a Path,
    pub line_offset: usize,
    pub diags: &'a mut Diagnostics,
}

impl Reader<'_> {
    /// The file-absolute position of a position in the YAML text.
    pub fn abs(&self, pos: Pos) -> Pos {
        Pos {
            line: pos.line + self.line_offset,
            col: pos.col,
        }
    }

    pub fn report(&mut self, pos: Pos, d: Diagnostic) {
        let p = self.abs(pos);
        self.diags.push(d.file(self.file).at(p.line, p.col));
    }

    /// Like `error`, for a position that is already file-absolute.
    pub fn error_abs(
        &mut self,
        pos: Pos,
        code: Code,
        msg: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diags.push(
            Diagnostic::error(code, msg)
                .hint(hint)
                .file(self.file)
                .at(pos.line, pos.col),
        );
    }

    pub fn error(&mut self, pos: Pos, code: Code, msg: impl Into<String>, hint: impl Into<String>) {
        self.report(pos, Diagnostic::error(code, msg).hint(hint));
    }

    /// The entries of a mapping, or an error saying what was expected.
    pub fn map<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n [Entry]> {
        match &node.kind {
            Kind::Map(entries) => Some(entries),
            _ => {
                self.error(
                    node.pos,
                    Code::WrongType,
                    format!(
                        "{what} must be a set of `name: value` fields, not {}",
                        node.kind_name()
                    ),
                    "write one `name: value` per line, indented under it",
                );
                None
            }
        }
    }

    pub fn seq<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n [Node]> {
        match &node.kind {
            Kind::Seq(items) => Some(items),
            _ => {
                self.error(
                    node.pos,
                    Code::WrongType,
                    format!("`{what}` must be a list, not {}", node.kind_name()),
                    "write each item on its own line starting with `- `",
                );
                None
            }
        }
    }

    /// Reports every key not in `allowed`. `misplaced` may explain a key
    /// that is known but belongs elsewhere; otherwise a did-you-mean hint.
    pub fn check_keys(
        &mut self,
        entries: &[Entry],
        allowed: &[&str],
        context: &str,
        misplaced: &dyn Fn(&str) -> Option<(String, String)>,
    ) {
        for e in entries {
            if allowed.contains(&e.key.as_str()) {
                continue;
            }
            if let Some((msg, hint)) = misplaced(&e.key) {
                self.error(e.key_pos, Code::MisplacedField, msg, hint);
                continue;
            }
            let visible: String = e.key.chars().filter(|c| !is_invisible(*c)).collect();
            let hint = if visible != e.key && allowed.contains(&visible.as_str()) {
                format!("the name contains invisible characters: retype it as `{visible}`")
            } else {
                did_you_mean(&e.key, allowed.iter().copied())
                    .unwrap_or_else(|| format!("{context} may have: {}", allowed.join(", ")))
            };
            self.error(
                e.key_pos,
                Code::UnknownField,
                format!("unknown field `{}` in {context}", e.key.escape_debug()),
                hint,
            );
        }
    }

    /// A non-empty text value, or an error naming the field.
    pub fn text(&mut self, node: &Node, key: &str) -> Option<Spanned<String>> {
        match node.as_str().map(str::trim) {
            Some(s) if !s.is_empty() => Some(Spanned::new(s.to_string(), self.abs(node.pos))),
            _ if matches!(node.kind, Kind::Scalar { .. }) => {
                self.error(
                    node.pos,
                    Code::EmptyField,
                    format!("`{key}` is empty"),
                    format!("write a value after `{key}:`"),
                );
                None
            }
            _ => {
                self.error(
                    node.pos,
                    Code::WrongType,
                    format!("`{key}` must be text, not {}", node.kind_name()),
                    format!("write `{key}: ...` on one line, or quote the value"),
                );
                None
            }
        }
    }

    /// A required field of `entries`, read with `read`; a missing one is
    /// reported at `parent` (the start of the mapping).
    pub fn required<'n, T>(
        &mut self,
        entries: &'n [Entry],
        key: &str,
        parent: Pos,
        context: &str,
        example: &str,
        read: impl FnOnce(&mut Self, &'n Node) -> Option<T>,
    ) -> Option<T> {
        match get(entries, key) {
            Some(node) => read(self, node),
            None => {
                self.error(
                    parent,
                    Code::MissingField,
                    format!("{context} has no `{key}`"),
                    format!("add `{key}: {example}`"),
                );
                None
            }
        }
    }

    pub fn date(&mut self, node: &Node, key: &str) -> Option<Spanned<Date>> {
        let raw = self.text(node, key)?;
        match parse_date(&raw.value) {
            Some(d) => Some(Spanned::new(d, raw.pos)),
            None => {
                self.error(
                    node.pos,
                    Code::BadDate,
                    format!("`{}` is not a valid date for `{key}`", raw.value),
                    "write the date as YYYY-MM-DD, e.g. 2026-11-02",
                );
                None
            }
        }
    }

    /// An absolute http(s) URL with a host.
    pub fn url(&mut self, node: &Node, key: &str) -> Option<Spanned<String>> {
        let raw = self.text(node, key)?;
        if is_web_url(&raw.value) {
            Some(raw)
        } else {
            self.error(
                node.pos,
                Code::BadUrl,
                format!("`{}` is not a web address", raw.value),
                "write a full address starting with https:// (or http://)",
            );
            None
        }
    }

    /// An e-mail address: something `@` something, no spaces.
    pub fn email(&mut self, node: &Node, key: &str) -> Option<Spanned<String>> {
        let raw = self.text(node, key)?;
        let ok = raw
            .value
            .split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.ends_with('.'))
            && !raw.value.contains(char::is_whitespace);
        if ok {
            return Some(raw);
        }
        self.error(
            node.pos,
            Code::BadEmail,
            format!("`{}` is not an e-mail address", raw.value),
            "write it as name@example.org",
        );
        None
    }

    /// A telephone number as people write it: digits, spaces and `-./()`,
    /// a `+` only in front, 6 to 15 digits (ITU E.164 allows 15).
    pub fn phone(&mut self, node: &Node, key: &str) -> Option<Spanned<String>> {
        let raw = self.text(node, key)?;
        let v = &raw.value;
        let digits = v.chars().filter(char::is_ascii_digit).count();
        let chars_ok = v
            .char_indices()
            .all(|(i, c)| c.is_ascii_digit() || " -./()".contains(c) || (c == '+' && i == 0));
        if chars_ok && (6..=15).contains(&digits) {
            return Some(raw);
        }
        self.error(
            node.pos,
            Code::BadPhone,
            format!("`{v}` is not a telephone number"),
            "write it with the country code and digits only, e.g. +355 4 222 3333",
        );
        None
    }

    pub fn number(&mut self, node: &Node, key: &str, min: u32, max: u32) -> Option<u32> {
        let raw = self.text(node, key)?;
        match raw.value.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.error(
                    node.pos,
                    Code::BadNumber,
                    format!(
                        "`{key}` must be a whole number from {min} to {max}, not `{}`",
                        raw.value
                    ),
                    format!("e.g. `{key}: {}`", min.max(1)),
                );
                None
            }
        }
    }
}

pub fn get<'n>(entries: &'n [Entry], key: &str) -> Option<&'n Node> {
    entries.iter().find(|e| e.key == key).map(|e| &e.value)
}

/// Strict `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    s.parse::<Date>().ok()
}

/// An absolute http(s) address with a host. The text is kept and linked
/// as written, so it must also read as what it is: `//` spelt out, no
/// spaces, and no user part (`https://bamf.de@evil.example`) or backslash
/// (read as `/`) that makes another host look like the one meant.
pub fn is_web_url(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    !authority.contains(['@', '\\'])
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && url::Url::parse(s).is_ok_and(|u| u.host().is_some())
}

/// Zero-width and other invisible characters that sneak in by copy-paste.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2026-11-02").is_some());
        for bad in [
            "2026-13-01",
            "2026-02-30",
            "26-11-02",
            "2026/11/02",
            "2026-1-2",
            "２０２６-11-02",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn urls_must_be_web_addresses() {
        assert!(is_web_url("https://www.bamf.de/EN/x?y=1"));
        assert!(is_web_url("http://localhost:1313/a\\b"));
        assert!(is_web_url("https://bücher.example/"));
        for bad in [
            "javascript:alert(1)",
            "ftp://x",
            "https://",
            "www.x.de",
            "https://a b",
            "https://u@evil",
            "https://@evil",
            "https://evil.example\\.bamf.de/",
            "https://x.org:99999/",
            "https://[::1/",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }
}
