//! PDF handouts (one per sheet page) and booklets (one per destination and
//! language), typeset by Typst inside the binary. The template gets the
//! page as data (`/data.json`) and the QR codes as SVG images.

pub mod cache;
pub mod pack;
pub mod printable;
pub mod world;

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fluent_bundle::FluentValue;
use qrcode::{EcLevel, QrCode};
use serde::Serialize;

use super::route::{Page, Pdf};
use super::view::{self, SheetView, Words};
use super::{File, Model};
use crate::content::state::Shown;
use crate::diagnostics::Code;
use crate::diagnostics::Diagnostic;
use crate::theme::Theme;
use world::{Job, Typesetter};

/// A PDF and how long it took (wall time on its worker).
pub struct Typeset {
    pub file: File,
    /// Taken from the PDF cache rather than typeset.
    pub reused: bool,
    pub time: Duration,
}

/// The PDF of a handout or a booklet; None for a sheet without a page in
/// that language (and for a pack, which `pack::render` makes).
pub fn render(
    model: &Model,
    typesetter: &Typesetter,
    route: Pdf,
) -> Option<Result<Typeset, Diagnostic>> {
    let (path, what, job) = job(model, typesetter, route)?;
    Some(typeset(typesetter, &path, &what, &job))
}

/// The PDFs of `routes`, typeset in parallel.
pub fn render_all(
    model: &Model,
    typesetter: &Typesetter,
    routes: &[Pdf],
) -> Result<Vec<Typeset>, Diagnostic> {
    let jobs: Vec<_> = routes
        .iter()
        .filter_map(|r| job(model, typesetter, *r))
        .collect();
    typeset_all(typesetter, &jobs)
}

fn job(model: &Model, ts: &Typesetter, route: Pdf) -> Option<(String, String, Job)> {
    match route {
        Pdf::Handout { lang, sheet } => handout_job(model, ts, lang, sheet),
        Pdf::Booklet { lang, dest } => Some(booklet_job(model, ts, lang, dest)),
        Pdf::Pack { .. } => None,
    }
}

fn typeset_all(
    typesetter: &Typesetter,
    jobs: &[(String, String, Job)],
) -> Result<Vec<Typeset>, Diagnostic> {
    // Our own workers rather than rayon's: Typst uses rayon inside, and a
    // rayon worker waiting on it would steal other documents, which muddles
    // the time each one takes. Typst also recurses deeply: big stacks.
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(jobs.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Typeset, Diagnostic>>>> =
        Mutex::new((0..jobs.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let work = || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((path, what, job)) = jobs.get(i) else {
                    break;
                };
                let made = typeset(typesetter, path, what, job);
                if let Ok(mut r) = results.lock() {
                    r[i] = Some(made);
                }
            };
            if std::thread::Builder::new()
                .stack_size(STACK)
                .spawn_scoped(scope, work)
                .is_err()
            {
                break;
            }
        }
    });
    let results = results
        .into_inner()
        .map_err(|_| Diagnostic::error(Code::Io, "a PDF worker failed"))?;
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(Diagnostic::error(Code::Io, "a PDF was not typeset"))))
        .collect()
}

fn handout_job(
    model: &Model,
    ts: &Typesetter,
    lang: &str,
    i: usize,
) -> Option<(String, String, Job)> {
    let data = sheet_data(model, lang, i)?;
    let url = model.absolute_url(Page::Sheet { lang, sheet: i });
    let files = vec![
        ("/data.json".into(), data_json(&data, ts)),
        ("/qr-0.svg".into(), qr_svg(&model.printout_url(i, lang))),
    ];
    let what = format!("the handout of {} ({lang})", shown_file(model, i, lang));
    Some((
        model.file_path(Pdf::Handout { lang, sheet: i }),
        what,
        Job {
            main: "/handout.typ",
            files,
            ident: url,
            date: model.version(i, lang).as_of,
        },
    ))
}

fn booklet_job(model: &Model, ts: &Typesetter, lang: &str, dest: &str) -> (String, String, Job) {
    let url = model.absolute_url(Page::Destination { lang, dest });
    let mut files = Vec::new();
    let mut date = jiff::civil::Date::MIN;
    let sheets: Vec<Handout> = (0..model.sheets.len())
        .filter(|&i| model.sheets[i].destination == dest)
        .filter_map(|i| sheet_data(model, lang, i).map(|d| (i, d)))
        .enumerate()
        .map(|(n, (i, d))| {
            files.push((format!("/qr-{n}.svg"), qr_svg(&model.printout_url(i, lang))));
            date = date.max(model.version(i, lang).as_of);
            d
        })
        .collect();
    let words = Words::new(model.site, lang);
    let country = words.t(&format!("country-{dest}"));
    // The overview's facts are not printed, but their state is: when they
    // were checked, and a warning when that is too long ago.
    let overview = model.site.destinations.get(dest).and_then(|d| {
        let facts = d.overview.source.as_ref()?.inherited()?;
        let review = model.site.overview_review(dest, model.today)?;
        Some(OverviewState {
            checked: view::checked(&words, facts.last_reviewed.value),
            warnings: view::review_warnings(&words, review, facts, model.today),
        })
    });
    let data = Booklet {
        title: country.clone(),
        overview,
        country,
        short_url: short(&url),
        ui_lang: primary(lang),
        language_name: words.name_of(lang),
        date: words.date(model.today),
        print: Print::new(&words),
        sheets,
    };
    files.push(("/data.json".into(), data_json(&data, ts)));
    let what = format!("the {lang} booklet of content/{dest}/");
    (
        model.file_path(Pdf::Booklet { lang, dest }),
        what,
        Job {
            main: "/booklet.typ",
            files,
            ident: url,
            date: if date == jiff::civil::Date::MIN {
                model.today
            } else {
                date
            },
        },
    )
}

fn typeset(
    typesetter: &Typesetter,
    path: &str,
    what: &str,
    job: &Job,
) -> Result<Typeset, Diagnostic> {
    let start = Instant::now();
    let result = typesetter.pdf_cached(job);
    // Keep what documents share (the template's compiled state), drop
    // what only old documents used: memory stays flat.
    typst::comemo::evict(10);
    let (bytes, reused) = result.map_err(|f| {
        let mut d = Diagnostic::error(Code::Typst, format!("cannot typeset {what}: {}", f.message));
        if let Some((file, line, col)) = f.template {
            d = d
                .file(file)
                .at(line, col)
                .hint("the PDF template has an error at this place");
        } else {
            d = d.hint("report this with the sheet named here: the data could not be typeset");
        }
        d
    })?;
    Ok(Typeset {
        file: File {
            path: path.to_string(),
            bytes,
        },
        reused,
        time: start.elapsed(),
    })
}

const STACK: usize = 256 * 1024 * 1024;

/// The typesetter for a theme: fonts parsed once, templates ready.
pub fn typesetter(theme: &Theme, today: jiff::civil::Date) -> Typesetter {
    Typesetter::new(&theme.pdf_templates, &theme.fonts, today)
}

/// A handout's `/data.json`, and each sheet of a booklet's: the sheet as
/// its page shows it, laid out for paper.
#[derive(Serialize)]
struct Handout {
    #[serde(flatten)]
    sheet: SheetView,
    body: Vec<crate::paper::Node>,
    /// Why the handout is shorter than the page, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    shortened: Option<String>,
    /// Typst's language of the text and of the UI strings.
    text_lang: String,
    ui_lang: String,
    short_url: String,
    /// "Scan the code to see whether this printout is still current."
    scan: String,
    /// The QR code's alternative text: what it links to.
    qr_alt: String,
    #[serde(flatten)]
    print: Print,
}

/// A booklet's `/data.json`.
#[derive(Serialize)]
struct Booklet {
    title: String,
    overview: Option<OverviewState>,
    country: String,
    short_url: String,
    ui_lang: String,
    language_name: String,
    date: String,
    #[serde(flatten)]
    print: Print,
    sheets: Vec<Handout>,
}

/// "Free, personal advice", and the centres that give it.
#[derive(Serialize)]
struct Advice {
    heading: String,
    text: String,
    hours: String,
    centres: Vec<super::advice::CentreView>,
}

/// The review state of a destination's overview, on a booklet's cover.
#[derive(Serialize)]
struct OverviewState {
    checked: String,
    warnings: Vec<String>,
}

/// The UI strings every PDF prints around the text.
#[derive(Serialize)]
struct Print {
    /// Where to get free advice: the end of every handout.
    advice: Option<Advice>,
    /// The language sources and contacts are named in.
    source_lang: String,
    site_title: String,
    disclaimer: String,
    page_x_of_y: String,
    labels: Labels,
}

#[derive(Serialize)]
struct Labels {
    key_facts: String,
    sources: String,
    contacts: String,
    contents: String,
}

impl Print {
    fn new(words: &Words) -> Print {
        let centres = super::advice::centres(words);
        Print {
            advice: (!centres.is_empty()).then(|| Advice {
                heading: words.t("advice-heading"),
                text: words.t("advice-text"),
                hours: words.t("centre-hours-heading"),
                centres,
            }),
            source_lang: primary(&words.site.config.source_language),
            site_title: words.t("site-title"),
            disclaimer: words.t("sample-disclaimer"),
            page_x_of_y: page_x_of_y(words),
            labels: Labels {
                key_facts: words.t("key-facts-heading"),
                sources: words.t("sources-heading"),
                contacts: words.t("contacts-heading"),
                contents: words.t("contents-heading"),
            },
        }
    }
}

/// The data as JSON with every object's keys sorted, as it has always been
/// written: through `Value`, whose maps are sorted (serde itself would
/// follow field order and put enum tags first). Plain structs cannot fail
/// to serialise; if one did, Typst would report the empty data. Every
/// string is made printable in an archival PDF first.
fn data_json(data: &impl Serialize, ts: &Typesetter) -> Vec<u8> {
    let replacement = if ts.covers('\u{fffd}') {
        '\u{fffd}'
    } else {
        '?'
    };
    serde_json::to_value(data)
        .map(|mut v| {
            printable::printable(&mut v, &|c| ts.covers(c), replacement);
            v.to_string().into_bytes()
        })
        .unwrap_or_default()
}

/// The sheet as the handout shows it in `lang`.
fn sheet_data(model: &Model, lang: &str, i: usize) -> Option<Handout> {
    let words = Words::new(model.site, lang);
    let (sheet, text) = view::sheet(model, &words, i)?;
    let url = model.absolute_url(Page::Sheet { lang, sheet: i });
    let (mut body, shortened) = crate::paper::blocks(&text.body, &url);
    if let Some(stale) = model.stale(i, lang) {
        let source = &model.site.config.source_language;
        let notice = words.t_args(
            "section-changed",
            &[("language", FluentValue::from(words.name_of(source)))],
        );
        body = crate::paper::mark_sections(body, &stale.sections, &notice, &primary(lang));
    }
    let scan = words.t("printout-scan");
    let qr_alt = words.t_args(
        "qr-alt",
        &[("url", FluentValue::from(model.printed_url(i, lang)))],
    );
    Some(Handout {
        text_lang: primary(&sheet.text_lang),
        sheet,
        body,
        shortened: shortened.then(|| {
            words.t_args(
                "handout-shortened",
                &[("url", FluentValue::from(short(&url)))],
            )
        }),
        ui_lang: primary(lang),
        // The address a reader types, with the version the page checks.
        short_url: short(&model.printed_url(i, lang)),
        scan,
        qr_alt,
        print: Print::new(&words),
    })
}

/// "Page {page} of {total}" in the language; Typst fills in the numbers.
fn page_x_of_y(words: &Words) -> String {
    words.t_args(
        "page-x-of-y",
        &[
            ("page", FluentValue::from("{page}")),
            ("total", FluentValue::from("{total}")),
        ],
    )
}

/// The file whose text a page shows, for messages.
fn shown_file(model: &Model, i: usize, lang: &str) -> String {
    let s = &model.sheets[i];
    match s.page(lang).map(|p| &p.shown) {
        Some(Shown::Translation { file }) => file.display().to_string(),
        _ => s.source.path.display().to_string(),
    }
}

/// Typst's `lang` takes the ISO 639 code: `sr-Cyrl` → `sr`.
fn primary(tag: &str) -> String {
    tag.split('-').next().unwrap_or(tag).to_lowercase()
}

/// The address without its scheme, as printed under the QR code.
fn short(url: &str) -> String {
    url.split_once("://").map_or(url, |(_, r)| r).to_string()
}

/// The page's address as a QR code, an SVG image.
pub fn qr_svg(url: &str) -> Vec<u8> {
    match QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build()
            .into_bytes(),
        // Only an absurdly long address fails: show an empty square.
        Err(_) => {
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>".to_vec()
        }
    }
}
