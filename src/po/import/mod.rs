//! Reading a PO file back into its translation sheet: which sheet and
//! language it is for, which source segments it translates, and the sheet
//! written in place (`apply`), stamped current only when complete. The
//! command prints the report (`Imported`).

use std::path::{Path, PathBuf};

use super::{Catalog, apply, segments};
use crate::content::Site;
use crate::content::doc::{Doc, Place, Role};
use crate::content::names::sheet_path;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::edit::write_atomically;

mod locate;

use locate::{Target, locate, read_catalog};

/// Each source segment's translation and whether it is fuzzy.
type Found = Vec<Option<(String, bool)>>;

/// What importing one file did.
#[derive(Debug)]
pub struct Imported {
    /// The PO file, and the translation sheet as the user knows it.
    pub file: PathBuf,
    pub shown: PathBuf,
    pub result: Result,
}

#[derive(Debug)]
pub enum Result {
    /// Nothing was translated yet: no sheet was written.
    Nothing,
    /// Every segment translated: written and stamped current.
    Complete { translated: usize },
    /// Written, but not complete; `current` when it was current before
    /// and still is.
    Partial { stats: apply::Stats, current: bool },
}

impl std::fmt::Display for Imported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (file, shown) = (self.file.display(), self.shown.display());
        match &self.result {
            Result::Nothing => write!(f, "{file}: nothing translated yet; {shown} not written"),
            Result::Complete { translated } => {
                write!(
                    f,
                    "{file} → {shown}: {translated} translated, stamped current"
                )
            }
            Result::Partial {
                stats,
                current: true,
            } => write!(
                f,
                "{file} → {shown}: {} translated, {} fuzzy (drafts, not written), {} untranslated; still current",
                stats.translated, stats.fuzzy, stats.untranslated
            ),
            Result::Partial { stats, .. } => write!(
                f,
                "{file} → {shown}: {} translated, {} fuzzy, {} untranslated; not stamped: finish them on the platform, or in the file and run `factsheet stamp {shown}`",
                stats.translated, stats.fuzzy, stats.untranslated
            ),
        }
    }
}

/// Imports one PO file into its translation sheet. Problems go to
/// `diags` (nothing is written then); None when nothing was imported.
pub fn import(site: &Site, file: &Path, diags: &mut Diagnostics) -> Option<Imported> {
    let catalog = read_catalog(file, diags)?;
    let target = locate(site, file, &catalog, diags)?;
    let found = matched(&target, &catalog, file, diags)?;
    write(site, file, &target, &found, diags)
}

/// Each of the source's segments with the PO file's translation of it
/// (and whether it is fuzzy); None when an entry is no segment of today's
/// source.
fn matched(
    target: &Target,
    catalog: &Catalog,
    file: &Path,
    diags: &mut Diagnostics,
) -> Option<Found> {
    let err = |d: Diagnostic| d.file(file);
    let source = target.source;
    // Every entry must be a segment of today's source.
    let src = segments::of_text(&source.text);
    let mut found: Vec<Option<(String, bool)>> = vec![None; src.len()];
    let before = diags.errors();
    for e in &catalog.entries {
        match src
            .iter()
            .position(|s| s.text == e.id && s.context == e.context)
        {
            Some(i) => {
                if added_markup(&e.id, &e.text) {
                    diags.push(err(Diagnostic::warning(
                        Code::MarkupAdded,
                        "the translation adds HTML that the source text does not have",
                    )
                    .at(e.line, 1)
                    .hint(
                        "keep the source's formatting; the page removes unsafe HTML anyway",
                    )));
                }
                found[i] = Some((e.text.clone(), e.fuzzy));
            }
            None => diags.push(err(Diagnostic::error(
                Code::UnknownSegment,
                format!(
                    "`{}` is not a segment of {}",
                    super::short(&e.id),
                    source.path.display()
                ),
            )
            .at(e.line, 1)
            .hint(
                "the source changed since this file was exported: export to another folder and merge this file into it (`factsheet export --out /tmp/po-new`, then `msgmerge --previous FILE /tmp/po-new/<lang>/<dest>/<route>.po -o FILE`), then import it",
            ))),
        }
    }
    (diags.errors() == before).then_some(found)
}

/// Writes the translation sheet, stamped when complete; never over a
/// file it could not read, never what would not read back.
fn write(
    site: &Site,
    file: &Path,
    target: &Target,
    found: &Found,
    diags: &mut Diagnostics,
) -> Option<Imported> {
    let err = |d: Diagnostic| d.file(file);
    let c = &site.config;
    let Target {
        dest,
        route,
        lang,
        files,
        source,
    } = target;
    let rel = sheet_path(dest, route, lang);
    let real = site.root.join(&rel);
    let shown = site.display_path(&rel);
    let existing_text = std::fs::read(&real)
        .ok()
        .and_then(|b| crate::text::decode(&b).ok())
        .map(|t| crate::text::normalize_newlines(&t));
    let existing = files.translations.get(lang);
    let pair = existing_text.as_deref().zip(existing.map(|d| &d.text));
    if existing_text.is_none()
        && found
            .iter()
            .all(|f| f.as_ref().is_none_or(|(t, _)| t.is_empty()))
    {
        return Some(Imported {
            file: file.to_path_buf(),
            shown,
            result: Result::Nothing,
        });
    }
    // An existing file that exists but could not be read is never
    // replaced: it may hold the translator's work.
    if existing_text.is_some() && existing.is_none() {
        diags.push(err(Diagnostic::error(
            Code::CannotImport,
            format!("{} has errors, so it is not written over", shown.display()),
        )
        .hint(format!(
            "run `factsheet check` and fix {} first",
            shown.display()
        ))));
        return None;
    }
    let (mut new, stats) =
        match apply::write_translation(&source.text, &c.source_language, pair, found) {
            Ok(x) => x,
            Err(why) => {
                diags.push(err(Diagnostic::error(
                    Code::CannotImport,
                    format!("cannot write it into {}: {why}", shown.display()),
                )
                .hint("nothing was written")));
                return None;
            }
        };
    // Complete: current with today's source. Otherwise the hash it had
    // stays, even when the file was written anew.
    let had = existing.and_then(|d| match &d.role {
        Role::Translation(t) => t.source_hash.as_ref().map(|h| h.value.clone()),
        _ => None,
    });
    let hash = if stats.complete() {
        Some(source.hash.clone())
    } else {
        had
    };
    if let Some(hash) = hash
        && let Some(stamped) = crate::edit::restamp(new.as_bytes(), &hash)
    {
        new = String::from_utf8(stamped).ok()?;
    }
    let current = stats.complete() || had_current(existing, &source.hash);
    // Never write what would not read back as the translation intended.
    if let Err(why) = reads_back(site, target, &shown, &new, found) {
        diags.push(err(Diagnostic::error(
            Code::CannotImport,
            format!("the result would not read back as intended ({why})"),
        )
        .hint(format!(
            "nothing was written; edit {} by hand",
            shown.display()
        ))));
        return None;
    }
    let old = std::fs::read(&real).ok();
    if old.as_deref() != Some(new.as_bytes()) {
        if let Some(dir) = real.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Err(e) = write_atomically(&real, new.as_bytes()) {
            diags.push(err(Diagnostic::error(
                Code::Io,
                format!("cannot write {}: {e}", shown.display()),
            )
            .hint("check the folder's permissions")));
            return None;
        }
    }
    Some(Imported {
        file: file.to_path_buf(),
        shown,
        result: if stats.complete() {
            Result::Complete {
                translated: stats.translated,
            }
        } else {
            Result::Partial { stats, current }
        },
    })
}

/// Reads `new` as the translation file it will be, and checks that every
/// segment written holds the text the PO file gave it.
fn reads_back(
    site: &Site,
    target: &Target,
    shown: &Path,
    new: &str,
    found: &Found,
) -> std::result::Result<(), String> {
    let c = &site.config;
    let (dest, route, lang) = (&target.dest, &target.route, &target.lang);
    let source = &target.source.text;
    let place = Place::new(
        dest,
        route,
        lang,
        &c.source_language,
        sheet_path(dest, route, &c.source_language),
    );
    let mut d = Diagnostics::default();
    let doc = crate::content::sheet::read_bytes(shown, new.as_bytes(), &place, &mut d)
        .ok_or_else(|| "it does not read as a translation".to_string())?;
    if d.errors() > 0 {
        return Err(d
            .iter()
            .map(|x| x.message.clone())
            .collect::<Vec<_>>()
            .join("; "));
    }
    let src = segments::of_text(source);
    let tr = segments::of_text(&doc.text);
    let to_tr = super::align::align_structure(&src, &tr);
    for (i, f) in found.iter().enumerate() {
        let Some((text, false)) = f else { continue };
        if text.is_empty() {
            continue;
        }
        let got = to_tr[i].map(|t| tr[t].text.as_str());
        if got != Some(text.trim_end()) && got != Some(text.as_str()) {
            return Err(format!(
                "the {} \"{}\" would read differently",
                src[i].kind.as_str(),
                super::short(&src[i].text)
            ));
        }
    }
    Ok(())
}

/// Whether the translation was current with the source before the import.
fn had_current(existing: Option<&Doc>, hash: &str) -> bool {
    existing.is_some_and(|d| match &d.role {
        Role::Translation(t) => t.source_hash.as_ref().is_some_and(|h| h.value == hash),
        _ => false,
    })
}

/// Whether `text` has an HTML tag that `source` has not.
fn added_markup(source: &str, text: &str) -> bool {
    let tags = |s: &str| -> Vec<String> {
        s.split('<')
            .skip(1)
            .filter_map(|t| {
                let name: String = t
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                (!name.is_empty()).then(|| name.to_ascii_lowercase())
            })
            .collect()
    };
    let known = tags(source);
    tags(text).iter().any(|t| !known.contains(t))
}
