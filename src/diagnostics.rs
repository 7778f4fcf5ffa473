//! Problems found in a site, and how they are shown: to a person (human),
//! to a program (json) or to a CI workflow (github annotations).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, DisplayStyle};
use serde::Serialize;

mod code;
pub use code::Code;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem: what, where, and what would fix it.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The rule, serialized as its kebab-case name.
    pub code: Code,
    /// The file as the user names it (relative to the working directory
    /// when possible).
    pub file: Option<PathBuf>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: None,
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    pub fn file(mut self, file: impl Into<PathBuf>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Line and column, both 1-based.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `file:line:col` as far as known.
    pub fn location(&self) -> String {
        let mut s = self
            .file
            .as_ref()
            .map(|f| f.display().to_string())
            .unwrap_or_default();
        if let Some(line) = self.line {
            s.push_str(&format!(":{line}:{}", self.column.unwrap_or(1)));
        }
        s
    }
}

/// Every problem of a run, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl From<Diagnostic> for Diagnostics {
    /// A single problem as a list of one.
    fn from(d: Diagnostic) -> Self {
        Diagnostics { items: vec![d] }
    }
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, s: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == s).count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Whether any problem is reported against `file`.
    pub fn has_errors_in(&self, file: &Path) -> bool {
        self.items
            .iter()
            .any(|d| d.severity == Severity::Error && d.file.as_deref() == Some(file))
    }

    /// Sorts by file, then position, so that output is deterministic and
    /// reads top to bottom.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
        });
        self.items.dedup_by(|a, b| {
            a.file == b.file && a.line == b.line && a.column == b.column && a.message == b.message
        });
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
}

/// Writes `diags` in `format`. `rich` adds the source line under each
/// problem (human format only).
pub fn render(
    diags: &Diagnostics,
    format: Format,
    rich: bool,
    out: &mut dyn Write,
    color: bool,
) -> std::io::Result<()> {
    match format {
        Format::Human => render_human(diags, rich, out, color),
        Format::Json => {
            let json = serde_json::json!({
                "version": 1,
                "errors": diags.errors(),
                "warnings": diags.warnings(),
                "diagnostics": diags.items,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)
        }
        Format::Github => {
            for d in diags.iter() {
                writeln!(out, "{}", github_line(d))?;
            }
            Ok(())
        }
    }
}

fn render_human(
    diags: &Diagnostics,
    rich: bool,
    out: &mut dyn Write,
    color: bool,
) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids: BTreeMap<PathBuf, Option<usize>> = BTreeMap::new();
    let config = Config {
        display_style: if rich {
            DisplayStyle::Rich
        } else {
            DisplayStyle::Medium
        },
        ..Config::default()
    };
    let mut writer: Box<dyn codespan_reporting::term::WriteStyle> = if color {
        Box::new(term::termcolor::Ansi::new(&mut *out))
    } else {
        Box::new(term::termcolor::NoColor::new(&mut *out))
    };
    for d in diags.iter() {
        let severity = match d.severity {
            Severity::Error => codespan_reporting::diagnostic::Severity::Error,
            Severity::Warning => codespan_reporting::diagnostic::Severity::Warning,
        };
        let mut cs = CsDiagnostic::new(severity)
            .with_code(d.code.as_str())
            .with_message(&d.message);
        if let Some(hint) = &d.hint {
            cs = cs.with_notes(vec![format!("hint: {hint}")]);
        }
        // A problem at a line gets a label (so file:line:col, and the source
        // line with --verbose); one about a whole file or folder is written
        // the same way, without a position.
        let Some(line) = d.line else {
            write_plain(&mut *writer, d, color)?;
            continue;
        };
        let id = d.file.as_ref().and_then(|f| {
            *ids.entry(f.clone()).or_insert_with(|| {
                let bytes = std::fs::read(f).ok()?;
                let text = String::from_utf8_lossy(&bytes).into_owned();
                Some(files.add(f.display().to_string(), text))
            })
        });
        let Some(id) = id else {
            write_plain(&mut *writer, d, color)?;
            continue;
        };
        let text = files.get(id).map(|f| f.source().as_str()).unwrap_or("");
        let start = byte_offset(text, line, d.column.unwrap_or(1));
        let end = label_end(text, start);
        cs = cs.with_labels(vec![Label::primary(id, start..end)]);
        if term::emit_to_write_style(&mut *writer, &config, &files, &cs).is_err() {
            writeln!(writer, "{}: {}", d.location(), d.message)?;
        }
    }
    Ok(())
}

/// `path: error[code]: message` and its hint, in codespan's medium style.
fn write_plain(out: &mut dyn Write, d: &Diagnostic, color: bool) -> std::io::Result<()> {
    let (word, ansi) = match d.severity {
        Severity::Error => ("error", "\x1b[1;31m"),
        Severity::Warning => ("warning", "\x1b[1;33m"),
    };
    let location = d.location();
    let prefix = if location.is_empty() {
        String::new()
    } else {
        format!("{location}: ")
    };
    if color {
        writeln!(
            out,
            "{prefix}{ansi}{word}[{}]\x1b[0m\x1b[1m: {}\x1b[0m",
            d.code, d.message
        )?;
    } else {
        writeln!(out, "{prefix}{word}[{}]: {}", d.code, d.message)?;
    }
    if let Some(h) = &d.hint {
        writeln!(out, " = hint: {h}")?;
    }
    Ok(())
}

/// The byte offset of a 1-based line and character column in `text`.
pub fn byte_offset(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(col.saturating_sub(1))
                    .map(|(b, _)| b)
                    .unwrap_or(l.trim_end_matches(['\n', '\r']).len());
        }
        offset += l.len();
    }
    text.len()
}

/// Highlights up to the end of the word at `start`.
fn label_end(text: &str, start: usize) -> usize {
    let rest = text.get(start..).unwrap_or("");
    start
        + rest
            .find(|c: char| c.is_whitespace() || c == ':' || c == ',')
            .unwrap_or(rest.len())
}

fn github_line(d: &Diagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = Vec::new();
    if let Some(f) = &d.file {
        props.push(format!("file={}", gh_prop(&f.display().to_string())));
    }
    if let Some(l) = d.line {
        props.push(format!("line={l}"));
    }
    if let Some(c) = d.column {
        props.push(format!("col={c}"));
    }
    props.push(format!("title={}", gh_prop(d.code.as_str())));
    let mut msg = d.message.clone();
    if let Some(h) = &d.hint {
        msg.push_str(&format!("\nhint: {h}"));
    }
    format!("::{kind} {}::{}", props.join(","), gh_data(&msg))
}

// Escapes of GitHub's workflow command syntax.
fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn gh_prop(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// "did you mean `x`?" for the candidate closest to `word`, if close enough:
/// one edit away, or similar by Jaro-Winkler (good at transposed letters).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let word_l = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let c_l = c.to_lowercase();
            (
                strsim::osa_distance(&word_l, &c_l),
                strsim::jaro_winkler(&word_l, &c_l),
                c,
            )
        })
        .filter(|(edits, score, _)| *edits <= 1 || *score >= 0.8)
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, _, c)| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_annotations_escape_their_syntax() {
        let d = Diagnostic::error(Code::BadDate, "50%: a, b\nc")
            .file("content/de/a:b,c.md")
            .at(3, 4)
            .hint("fix it");
        assert_eq!(
            github_line(&d),
            "::error file=content/de/a%3Ab%2Cc.md,line=3,col=4,title=bad-date::50%25: a, b%0Ac%0Ahint: fix it"
        );
    }

    #[test]
    fn byte_offsets_count_characters_not_bytes() {
        let text = "ab\nëç: x\n";
        assert_eq!(byte_offset(text, 2, 1), 3);
        assert_eq!(byte_offset(text, 2, 3), 3 + 4);
        assert_eq!(byte_offset(text, 9, 1), text.len());
    }

    #[test]
    fn suggestions_only_when_close() {
        assert_eq!(
            did_you_mean("titel", ["title", "summary"]).as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!(did_you_mean("zzz", ["title", "summary"]), None);
    }
}
