//! From a file's bytes to YAML front matter and a Markdown body.

use crate::diagnostics::{Code, Diagnostic};

/// The largest sheet we read: real sheets are a few kilobytes, and a huge
/// file is almost always a mistake (a pasted binary, a runaway script).
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// A text file split at its front matter.
#[derive(Debug, Clone)]
pub struct Split {
    /// The YAML between the `---` lines, line endings normalised.
    pub yaml: String,
    /// The Markdown after the closing `---`, line endings normalised.
    pub body: String,
    /// The file line the body starts on (1-based).
    pub body_line: usize,
}

/// Splits `---\n<yaml>\n---\n<body>`. The YAML starts on line 2.
pub fn split(text: &str) -> Result<Split, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error(Code::EmptyFile, "the file is empty")
            .at(1, 1)
            .hint("start with a `---` line, the fields, and another `---` line (or `factsheet new` makes one)"));
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(Diagnostic::error(
            Code::NoFrontMatter,
            "the file does not start with front matter",
        )
        .at(1, 1)
        .hint("put a line `---` first, then the fields (title, summary, …), then another `---`"));
    }
    let mut offset = first.len();
    for (i, line) in lines.enumerate() {
        if line.trim_end() == "---" {
            let yaml = text[first.len()..offset].to_string();
            let body = text[offset + line.len()..].to_string();
            return Ok(Split {
                yaml,
                body,
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        Code::UnclosedFrontMatter,
        "the front matter is never closed",
    )
    .at(1, 1)
    .hint("add a line `---` after the last field, before the text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_counts_lines() {
        let s = split("---\ntitle: a\n---\n# Body\n").unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn missing_and_unclosed_front_matter() {
        assert_eq!(split("").unwrap_err().code, Code::EmptyFile);
        assert_eq!(split("# Title\n").unwrap_err().code, Code::NoFrontMatter);
        assert_eq!(
            split("---\ntitle: a\n").unwrap_err().code,
            Code::UnclosedFrontMatter
        );
    }
}
