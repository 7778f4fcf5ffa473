//! A sheet cut into what a translator translates: the title, the summary,
//! each key-fact value, each change note, and in the Markdown each
//! heading, paragraph, list item, table cell and footnote, as its source
//! text (inline Markdown kept) and its place in the file.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::content::doc::{Part, Text};

/// What a segment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Title,
    Summary,
    Fact,
    Note,
    Heading,
    Paragraph,
    Item,
    Cell,
    Footnote,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Summary => "summary",
            Kind::Fact => "key fact",
            Kind::Note => "change note",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::Item => "list item",
            Kind::Cell => "table cell",
            Kind::Footnote => "footnote",
        }
    }
}

/// One piece of translatable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub kind: Kind,
    /// What tells equal texts apart: `fact:fee`, `note:2026-12-01`, and for
    /// a repeated body text its occurrence (`2`, `3`…).
    pub context: Option<String>,
    pub text: String,
    /// Bytes of the body (body segments only).
    pub range: Option<Range<usize>>,
    /// The section (0 before the first heading, then 1, 2… per heading).
    pub section: usize,
}

/// Every segment of a sheet's text, front matter first, in order.
pub fn of_text(text: &Text) -> Vec<Segment> {
    let mut out = Vec::new();
    for part in text.parts() {
        match part {
            Part::Title(t) => out.push(fixed(Kind::Title, None, t)),
            Part::Summary(t) => out.push(fixed(Kind::Summary, None, t)),
            Part::KeyFact {
                index,
                label,
                value,
            } => {
                let n = text.key_facts[..index]
                    .iter()
                    .filter(|o| o.label.value == label)
                    .count();
                let context = if n == 0 {
                    format!("fact:{label}")
                } else {
                    format!("fact:{label}#{}", n + 1)
                };
                out.push(fixed(Kind::Fact, Some(context), value));
            }
            // Notes before the body, which is cut into its own segments
            // (by bytes of the body as written).
            Part::Body(_) => {
                for c in &text.changes {
                    out.push(fixed(
                        Kind::Note,
                        Some(format!("note:{}", c.date.value)),
                        &c.note,
                    ));
                }
                out.extend(of_body(&text.body));
            }
        }
    }
    // A body text equal to the title or the summary (or a note) must still
    // be its own entry: (context, text) is unique in a PO file.
    let fixed: std::collections::HashSet<(Option<String>, String)> = out
        .iter()
        .filter(|s| s.range.is_none())
        .map(|s| (s.context.clone(), s.text.clone()))
        .collect();
    let mut extra: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for seg in out.iter_mut().filter(|s| s.range.is_some()) {
        if fixed.contains(&(seg.context.clone(), seg.text.clone())) {
            // After the body's own occurrences: a number none of them has.
            let base = seg
                .context
                .as_deref()
                .and_then(|c| c.parse::<usize>().ok())
                .unwrap_or(1);
            let n = extra.entry(seg.text.clone()).or_default();
            *n += 1;
            seg.context = Some(format!("{}+{}", base, n));
        }
    }
    out
}

fn fixed(kind: Kind, context: Option<String>, text: &str) -> Segment {
    Segment {
        kind,
        context,
        text: text.to_string(),
        range: None,
        section: 0,
    }
}

/// The Markdown's segments: each maximal run of inline content in one
/// block, as the bytes it spans. A repeated text gets its occurrence as
/// its context, so every (context, text) is unique.
pub fn of_body(body: &str) -> Vec<Segment> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out: Vec<Segment> = Vec::new();
    // The kind of block whose inline content is being read, and its run.
    let mut blocks: Vec<Kind> = Vec::new();
    let mut run: Option<(Kind, Range<usize>)> = None;
    let mut section = 0;
    let close = |run: &mut Option<(Kind, Range<usize>)>, out: &mut Vec<Segment>, section: usize| {
        if let Some((kind, range)) = run.take() {
            let text = body[range.clone()].trim_end().to_string();
            if !text.trim().is_empty() {
                let end = range.start + text.len();
                out.push(Segment {
                    kind,
                    context: None,
                    text,
                    range: Some(range.start..end),
                    section,
                });
            }
        }
    };
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match &event {
            Event::Start(tag) if is_inline(tag) => extend(&mut run, &blocks, range),
            Event::End(tag) if is_inline_end(tag) => extend(&mut run, &blocks, range),
            Event::Start(tag) => {
                close(&mut run, &mut out, section);
                if let Tag::Heading { .. } = tag {
                    section += 1;
                }
                blocks.push(block_kind(tag, blocks.last().copied()));
            }
            Event::End(_) => {
                close(&mut run, &mut out, section);
                blocks.pop();
            }
            Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => extend(&mut run, &blocks, range),
            _ => close(&mut run, &mut out, section),
        }
    }
    close(&mut run, &mut out, section);
    // Equal texts in one body: tell them apart by occurrence.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for seg in &mut out {
        let n = seen.entry(seg.text.clone()).or_default();
        if *n > 0 {
            seg.context = Some((*n + 1).to_string());
        }
        *n += 1;
    }
    out
}

fn extend(run: &mut Option<(Kind, Range<usize>)>, blocks: &[Kind], range: Range<usize>) {
    match run {
        Some((_, r)) => r.end = r.end.max(range.end),
        None => {
            let kind = blocks.last().copied().unwrap_or(Kind::Paragraph);
            *run = Some((kind, range));
        }
    }
}

/// The kind of text a block holds; a paragraph inside a list item or a
/// footnote is that item or footnote.
fn block_kind(tag: &Tag, parent: Option<Kind>) -> Kind {
    match tag {
        Tag::Heading { .. } => Kind::Heading,
        Tag::Item => Kind::Item,
        Tag::TableCell => Kind::Cell,
        Tag::FootnoteDefinition(_) => Kind::Footnote,
        Tag::Paragraph => match parent {
            Some(k @ (Kind::Item | Kind::Footnote)) => k,
            _ => Kind::Paragraph,
        },
        _ => parent.unwrap_or(Kind::Paragraph),
    }
}

fn is_inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link | TagEnd::Image
    )
}

/// The body with each segment's bytes replaced, from the end so that the
/// earlier ranges stay right. `with` gives a segment's new text, or None
/// to keep it.
pub fn replace(body: &str, segments: &[Segment], with: &dyn Fn(usize) -> Option<String>) -> String {
    let mut out = body.to_string();
    for (i, s) in segments.iter().enumerate().rev() {
        if let (Some(r), Some(new)) = (&s.range, with(i))
            && out.get(r.clone()).is_some()
        {
            out.replace_range(r.clone(), &new);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_segments_with_their_bytes() {
        let body = "Intro *text*\nsecond line.\n\n## Who\n\n- One [link](https://x.org/)\n- Two\n\n| A | B |\n|---|---|\n| 1 | Yes |\n| 2 | Yes |\n\nSee[^1].\n\n[^1]: A note.\n";
        let s = of_body(body);
        let got: Vec<(Kind, &str, Option<&str>, usize)> = s
            .iter()
            .map(|x| (x.kind, x.text.as_str(), x.context.as_deref(), x.section))
            .collect();
        assert_eq!(
            got,
            [
                (Kind::Paragraph, "Intro *text*\nsecond line.", None, 0),
                (Kind::Heading, "Who", None, 1),
                (Kind::Item, "One [link](https://x.org/)", None, 1),
                (Kind::Item, "Two", None, 1),
                (Kind::Cell, "A", None, 1),
                (Kind::Cell, "B", None, 1),
                (Kind::Cell, "1", None, 1),
                (Kind::Cell, "Yes", None, 1),
                (Kind::Cell, "2", None, 1),
                (Kind::Cell, "Yes", Some("2"), 1),
                (Kind::Paragraph, "See[^1].", None, 1),
                (Kind::Footnote, "A note.", None, 1),
            ]
        );
        // Replacing every segment by itself gives the body back.
        assert_eq!(replace(body, &s, &|i| Some(s[i].text.clone())), body);
        let upper = replace(body, &s, &|i| Some(s[i].text.to_uppercase()));
        assert!(
            upper.starts_with(
                "INTRO *TEXT*\nSECOND LINE.\n\n## WHO\n\n- ONE [LINK](HTTPS://X.ORG/)\n"
            )
        );
    }
}
