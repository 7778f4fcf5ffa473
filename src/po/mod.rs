//! gettext PO files, the format every translation platform takes
//! (Weblate, Pontoon, Crowdin, Poedit): written by `export`, read back by
//! `import`, with line numbers for every problem.

pub mod align;
pub mod apply;
pub mod import;
pub mod segments;

use std::fmt::Write as _;
use std::path::Path;

use crate::diagnostics::{Code, Diagnostic, Diagnostics};

/// The largest PO file read: a sheet's is a few kilobytes.
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;

/// One message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message {
    /// `#.`: what the text is (a heading, a key fact…).
    pub note: Option<String>,
    pub context: Option<String>,
    pub id: String,
    pub text: String,
    /// `#, fuzzy`: the source changed since this was translated.
    pub fuzzy: bool,
    /// `#| msgid`: the source text the translation was made from.
    pub previous: Option<String>,
    /// The line of `msgid` (for diagnostics).
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Header fields in order (`Language`, `Plural-Forms`…).
    pub header: Vec<(String, String)>,
    pub entries: Vec<Message>,
}

impl Catalog {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// gettext's Plural-Forms for a language, from CLDR's cardinal rules for
/// integers (Serbian, Bosnian and Croatian: one, few, other; Macedonian:
/// one, other with 11 excepted; Albanian and English: one, other).
pub fn plural_forms(tag: &str) -> &'static str {
    match tag.split('-').next().unwrap_or(tag) {
        "sr" | "bs" | "hr" | "sh" | "cnr" => {
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        "mk" => "nplurals=2; plural=(n%10==1 && n%100!=11 ? 0 : 1);",
        "tr" | "ja" | "zh" | "ko" | "vi" => "nplurals=1; plural=0;",
        _ => "nplurals=2; plural=(n != 1);",
    }
}

fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A keyword and its string; a text with line breaks is written one line
/// per source line, after an empty first string, as gettext does.
fn keyword(out: &mut String, prefix: &str, key: &str, value: &str) {
    if value.contains('\n') && value.trim_end_matches('\n').contains('\n') {
        let _ = writeln!(out, "{prefix}{key} \"\"");
        for line in value.split_inclusive('\n') {
            let _ = writeln!(out, "{prefix}{}", quote(line));
        }
    } else {
        let _ = writeln!(out, "{prefix}{key} {}", quote(value));
    }
}

/// The catalog as PO text.
pub fn write(c: &Catalog) -> String {
    let mut out = String::new();
    out.push_str("msgid \"\"\nmsgstr \"\"\n");
    for (k, v) in &c.header {
        out.push_str(&quote(&format!("{k}: {v}\n")));
        out.push('\n');
    }
    for e in &c.entries {
        out.push('\n');
        if let Some(n) = &e.note {
            let _ = writeln!(out, "#. {n}");
        }
        if e.fuzzy {
            out.push_str("#, fuzzy\n");
        }
        if let Some(p) = &e.previous {
            if let Some(ctx) = &e.context {
                keyword(&mut out, "#| ", "msgctxt", ctx);
            }
            keyword(&mut out, "#| ", "msgid", p);
        }
        if let Some(ctx) = &e.context {
            keyword(&mut out, "", "msgctxt", ctx);
        }
        keyword(&mut out, "", "msgid", &e.id);
        keyword(&mut out, "", "msgstr", &e.text);
    }
    out
}

/// Reads PO text. Every problem is a diagnostic at its line; None when
/// the file cannot be used.
pub fn parse(text: &str, file: &Path, diags: &mut Diagnostics) -> Option<Catalog> {
    let before = diags.errors();
    let mut err = |line: usize, msg: String, hint: &str| {
        diags.push(
            Diagnostic::error(Code::PoSyntax, msg)
                .file(file)
                .at(line, 1)
                .hint(hint.to_string()),
        );
    };
    let mut entries: Vec<Message> = Vec::new();
    let mut cur = Message::default();
    // Which string continuation lines add to.
    #[derive(PartialEq, Clone, Copy)]
    enum Field {
        None,
        Ctx,
        Id,
        Str,
        PrevId,
        PrevCtx,
        Plural,
    }
    let mut field = Field::None;
    let mut has_id = false;
    let mut has_str = false;
    let finish =
        |cur: &mut Message, has_id: &mut bool, has_str: &mut bool, entries: &mut Vec<Message>| {
            if *has_id {
                entries.push(std::mem::take(cur));
            } else {
                *cur = Message::default();
            }
            *has_id = false;
            *has_str = false;
        };
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let (prev, body) = match line.strip_prefix("#|") {
            Some(rest) => (true, rest.trim_start()),
            None if line.starts_with('#') => {
                if has_str {
                    finish(&mut cur, &mut has_id, &mut has_str, &mut entries);
                }
                if let Some(flags) = line.strip_prefix("#,") {
                    cur.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
                } else if let Some(note) = line.strip_prefix("#.") {
                    cur.note = Some(note.trim().to_string());
                }
                field = Field::None;
                continue;
            }
            None => (false, line),
        };
        if body.starts_with('"') {
            let Some(s) = unquote(body) else {
                err(
                    n,
                    format!(
                        "this string is not closed or has a bad escape: {}",
                        short(body)
                    ),
                    "write strings as \"text\", with \\\" for a quote and \\n for a line break",
                );
                continue;
            };
            let target = match field {
                Field::Ctx => cur.context.get_or_insert_with(String::new),
                Field::Id => &mut cur.id,
                Field::Str => &mut cur.text,
                Field::PrevId => cur.previous.get_or_insert_with(String::new),
                Field::PrevCtx | Field::Plural => continue,
                Field::None => {
                    err(
                        n,
                        "a string with no keyword before it".into(),
                        "start the entry with msgid \"…\"",
                    );
                    continue;
                }
            };
            target.push_str(&s);
            continue;
        }
        let (key, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
        let Some(value) = unquote(rest.trim()) else {
            err(
                n,
                format!("`{}` needs a quoted string", short(key)),
                "write it as msgid \"text\"",
            );
            continue;
        };
        if !prev && has_str && matches!(key, "msgid" | "msgctxt") {
            finish(&mut cur, &mut has_id, &mut has_str, &mut entries);
        }
        field = match (prev, key) {
            (true, "msgid") => {
                cur.previous = Some(value);
                Field::PrevId
            }
            (true, "msgctxt") => Field::PrevCtx,
            (false, "msgctxt") => {
                cur.context = Some(value);
                Field::Ctx
            }
            (false, "msgid") if has_id && !has_str => {
                err(
                    n,
                    "a msgid without its msgstr before it".into(),
                    "give every msgid a msgstr line, even an empty one: msgstr \"\"",
                );
                Field::None
            }
            (false, "msgid") => {
                cur.id = value;
                cur.line = n;
                has_id = true;
                Field::Id
            }
            (false, "msgstr") if has_id => {
                cur.text = value;
                has_str = true;
                Field::Str
            }
            (false, "msgid_plural") | (false, _)
                if key.starts_with("msgstr[") || key == "msgid_plural" =>
            {
                has_str = true;
                Field::Plural
            }
            _ => {
                err(
                    n,
                    format!("unexpected `{}` here", short(key)),
                    "each entry is: optional msgctxt, msgid, msgstr",
                );
                Field::None
            }
        };
    }
    finish(&mut cur, &mut has_id, &mut has_str, &mut entries);
    if diags.errors() > before {
        return None;
    }
    let mut header = Vec::new();
    let mut entries = entries.into_iter();
    let first = entries.next();
    let rest: Vec<Message> = match first {
        Some(h) if h.id.is_empty() && h.context.is_none() => {
            for line in h.text.lines() {
                if let Some((k, v)) = line.split_once(':') {
                    header.push((k.trim().to_string(), v.trim().to_string()));
                }
            }
            entries.collect()
        }
        Some(e) => std::iter::once(e).chain(entries).collect(),
        None => Vec::new(),
    };
    Some(Catalog {
        header,
        entries: rest,
    })
}

/// The start of a long text, for messages.
pub fn short(s: &str) -> String {
    let t: String = s.chars().take(40).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

/// The content of a `"…"` string with its escapes resolved.
fn unquote(s: &str) -> Option<String> {
    let inner = s.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(match chars.next()? {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '"' => '"',
                '\\' => '\\',
                'a' => '\u{7}',
                'b' => '\u{8}',
                'f' => '\u{c}',
                'v' => '\u{b}',
                _ => return None,
            }),
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_catalogs_read_back_the_same() {
        let c = Catalog {
            header: vec![
                ("Language".into(), "sq".into()),
                ("Plural-Forms".into(), plural_forms("sq").into()),
            ],
            entries: vec![
                Message {
                    note: Some("title".into()),
                    id: "Work \"here\"".into(),
                    text: "Punë".into(),
                    line: 0,
                    ..Default::default()
                },
                Message {
                    context: Some("fact:fee".into()),
                    id: "Line one\nline two\n".into(),
                    text: "a\\b\tc".into(),
                    fuzzy: true,
                    previous: Some("Old\ntext".into()),
                    ..Default::default()
                },
            ],
        };
        let text = write(&c);
        let mut diags = Diagnostics::default();
        let back = parse(&text, Path::new("x.po"), &mut diags).expect("parses");
        assert_eq!(back.header, c.header);
        let strip = |e: &Message| Message {
            line: 0,
            ..e.clone()
        };
        assert_eq!(
            back.entries.iter().map(strip).collect::<Vec<_>>(),
            c.entries
        );
    }

    #[test]
    fn broken_files_get_their_line() {
        let mut diags = Diagnostics::default();
        assert!(parse("msgid \"a\"\nmsgstr \"b\n", Path::new("x.po"), &mut diags).is_none());
        let d = diags.iter().next().unwrap();
        assert_eq!((d.line, d.code), (Some(2), Code::PoSyntax));
        let mut diags = Diagnostics::default();
        assert!(
            parse(
                "\"orphan\"\nmsgid \"a\"\nmsgstr \"b\"\nmsgfoo \"x\"\n",
                Path::new("x.po"),
                &mut diags
            )
            .is_none()
        );
        assert_eq!(diags.errors(), 2);
    }
}
