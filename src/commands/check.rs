//! `factsheet check`: every problem of the site, in one run.

use super::{Ctx, Outcome, Result, plural};
use crate::diagnostics::{Diagnostics, Format};
use crate::pipeline;

pub fn run(ctx: &Ctx, format: Format, strict: bool) -> Result {
    let mut diags = Diagnostics::default();
    let pipeline::Checked { site, diags, .. } =
        match pipeline::check(&ctx.cli.root, ctx.today, &mut diags) {
            Ok(checked) => checked,
            Err(fatal) => return Err(ctx.unreadable(diags, &fatal.to_string(), format)),
        };
    ctx.print(&ctx.visible(&diags), format);
    let sheets = site.sheets(ctx.today);
    let translations: usize = site
        .destinations
        .values()
        .flat_map(|d| d.sheets.values())
        .map(|f| f.translations.len())
        .sum();
    let (errors, warnings) = (diags.errors(), diags.warnings());
    let failed = errors > 0 || (strict && warnings > 0);
    ctx.summary(&format!(
        "{}: {} and {} in {}: {}, {}{}",
        if failed {
            "check failed"
        } else {
            "check passed"
        },
        plural(sheets.len(), "sheet", "sheets"),
        plural(translations, "translation", "translations"),
        plural(site.config.languages.len(), "language", "languages"),
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings"),
        if strict && warnings > 0 && errors == 0 {
            " (--strict: warnings fail)"
        } else {
            ""
        },
    ));
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}
