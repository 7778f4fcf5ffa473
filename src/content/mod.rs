//! The site as read: everything under a site's root, read once.
//!
//! Loading reads files and reports what is wrong with each; `state.rs`
//! then answers what every (sheet, language) shows and how fresh it is,
//! for every command and renderer alike (the renderers' per-day model,
//! `render::Model`, is built from it).

pub mod centres;
pub mod doc;
mod fields;
pub mod finder;
pub mod frontmatter;
pub mod hash;
pub mod load;
pub mod names;
pub mod sheet;
pub mod state;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use crate::config::SiteConfig;
use crate::l10n::L10n;
use sheet::Doc;

/// Clone is cheap where it matters: `serve` clones only while a request
/// still reads the previous state.
#[derive(Clone)]
pub struct Site {
    /// The root as the user gave it (`.` by default).
    pub root: PathBuf,
    pub config: Arc<SiteConfig>,
    /// Shared with template functions, which must own what they use.
    pub l10n: Arc<L10n>,
    pub destinations: BTreeMap<String, Destination>,
    /// `content/centres.yaml`: where to get free, personal advice.
    pub centres: Vec<centres::Centre>,
    /// `content/finder.yaml`: the route finder's questions, if any.
    pub finder: Option<finder::Finder>,
}

#[derive(Default, Clone)]
pub struct Destination {
    pub code: String,
    /// `_country.<lang>.md`, by language.
    pub overview: Files,
    /// Sheets by route.
    pub sheets: BTreeMap<String, Files>,
}

/// The files of one sheet (or overview): the source and its translations.
#[derive(Debug, Default, Clone)]
pub struct Files {
    /// The source's path if the file exists, even when it could not be read
    /// (so that its translations are not called orphans).
    pub source_path: Option<PathBuf>,
    pub source: Option<Doc>,
    pub translations: BTreeMap<String, Doc>,
}

impl Site {
    /// A path under the root as the user would type it from the working
    /// directory (`content/de/work.en.md` when the root is `.`).
    pub fn display_path(&self, rel: &Path) -> PathBuf {
        display_path(&self.root, rel)
    }

    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }
}

pub fn display_path(root: &Path, rel: &Path) -> PathBuf {
    if root == Path::new(".") || root.as_os_str().is_empty() {
        rel.to_path_buf()
    } else {
        root.join(rel)
    }
}
