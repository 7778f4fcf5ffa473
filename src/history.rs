//! A source sheet's past, from the site's git repository: the version a
//! translation was made from is the one whose `source_hash` it recorded.

use std::collections::HashSet;
use std::path::Path;

use crate::content::hash::source_hash;
use crate::content::sheet::{self, Place, Text};
use crate::diagnostics::Diagnostics;

/// The version of a source sheet that a translation was made from.
pub struct Version {
    pub commit: String,
    /// The commit's date, `YYYY-MM-DD`.
    pub date: String,
    pub text: Text,
}

/// Why no version could be found.
#[derive(Debug)]
pub enum Missing {
    NotARepository,
    Shallow,
    NoMatch { commits: usize },
    Git(String),
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::NotARepository => f.write_str("the site is not in a git repository"),
            Missing::Shallow => f.write_str("the git history is shallow"),
            Missing::NoMatch { commits } => {
                write!(f, "no version among {commits} commits has this hash")
            }
            Missing::Git(e) => write!(f, "cannot read the git history: {e}"),
        }
    }
}

impl std::error::Error for Missing {}

/// Walks the history of `file` (a real path inside the repository) from
/// HEAD back, for the version whose translatable text hashes to `hash`.
pub fn find_version(file: &Path, place: &Place, hash: &str) -> Result<Version, Missing> {
    let git = |e: git2::Error| Missing::Git(e.message().to_string());
    let repo = git2::Repository::discover(file.parent().unwrap_or(Path::new(".")))
        .map_err(|_| Missing::NotARepository)?;
    let workdir = repo
        .workdir()
        .ok_or(Missing::NotARepository)?
        .canonicalize()
        .map_err(|e| Missing::Git(e.to_string()))?;
    let real = file
        .canonicalize()
        .map_err(|e| Missing::Git(e.to_string()))?;
    let rel = real
        .strip_prefix(&workdir)
        .map_err(|_| Missing::NotARepository)?;
    let mut walk = repo.revwalk().map_err(git)?;
    if walk.push_head().is_err() {
        return Err(Missing::NoMatch { commits: 0 });
    }
    walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME)
        .map_err(git)?;
    let mut seen = HashSet::new();
    let mut commits = 0;
    for oid in walk {
        let commit = repo.find_commit(oid.map_err(git)?).map_err(git)?;
        commits += 1;
        let Ok(entry) = commit.tree().and_then(|t| t.get_path(rel)) else {
            continue;
        };
        // The same content in many commits is hashed once.
        if !seen.insert(entry.id()) {
            continue;
        }
        let Ok(blob) = repo.find_blob(entry.id()) else {
            continue;
        };
        let Some(text) = read_text(blob.content(), place) else {
            continue;
        };
        if source_hash(&text) == hash {
            let when = jiff::Timestamp::from_second(commit.time().seconds())
                .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
                .unwrap_or_default();
            return Ok(Version {
                commit: commit.id().to_string(),
                date: when,
                text,
            });
        }
    }
    if repo.is_shallow() {
        Err(Missing::Shallow)
    } else {
        Err(Missing::NoMatch { commits })
    }
}

/// The translatable text of one stored version of a source sheet.
fn read_text(bytes: &[u8], place: &Place) -> Option<Text> {
    let mut diags = Diagnostics::default();
    sheet::read_bytes(Path::new("history"), bytes, place, &mut diags).map(|d| d.text)
}

/// The source text a translation was made from: today's source's version
/// whose hash the translation recorded, from git history; None without
/// that history.
pub fn source_of(
    site: &crate::content::Site,
    dest: &str,
    route: &str,
    translation: &sheet::Doc,
) -> Option<Text> {
    let sheet::Role::Translation(t) = &translation.role else {
        return None;
    };
    let hash = &t.source_hash.as_ref()?.value;
    let c = &site.config;
    let rel = crate::content::names::sheet_path(dest, route, &c.source_language);
    let place = Place::new(
        dest,
        route,
        &c.source_language,
        &c.source_language,
        rel.clone(),
    );
    find_version(&site.root.join(&rel), &place, hash)
        .ok()
        .map(|v| v.text)
}
