//! Typst embedded: our own `World`, which serves only the theme's
//! templates, the bundled fonts and the files of the document at hand
//! (its data and QR codes). No file system, no network, no packages.

use std::collections::HashMap;
use std::path::PathBuf;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

/// What every document of a build shares: library, fonts, templates.
pub struct Typesetter {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// Templates by file id, with the path shown in diagnostics.
    sources: HashMap<FileId, (Source, PathBuf)>,
    today: Option<Datetime>,
    /// A hash of everything above and of the versions and standards: what
    /// a cached PDF must have been made with.
    fingerprint: [u8; 32],
    cache: Option<super::cache::PdfCache>,
}

/// One document to make.
pub struct Job {
    /// The template to compile, e.g. `/handout.typ`.
    pub main: &'static str,
    /// `/data.json`, `/qr-0.svg`, … (fixed names: file ids are never freed).
    pub files: Vec<(String, Vec<u8>)>,
    /// The PDF's identifier, for byte-identical output.
    pub ident: String,
    /// The document's date (PDF/A needs one): the day its content
    /// describes, so that the bytes change only with the content.
    pub date: jiff::civil::Date,
}

/// A Typst failure, located where possible.
#[derive(Debug)]
pub struct TypstError {
    pub message: String,
    /// The template file and line:column, when the template is at fault.
    pub template: Option<(PathBuf, usize, usize)>,
}

impl std::fmt::Display for TypstError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.template {
            Some((file, line, col)) => {
                write!(f, "{}:{line}:{col}: {}", file.display(), self.message)
            }
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for TypstError {}

pub fn file_id(path: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).ok()?).intern())
}

impl Typesetter {
    /// `templates`: (virtual path, source, path to show); `fonts`: font files.
    pub fn new(
        templates: &[(String, String, PathBuf)],
        fonts: &[Vec<u8>],
        today: jiff::civil::Date,
    ) -> Typesetter {
        let fingerprint = fingerprint(templates, fonts, today);
        let fonts: Vec<Font> = fonts
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(data.clone())))
            .collect();
        let sources = templates
            .iter()
            .filter_map(|(vpath, text, shown)| {
                let id = file_id(vpath)?;
                Some((id, (Source::new(id, text.clone()), shown.clone())))
            })
            .collect();
        Typesetter {
            // `pdf.header-cell` (a key fact's label heads its row, for
            // PDF/UA) is behind this flag in Typst 0.15.
            library: LazyHash::new(
                Library::builder()
                    .with_features([typst::Feature::A11yExtras].into_iter().collect())
                    .build(),
            ),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            sources,
            today: Datetime::from_ymd(
                i32::from(today.year()),
                today.month() as u8,
                today.day() as u8,
            ),
            fingerprint,
            cache: None,
        }
    }

    /// Reuses PDFs from the cache in `dir`, and stores new ones there.
    pub fn with_cache(mut self, dir: &std::path::Path) -> Typesetter {
        self.cache = Some(super::cache::PdfCache::new(dir));
        self
    }

    pub fn cache(&self) -> Option<&super::cache::PdfCache> {
        self.cache.as_ref()
    }

    /// Typesets `job`, or takes its PDF from the cache; true when reused.
    pub fn pdf_cached(&self, job: &Job) -> Result<(Vec<u8>, bool), TypstError> {
        let Some(cache) = &self.cache else {
            return self.pdf(job).map(|b| (b, false));
        };
        let key = super::cache::PdfCache::key(&self.fingerprint, job);
        if let Some(pdf) = cache.get(&key) {
            return Ok((pdf, true));
        }
        let pdf = self.pdf(job)?;
        cache.put(&key, &pdf);
        Ok((pdf, false))
    }

    /// Whether a bundled font has a glyph for `c` (Typst falls back through
    /// all of them).
    pub fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
    }

    /// Typesets `job` into PDF bytes.
    pub fn pdf(&self, job: &Job) -> Result<Vec<u8>, TypstError> {
        let main = file_id(job.main).ok_or_else(|| TypstError {
            message: format!("bad template path {}", job.main),
            template: None,
        })?;
        let world = DocWorld {
            t: self,
            main,
            files: job
                .files
                .iter()
                .filter_map(|(p, b)| Some((file_id(p)?, Bytes::new(b.clone()))))
                .collect(),
        };
        let result = typst::compile::<PagedDocument>(&world).output;
        let doc = result.map_err(|errors| self.failure(&world, &errors))?;
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(job.ident.clone()),
            creator: Smart::Custom(None),
            timestamp: typst::foundations::Datetime::from_ymd(
                i32::from(job.date.year()),
                job.date.month() as u8,
                job.date.day() as u8,
            )
            .map(typst_pdf::Timestamp::new_utc),
            standards: standards(),
            ..Default::default()
        };
        typst_pdf::pdf(&doc, &options).map_err(|errors| self.failure(&world, &errors))
    }

    fn failure(&self, world: &DocWorld, errors: &[SourceDiagnostic]) -> TypstError {
        let Some(first) = errors.first() else {
            return TypstError {
                message: "unknown Typst error".into(),
                template: None,
            };
        };
        let mut message = first.message.to_string();
        for h in &first.hints {
            message.push_str(&format!("; hint: {}", h.v));
        }
        let template = first.span.id().and_then(|id| {
            let (source, shown) = self.sources.get(&id)?;
            let range = world.range(first.span)?;
            let (line, col) = source.lines().byte_to_line_column(range.start)?;
            Some((shown.clone(), line + 1, col + 1))
        });
        TypstError { message, template }
    }
}

struct DocWorld<'t> {
    t: &'t Typesetter,
    main: FileId,
    files: HashMap<FileId, Bytes>,
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.t.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.t.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match self.t.sources.get(&id) {
            Some((s, _)) => Ok(s.clone()),
            None => Err(FileError::NotFound(
                id.get().vpath().get_without_slash().into(),
            )),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(b) = self.files.get(&id) {
            return Ok(b.clone());
        }
        if let Some((s, _)) = self.t.sources.get(&id) {
            return Ok(Bytes::from_string(s.text().to_string()));
        }
        Err(FileError::NotFound(
            id.get().vpath().get_without_slash().into(),
        ))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.t.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        self.t.today
    }
}

/// Every PDF is accessible (PDF/UA-1: tagged, with its language, title and
/// alternative text) and archival (PDF/A-2a). Typst checks both when it
/// writes the file, and fails with the reason when a document falls short.
/// The standards every PDF is written to, as they enter a cache key.
const STANDARDS: &str = "PDF/A-2a, PDF/UA-1";

/// What every PDF of a typesetter depends on besides its own data.
fn fingerprint(
    templates: &[(String, String, PathBuf)],
    fonts: &[Vec<u8>],
    today: jiff::civil::Date,
) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let mut field = |b: &[u8]| {
        h.update((b.len() as u64).to_le_bytes());
        h.update(b);
    };
    field(env!("CARGO_PKG_VERSION").as_bytes());
    field(super::cache::TYPST_VERSION.as_bytes());
    field(STANDARDS.as_bytes());
    // The day matters only to a template that asks for it (Typst's
    // `datetime.today()`): a daily build reuses every PDF whose data is
    // the same.
    if templates.iter().any(|(_, text, _)| text.contains("today")) {
        field(today.to_string().as_bytes());
    }
    for (vpath, text, _) in templates {
        field(vpath.as_bytes());
        field(text.as_bytes());
    }
    for font in fonts {
        field(font);
    }
    h.finalize().into()
}

fn standards() -> typst_pdf::PdfStandards {
    use typst_pdf::{PdfStandard, PdfStandards};
    // A fixed pair that Typst accepts together (tested by every PDF test).
    PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .expect("PDF/A-2a and PDF/UA-1 can be combined")
}
