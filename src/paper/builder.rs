//! Walking Markdown's events into the block tree: containers opened and
//! closed, text merged and budgeted, footnotes and links resolved.

use std::collections::HashMap;

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use super::{Align, MAX_CHARS, MAX_DEPTH, MAX_FOOTNOTES, Node, absolute};

/// The index of the event that closes the one opened at `start`.
pub(super) fn matching_end(events: &[Event], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, e) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

/// A footnote's content, its characters of text, and whether it was cut.
pub(super) type Note = (Vec<Node>, usize, bool);

/// An open container: what it becomes and what it has collected so far.
struct Frame {
    open: Open,
    children: Vec<Node>,
}

enum Open {
    /// The document itself, never closed.
    Root,
    /// Beyond `MAX_DEPTH`: the children join the parent's.
    Flat,
    /// A table's head or row: the cells go into the table.
    Head,
    Row,
    /// A container whose children are set when it closes.
    Node(Node),
}

pub(super) struct Builder<'n> {
    page_url: &'n str,
    notes: &'n HashMap<String, Note>,
    stack: Vec<Frame>,
    skip: usize,
    footnotes: usize,
    pub(super) chars: usize,
    /// Text or footnotes were left out.
    pub(super) shortened: bool,
}

impl<'n> Builder<'n> {
    pub(super) fn new(page_url: &'n str, notes: &'n HashMap<String, Note>) -> Self {
        Builder {
            page_url,
            notes,
            stack: vec![Frame {
                open: Open::Root,
                children: Vec::new(),
            }],
            skip: 0,
            footnotes: 0,
            chars: 0,
            shortened: false,
        }
    }

    /// Takes `n` characters from the budget; false (and the document is
    /// shortened) when they do not fit.
    fn spend(&mut self, n: usize) -> bool {
        if self.chars + n > MAX_CHARS {
            self.shortened = true;
            self.chars = MAX_CHARS;
            false
        } else {
            self.chars += n;
            true
        }
    }

    fn push(&mut self, node: Node) {
        let Some(top) = self.stack.last_mut() else {
            return;
        };
        // Adjacent text is one node: Typst joins content pieces one by one,
        // and many thousands of tiny pieces would take minutes.
        if let (Node::Text { s }, Some(Node::Text { s: last })) = (&node, top.children.last_mut()) {
            last.push_str(s);
            return;
        }
        top.children.push(node);
    }

    fn open(&mut self, open: Open) {
        // Too deep: keep collecting into the current container.
        let open = if self.stack.len() > MAX_DEPTH {
            Open::Flat
        } else {
            open
        };
        self.stack.push(Frame {
            open,
            children: Vec::new(),
        });
    }

    fn close(&mut self) {
        if self.stack.len() < 2 {
            return;
        }
        let Some(Frame { open, children }) = self.stack.pop() else {
            return;
        };
        match open {
            Open::Root | Open::Flat => {
                for c in children {
                    self.push(c);
                }
            }
            Open::Head | Open::Row => {
                if let Some(Frame {
                    open: Open::Node(Node::Table { head, rows, .. }),
                    ..
                }) = self.stack.last_mut()
                {
                    match open {
                        // The head holds cells directly.
                        Open::Head => *head = children,
                        _ => rows.push(children),
                    }
                }
            }
            Open::Node(mut node) => {
                if let Some(c) = node.children_mut() {
                    *c = children;
                }
                self.push(node);
            }
        }
    }

    pub(super) fn run(&mut self, events: &[Event]) {
        for e in events {
            if self.skip > 0 {
                match e {
                    Event::Start(_) => self.skip += 1,
                    Event::End(_) => self.skip -= 1,
                    _ => {}
                }
                continue;
            }
            self.event(e);
        }
    }

    fn event(&mut self, e: &Event) {
        match e {
            Event::Start(tag) => self.start(tag),
            Event::End(TagEnd::Image) => {}
            Event::End(_) => self.close(),
            Event::Text(t) => {
                let room = MAX_CHARS.saturating_sub(self.chars);
                let n = t.chars().count();
                self.chars += n;
                if n <= room {
                    self.push(text(breakable(t).into_owned()));
                    return;
                }
                self.shortened = true;
                if room > 0 || self.chars - n == MAX_CHARS {
                    let cut: String = t.chars().take(room).collect();
                    self.push(text(format!("{}…", breakable(&cut))));
                }
            }
            // The guard spends the budget; code beyond it is left out.
            Event::Code(t) if self.spend(t.chars().count()) => {
                self.push(Node::Code { s: t.to_string() });
            }
            Event::Code(_) => {}
            Event::SoftBreak => self.push(text(" ".into())),
            Event::HardBreak => self.push(Node::Br),
            Event::Rule => self.push(Node::Hr),
            Event::FootnoteReference(label) if self.footnotes >= MAX_FOOTNOTES => {
                self.shortened = true;
                self.push(text(format!("[{label}]")));
            }
            Event::FootnoteReference(label) => {
                self.footnotes += 1;
                let (mut c, chars, cut) =
                    self.notes.get(label.as_ref()).cloned().unwrap_or_default();
                // Every copy of a note counts against the one budget.
                if !self.spend(chars) {
                    self.push(text(format!("[{label}]")));
                    return;
                }
                self.shortened |= cut;
                // A one-paragraph note is set inline, after its number.
                if let [Node::P { c: inline }] = c.as_mut_slice() {
                    c = std::mem::take(inline);
                }
                self.push(Node::Footnote { c });
            }
            Event::TaskListMarker(done) => self.push(text(if *done { "☑ " } else { "☐ " }.into())),
            // Raw HTML has no place on paper; math and metadata are not enabled.
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag) {
        let c = Vec::new();
        let node = match tag {
            Tag::Paragraph => Node::P { c },
            Tag::Heading { level, .. } => Node::H {
                level: *level as u8,
                c,
            },
            Tag::BlockQuote(_) => Node::Quote { c },
            Tag::CodeBlock(_) => Node::Pre { c },
            Tag::List(Some(start)) => Node::Ol { start: *start, c },
            Tag::List(None) => Node::Ul { c },
            Tag::Item => Node::Li { c },
            Tag::FootnoteDefinition(_) => {
                // Placed at its reference instead.
                self.skip = 1;
                return;
            }
            Tag::Table(align) => Node::Table {
                align: align
                    .iter()
                    .map(|a| match a {
                        Alignment::Right => Align::Right,
                        Alignment::Center => Align::Center,
                        _ => Align::Left,
                    })
                    .collect(),
                head: Vec::new(),
                rows: Vec::new(),
                c,
            },
            Tag::TableHead => return self.open(Open::Head),
            Tag::TableRow => return self.open(Open::Row),
            Tag::TableCell => Node::Cell { c },
            Tag::Emphasis => Node::Em { c },
            Tag::Strong => Node::Strong { c },
            Tag::Strikethrough => Node::Del { c },
            Tag::Link { dest_url, .. } => {
                let url = absolute(self.page_url, dest_url);
                // The address is printed after the link text.
                self.spend(url.chars().count());
                Node::Link { url, c }
            }
            Tag::Image { .. } => {
                // Alt text only: the Image's End is ignored, its text kept.
                return;
            }
            _ => Node::Span { c },
        };
        self.open(Open::Node(node));
    }

    pub(super) fn finish(mut self) -> Vec<Node> {
        while self.stack.len() > 1 {
            self.close();
        }
        self.stack.pop().map(|f| f.children).unwrap_or_default()
    }
}

fn text(s: String) -> Node {
    Node::Text { s }
}

/// Words longer than a line get break opportunities (U+200B), so that line
/// breaking stays cheap and nothing runs off the page.
fn breakable(text: &str) -> std::borrow::Cow<'_, str> {
    const LONG: usize = 60;
    if text.len() <= LONG || text.split_whitespace().all(|w| w.chars().count() <= LONG) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / LONG * 3);
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_whitespace() { 0 } else { run + 1 };
        if run > LONG {
            out.push('\u{200B}');
            run = 1;
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}
