//! `factsheet stamp`: record in a translation the hash of the source it
//! now matches. Only the `source_hash` value changes, byte for byte.

use std::path::{Path, PathBuf};

use super::{Ctx, Error, Outcome, Result, plural};
use crate::content::names::{OVERVIEW, sheet_path};
use crate::content::{Files, Site};
use crate::diagnostics::{Code, Diagnostics, Format, Severity};
use crate::edit::{restamp, write_atomically};

pub fn run(ctx: &Ctx, files: &[PathBuf]) -> Result {
    let (site, diags) = ctx.load()?;
    let (mut stamped, mut current) = (0, 0);
    let (mut bad_usage, mut problems) = (false, false);
    for file in files {
        match stamp_one(&site, &diags, file) {
            Ok(true) => stamped += 1,
            Ok(false) => current += 1,
            Err(StampError::Usage(msg)) => {
                // Reported here: the other files still get stamped.
                eprintln!("error: {msg}");
                bad_usage = true;
            }
            Err(StampError::Io(e)) => {
                eprintln!("error: {e}");
                bad_usage = true;
            }
            Err(StampError::Content(msg)) => {
                ctx.print(&diags, Format::Human);
                eprintln!("error: {msg}");
                problems = true;
            }
        }
    }
    ctx.summary(&format!(
        "stamped {}{}",
        plural(stamped, "translation", "translations"),
        if current > 0 {
            format!(" ({current} already current)")
        } else {
            String::new()
        }
    ));
    if bad_usage {
        Err(Error::Reported)
    } else if problems {
        Ok(Outcome::Problems)
    } else {
        Ok(Outcome::Clean)
    }
}

/// Why one file was not stamped: the file named is not one to stamp
/// (status 2), it could not be read or written (2), or its content must be
/// fixed first (1).
enum StampError {
    Usage(String),
    Io(Error),
    Content(String),
}

/// Stamps one file; Ok(false) when it was already current.
fn stamp_one(site: &Site, diags: &Diagnostics, file: &Path) -> Result<bool, StampError> {
    let (dest, route, lang) = super::locate(site, file).map_err(StampError::Usage)?;
    let c = &site.config;
    let rel = sheet_path(&dest, &route, &lang);
    let shown = site.display_path(&rel);
    if lang == c.source_language {
        return Err(StampError::Usage(format!(
            "{} is a source sheet; stamp takes translations (e.g. {route}.sq.md)",
            file.display()
        )));
    }
    let files: Option<&Files> = site.destinations.get(&dest).and_then(|d| {
        if route == OVERVIEW {
            Some(&d.overview)
        } else {
            d.sheets.get(&route)
        }
    });
    let Some(files) = files else {
        return Err(StampError::Content(format!(
            "{} could not be read",
            shown.display()
        )));
    };
    let Some(source) = &files.source else {
        return Err(StampError::Content(format!(
            "{}: its source sheet is missing or has errors",
            shown.display()
        )));
    };
    // A malformed hash is what stamp repairs; any other error comes first.
    let blocking = diags.iter().any(|d| {
        d.severity == Severity::Error
            && d.file.as_deref() == Some(&*shown)
            && d.code != Code::BadHash
    });
    if !files.translations.contains_key(&lang) || blocking {
        return Err(StampError::Content(format!(
            "{} has errors; fix them first",
            shown.display()
        )));
    }
    let hash = source.hash.clone();
    let real = site.root.join(&rel);
    let bytes = std::fs::read(&real).map_err(|e| StampError::Io(super::io("read", &shown)(e)))?;
    let Some(new) = restamp(&bytes, &hash) else {
        return Err(StampError::Content(format!(
            "{}: cannot find where to write `source_hash`; write `source_hash: {hash}` under `translation:`",
            shown.display()
        )));
    };
    if new == bytes {
        return Ok(false);
    }
    write_atomically(&real, &new).map_err(|e| StampError::Io(super::io("write", &shown)(e)))?;
    Ok(true)
}
