//! From a sheet and its translation to a PO catalog (`export`), and from a
//! catalog back to the translation file (`import`). A translation that
//! follows its source's structure is edited in place, segment by segment,
//! so exporting and importing unchanged gives the file back byte for byte.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::segments::{self, Kind, Segment};
use super::{Catalog, Entry};
use crate::content::sheet::Text;
use crate::yaml::{self, Kind as YamlKind, Node};

/// Which segment of `to` each segment of `from` corresponds to: front
/// matter by its place (title, summary, fact and note contexts), the body
/// by its structure (kinds of blocks) where that matches.
fn align_structure(from: &[Segment], to: &[Segment]) -> Vec<Option<usize>> {
    let mut out = vec![None; from.len()];
    let body =
        |s: &[Segment]| -> Vec<usize> { (0..s.len()).filter(|&i| s[i].range.is_some()).collect() };
    for (i, f) in from.iter().enumerate().filter(|(_, f)| f.range.is_none()) {
        out[i] = to
            .iter()
            .position(|t| t.range.is_none() && t.kind == f.kind && t.context == f.context);
    }
    let (fb, tb) = (body(from), body(to));
    let fk: Vec<Kind> = fb.iter().map(|&i| from[i].kind).collect();
    let tk: Vec<Kind> = tb.iter().map(|&i| to[i].kind).collect();
    for op in capture_diff_slices(Algorithm::Myers, &fk, &tk) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                out[fb[old_index + k]] = Some(tb[new_index + k]);
            }
        }
    }
    out
}

/// Which segment of `old` (the source a translation was made from) each
/// segment of `new` (today's source) continues: front matter by place,
/// the body by its texts, so that an edited paragraph maps to the one it
/// replaced.
fn align_versions(new: &[Segment], old: &[Segment]) -> Vec<Option<usize>> {
    let mut out = vec![None; new.len()];
    for (i, n) in new.iter().enumerate().filter(|(_, n)| n.range.is_none()) {
        out[i] = old
            .iter()
            .position(|o| o.range.is_none() && o.kind == n.kind && o.context == n.context);
    }
    let nb: Vec<usize> = (0..new.len()).filter(|&i| new[i].range.is_some()).collect();
    let ob: Vec<usize> = (0..old.len()).filter(|&i| old[i].range.is_some()).collect();
    let nt: Vec<&str> = nb.iter().map(|&i| new[i].text.as_str()).collect();
    let ot: Vec<&str> = ob.iter().map(|&i| old[i].text.as_str()).collect();
    for op in capture_diff_slices(Algorithm::Patience, &ot, &nt) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for k in 0..len {
                    out[nb[new_index + k]] = Some(ob[old_index + k]);
                }
            }
            // An edited block continues the one it replaced, pairwise.
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                for k in 0..old_len.min(new_len) {
                    if old[ob[old_index + k]].kind == new[nb[new_index + k]].kind {
                        out[nb[new_index + k]] = Some(ob[old_index + k]);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// What the translator has for each of today's source segments.
pub struct Aligned {
    pub source: Vec<Segment>,
    /// Per source segment: the translation's text, and the older source
    /// text it translates when the source has changed since (fuzzy).
    pub translated: Vec<Option<(String, Option<String>)>>,
}

impl Aligned {
    /// `base` is the source the translation was made from: today's when it
    /// is current, an older version from git history, or None when that
    /// version cannot be found (then every translated segment is fuzzy).
    pub fn new(source: &Text, translation: Option<&Text>, base: Option<&Text>) -> Aligned {
        let src = segments::of_text(source);
        let Some(translation) = translation else {
            return Aligned {
                translated: vec![None; src.len()],
                source: src,
            };
        };
        let tr = segments::of_text(translation);
        let translated = match base {
            Some(base) => {
                let base_segs = segments::of_text(base);
                let to_tr = align_structure(&base_segs, &tr);
                align_versions(&src, &base_segs)
                    .into_iter()
                    .enumerate()
                    .map(|(i, b)| {
                        let b = b?;
                        let t = to_tr[b]?;
                        let changed = base_segs[b].text != src[i].text;
                        Some((
                            tr[t].text.clone(),
                            changed.then(|| base_segs[b].text.clone()),
                        ))
                    })
                    .collect()
            }
            None => align_structure(&src, &tr)
                .into_iter()
                .map(|t| t.map(|t| (tr[t].text.clone(), Some(String::new()))))
                .collect(),
        };
        Aligned {
            source: src,
            translated,
        }
    }

    /// The catalog: `msgid` the source text, `msgstr` the translation,
    /// fuzzy (with the old source as `#| msgid`) where the source changed.
    pub fn catalog(&self, header: Vec<(String, String)>) -> Catalog {
        let entries = self
            .source
            .iter()
            .zip(&self.translated)
            .map(|(s, t)| {
                let (text, previous) = t.clone().unwrap_or_default();
                Entry {
                    note: Some(s.kind.as_str().to_string()),
                    context: s.context.clone(),
                    id: s.text.clone(),
                    fuzzy: previous.is_some(),
                    previous: previous.filter(|p| !p.is_empty()),
                    text,
                    line: 0,
                }
            })
            .collect();
        Catalog { header, entries }
    }

    /// The number of fuzzy segments, and of those with no translation.
    pub fn counts(&self) -> (usize, usize) {
        let fuzzy = self
            .translated
            .iter()
            .filter(|t| matches!(t, Some((_, Some(_)))))
            .count();
        let missing = self.translated.iter().filter(|t| t.is_none()).count();
        (fuzzy, missing)
    }
}

/// What changed in the source since a translation was made, by section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaleParts {
    /// Sections (0 before the first heading, then one per heading) of the
    /// translation whose source changed.
    pub sections: Vec<usize>,
    /// The title, summary or a key fact changed.
    pub front_matter: bool,
    /// Segments whose source changed (change notes aside: they do not
    /// outdate a translation).
    pub segments: usize,
}

pub fn stale_sections(source: &Text, translation: &Text, base: &Text) -> StaleParts {
    let a = Aligned::new(source, Some(translation), Some(base));
    let tr = segments::of_text(translation);
    let to_tr = align_structure(&a.source, &tr);
    let mut out = StaleParts::default();
    for (i, t) in a.translated.iter().enumerate() {
        if a.source[i].kind == Kind::Note {
            continue;
        }
        let changed = match t {
            Some((_, prev)) => prev.is_some(),
            None => true,
        };
        if !changed {
            continue;
        }
        out.segments += 1;
        if a.source[i].range.is_some() {
            let section = to_tr[i].map_or(a.source[i].section, |t| tr[t].section);
            if !out.sections.contains(&section) {
                out.sections.push(section);
            }
        } else {
            out.front_matter = true;
        }
    }
    out.sections.sort_unstable();
    out
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Imported {
    pub translated: usize,
    pub fuzzy: usize,
    pub untranslated: usize,
}

impl Imported {
    pub fn complete(&self) -> bool {
        self.fuzzy == 0 && self.untranslated == 0
    }
}

/// The translation file's text with the catalog's translations: the
/// existing file (`existing`, its text with line endings normalised)
/// edited in place where it follows the source, or a new file in the
/// source's structure. `msgstr` per source segment, with its fuzzy flag.
pub fn write_translation(
    source: &Text,
    source_lang: &str,
    existing: Option<(&str, &Text)>,
    found: &[Option<(String, bool)>],
) -> Option<(String, Imported)> {
    let src = segments::of_text(source);
    let mut stats = Imported::default();
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
            .map(|(t, _)| t.clone())
            .filter(|t| !t.is_empty())
    };
    if let Some((text, current)) = existing
        && let Some(edited) = edit_in_place(text, current, &src, &value)
    {
        return Some((edited, stats));
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
            let date = src[i]
                .context
                .as_deref()
                .and_then(|c| c.strip_prefix("note:"))
                .unwrap_or_default();
            out.push_str(&format!(
                "  - date: {date}\n    note: {}\n",
                yaml::quote(&v(i))
            ));
        }
    }
    out.push_str(&format!(
        "translation:\n  from: {source_lang}\n  source_hash:\n---\n"
    ));
    out.push_str(&segments::replace(
        &source.body,
        &src[2 + facts.len() + source.changes.len()..],
        &|i| value(i + 2 + facts.len() + source.changes.len()),
    ));
    Some((out, stats))
}

/// The existing translation with each changed segment's text replaced, or
/// None when it does not follow the source closely enough to edit.
fn edit_in_place(
    text: &str,
    current: &Text,
    src: &[Segment],
    value: &dyn Fn(usize) -> Option<String>,
) -> Option<String> {
    let tr = segments::of_text(current);
    let to_tr = align_structure(src, &tr);
    // Every translated body segment needs its place in the translation.
    let body_ok = src
        .iter()
        .enumerate()
        .all(|(i, s)| s.range.is_none() || value(i).is_none() || to_tr[i].is_some());
    if !body_ok {
        return None;
    }
    let split = crate::content::frontmatter::split(text).ok()?;
    let root = yaml::parse(&split.yaml).ok()?;
    let YamlKind::Map(top) = &root.kind else {
        return None;
    };
    // (byte range in `text`, new text)
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let yaml_start = text.find('\n')? + 1;
    let at = |n: &Node| -> Option<std::ops::Range<usize>> {
        let start =
            yaml_start + crate::diagnostics::byte_offset(&split.yaml, n.pos.line, n.pos.col);
        let end = yaml_start + crate::diagnostics::byte_offset(&split.yaml, n.end.line, n.end.col);
        (start < end).then_some(start..end)
    };
    let field = |key: &str| top.iter().find(|e| e.key == key).map(|e| &e.value);
    let body_start = text.len() - split.body.len();
    for (i, s) in src.iter().enumerate() {
        let Some(new) = value(i) else { continue };
        let Some(t) = to_tr[i] else {
            // A fact or note the translation lacks: write the file anew.
            s.range.as_ref()?;
            continue;
        };
        if tr[t].text == new {
            continue;
        }
        let node = match s.kind {
            Kind::Title => field("title"),
            Kind::Summary => field("summary"),
            Kind::Fact => nth_fact(field("key_facts")?, current, t - 2),
            Kind::Note => note_node(field("changes")?, tr[t].context.as_deref()?),
            _ => {
                let r = tr[t].range.clone()?;
                edits.push((body_start + r.start..body_start + r.end, new));
                continue;
            }
        }?;
        edits.push((at(node)?, yaml::quote(&new)));
    }
    let mut out = text.to_string();
    edits.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    for (r, new) in edits {
        out.replace_range(r, &new);
    }
    Some(out)
}

fn nth_fact<'n>(facts: &'n Node, current: &Text, n: usize) -> Option<&'n Node> {
    let _ = current;
    let YamlKind::Seq(items) = &facts.kind else {
        return None;
    };
    let YamlKind::Map(e) = &items.get(n)?.kind else {
        return None;
    };
    e.iter().find(|x| x.key == "value").map(|x| &x.value)
}

fn note_node<'n>(changes: &'n Node, context: &str) -> Option<&'n Node> {
    let date = context.strip_prefix("note:")?;
    let YamlKind::Seq(items) = &changes.kind else {
        return None;
    };
    items.iter().find_map(|item| {
        let YamlKind::Map(e) = &item.kind else {
            return None;
        };
        let d = e.iter().find(|x| x.key == "date")?;
        (d.value.as_str() == Some(date))
            .then(|| e.iter().find(|x| x.key == "note").map(|x| &x.value))?
    })
}
