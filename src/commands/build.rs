//! `factsheet build`: load, validate, render every page, publish.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use super::{CONTENT_ERRORS, Ctx, OK, USAGE, as_published, plural};
use crate::diagnostics::{Diagnostic, Diagnostics, Format, Severity};
use crate::output;
use crate::render::{self, Build};
use crate::schema::is_web_url;
use crate::theme::Theme;
use crate::validate::validate;

pub struct Options<'a> {
    pub out: Option<&'a Path>,
    pub base_url: Option<&'a str>,
    pub no_pdf: bool,
    pub strict: bool,
}

pub fn run(ctx: &Ctx, opts: Options) -> Result<u8, u8> {
    let started = Instant::now();
    let phase = |name: &str, since: Instant| {
        if ctx.cli.verbose {
            eprintln!("{:>8.1} ms  {name}", since.elapsed().as_secs_f64() * 1000.0);
        }
    };
    let (site, mut diags) = ctx.load()?;
    phase("load", started);
    let t = Instant::now();
    let out = opts
        .out
        .map_or_else(|| site.shown(Path::new("public")), Path::to_path_buf);
    let out_abs = output::check_out(&out, &site.root).map_err(super::usage)?;
    let base_url = opts.base_url.unwrap_or(&site.config.base_url).to_string();
    if !is_web_url(&base_url) {
        return Err(super::usage(format!(
            "--base-url `{base_url}` is not a web address (https://…)"
        )));
    }
    diags.extend(validate(&site, ctx.today));
    phase("validate", t);
    let published = as_published(&diags);
    let errors = published.errors();
    let failing =
        errors > 0 || (opts.strict && published.iter().any(|d| d.code.publishes_with_warning()));
    let shown = filter(&published, ctx.cli.quiet);
    ctx.print(&shown, Format::Human);
    if failing {
        ctx.summary(&format!(
            "build failed: {}{}; {} left as it was",
            plural(errors, "error", "errors"),
            if errors == 0 {
                " (--strict: stale or outdated content fails)"
            } else {
                ""
            },
            out.display()
        ));
        return Ok(CONTENT_ERRORS);
    }

    let site = Arc::new(site);
    let theme = match Theme::load(&site.root, &|p| {
        crate::content::shown(&site.root, p.strip_prefix(&site.root).unwrap_or(p))
    }) {
        Ok(t) => t,
        Err(d) => return Ok(fail(ctx, d, &out)),
    };
    let spinner = progress(ctx);
    let t = Instant::now();
    let build = Build::new(&site, ctx.today, &base_url);
    if let Some(s) = &spinner
        && !opts.no_pdf
    {
        s.set_message("rendering pages and typesetting PDFs");
    }
    let rendered = match render::render(&build, &theme, !opts.no_pdf, !opts.no_pdf) {
        Ok(r) => r,
        Err(d) => {
            if let Some(s) = &spinner {
                s.finish_and_clear();
            }
            return Ok(fail(ctx, d, &out));
        }
    };
    let files = rendered.files;
    if let Some(s) = &spinner {
        s.set_message(format!("writing {} files", files.len()));
    }
    phase("render", t);
    let t = Instant::now();
    let waiting = || {
        if let Some(s) = &spinner {
            s.set_message("waiting for another build of the same --out to finish");
        } else if !ctx.cli.quiet {
            eprintln!(
                "waiting for another build writing {} to finish",
                out.display()
            );
        }
    };
    let published_ok = output::publish(&out_abs, &files, &waiting);
    phase("write", t);
    if let Err(e) = published_ok {
        if let Some(s) = spinner {
            s.finish_and_clear();
        }
        eprintln!("error: {e}");
        ctx.summary(&format!("build failed; {} left as it was", out.display()));
        return Err(USAGE);
    }
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    if ctx.cli.verbose {
        for (path, time) in &rendered.pdf_times {
            eprintln!("{:>8.1} ms  {path}", time.as_secs_f64() * 1000.0);
        }
        for (kind, n, cpu) in &rendered.pdf_cpu {
            if let (Some(cpu), true) = (cpu, *n > 0) {
                eprintln!(
                    "CPU for {n} {kind}: {:.2} s, {:.1} ms each",
                    cpu.as_secs_f64(),
                    cpu.as_secs_f64() * 1000.0 / *n as f64
                );
            }
        }
    }
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    let pdfs = rendered.pdf_times.len();
    let pdf_note = if pdfs == 0 {
        String::new()
    } else {
        let total: f64 = rendered
            .pdf_times
            .iter()
            .map(|(_, t)| t.as_secs_f64())
            .sum();
        format!(
            " and {} ({:.0} ms each on average)",
            plural(pdfs, "PDF", "PDFs"),
            total * 1000.0 / pdfs as f64
        )
    };
    ctx.summary(&format!(
        "built {}{pdf_note} in {} ({}) in {:.2} s → {}",
        plural(pages, "page", "pages"),
        plural(site.config.languages.len(), "language", "languages"),
        plural(published.warnings(), "warning", "warnings"),
        started.elapsed().as_secs_f64(),
        out.display(),
    ));
    Ok(OK)
}

fn filter(diags: &Diagnostics, quiet: bool) -> Diagnostics {
    let mut out = Diagnostics::default();
    for d in diags
        .iter()
        .filter(|d| !quiet || d.severity == Severity::Error)
    {
        out.push(d.clone());
    }
    out
}

fn fail(ctx: &Ctx, d: Diagnostic, out: &Path) -> u8 {
    let mut diags = Diagnostics::default();
    diags.push(d);
    ctx.print(&diags, Format::Human);
    ctx.summary(&format!("build failed; {} left as it was", out.display()));
    CONTENT_ERRORS
}

/// A spinner on a terminal; nothing in pipes, CI or with --quiet.
fn progress(ctx: &Ctx) -> Option<indicatif::ProgressBar> {
    if ctx.cli.quiet || !std::io::stderr().is_terminal() || std::env::var_os("CI").is_some() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message("rendering pages");
    bar.enable_steady_tick(std::time::Duration::from_millis(100));
    Some(bar)
}
