//! `factsheet import FILE.po…`: translations from a platform back into the
//! translation sheets. A sheet is stamped current only when every segment
//! is translated and none is fuzzy; otherwise what there is is written and
//! the summary says how many segments are left.

use std::path::PathBuf;

use super::{Ctx, Outcome, Result, plural};
use crate::diagnostics::{Code, Diagnostics, Format};

pub fn run(ctx: &Ctx, files: &[PathBuf]) -> Result {
    let (site, _) = ctx.load()?;
    let mut diags = Diagnostics::default();
    let mut lines = Vec::new();
    for file in files {
        if let Some(imported) = crate::po::import::import(&site, file, &mut diags) {
            lines.push(imported.to_string());
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
