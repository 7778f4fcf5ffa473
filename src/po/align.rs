//! Which segment of one text answers to which of another: a translation's
//! to its source's (by structure), and today's source to the version a
//! translation was made from (by text). `export` builds its catalog on it
//! (`Aligned`), and the stale sections of an outdated translation come
//! from it.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::segments::{self, Kind, Segment};
use super::{Catalog, Message};
use crate::content::sheet::Text;

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
                Message {
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
    s: &crate::content::state::SheetState,
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
