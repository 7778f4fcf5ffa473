//! Which sheet and language a PO file is for: its header, checked against
//! the folder it is in.

use std::path::Path;

use crate::content::doc::Doc;
use crate::content::names::OVERVIEW;
use crate::content::{Files, Site};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::po::Catalog;

/// The sheet and language a PO file is for, with the site's files of it.
pub(super) struct Target<'s> {
    pub dest: String,
    pub route: String,
    pub lang: String,
    pub files: &'s Files,
    pub source: &'s Doc,
}

pub(super) fn read_catalog(file: &Path, diags: &mut Diagnostics) -> Option<Catalog> {
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
    if meta.len() > crate::po::MAX_BYTES {
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
    crate::po::parse(&text, file, diags)
}

/// Which sheet and language: the header factsheet wrote, checked against
/// the path (`po/<lang>/<dest>/<route>.po`).
pub(super) fn locate<'s>(
    site: &'s Site,
    file: &Path,
    catalog: &Catalog,
    diags: &mut Diagnostics,
) -> Option<Target<'s>> {
    let err = |d: Diagnostic| d.file(file);
    let c = &site.config;
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
    let Some((files, source)) = files.and_then(|f| Some((f, f.source.as_ref()?))) else {
        diags.push(err(Diagnostic::error(
            Code::UnknownSegment,
            format!("the site has no sheet {sheet}"),
        )
        .at(1, 1)
        .hint("run `factsheet export` again: the sheet may have moved")));
        return None;
    };
    Some(Target {
        dest: dest.to_string(),
        route: route.to_string(),
        lang,
        files,
        source,
    })
}
