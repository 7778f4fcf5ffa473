//! One file per subcommand; this module holds what they share: the run
//! context, loading the site, printing problems and exit statuses.

mod build;
mod check;
mod diff;
mod export;
mod finder;
mod import;
mod new;
mod note;
mod pack;
mod serve;
mod stamp;
mod status;

use std::io::Write;

use jiff::civil::Date;

use crate::cli::{Cli, Command};
use crate::diagnostics::Code;
use std::path::Path;

use crate::content::Site;
use crate::content::load::load;
use crate::content::names::split_sheet_name;
use crate::diagnostics::{self, Diagnostics, Format};

/// What a command found: `main` makes it exit status 0 or 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    /// The content has errors (or, with `--strict`, warnings).
    Problems,
}

/// Why a command stopped early: `main` makes it exit status 2 (0 for a
/// closed pipe).
#[derive(Debug)]
pub enum Error {
    /// Usage or configuration: the message to print.
    Usage(String),
    /// A file could not be read or written: what was being done, the
    /// path as the user knows it, and why.
    Io {
        what: &'static str,
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// `serve` could not start.
    Serve(crate::serve::ServeError),
    /// Already reported, with its diagnostics.
    Reported,
    /// Standard output was closed by its reader (`| head`): stop quietly.
    ClosedPipe,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Usage(msg) => f.write_str(msg),
            Error::Io { what, path, source } => {
                write!(f, "cannot {what} {}: {source}", path.display())
            }
            Error::Serve(e) => e.fmt(f),
            Error::Reported => f.write_str("the problems above stopped the command"),
            Error::ClosedPipe => f.write_str("standard output was closed"),
        }
    }
}

impl std::error::Error for Error {}

/// An I/O failure on `path` (as the user knows it) while doing `what`.
pub fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> Error + use<> {
    let path = path.to_path_buf();
    move |source| Error::Io { what, path, source }
}

/// A command's result.
pub type Result<T = Outcome, E = Error> = std::result::Result<T, E>;

pub struct Ctx {
    pub cli: Cli,
    pub today: Date,
}

impl Ctx {
    /// Colour on stderr when it is a terminal, as `anstream` decides it
    /// (NO_COLOR, CLICOLOR and CLICOLOR_FORCE are honoured).
    pub fn color_stderr(&self) -> bool {
        anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
    }

    /// Colour on stdout, likewise.
    pub fn color_stdout(&self) -> bool {
        anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
    }

    /// Loads the site; on failure prints why.
    pub fn load(&self) -> Result<(Site, Diagnostics)> {
        let mut diags = Diagnostics::default();
        match load(&self.cli.root, &mut diags) {
            Ok(site) => Ok((site, diags)),
            Err(fatal) => Err(self.unreadable(diags, &fatal.to_string(), Format::Human)),
        }
    }

    /// The problems to print: errors only with `--quiet`.
    pub fn visible(&self, diags: &Diagnostics) -> Diagnostics {
        if self.cli.quiet {
            crate::pipeline::errors_only(diags)
        } else {
            diags.clone()
        }
    }

    /// Prepares the site for publishing (`build`, `pack`). When it cannot
    /// be, prints why, with `failed(errors)` as the summary line, and gives
    /// the outcome to return.
    pub fn prepare(
        &self,
        opts: &crate::pipeline::PrepareOptions,
        failed: &dyn Fn(usize) -> String,
    ) -> Result<std::result::Result<(crate::pipeline::Prepared, Diagnostics), Outcome>> {
        use crate::pipeline::Stop;
        let diags = match crate::pipeline::prepare(&self.cli.root, opts) {
            Ok(p) => return Ok(Ok(p)),
            Err(Stop::Unreadable(fatal, diags)) => {
                self.print(&diags, Format::Human);
                eprintln!("error: {fatal}");
                return Err(Error::Reported);
            }
            Err(Stop::BadBaseUrl(url)) => return Err(usage(crate::pipeline::bad_base_url(&url))),
            Err(Stop::Content(published)) => self.visible(&published),
            Err(Stop::Theme(d)) => d.into(),
        };
        self.print(&diags, Format::Human);
        self.summary(&failed(diags.errors()));
        Ok(Err(Outcome::Problems))
    }

    /// Prints why the site could not be read at all, in `format` (so that
    /// CI gets configuration errors as annotations too).
    pub fn unreadable(&self, mut diags: Diagnostics, msg: &str, format: Format) -> Error {
        if format == Format::Human {
            diags.sort();
            self.print(&diags, format);
            eprintln!("error: {msg}");
        } else {
            // The reason is a diagnostic of its own in machine formats.
            diags.push(diagnostics::Diagnostic::error(Code::Config, msg));
            diags.sort();
            self.print(&diags, format);
        }
        Error::Reported
    }

    /// Prints problems: human text on stderr, machine formats on stdout.
    pub fn print(&self, diags: &Diagnostics, format: Format) {
        let result = match format {
            Format::Human => {
                let mut err = std::io::stderr().lock();
                diagnostics::render(
                    diags,
                    format,
                    self.cli.verbose,
                    &mut err,
                    self.color_stderr(),
                )
            }
            _ => {
                let mut out = std::io::stdout().lock();
                diagnostics::render(diags, format, false, &mut out, false).and_then(|_| out.flush())
            }
        };
        // A closed pipe (`| head`) is not an error worth a panic.
        let _ = result;
    }

    /// The one-line summary every command ends with (not with --quiet).
    pub fn summary(&self, line: &str) {
        if !self.cli.quiet {
            eprintln!("{line}");
        }
    }
}

/// Runs a parsed command line; `main` turns the result into the exit
/// status.
pub fn run(cli: Cli) -> Result {
    let today = cli.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let ctx = Ctx { cli, today };
    match &ctx.cli.command {
        Command::Build {
            out,
            base_url,
            no_pdf,
            strict,
            cache,
        } => build::run(
            &ctx,
            build::BuildArgs {
                out: out.as_deref(),
                base_url: base_url.as_deref(),
                no_pdf: *no_pdf,
                strict: *strict,
                cache: cache.dir(&ctx.cli.root),
            },
        ),
        Command::Check { format, strict } => check::run(&ctx, *format, *strict),
        Command::Status {
            format,
            lang,
            destination,
        } => status::run(&ctx, *format, lang.as_deref(), destination.as_deref()),
        Command::New {
            destination,
            route,
            lang,
        } => new::run(&ctx, destination, route, lang.as_deref()),
        Command::Stamp { files } => stamp::run(&ctx, files),
        Command::Note { file, text, .. } => note::run(&ctx, file, text.as_deref()),
        Command::Export { lang, out } => export::run(&ctx, lang, out.as_deref()),
        Command::Import { files } => import::run(&ctx, files),
        Command::Pack {
            sheets,
            lang,
            also,
            centre,
            out,
        } => pack::run(
            &ctx,
            pack::PackArgs {
                sheets,
                lang,
                also: also.as_deref(),
                centre: centre.as_deref(),
                out: out.as_deref(),
            },
        ),
        Command::Diff { file } => diff::run(&ctx, file),
        Command::Finder { format } => finder::run(&ctx, *format),
        Command::Serve {
            bind,
            port,
            no_pdf,
            cache,
        } => serve::run(&ctx, bind, *port, *no_pdf, cache.dir(&ctx.cli.root)),
    }
}

/// Writes a command's result to standard output. A reader that went away
/// (`factsheet status | head -1`) ends the command quietly with success,
/// as ripgrep does, instead of a panic.
pub fn stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Error::ClosedPipe),
        Err(e) => Err(io("write to", Path::new("standard output"))(e)),
    }
}

/// A usage error, printed by `main`.
pub fn usage(msg: impl std::fmt::Display) -> Error {
    Error::Usage(msg.to_string())
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The destination, route and language of a sheet path inside the site.
pub fn locate(site: &Site, file: &Path) -> Result<(String, String, String), String> {
    let not_sheet = || {
        format!(
            "{} is not a sheet of the site at {}",
            file.display(),
            site.root.display()
        )
    };
    let real = file
        .canonicalize()
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let content = site.content_dir().canonicalize().map_err(|_| not_sheet())?;
    let rel = real.strip_prefix(&content).map_err(|_| not_sheet())?;
    let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
    let [dest, name] = parts.as_slice() else {
        return Err(not_sheet());
    };
    let (route, lang) = split_sheet_name(name).ok_or_else(not_sheet)?;
    Ok((dest.to_string(), route.to_string(), lang.to_string()))
}
