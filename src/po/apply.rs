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
pub fn align_structure(from: &[Segment], to: &[Segment]) -> Vec<Option<usize>> {
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
                // Within the changed run, pair blocks of the same kind in
                // order, so that a block inserted before an edited one
                // does not leave the edited one without its old text.
                let ok: Vec<Kind> = (0..old_len).map(|k| old[ob[old_index + k]].kind).collect();
                let nk: Vec<Kind> = (0..new_len).map(|k| new[nb[new_index + k]].kind).collect();
                for op in capture_diff_slices(Algorithm::Myers, &ok, &nk) {
                    if let DiffOp::Equal {
                        old_index: o,
                        new_index: n,
                        len,
                    } = op
                    {
                        for k in 0..len {
                            out[nb[new_index + n + k]] = Some(ob[old_index + o + k]);
                        }
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
    // Text the source deleted: its translation is still on the page.
    let base_segs = segments::of_text(base);
    let continued = align_versions(&a.source, &base_segs);
    let base_to_tr = align_structure(&base_segs, &tr);
    for (b, seg) in base_segs.iter().enumerate() {
        if seg.kind == Kind::Note || continued.contains(&Some(b)) {
            continue;
        }
        out.segments += 1;
        match (seg.range.is_some(), base_to_tr[b]) {
            (true, Some(t)) => {
                if !out.sections.contains(&tr[t].section) {
                    out.sections.push(tr[t].section);
                }
            }
            (true, None) => {}
            (false, _) => out.front_matter = true,
        }
    }
    out.sections.sort_unstable();
    out
}

/// What changed in the source since `lang`'s translation of a sheet was
/// made (for a derived language, its base's), and how many segments
/// (change notes aside) the sheet has; None when it is current or git
/// history lacks the version it was made from.
pub fn stale_of(
    site: &crate::content::Site,
    s: &crate::content::model::SheetState,
    lang: &str,
) -> Option<(StaleParts, usize)> {
    let file_lang = if s.files.translations.contains_key(lang) {
        lang.to_string()
    } else {
        site.config.language(lang)?.derive.clone()?
    };
    if s.page(&file_lang)?.translation != Some(crate::freshness::Currency::Outdated) {
        return None;
    }
    let tr = s.files.translations.get(&file_lang)?;
    let base = crate::history::source_of(site, s.destination, s.route, tr)?;
    let parts = stale_sections(&s.source.text, &tr.text, &base);
    let total = segments::of_text(&s.source.text)
        .iter()
        .filter(|x| x.kind != Kind::Note)
        .count();
    Some((parts, total))
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
) -> Result<(String, Imported), String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inserted_block_does_not_cost_the_edited_one_its_old_text() {
        let old = segments::of_body("## Steps\n\nFind an employer in Germany.\n\nApply.\n");
        let new = segments::of_body(
            "## Steps\n\n- A new item first.\n\nFind an employer in Germany first.\n\nApply.\n",
        );
        let map = align_versions(&new, &old);
        let at = |t: &str| new.iter().position(|s| s.text == t).unwrap();
        assert_eq!(map[at("Find an employer in Germany first.")], Some(1));
        assert_eq!(map[at("A new item first.")], None);
        assert_eq!(map[at("Apply.")], Some(2));
    }
}
