//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::diagnostics::Format;

/// Multilingual fact sheets on legal migration routes: validate them, check
/// that advice and translations are current, and publish them.
#[derive(Debug, Parser)]
#[command(name = "factsheet", version, about, max_term_width = 100)]
pub struct Cli {
    /// The site's folder (holding content/, translations/, themes/).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,

    /// The date to judge freshness against, for reproducible runs.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,

    /// Print errors only.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more: the source line under each problem.
    #[arg(long, short, global = true)]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the website into the output folder, replaced only if the
    /// whole build succeeds.
    Build {
        /// The output folder [default: public, in the site's root].
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The address the site will be published at (overrides site.yaml).
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Skip PDF handouts.
        #[arg(long)]
        no_pdf: bool,
        /// Fail on overdue, expired or outdated content.
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        cache: CacheArgs,
    },
    /// Preview the site at http://127.0.0.1:1111, rebuilt and reloaded in
    /// the browser whenever a file is saved.
    Serve {
        /// The address to listen on (loopback by default: this computer only).
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Do not make PDFs (otherwise made when first requested).
        #[arg(long)]
        no_pdf: bool,
        #[command(flatten)]
        cache: CacheArgs,
    },
    /// Validate the site and write nothing; fails on errors and on stale
    /// or outdated content.
    Check {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Fail on warnings too (e.g. a review due soon).
        #[arg(long)]
        strict: bool,
    },
    /// Show the freshness and translation matrix.
    Status {
        #[arg(long, value_enum, default_value = "table")]
        format: StatusFormat,
        /// Only this language's column.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// Only this destination's sheets.
        #[arg(long, value_name = "CODE")]
        destination: Option<String>,
    },
    /// Scaffold a source sheet, or with --lang a translation of one.
    New {
        /// ISO 3166-1 alpha-2 code, e.g. de.
        destination: String,
        /// A route of the site, e.g. study.
        route: String,
        /// A language tag; a translation unless it is the source language.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
    },
    /// What changed in the source since this translation was made, word by
    /// word, from the site's git history.
    Diff {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Tell readers what changed in a source sheet: a change note dated
    /// --today. With --minor, record an edit they need not hear about.
    /// Either way `check` knows the text was noted.
    Note {
        /// Record an edit readers need not hear about (a typo, a link).
        #[arg(long)]
        minor: bool,
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// What changed, in a sentence or two for readers.
        #[arg(
            value_name = "TEXT",
            required_unless_present = "minor",
            conflicts_with = "minor"
        )]
        text: Option<String>,
    },
    /// One PDF for one visitor: a cover with their topics and centre, then
    /// each sheet in --lang, and with --also the same sheet in a second
    /// language right after it.
    Pack {
        /// Sheets as destination/route, e.g. de/work it/seasonal-work.
        #[arg(required = true, value_name = "SHEET")]
        sheets: Vec<String>,
        /// The visitor's language.
        #[arg(long, value_name = "LANG")]
        lang: String,
        /// A second language, e.g. to show an employer or an official.
        #[arg(long, value_name = "LANG")]
        also: Option<String>,
        /// The centre (an id in content/centres.yaml) for the cover.
        #[arg(long, value_name = "ID")]
        centre: Option<String>,
        /// The PDF to write [default: pack-<lang>-<date>.pdf].
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Write every translation as a gettext PO file (and every sheet as a
    /// template) for translation platforms: po/<lang>/<dest>/<route>.po.
    Export {
        /// Only these languages (repeat for more).
        #[arg(long, value_name = "LANG")]
        lang: Vec<String>,
        /// The folder to write [default: po, in the site's root].
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Write PO files from a translation platform back into the
    /// translation sheets; stamp those that are complete.
    Import {
        #[arg(required = true, value_name = "FILE.po")]
        files: Vec<PathBuf>,
    },
    /// Print the route finder's flow: questions, answers, outcomes and
    /// the sheets behind each, as an indented list or as Graphviz.
    Finder {
        #[arg(long, value_enum, default_value = "text")]
        format: FinderFormat,
    },
    /// Mark translations as current with the source they now match.
    Stamp {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FinderFormat {
    Text,
    Dot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
}

fn parse_date(s: &str) -> Result<Date, String> {
    crate::yaml::reader::parse_date(s)
        .ok_or_else(|| format!("`{s}` is not a date: write YYYY-MM-DD"))
}

/// Where PDFs typeset before are kept for the next build.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct CacheArgs {
    /// Keep reusable PDFs here [default: .factsheet-cache, beside content/].
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// Typeset every PDF again; read and write no cache.
    #[arg(long, conflicts_with = "cache")]
    pub no_cache: bool,
}

impl CacheArgs {
    /// The cache folder for the site at `root`, or None without one.
    pub fn dir(&self, root: &std::path::Path) -> Option<PathBuf> {
        if self.no_cache {
            return None;
        }
        Some(
            self.cache
                .clone()
                .unwrap_or_else(|| root.join(".factsheet-cache")),
        )
    }
}
