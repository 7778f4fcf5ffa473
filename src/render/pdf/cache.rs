//! PDFs typeset before, reused when nothing they depend on changed: a
//! daily build typesets only what changed. An entry's key is a hash of
//! everything the PDF is made from (the document's own files, its
//! template's identity and date, and the typesetter's fingerprint:
//! factsheet's and Typst's versions, every template, every font, the PDF
//! standards and the day), so a hit is the bytes a cold build would make.
//! Each entry carries the hash and length of its PDF: a corrupt,
//! truncated or foreign file is a miss, never published. Entries are
//! written through a unique temporary file and a rename, so builds that
//! share a cache never see half an entry; an entry unused by the last
//! `KEEP_BUILDS` builds is removed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

use super::world::Job;

/// Builds whose entries are kept: a PDF unused by this many builds in a
/// row goes.
pub const KEEP_BUILDS: usize = 5;

/// The Typst crate typesetting, part of every key (a test holds it to
/// Cargo.lock).
pub const TYPST_VERSION: &str = "0.15.1";

const MAGIC: &[u8] = b"factsheet-pdf-cache 1\n";

/// A cache folder, and how many PDFs were reused from it or typeset.
pub struct PdfCache {
    dir: PathBuf,
    pub reused: AtomicUsize,
    pub typeset: AtomicUsize,
}

impl PdfCache {
    /// The cache in `dir` (made when first written to).
    pub fn new(dir: &Path) -> PdfCache {
        PdfCache {
            dir: dir.join("pdf"),
            reused: AtomicUsize::new(0),
            typeset: AtomicUsize::new(0),
        }
    }

    /// The key of `job` under the typesetter whose fingerprint is `base`.
    pub fn key(base: &[u8; 32], job: &Job) -> String {
        let mut h = Sha256::new();
        let mut field = |b: &[u8]| {
            h.update((b.len() as u64).to_le_bytes());
            h.update(b);
        };
        field(base);
        field(job.main.as_bytes());
        field(job.ident.as_bytes());
        field(job.date.to_string().as_bytes());
        for (name, bytes) in &job.files {
            field(name.as_bytes());
            field(bytes);
        }
        hex(&h.finalize())
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.pdf"))
    }

    /// The PDF stored under `key`, when it is whole; marks it used.
    pub fn get(&self, key: &str) -> Option<Vec<u8>> {
        let path = self.path(key);
        let stored = std::fs::read(&path).ok()?;
        let Some(pdf) = verified(&stored) else {
            // Corrupt or foreign: typeset again, and write it anew.
            let _ = std::fs::remove_file(&path);
            return None;
        };
        let _ = std::fs::File::options()
            .append(true)
            .open(&path)
            .and_then(|f| f.set_modified(SystemTime::now()));
        self.reused.fetch_add(1, Ordering::Relaxed);
        Some(pdf.to_vec())
    }

    /// Stores `pdf` under `key`. A cache that cannot be written only costs
    /// time: the build goes on.
    pub fn put(&self, key: &str, pdf: &[u8]) {
        self.typeset.fetch_add(1, Ordering::Relaxed);
        let _ = self.write(key, pdf);
    }

    fn write(&self, key: &str, pdf: &[u8]) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".entry-")
            .tempfile_in(&self.dir)?;
        tmp.write_all(MAGIC)?;
        tmp.write_all(format!("{} {}\n", hex(&Sha256::digest(pdf)), pdf.len()).as_bytes())?;
        tmp.write_all(pdf)?;
        tmp.persist(self.path(key)).map_err(|e| e.error)?;
        Ok(())
    }

    /// After a build: records it, and removes entries (and temporary files
    /// left by a build that was stopped) unused since the oldest of the
    /// last `KEEP_BUILDS` builds began. `started` is when this one did.
    pub fn finish(&self, started: SystemTime) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let log = self.dir.join("builds");
        let mut starts: Vec<u128> = std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .collect();
        let now = started
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        starts.push(now);
        starts.sort_unstable();
        let keep_from = starts.len().saturating_sub(KEEP_BUILDS);
        let starts = &starts[keep_from..];
        let text: String = starts.iter().map(|s| format!("{s}\n")).collect();
        let mut tmp = tempfile::Builder::new()
            .prefix(".builds-")
            .tempfile_in(&self.dir)?;
        tmp.write_all(text.as_bytes())?;
        tmp.persist(&log).map_err(|e| e.error)?;
        // Only once KEEP_BUILDS builds are on record: the oldest's start.
        if starts.len() < KEEP_BUILDS {
            return Ok(());
        }
        let oldest = starts[0];
        for entry in std::fs::read_dir(&self.dir)?.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let ours = name.ends_with(".pdf") || name.starts_with(".entry-");
            let used = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            if ours && used < oldest {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        Ok(())
    }
}

/// The PDF of a stored entry, if its header matches its bytes.
fn verified(stored: &[u8]) -> Option<&[u8]> {
    let rest = stored.strip_prefix(MAGIC)?;
    let end = rest.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&rest[..end]).ok()?;
    let (sum, len) = header.split_once(' ')?;
    let pdf = &rest[end + 1..];
    (len.parse::<usize>().ok()? == pdf.len() && hex(&Sha256::digest(pdf)) == sum).then_some(pdf)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests;
