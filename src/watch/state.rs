//! What the record says about the site's sheets, without the network:
//! `check`'s `source-changed`, `source-moved`, `source-broken` and
//! `fact-unsupported`, and `status`'s "source changed" / "not watched".

use crate::content::Site;
use crate::content::sheet::Doc;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

use super::record::{self, Record, Status};

/// A sheet's sources as the record has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Watch {
    /// No source of the sheet has a record.
    NotWatched,
    /// Every recorded source reads as it did at its review.
    Current,
    /// At least one source's text differs from the reviewed one.
    SourceChanged,
}

impl Watch {
    pub fn as_str(self) -> &'static str {
        match self {
            Watch::NotWatched => "not watched",
            Watch::Current => "watched",
            Watch::SourceChanged => "source changed",
        }
    }
}

/// Every source sheet and overview, with its path.
pub fn source_docs(site: &Site) -> Vec<&Doc> {
    site.destinations
        .values()
        .flat_map(|d| std::iter::once(&d.overview).chain(d.sheets.values()))
        .filter_map(|f| f.source.as_ref())
        .collect()
}

/// The records of a document's sources, by position (None: not recorded
/// or unreadable; `errors` gets unreadable ones).
fn records(site: &Site, doc: &Doc, errors: &mut Vec<String>) -> Vec<Option<Record>> {
    let Some(f) = doc.inherited() else {
        return Vec::new();
    };
    f.sources
        .iter()
        .map(|s| match record::load(&site.root, &s.url) {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                None
            }
        })
        .collect()
}

/// The watch state of one document.
pub fn watch_of(site: &Site, doc: &Doc) -> Watch {
    let recs = records(site, doc, &mut Vec::new());
    if recs.iter().all(Option::is_none) {
        Watch::NotWatched
    } else if recs.iter().flatten().any(Record::changed_since_review) {
        Watch::SourceChanged
    } else {
        Watch::Current
    }
}

/// The warnings the record gives for the site; none where there is none.
pub fn warnings(site: &Site) -> Diagnostics {
    let mut diags = Diagnostics::default();
    if !site.root.join(record::DIR).is_dir() {
        return diags;
    }
    for doc in source_docs(site) {
        let mut errors = Vec::new();
        let recs = records(site, doc, &mut errors);
        for e in errors {
            diags.push(
                Diagnostic::warning(Code::Io, format!("cannot read a source record: {e}"))
                    .hint("run `factsheet sources` to write it again"),
            );
        }
        let Some(f) = doc.inherited() else { continue };
        let file = doc.path.display().to_string();
        for (s, rec) in f.sources.iter().zip(&recs) {
            let Some(rec) = rec else { continue };
            let at = |d: Diagnostic| d.file(&doc.path).at(s.pos.line, s.pos.col);
            if rec.changed_since_review() {
                let since = rec
                    .seen
                    .since
                    .map(|d| format!(" (seen {d})"))
                    .unwrap_or_default();
                diags.push(at(Diagnostic::warning(
                    Code::SourceChanged,
                    format!("the page at {} changed since its review{since}", s.url),
                )
                .hint(format!(
                    "`factsheet sources` shows what changed; once the sheet is reviewed: factsheet review {file}"
                ))));
            }
            match rec.seen.status {
                Some(Status::Moved) => diags.push(at(Diagnostic::warning(
                    Code::SourceMoved,
                    format!(
                        "{} moved permanently to {}",
                        s.url,
                        rec.seen.moved_to.as_deref().unwrap_or("another address")
                    ),
                )
                .hint("put the new address in the sheet's `url`"))),
                Some(Status::Broken) => diags.push(at(Diagnostic::warning(
                    Code::SourceBroken,
                    format!(
                        "{} is broken{}",
                        s.url,
                        rec.seen
                            .http_status
                            .map(|c| format!(" (HTTP {c})"))
                            .unwrap_or_default()
                    ),
                )
                .hint("find the page's new address, or another official source"))),
                _ => {}
            }
        }
        for k in &doc.text.key_facts {
            let (Some(i), Some(q)) = (&k.source, &k.quote) else {
                continue;
            };
            let Some(Some(rec)) = recs.get(i.value) else {
                continue;
            };
            let Some(text) = rec.seen_text() else {
                continue;
            };
            if rec.seen.bytes_only || super::text::contains_quote(text, &q.value) {
                continue;
            }
            diags.push(
                Diagnostic::warning(
                    Code::FactUnsupported,
                    format!(
                        "key fact `{}`: its quote is no longer on {}",
                        k.label.value,
                        f.sources.get(i.value).map_or("its source", |s| s.url.as_str())
                    ),
                )
                .file(&doc.path)
                .at(k.label.pos.line, k.label.pos.col)
                .hint("read the page again; correct the fact and its `quote`, then `factsheet review`"),
            );
        }
    }
    diags
}
