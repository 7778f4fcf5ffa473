//! The one pipeline: load → validate → what gets published → theme →
//! per-day model → render. `check`, `build` and `serve` call it and only
//! present what it returns, as mdBook's commands call `MDBook::build`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::content::Site;
use crate::content::load::{Fatal, load};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Severity};
use crate::render::Model;
use crate::render::pdf::world::Typesetter;
use crate::theme::Theme;
use crate::validate::validate;

/// A site read and validated against one day: every problem, with stale
/// content as errors (as `check` reports it).
pub struct Checked {
    pub site: Site,
    pub diags: Diagnostics,
    /// How long loading and validating took.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Loads the site at `root` and validates it against `today`. `Fatal` when
/// the site cannot be read at all; its problems are then in `diags`.
pub fn check(root: &Path, today: Date, diags: &mut Diagnostics) -> Result<Checked, Fatal> {
    let t = Instant::now();
    let site = load(root, diags)?;
    let loaded = t.elapsed();
    let t = Instant::now();
    let mut all = std::mem::take(diags);
    all.extend(validate(&site, today));
    all.sort();
    Ok(Checked {
        site,
        diags: all,
        timings: vec![("load", loaded), ("validate", t.elapsed())],
    })
}

/// The problems as `build` and `serve` report them: stale content is
/// published, with a warning on the page, so its errors become warnings.
pub fn as_published(diags: &Diagnostics) -> Diagnostics {
    let mut published = Diagnostics::default();
    for d in diags.iter() {
        let mut d = d.clone();
        if d.severity == Severity::Error && d.code.publishes_with_warning() {
            d.severity = Severity::Warning;
        }
        published.push(d);
    }
    published.sort();
    published
}

/// Only the errors among `diags`.
pub fn errors_only(diags: &Diagnostics) -> Diagnostics {
    let mut out = Diagnostics::default();
    for d in diags.iter().filter(|d| d.severity == Severity::Error) {
        out.push(d.clone());
    }
    out
}

/// A site ready to render on one day: what `build` and `serve` share.
/// Cloning is cheap (shared parts).
#[derive(Clone)]
pub struct Prepared {
    pub site: Arc<Site>,
    pub theme: Arc<Theme>,
    /// Present when PDFs are made (and so linked from pages).
    pub typesetter: Option<Arc<Typesetter>>,
    pub today: Date,
    pub base_url: String,
    /// How long loading and validating took.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Why a site cannot be published.
pub enum Stop {
    /// The site could not be read: the reason, and its problems.
    Unreadable(Fatal, Diagnostics),
    /// Errors in the content (stale content aside, unless `strict`): every
    /// problem, as published.
    Content(Diagnostics),
    /// The theme could not be read.
    Theme(Diagnostic),
    /// `--base-url` (or `base_url`) is not a web address.
    BadBaseUrl(String),
}

impl Stop {
    /// Every problem that stopped publishing, as diagnostics (what `serve`
    /// shows in the browser).
    pub fn into_diagnostics(self) -> Diagnostics {
        let mut diags = match self {
            Stop::Unreadable(fatal, mut diags) => {
                diags.push(Diagnostic::error(Code::Config, fatal.to_string()));
                diags
            }
            Stop::Content(diags) => diags,
            Stop::Theme(d) => d.into(),
            Stop::BadBaseUrl(url) => Diagnostic::error(Code::Config, bad_base_url(&url)).into(),
        };
        diags.sort();
        diags
    }
}

/// What is wrong with a base URL that is not a web address.
pub fn bad_base_url(url: &str) -> String {
    format!("--base-url `{url}` is not a web address (https://…)")
}

pub struct PrepareOptions<'o> {
    pub today: Date,
    /// Overrides `site.yaml`'s `base_url`.
    pub base_url: Option<&'o str>,
    pub pdf: bool,
    /// Stale content stops publishing too.
    pub strict: bool,
    /// Where PDFs typeset before are reused from (`render::pdf::cache`).
    pub cache: Option<&'o Path>,
}

/// Loads, validates and prepares the site at `root` for rendering; the
/// problems as published come back either way.
pub fn prepare(root: &Path, opts: &PrepareOptions) -> Result<(Prepared, Diagnostics), Stop> {
    let mut diags = Diagnostics::default();
    let checked = check(root, opts.today, &mut diags).map_err(|fatal| {
        diags.sort();
        Stop::Unreadable(fatal, diags)
    })?;
    let published = as_published(&checked.diags);
    let stale = opts.strict && published.iter().any(|d| d.code.publishes_with_warning());
    if published.errors() > 0 || stale {
        return Err(Stop::Content(published));
    }
    let site = checked.site;
    let base_url = opts.base_url.unwrap_or(&site.config.base_url).to_string();
    if !crate::yaml::reader::is_web_url(&base_url) {
        return Err(Stop::BadBaseUrl(base_url));
    }
    let display_path = |p: &Path| {
        crate::content::display_path(&site.root, p.strip_prefix(&site.root).unwrap_or(p))
    };
    let theme = Theme::load(&site.root, &display_path).map_err(Stop::Theme)?;
    let typesetter = opts.pdf.then(|| {
        let t = crate::render::pdf::typesetter(&theme, opts.today);
        Arc::new(match opts.cache {
            Some(dir) => t.with_cache(dir),
            None => t,
        })
    });
    Ok((
        Prepared {
            site: Arc::new(site),
            theme: Arc::new(theme),
            typesetter,
            today: opts.today,
            base_url,
            timings: checked.timings,
        },
        published,
    ))
}

impl Prepared {
    /// The per-day model of the site: every sheet's state and page.
    pub fn model(&self) -> Model<'_> {
        Model::new(&self.site, self.today, &self.base_url)
    }
}
