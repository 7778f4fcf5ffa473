//! `factsheet note`: a change note for readers, dated `--today`, or with
//! `--minor` an edit they need not hear about. Either way the sheet records
//! the state of its text (`noted_hash`), so that `check` can warn when the
//! text changes again without a note. Nothing else in the file changes,
//! byte for byte.

use std::path::Path;

use super::{Ctx, Outcome, Result, usage};
use crate::content::names::{OVERVIEW, sheet_path};
use crate::edit::{renote, write_atomically};

pub fn run(ctx: &Ctx, file: &Path, text: Option<&str>) -> Result {
    let (site, _) = ctx.load()?;
    let (dest, route, lang) = super::locate(&site, file).map_err(usage)?;
    let c = &site.config;
    if route == OVERVIEW {
        return Err(usage(format!(
            "{} is a destination overview: change notes are for sheets",
            file.display()
        )));
    }
    if lang != c.source_language {
        return Err(usage(format!(
            "{} is a translation: notes are written in the source sheet ({route}.{}.md), and translated here by date under `changes:`",
            file.display(),
            c.source_language
        )));
    }
    let note = match text.map(str::trim) {
        Some("") => {
            return Err(usage(
                "the note is empty: say in a sentence what changed for readers",
            ));
        }
        other => other,
    };
    let rel = sheet_path(&dest, &route, &lang);
    let shown = site.display_path(&rel);
    let source = site
        .destinations
        .get(&dest)
        .and_then(|d| d.sheets.get(&route))
        .and_then(|f| f.source.as_ref());
    let Some(source) = source else {
        return Err(usage(format!(
            "{} could not be read: run `factsheet check` and fix it first",
            shown.display()
        )));
    };
    if let Some(n) = note.and_then(|_| {
        source
            .text
            .changes
            .iter()
            .find(|ch| ch.date.value == ctx.today)
    }) {
        return Err(usage(format!(
            "{} already has a change note dated {} (line {}): add to it there, then run `factsheet note --minor {}`",
            shown.display(),
            ctx.today,
            n.date.pos.line,
            shown.display()
        )));
    }
    let noted = source.inherited().and_then(|f| f.noted_hash.as_ref());
    if note.is_none() && noted.is_some_and(|h| h.value == source.hash) {
        ctx.summary(&format!(
            "{}: the text is as last recorded; nothing to do",
            shown.display()
        ));
        return Ok(Outcome::Clean);
    }
    let real = site.root.join(&rel);
    let bytes = std::fs::read(&real).map_err(super::io("read", &shown))?;
    let Some(new) = renote(&bytes, note.map(|n| (ctx.today, n)), &source.hash) else {
        return Err(usage(format!(
            "{}: cannot find where to write the note; write it by hand under `changes:` as `- date: {}` and `note: ...`",
            shown.display(),
            ctx.today
        )));
    };
    write_atomically(&real, &new).map_err(super::io("write", &shown))?;
    ctx.summary(&match note {
        Some(_) => format!(
            "noted a change of {} in {}; translators see it untranslated until they translate it",
            ctx.today,
            shown.display()
        ),
        None => format!("recorded a minor edit of {}", shown.display()),
    });
    Ok(Outcome::Clean)
}
