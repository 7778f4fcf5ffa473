//! `factsheet import FILE.po…`: translations from a platform back into the
//! translation sheets. A sheet is stamped current only when every segment
//! is translated and none is fuzzy; otherwise what there is is written and
//! the summary says how many segments are left.

use std::path::{Path, PathBuf};

use super::stamp::write_atomically;
use super::{Ctx, Outcome, Result, plural};
use crate::content::names::{OVERVIEW, sheet_path};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Format};
use crate::po::{self, apply, segments};

pub fn run(ctx: &Ctx, files: &[PathBuf]) -> Result {
    let (site, _) = ctx.load()?;
    let mut diags = Diagnostics::default();
    let mut lines = Vec::new();
    for file in files {
        if let Some(line) = import_one(&site, file, &mut diags) {
            lines.push(line);
        }
    }
    diags.sort();
    ctx.print(&ctx.visible(&diags), Format::Human);
    // A file that could not be read or written is an I/O error (status 2).
    let io = diags
        .iter()
        .any(|d| d.code == Code::Io && d.severity == crate::diagnostics::Severity::Error);
    for l in &lines {
        ctx.summary(l);
    }
    ctx.summary(&format!(
        "imported {} of {}{}",
        lines.len(),
        plural(files.len(), "file", "files"),
        if diags.errors() > 0 {
            format!("; {}", plural(diags.errors(), "error", "errors"))
        } else {
            String::new()
        }
    ));
    if io {
        return Err(super::Error::Reported);
    }
    Ok(if diags.errors() > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

fn import_one(site: &crate::content::Site, file: &Path, diags: &mut Diagnostics) -> Option<String> {
    let err = |d: Diagnostic| d.file(file);
    let meta = match std::fs::metadata(file) {
        Ok(m) => m,
        Err(e) => {
            diags.push(err(Diagnostic::error(
                Code::Io,
                format!("cannot read it: {e}"),
            )
            .hint("give the path of a .po file that `factsheet export` wrote")));
            return None;
        }
    };
    if meta.len() > po::MAX_BYTES {
        diags.push(err(Diagnostic::error(
            Code::TooLarge,
            "the file is bigger than 2 MiB",
        )
        .hint(
            "a sheet's PO file is a few kilobytes: export it again with `factsheet export`",
        )));
        return None;
    }
    let text = match std::fs::read(file)
        .map_err(|e| e.to_string())
        .and_then(|b| crate::text::decode(&b).map_err(|d| d.message))
    {
        Ok(t) => crate::text::normalize_newlines(&t),
        Err(e) => {
            diags.push(err(
                Diagnostic::error(Code::Encoding, e).hint("save the PO file as UTF-8")
            ));
            return None;
        }
    };
    let catalog = po::parse(&text, file, diags)?;
    let c = &site.config;
    // Which sheet and language: the header factsheet wrote, checked
    // against the path (po/<lang>/<dest>/<route>.po).
    let parts: Vec<String> = file
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let from_path = match parts.as_slice() {
        [.., lang, dest, name] => name
            .strip_suffix(".po")
            .map(|r| (lang.clone(), format!("{dest}/{r}"))),
        _ => None,
    };
    let sheet = catalog
        .field("X-Factsheet-Sheet")
        .map(str::to_string)
        .or_else(|| from_path.as_ref().map(|p| p.1.clone()));
    let lang = catalog
        .field("Language")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .or_else(|| from_path.as_ref().map(|p| p.0.clone()));
    // Platforms write `sr_Cyrl` or `SQ`: the site's tag it names.
    let norm = |l: &str| l.replace('_', "-").to_ascii_lowercase();
    let lang = lang.map(|l| {
        c.tags()
            .find(|t| norm(t) == norm(&l))
            .map_or(l, str::to_string)
    });
    let (Some(sheet), Some(lang)) = (sheet, lang) else {
        diags.push(err(Diagnostic::error(Code::PoSyntax, "the file does not say which sheet and language it is for").at(1, 1).hint("import the files `factsheet export` wrote: their header names the sheet (X-Factsheet-Sheet) and the language")));
        return None;
    };
    if let Some((path_lang, _)) = &from_path
        && c.language(path_lang).is_some()
        && norm(path_lang) != norm(&lang)
    {
        diags.push(err(Diagnostic::error(
            Code::WrongLanguage,
            format!(
                "the header says `Language: {lang}`, but the file is in the folder for {path_lang}"
            ),
        )
        .at(1, 1)
        .hint(
            "import it from the right folder, or fix the platform's language code for this file",
        )));
        return None;
    }
    if c.language(&lang)
        .is_none_or(|l| lang == c.source_language || l.derive.is_some())
    {
        diags.push(err(Diagnostic::error(
            Code::WrongLanguage,
            format!("`{lang}` is not a language translators write on this site"),
        )
        .at(1, 1)
        .hint(format!(
            "the languages are {}",
            c.tags()
                .filter(|t| *t != c.source_language)
                .collect::<Vec<_>>()
                .join(", ")
        ))));
        return None;
    }
    // The sheet the header names must be the one the path names.
    // (Only where the path is another sheet's place: a file saved under
    // another name is read by its header.)
    if let Some((path_lang, path_sheet)) = &from_path
        && *path_sheet != sheet
        && c.language(path_lang).is_some()
        && path_sheet.split_once('/').is_some_and(|(d, r)| {
            site.destinations
                .get(d)
                .is_some_and(|x| x.sheets.contains_key(r) || r == OVERVIEW)
        })
    {
        diags.push(err(Diagnostic::error(
            Code::UnknownSegment,
            format!(
                "the header names the sheet {sheet}, but the file is po/<lang>/{path_sheet}.po"
            ),
        )
        .at(1, 1)
        .hint(
            "keep each PO file where `factsheet export` wrote it, under its own sheet's name",
        )));
        return None;
    }
    let Some((dest, route)) = sheet.split_once('/') else {
        diags.push(err(Diagnostic::error(
            Code::UnknownSegment,
            format!("`X-Factsheet-Sheet: {sheet}` does not name a sheet (destination/route)"),
        )
        .at(1, 1)
        .hint(
            "import the files `factsheet export` wrote, with their header as it was",
        )));
        return None;
    };
    let files = site.destinations.get(dest).and_then(|d| {
        if route == OVERVIEW {
            Some(&d.overview)
        } else {
            d.sheets.get(route)
        }
    });
    let Some(source) = files.and_then(|f| f.source.as_ref()) else {
        diags.push(err(Diagnostic::error(
            Code::UnknownSegment,
            format!("the site has no sheet {sheet}"),
        )
        .at(1, 1)
        .hint("run `factsheet export` again: the sheet may have moved")));
        return None;
    };
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
                    po::short(&e.id),
                    source.path.display()
                ),
            )
            .at(e.line, 1)
            .hint(
                "the source changed since this file was exported: export to another folder and merge this file into it (`factsheet export --out /tmp/po-new`, then `msgmerge --previous FILE /tmp/po-new/<lang>/<dest>/<route>.po -o FILE`), then import it",
            ))),
        }
    }
    if diags.errors() > before {
        return None;
    }
    let rel = sheet_path(dest, route, &lang);
    let real = site.root.join(&rel);
    let shown = site.display_path(&rel);
    let existing_text = std::fs::read(&real)
        .ok()
        .and_then(|b| crate::text::decode(&b).ok())
        .map(|t| crate::text::normalize_newlines(&t));
    let existing = files.and_then(|f| f.translations.get(&lang));
    let pair = existing_text.as_deref().zip(existing.map(|d| &d.text));
    if existing_text.is_none()
        && found
            .iter()
            .all(|f| f.as_ref().is_none_or(|(t, _)| t.is_empty()))
    {
        return Some(format!(
            "{}: nothing translated yet; {} not written",
            file.display(),
            shown.display()
        ));
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
        match apply::write_translation(&source.text, &c.source_language, pair, &found) {
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
        crate::content::sheet::Role::Translation(t) => {
            t.source_hash.as_ref().map(|h| h.value.clone())
        }
        _ => None,
    });
    let hash = if stats.complete() {
        Some(source.hash.clone())
    } else {
        had
    };
    if let Some(hash) = hash
        && let Some(stamped) = super::restamp(new.as_bytes(), &hash)
    {
        new = String::from_utf8(stamped).ok()?;
    }
    let current = stats.complete() || had_current(existing, &source.hash);
    // Never write what would not read back as the translation intended.
    if let Err(why) = reads_back(site, dest, route, &lang, &shown, &new, &source.text, &found) {
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
    Some(if stats.complete() {
        format!(
            "{} → {}: {} translated, stamped current",
            file.display(),
            shown.display(),
            stats.translated
        )
    } else if current {
        format!(
            "{} → {}: {} translated, {} fuzzy (drafts, not written), {} untranslated; still current",
            file.display(),
            shown.display(),
            stats.translated,
            stats.fuzzy,
            stats.untranslated
        )
    } else {
        format!(
            "{} → {}: {} translated, {} fuzzy, {} untranslated; not stamped: finish them on the platform, or in the file and run `factsheet stamp {}`",
            file.display(),
            shown.display(),
            stats.translated,
            stats.fuzzy,
            stats.untranslated,
            shown.display()
        )
    })
}

/// Reads `new` as the translation file it will be, and checks that every
/// segment written holds the text the PO file gave it.
#[allow(clippy::too_many_arguments)]
fn reads_back(
    site: &crate::content::Site,
    dest: &str,
    route: &str,
    lang: &str,
    shown: &Path,
    new: &str,
    source: &crate::content::sheet::Text,
    found: &[Option<(String, bool)>],
) -> std::result::Result<(), String> {
    let c = &site.config;
    let place = crate::content::sheet::Place::new(
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
    let to_tr = apply::align_structure(&src, &tr);
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
                po::short(&src[i].text)
            ));
        }
    }
    Ok(())
}

/// Whether the translation was current with the source before the import.
fn had_current(existing: Option<&crate::content::sheet::Doc>, hash: &str) -> bool {
    existing.is_some_and(|d| match &d.role {
        crate::content::sheet::Role::Translation(t) => {
            t.source_hash.as_ref().is_some_and(|h| h.value == hash)
        }
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
