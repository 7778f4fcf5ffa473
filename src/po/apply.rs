//! From a catalog back to the translation file (`import`). A translation
//! that follows its source's structure is edited in place, segment by
//! segment, so exporting and importing unchanged gives the file back byte
//! for byte.

use super::align::align_structure;
use super::segments::{self, Kind, Segment};
use crate::content::sheet::Text;
use crate::yaml::{self, Kind as YamlKind, Node};

/// What an import did.
#[derive(Debug, Default)]
pub struct Stats {
    pub translated: usize,
    pub fuzzy: usize,
    pub untranslated: usize,
}

impl Stats {
    pub fn complete(&self) -> bool {
        self.fuzzy == 0 && self.untranslated == 0
    }
}

/// The translation file's text with the catalog's translations: the
/// existing file (`existing`, its text with line endings normalised)
/// edited in place, or, when there is none, a new file in the source's
/// structure. `found` holds each source segment's `msgstr` and fuzzy
/// flag; a fuzzy one is a draft and is not written (as `msgfmt` leaves it
/// out). An existing file that cannot be edited safely is an error: it is
/// never rewritten and never loses a word.
pub fn write_translation(
    source: &Text,
    source_lang: &str,
    existing: Option<(&str, &Text)>,
    found: &[Option<(String, bool)>],
) -> Result<(String, Stats), String> {
    let src = segments::of_text(source);
    let mut stats = Stats::default();
    for f in found {
        match f {
            Some((t, _)) if t.is_empty() => stats.untranslated += 1,
            Some((_, true)) => stats.fuzzy += 1,
            Some(_) => stats.translated += 1,
            None => stats.untranslated += 1,
        }
    }
    let value = |i: usize| {
        found[i]
            .as_ref()
            .filter(|(t, fuzzy)| !t.is_empty() && !fuzzy)
            .map(|(t, _)| t.clone())
    };
    if let Some((text, current)) = existing {
        return edit_in_place(text, current, &src, &value).map(|t| (t, stats));
    }
    // A new file in the source's structure: what is not translated yet
    // stays in the source's words.
    let v = |i: usize| value(i).unwrap_or_else(|| src[i].text.clone());
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", yaml::quote(&v(0))));
    out.push_str(&format!("summary: {}\n", yaml::quote(&v(1))));
    let facts: Vec<usize> = (0..src.len())
        .filter(|&i| src[i].kind == Kind::Fact)
        .collect();
    if !facts.is_empty() {
        out.push_str("key_facts:\n");
        for (n, &i) in facts.iter().enumerate() {
            let label = &source.key_facts[n].label.value;
            out.push_str(&format!(
                "  - label: {label}\n    value: {}\n",
                yaml::quote(&v(i))
            ));
        }
    }
    let notes: Vec<usize> = (0..src.len())
        .filter(|&i| src[i].kind == Kind::Note && value(i).is_some())
        .collect();
    if !notes.is_empty() {
        out.push_str("changes:\n");
        for &i in &notes {
            out.push_str(&note_item("  ", note_date(&src[i]), &v(i)));
        }
    }
    out.push_str(&format!(
        "translation:\n  from: {source_lang}\n  source_hash:\n---\n"
    ));
    let first_body = src
        .iter()
        .position(|s| s.range.is_some())
        .unwrap_or(src.len());
    out.push_str(&segments::replace(&source.body, &src[first_body..], &|i| {
        value(i + first_body)
    }));
    Ok((out, stats))
}

fn note_date(s: &Segment) -> &str {
    s.context
        .as_deref()
        .and_then(|c| c.strip_prefix("note:"))
        .unwrap_or_default()
}

fn note_item(indent: &str, date: &str, note: &str) -> String {
    format!(
        "{indent}- date: {date}\n{indent}  note: {}\n",
        yaml::quote(note)
    )
}

/// The existing translation with each changed segment's text replaced, a
/// newly translated change note or fact added; an error naming what could
/// not be placed.
fn edit_in_place(
    text: &str,
    current: &Text,
    src: &[Segment],
    value: &dyn Fn(usize) -> Option<String>,
) -> Result<String, String> {
    let tr = segments::of_text(current);
    let to_tr = align_structure(src, &tr);
    let unsafe_edit = |what: &str| {
        format!(
            "{what}; edit the translation by hand (`factsheet diff` shows what changed), or remove it to import it anew"
        )
    };
    for (i, s) in src.iter().enumerate() {
        if s.range.is_some() && value(i).is_some() && to_tr[i].is_none() {
            let head: String = s.text.chars().take(50).collect();
            return Err(unsafe_edit(&format!(
                "the translation has no {} in the place of \"{head}\"",
                s.kind.as_str()
            )));
        }
    }
    let split = crate::content::frontmatter::split(text).map_err(|d| d.message)?;
    let root = yaml::parse(&split.yaml).map_err(|e| e.message)?;
    let YamlKind::Map(top) = &root.kind else {
        return Err(unsafe_edit("its front matter is not a set of fields"));
    };
    let yaml_start = text.find('\n').map_or(0, |n| n + 1);
    let offset = |line: usize, col: usize| {
        yaml_start + crate::diagnostics::byte_offset(&split.yaml, line, col)
    };
    // (byte range in `text`, new text)
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let entry = |key: &str| top.iter().find(|e| e.key == key);
    let body_start = text.len() - split.body.len();
    let mut new_notes: Vec<usize> = Vec::new();
    for (i, s) in src.iter().enumerate() {
        let Some(new) = value(i) else { continue };
        let Some(t) = to_tr[i] else {
            match s.kind {
                Kind::Note => new_notes.push(i),
                _ => {
                    return Err(unsafe_edit(&format!(
                        "the translation lacks the {} `{}`",
                        s.kind.as_str(),
                        s.context.as_deref().unwrap_or(&s.text)
                    )));
                }
            }
            continue;
        };
        if tr[t].text == new {
            continue;
        }
        let found = match s.kind {
            Kind::Title => entry("title"),
            Kind::Summary => entry("summary"),
            Kind::Fact => entry("key_facts").and_then(|e| nth_fact(&e.value, t - 2)),
            Kind::Note => {
                entry("changes").and_then(|e| note_entry(&e.value, tr[t].context.as_deref()?))
            }
            _ => {
                let Some(r) = tr[t].range.clone() else {
                    continue;
                };
                edits.push((body_start + r.start..body_start + r.end, new));
                continue;
            }
        };
        let Some(e) = found else {
            return Err(unsafe_edit(&format!(
                "cannot find the {} in its front matter",
                s.kind.as_str()
            )));
        };
        let v = &e.value;
        let start = offset(v.pos.line, v.pos.col);
        let end = offset(v.end.line, v.end.col);
        let key_end = offset(e.key_pos.line, e.key_pos.col) + e.key.len();
        let colon = text
            .get(key_end..start.max(key_end))
            .and_then(|r| r.find(':'))
            .map(|c| key_end + c + 1);
        let Some(colon) = colon else {
            return Err(unsafe_edit("cannot find where a value starts"));
        };
        // A block or folded value (`>-`, `|`) has its marker between the
        // colon and its text: replace it whole, by one quoted line.
        let block = text
            .get(colon..start)
            .is_some_and(|r| r.trim_start().starts_with(['>', '|']));
        if block || v.pos.line != v.end.line {
            let ends_line = text.get(start..end).is_some_and(|r| r.ends_with('\n'));
            edits.push((
                colon..end,
                format!(
                    " {}{}",
                    yaml::quote(&new),
                    if ends_line { "\n" } else { "" }
                ),
            ));
        } else if start < end {
            edits.push((start..end, yaml::quote(&new)));
        } else {
            return Err(unsafe_edit("a value is empty in the translation"));
        }
    }
    if !new_notes.is_empty() {
        edits.push(
            insert_notes(text, top, &offset, src, &new_notes, value).ok_or_else(|| {
                unsafe_edit("cannot add the new change notes to its `changes:` list")
            })?,
        );
    }
    let mut out = text.to_string();
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    for (r, new) in edits {
        out.replace_range(r, &new);
    }
    Ok(out)
}

/// Where and what to insert for change notes the translation lacks: first
/// in its `changes:` list, with that list's indent, or a new list before
/// the `translation:` block.
fn insert_notes(
    text: &str,
    top: &[crate::yaml::Entry],
    offset: &dyn Fn(usize, usize) -> usize,
    src: &[Segment],
    notes: &[usize],
    value: &dyn Fn(usize) -> Option<String>,
) -> Option<(std::ops::Range<usize>, String)> {
    let items = |indent: &str| -> String {
        notes
            .iter()
            .map(|&i| note_item(indent, note_date(&src[i]), &value(i).unwrap_or_default()))
            .collect()
    };
    match top.iter().find(|e| e.key == "changes") {
        Some(e) => {
            let YamlKind::Seq(list) = &e.value.kind else {
                return None;
            };
            let first = list.first()?;
            let at = offset(first.pos.line, 1);
            let line = text.get(at..)?.lines().next()?;
            let indent = &line[..line.len() - line.trim_start().len()];
            line.trim_start()
                .starts_with('-')
                .then(|| (at..at, items(indent)))
        }
        None => {
            let t = top.iter().find(|e| e.key == "translation")?;
            let at = offset(t.key_pos.line, 1);
            Some((at..at, format!("changes:\n{}", items("  "))))
        }
    }
}

fn nth_fact(facts: &Node, n: usize) -> Option<&crate::yaml::Entry> {
    let YamlKind::Seq(items) = &facts.kind else {
        return None;
    };
    let YamlKind::Map(e) = &items.get(n)?.kind else {
        return None;
    };
    e.iter().find(|x| x.key == "value")
}

fn note_entry<'n>(changes: &'n Node, context: &str) -> Option<&'n crate::yaml::Entry> {
    let date = context.strip_prefix("note:")?;
    let YamlKind::Seq(items) = &changes.kind else {
        return None;
    };
    items.iter().find_map(|item| {
        let YamlKind::Map(e) = &item.kind else {
            return None;
        };
        let d = e.iter().find(|x| x.key == "date")?;
        (d.value.as_str() == Some(date)).then(|| e.iter().find(|x| x.key == "note"))?
    })
}
