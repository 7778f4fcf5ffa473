//! A small YAML tree that remembers where every key and value came from.
//!
//! Built from `saphyr-parser` events (the maintained successor line of
//! `yaml-rust`; `serde_yaml` is deprecated upstream and loses positions), so
//! that every diagnostic can point at file:line:column. We deliberately keep
//! scalars as text: a date or a number in front matter is checked by the
//! field that reads it, with a message that says what to write instead.

pub mod reader;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};

/// Deeper nesting than this is never a fact sheet; refusing it keeps hostile
/// input from exhausting the stack when the tree is dropped.
const MAX_DEPTH: usize = 32;
/// The most nodes a document may have (a sheet has a few hundred at most).
const MAX_NODES: usize = 100_000;

/// A position in the YAML text: 1-based line, 1-based column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

impl Pos {
    fn from_span(span: &Span) -> Self {
        Pos {
            line: span.start.line(),
            col: span.start.col() + 1,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Node {
    pub pos: Pos,
    /// Where the value ends (exclusive), for scalars: lets `stamp` replace
    /// exactly the characters of one value.
    pub end: Pos,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub enum Kind {
    /// `plain` is false for quoted and block scalars: `"null"` is text.
    Scalar {
        value: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    pub key_pos: Pos,
    pub value: Node,
}

/// Why a YAML text could not be read.
#[derive(Debug, Clone)]
pub struct YamlError {
    pub pos: Pos,
    pub message: String,
    pub hint: String,
    /// For a repeated key: where it was first written.
    pub first: Option<Pos>,
}

impl YamlError {
    /// A diagnostic for `file`, whose YAML starts after `line_offset` lines.
    pub fn into_diagnostic(
        self,
        file: &std::path::Path,
        line_offset: usize,
    ) -> crate::diagnostics::Diagnostic {
        let mut message = self.message;
        if let Some(first) = self.first {
            message.push_str(&format!(" (first on line {})", first.line + line_offset));
        }
        crate::diagnostics::Diagnostic::error(crate::diagnostics::Code::Yaml, message)
            .file(file)
            .at(self.pos.line + line_offset, self.pos.col)
            .hint(self.hint)
    }
}

impl Node {
    /// The scalar's text, unless it is a plain null (`~`, `null`, nothing).
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar { value, plain } => {
                if *plain && matches!(value.as_str(), "" | "~" | "null" | "Null" | "NULL") {
                    None
                } else {
                    Some(value)
                }
            }
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(&self.kind, Kind::Scalar { .. }) && self.as_str().is_none()
    }

    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            Kind::Scalar { .. } if self.is_null() => "nothing",
            Kind::Scalar { .. } => "a single value",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a set of fields",
        }
    }
}

/// Parses one YAML document. An empty document is an empty mapping.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    let mut builder = TreeBuilder::default();
    let mut parser = Parser::new_from_str(text);
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(scan_error)?;
        if builder.on_event(event, span)? {
            break;
        }
    }
    Ok(builder.root.unwrap_or(Node {
        pos: Pos { line: 1, col: 1 },
        end: Pos { line: 1, col: 1 },
        kind: Kind::Map(Vec::new()),
    }))
}

fn scan_error(e: ScanError) -> YamlError {
    let m = e.marker();
    let info = e.info().to_string();
    let hint = if info.contains("tab") {
        "YAML does not allow tabs for indentation: indent with spaces".to_string()
    } else if info.contains("recursion limit") {
        "values nested this deep are never a fact sheet: flatten them".to_string()
    } else if info.contains("duplicated key") {
        "each field may appear once: remove or merge the repeated one".to_string()
    } else if info.contains("mapping values are not allowed") {
        "a value that contains `: ` must be quoted, e.g. title: \"Work: the basics\"".to_string()
    } else {
        "check the indentation and quoting around this place".to_string()
    };
    YamlError {
        pos: Pos {
            line: m.line(),
            col: m.col() + 1,
        },
        message: format!("invalid YAML: {info}"),
        hint,
        first: None,
    }
}

/// A container being filled, and for maps the key waiting for its value.
enum Open {
    Seq(Node),
    Map(Node, Option<(String, Pos)>),
}

#[derive(Default)]
struct TreeBuilder {
    stack: Vec<Open>,
    root: Option<Node>,
    nodes: usize,
}

impl TreeBuilder {
    /// Returns true when the first document is complete.
    fn on_event(&mut self, event: Event, span: Span) -> Result<bool, YamlError> {
        let pos = Pos::from_span(&span);
        let end = Pos {
            line: span.end.line(),
            col: span.end.col() + 1,
        };
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(YamlError {
                pos,
                message: "front matter is too large".into(),
                hint: format!("a sheet's fields need far fewer than {MAX_NODES} values"),
                first: None,
            });
        }
        match event {
            Event::Alias(_) => Err(YamlError {
                pos,
                message: "YAML aliases (`*name`) are not supported".into(),
                hint: "write the value out in full where it is used".into(),
                first: None,
            }),
            Event::Scalar(value, style, _, _) => {
                let node = Node {
                    pos,
                    end,
                    kind: Kind::Scalar {
                        value: value.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    },
                };
                self.add(node)
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(YamlError {
                        pos,
                        message: format!("nesting deeper than {MAX_DEPTH} levels"),
                        hint: "fact sheet fields are at most a few levels deep".into(),
                        first: None,
                    });
                }
                let node = |kind| Node { pos, end, kind };
                self.stack.push(match event {
                    Event::SequenceStart(..) => Open::Seq(node(Kind::Seq(Vec::new()))),
                    _ => Open::Map(node(Kind::Map(Vec::new())), None),
                });
                Ok(false)
            }
            Event::SequenceEnd | Event::MappingEnd => match self.stack.pop() {
                Some(Open::Seq(node)) | Some(Open::Map(node, _)) => self.add(node),
                None => Ok(false),
            },
            Event::DocumentEnd => Ok(self.root.is_some()),
            _ => Ok(false),
        }
    }

    fn add(&mut self, node: Node) -> Result<bool, YamlError> {
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
                Ok(false)
            }
            Some(Open::Seq(seq)) => {
                if let Kind::Seq(items) = &mut seq.kind {
                    items.push(node);
                }
                Ok(false)
            }
            Some(Open::Map(map, pending)) => {
                match pending.take() {
                    None => match &node.kind {
                        Kind::Scalar { value, .. } => *pending = Some((value.clone(), node.pos)),
                        _ => {
                            return Err(YamlError {
                                pos: node.pos,
                                message: "a field name must be plain text".into(),
                                hint: "write `name: value`".into(),
                                first: None,
                            });
                        }
                    },
                    Some((key, key_pos)) => {
                        if let Kind::Map(entries) = &mut map.kind {
                            if let Some(first) = entries.iter().find(|e| e.key == key) {
                                return Err(YamlError {
                                    pos: key_pos,
                                    message: format!("field `{key}` appears twice"),
                                    first: Some(first.key_pos),
                                    hint: "each field may appear once: remove or merge the repeated one"
                                        .into(),
                                });
                            }
                            entries.push(Entry {
                                key,
                                key_pos,
                                value: node,
                            });
                        }
                    }
                }
                Ok(false)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let node = parse("title: Work\nsources:\n  - url: https://x.example\n").unwrap();
        let Kind::Map(entries) = &node.kind else {
            panic!("not a map")
        };
        assert_eq!(entries[0].key, "title");
        assert_eq!(entries[0].key_pos, Pos { line: 1, col: 1 });
        assert_eq!(entries[0].value.pos, Pos { line: 1, col: 8 });
        let Kind::Seq(items) = &entries[1].value.kind else {
            panic!("not a seq")
        };
        let Kind::Map(item) = &items[0].kind else {
            panic!("not a map")
        };
        assert_eq!(item[0].key_pos, Pos { line: 3, col: 5 });
    }

    #[test]
    fn rejects_aliases_duplicates_and_deep_nesting() {
        let e = parse("a: &x 1\nb: *x\n").unwrap_err();
        assert!(e.message.contains("aliases"), "{e:?}");
        let e = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(e.pos.line, 3);
        assert_eq!(e.first.map(|p| p.line), Some(1));
        let deep = format!("a: {}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&deep).unwrap_err().message.contains("nesting"));
    }

    #[test]
    fn quoted_null_is_text_plain_null_is_nothing() {
        let node = parse("a: \"null\"\nb: null\nc:\n").unwrap();
        let Kind::Map(e) = &node.kind else { panic!() };
        assert_eq!(e[0].value.as_str(), Some("null"));
        assert!(e[1].value.is_null());
        assert!(e[2].value.is_null());
    }
}

/// `s` as a double-quoted YAML scalar: safe for any text.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod quote_tests {
    #[test]
    fn quoted_text_reads_back_the_same() {
        for s in [
            "plain",
            "a: b",
            "\"q\" \\ #x",
            "line\nbreak",
            "ë ç Љ",
            "- [x] {y} *z &w !v",
        ] {
            let node = super::parse(&format!("k: {}\n", super::quote(s))).unwrap();
            let super::Kind::Map(e) = &node.kind else {
                panic!()
            };
            assert_eq!(e[0].value.as_str(), Some(s));
        }
    }
}
