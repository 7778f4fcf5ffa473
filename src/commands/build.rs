//! `factsheet build`: load, validate, render every page, publish.

use std::io::IsTerminal;
use std::path::Path;
use std::time::Instant;

use super::{Ctx, Error, Outcome, Result, plural};
use crate::diagnostics::{Diagnostic, Diagnostics, Format};
use crate::output;
use crate::pipeline;
use crate::render::Renderer;

pub struct BuildArgs<'a> {
    pub out: Option<&'a Path>,
    pub base_url: Option<&'a str>,
    pub no_pdf: bool,
    pub strict: bool,
    /// Where PDFs typeset before are reused from; None: typeset all.
    pub cache: Option<std::path::PathBuf>,
}

pub fn run(ctx: &Ctx, opts: BuildArgs) -> Result {
    let started = Instant::now();
    let out = opts.out.map_or_else(
        || crate::content::display_path(&ctx.cli.root, Path::new("public")),
        Path::to_path_buf,
    );
    let out_abs = output::check_out(&out, &ctx.cli.root).map_err(super::usage)?;
    let left = || format!("{} left as it was", out.display());
    let options = pipeline::PrepareOptions {
        today: ctx.today,
        base_url: opts.base_url,
        pdf: !opts.no_pdf,
        strict: opts.strict,
        cache: opts.cache.as_deref(),
    };
    let failed = |errors: usize| {
        format!(
            "build failed: {}{}; {}",
            plural(errors, "error", "errors"),
            if errors == 0 {
                " (--strict: stale or outdated content fails)"
            } else {
                ""
            },
            left()
        )
    };
    let (prepared, published) = match ctx.prepare(&options, &failed)? {
        Ok(p) => p,
        Err(outcome) => return Ok(outcome),
    };
    ctx.print(&ctx.visible(&published), Format::Human);
    let spinner = progress(ctx);
    if let Some(s) = &spinner {
        s.set_message(if opts.no_pdf {
            "rendering and writing pages"
        } else {
            "rendering and writing pages, typesetting PDFs"
        });
    }
    let t = Instant::now();
    let wall_start = std::time::SystemTime::now();
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
    // Each file is written as soon as it is made: the site is never held
    // in memory whole.
    let model = prepared.model();
    let made = output::publish(&out_abs, &waiting, |staging| {
        let renderer = Renderer::new(&model, &prepared.theme, prepared.typesetter.as_deref())?;
        let made =
            renderer.render_each(!opts.no_pdf, &|f| staging.write(&f).map_err(Failed::Write))?;
        Ok((made, staging.busy()))
    });
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let (made, writing) = match made {
        Ok(m) => m,
        Err(Failed::Render(d)) => return Ok(fail(ctx, d, &out)),
        Err(Failed::Write(e)) => {
            eprintln!("error: {e}");
            ctx.summary(&format!("build failed; {}", left()));
            return Err(Error::Reported);
        }
    };
    // The build went through: entries no recent build used can go.
    let cache = prepared.typesetter.as_deref().and_then(|t| t.cache());
    if let Some(cache) = cache
        && let Err(e) = cache.finish(wall_start)
        && !ctx.cli.quiet
    {
        eprintln!("warning: the PDF cache could not be tidied: {e}");
    }
    if ctx.cli.verbose {
        if let Some(cache) = cache {
            use std::sync::atomic::Ordering::Relaxed;
            eprintln!(
                "PDFs: {} reused from the cache, {} typeset",
                cache.reused.load(Relaxed),
                cache.typeset.load(Relaxed)
            );
        }
        let phases = prepared.timings.iter().copied();
        for (name, time) in phases.chain([("render and write", t.elapsed())]) {
            eprintln!("{:>8.1} ms  {name}", time.as_secs_f64() * 1000.0);
        }
        eprintln!(
            "{:>8.1} ms  of which writing files (summed over threads)",
            writing.as_secs_f64() * 1000.0
        );
        for (path, time) in &made.pdf_times {
            eprintln!("{:>8.1} ms  {path}", time.as_secs_f64() * 1000.0);
        }
    }
    let pages = made.pages;
    let pdfs = made.pdf_times.len();
    let pdf_note = if pdfs == 0 {
        String::new()
    } else {
        let total: f64 = made.pdf_times.iter().map(|(_, t)| t.as_secs_f64()).sum();
        format!(
            " and {} ({:.0} ms each on average)",
            plural(pdfs, "PDF", "PDFs"),
            total * 1000.0 / pdfs as f64
        )
    };
    ctx.summary(&format!(
        "built {}{pdf_note} in {} ({}) in {:.2} s → {}",
        plural(pages, "page", "pages"),
        plural(
            prepared.site.config.languages.len(),
            "language",
            "languages"
        ),
        plural(published.warnings(), "warning", "warnings"),
        started.elapsed().as_secs_f64(),
        out.display(),
    ));
    Ok(Outcome::Clean)
}

fn fail(ctx: &Ctx, d: Diagnostic, out: &Path) -> Outcome {
    let mut diags = Diagnostics::default();
    diags.push(d);
    ctx.print(&diags, Format::Human);
    ctx.summary(&format!("build failed; {} left as it was", out.display()));
    Outcome::Problems
}

/// Why rendering into the output stopped.
enum Failed {
    Render(Diagnostic),
    Write(output::PublishError),
}

impl From<Diagnostic> for Failed {
    fn from(d: Diagnostic) -> Self {
        Failed::Render(d)
    }
}

impl From<output::PublishError> for Failed {
    fn from(e: output::PublishError) -> Self {
        Failed::Write(e)
    }
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
