//! Text utilities every stage shares: reading a file's bytes as text, and
//! names safe in URLs and file names.

use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;

/// Turns bytes into text: strips a BOM, rejects invalid UTF-8 with the
/// place of the first bad byte, and normalises CRLF to LF (line numbers
/// stay the same, columns too).
pub fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(normalize_newlines(text)),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = 1 + good.iter().filter(|b| **b == b'\n').count();
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
            let col = 1 + String::from_utf8_lossy(&good[line_start..]).chars().count();
            Err(Diagnostic::error(
                Code::Encoding,
                format!("the file is not valid UTF-8 (byte {} cannot be read)", e.valid_up_to() + 1),
            )
            .at(line, col)
            .hint("save the file with UTF-8 encoding (most editors: File > Save with Encoding > UTF-8)"))
        }
    }
}

pub fn normalize_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    }
}

/// Lower-case letters, digits and inner hyphens: safe in a URL and a file name.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_bad_bytes() {
        assert_eq!(
            decode(b"\xEF\xBB\xBF---\r\na: 1\r\n").unwrap(),
            "---\na: 1\n"
        );
        let e = decode(b"---\nab\xFFc\n").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(3)));
    }
}
