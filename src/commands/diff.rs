//! `factsheet diff FILE`: what changed in the source since this
//! translation was made, word by word, so the translator knows what to redo.

use std::path::Path;

use anstyle::{AnsiColor, Style};
use similar::{ChangeTag, TextDiff};

use super::{Ctx, Error, Outcome, Result, locate, usage};
use crate::content::doc::Part;
use crate::content::names::OVERVIEW;
use crate::content::sheet::{Place, Role, Text};
use crate::history::{self, Missing};

pub fn run(ctx: &Ctx, file: &Path) -> Result {
    let (site, diags) = ctx.load()?;
    let (dest, route, lang) = locate(&site, file).map_err(super::usage)?;
    let c = &site.config;
    if lang == c.source_language {
        return Err(usage(format!(
            "{} is a source sheet; diff takes a translation (e.g. {route}.sq.md)",
            file.display()
        )));
    }
    let files = site.destinations.get(&dest).and_then(|d| {
        if route == OVERVIEW {
            Some(&d.overview)
        } else {
            d.sheets.get(&route)
        }
    });
    let source_rel = crate::content::names::sheet_path(&dest, &route, &c.source_language);
    let (Some(source), Some(translation)) = (
        files.and_then(|f| f.source.as_ref()),
        files.and_then(|f| f.translations.get(&lang)),
    ) else {
        ctx.print(&diags, crate::diagnostics::Format::Human);
        eprintln!(
            "error: {} or its source {} cannot be read; fix the errors above first",
            file.display(),
            site.display_path(&source_rel).display()
        );
        return Ok(Outcome::Problems);
    };
    let Role::Translation(t) = &translation.role else {
        return Ok(Outcome::Problems);
    };
    let Some(stamped) = &t.source_hash else {
        return Err(usage(format!(
            "{} has no `source_hash`, so there is no version to compare with; translate from the current source, then run `factsheet stamp {}`",
            file.display(),
            file.display()
        )));
    };
    let current_hash = source.hash.clone();
    let shown_source = site.display_path(&source_rel);
    if stamped.value == current_hash {
        ctx.summary(&format!(
            "{} is current: {} has not changed since it was translated",
            file.display(),
            shown_source.display()
        ));
        return Ok(Outcome::Clean);
    }
    let place = Place::new(
        &dest,
        &route,
        &c.source_language,
        &c.source_language,
        source_rel.clone(),
    );
    let version = match history::find_version(&site.root.join(&source_rel), &place, &stamped.value)
    {
        Ok(v) => v,
        Err(m) => {
            let why = match m {
                Missing::NotARepository => format!(
                    "{} is not in a git repository, so its history cannot be searched",
                    shown_source.display()
                ),
                Missing::Shallow => format!(
                    "no version of {} in this clone has hash {}; the clone is shallow: run `git fetch --unshallow` and try again",
                    shown_source.display(),
                    stamped.value
                ),
                Missing::NoMatch { commits } => format!(
                    "none of the {commits} commits has a version of {} with hash {} (was it stamped before the source was committed?); compare the texts by hand, then run `factsheet stamp {}`",
                    shown_source.display(),
                    stamped.value,
                    file.display()
                ),
                Missing::Git(e) => format!("cannot read the git history: {e}"),
            };
            eprintln!("error: {why}");
            return Err(Error::Reported);
        }
    };
    let color = ctx.color_stdout();
    super::stdout(&word_diff(
        &flatten(&version.text),
        &flatten(&source.text),
        color,
    ))?;
    ctx.summary(&format!(
        "{} changed since commit {} ({}), from which {} was translated; update the translation, then run `factsheet stamp {}`",
        shown_source.display(),
        &version.commit[..version.commit.len().min(10)],
        version.date,
        file.display(),
        file.display()
    ));
    Ok(Outcome::Clean)
}

/// The translatable text as one document, in the order a translator reads it.
fn flatten(t: &Text) -> String {
    let mut s = String::new();
    for part in t.parts() {
        match part {
            Part::Title(x) => s.push_str(&format!("title: {x}\n")),
            Part::Summary(x) => s.push_str(&format!("summary: {x}\n")),
            Part::KeyFact { label, value, .. } => {
                s.push_str(&format!("key fact {label}: {value}\n"));
            }
            Part::Body(x) => s.push_str(&format!("\n{x}\n")),
        }
    }
    s
}

/// The lines of `new` that changed from `old`, with the words removed in
/// `[-…-]` and the words added in `{+…+}` (red and green on a terminal).
pub fn word_diff(old: &str, new: &str, color: bool) -> String {
    let diff = TextDiff::from_words(old, new);
    let del = Style::new()
        .fg_color(Some(AnsiColor::Red.into()))
        .strikethrough();
    let ins = Style::new().fg_color(Some(AnsiColor::Green.into())).bold();
    let (del_open, del_close, ins_open, ins_close) = if color {
        (
            del.render().to_string(),
            del.render_reset().to_string(),
            ins.render().to_string(),
            ins.render_reset().to_string(),
        )
    } else {
        ("[-".into(), "-]".into(), "{+".into(), "+}".into())
    };
    let mut out = String::new();
    let mut line = String::new();
    let mut changed = false;
    let mut number = 1;
    let flush = |line: &mut String, changed: &mut bool, number: usize, out: &mut String| {
        if *changed {
            out.push_str(&format!("{number:>4}: {}\n", line.trim_end_matches('\n')));
        }
        line.clear();
        *changed = false;
    };
    // Runs of the same kind of change read as one: `{+five six+}`.
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        match runs.last_mut() {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    for (tag, value) in &runs {
        let value = value.as_str();
        match tag {
            ChangeTag::Equal => {
                for (i, piece) in value.split('\n').enumerate() {
                    if i > 0 {
                        flush(&mut line, &mut changed, number, &mut out);
                        number += 1;
                    }
                    line.push_str(piece);
                }
            }
            ChangeTag::Delete => {
                line.push_str(&format!(
                    "{del_open}{}{del_close}",
                    value.replace('\n', "⏎")
                ));
                changed = true;
            }
            ChangeTag::Insert => {
                for (i, piece) in value.split('\n').enumerate() {
                    if i > 0 {
                        flush(&mut line, &mut changed, number, &mut out);
                        number += 1;
                    }
                    if !piece.is_empty() {
                        line.push_str(&format!("{ins_open}{piece}{ins_close}"));
                        changed = true;
                    }
                }
            }
        }
    }
    flush(&mut line, &mut changed, number, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::word_diff;

    #[test]
    fn only_changed_lines_with_word_markers() {
        let old = "title: Work\nOne two three.\nSame line.\nFour five.\n";
        let new = "title: Work\nOne 2 three.\nSame line.\nFour five six.\n";
        assert_eq!(
            word_diff(old, new, false),
            "   2: One [-two-]{+2+} three.\n   4: Four [-five.-]{+five six.+}\n"
        );
    }
}
