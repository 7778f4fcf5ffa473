//! Walking a site's root: `content/site.yaml`, every sheet under
//! `content/<destination>/`, and the Fluent files under `translations/`.
//! Nothing outside the root is read, whatever symlinks say.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::frontmatter::MAX_FILE_BYTES;
use super::names::{self, OVERVIEW, is_country_code};
use super::sheet::{self, Place};
use super::{Destination, Site, display_path};
use crate::config::SiteConfig;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};
use crate::l10n::L10n;

/// Why a site could not be read at all (exit status 2); its problems,
/// if any, are in the diagnostics beside it.
#[derive(Debug)]
pub enum Fatal {
    /// The root is not a folder.
    NoRoot(PathBuf),
    /// `content/` is a symlink (shown path).
    LinkedContent(PathBuf),
    /// `site.yaml` cannot be read: its shown path, the root, the error.
    Unreadable(PathBuf, PathBuf, std::io::Error),
    /// `site.yaml` is not text.
    NotText,
    /// `site.yaml` has errors (shown path).
    BadConfig(PathBuf),
}

impl std::fmt::Display for Fatal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fatal::NoRoot(root) => write!(f, "{}: no such folder", root.display()),
            Fatal::LinkedContent(link) => write!(
                f,
                "{} is a symlink, which is not followed; make it a real folder",
                link.display()
            ),
            Fatal::Unreadable(config, root, e) => write!(
                f,
                "{}: cannot read the site configuration ({e}); is {} a site? (see --root)",
                config.display(),
                root.display()
            ),
            Fatal::NotText => f.write_str("the site configuration is not readable"),
            Fatal::BadConfig(config) => {
                write!(f, "{}: the site configuration has errors", config.display())
            }
        }
    }
}

impl std::error::Error for Fatal {}

/// Reads the site at `root`. Problems in content go to `diags`; an
/// unusable root or configuration is `Fatal`, with its problems in `diags`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Result<Site, Fatal> {
    let config_path = root.join("content").join("site.yaml");
    let config_shown = display_path(root, Path::new("content/site.yaml"));
    if !root.is_dir() {
        return Err(Fatal::NoRoot(root.to_path_buf()));
    }
    // Nothing outside the root is read: not even site.yaml through a link.
    if let Some(link) = crate::paths::linked_folder(root, "content") {
        return Err(Fatal::LinkedContent(display_path(
            root,
            link.strip_prefix(root).unwrap_or(&link),
        )));
    }
    let bytes = std::fs::read(&config_path)
        .map_err(|e| Fatal::Unreadable(config_shown.clone(), root.to_path_buf(), e))?;
    let text = crate::text::decode(&bytes).map_err(|d| {
        diags.push(d.file(&config_shown));
        Fatal::NotText
    })?;
    let config = SiteConfig::parse(&text, &config_shown, diags)
        .ok_or_else(|| Fatal::BadConfig(config_shown.clone()))?;

    let display = |p: &Path| display_path(root, p.strip_prefix(root).unwrap_or(p));
    crate::paths::check_links(root, &display, diags);
    let l10n = L10n::load(&root.join("translations"), &config, &display, diags);
    let mut site = Site {
        root: root.to_path_buf(),
        config: std::sync::Arc::new(config),
        l10n: std::sync::Arc::new(l10n),
        destinations: BTreeMap::new(),
        centres: Vec::new(),
        finder: None,
    };
    walk_content(&mut site, diags);
    if let Some((shown, text)) = read_site_file(root, "centres.yaml", diags) {
        site.centres = crate::content::centres::read(&shown, &text, diags);
    }
    site.finder = read_site_file(root, "finder.yaml", diags)
        .map(|(shown, text)| crate::content::finder::read(&shown, &text, diags));
    Ok(site)
}

/// `content/<name>`, a site file beside the sheets, if the site has one
/// (a regular file: a symlink is not followed), with its path as shown.
fn read_site_file(root: &Path, name: &str, diags: &mut Diagnostics) -> Option<(PathBuf, String)> {
    let path = root.join("content").join(name);
    let shown = display_path(root, &Path::new("content").join(name));
    let meta = std::fs::symlink_metadata(&path).ok()?;
    let problem = if !meta.is_file() {
        Some((
            Code::SymlinkOutside,
            "is not a regular file",
            "make it a real file",
        ))
    } else if meta.len() > crate::content::frontmatter::MAX_FILE_BYTES {
        Some((
            Code::TooLarge,
            "is bigger than 2 MiB",
            "it should be a few kilobytes: check what was pasted into it",
        ))
    } else {
        None
    };
    if let Some((code, what, hint)) = problem {
        diags.push(
            Diagnostic::error(code, format!("{name} {what}; it is not read"))
                .file(&shown)
                .hint(hint),
        );
        return None;
    }
    match std::fs::read(&path)
        .map_err(|e| e.to_string())
        .and_then(|b| crate::text::decode(&b).map_err(|d| d.message))
    {
        Ok(t) => Some((shown, t)),
        Err(e) => {
            diags.push(
                Diagnostic::error(Code::Io, format!("cannot read {name}: {e}"))
                    .file(&shown)
                    .hint("save it as UTF-8 text"),
            );
            None
        }
    }
}

fn walk_content(site: &mut Site, diags: &mut Diagnostics) {
    let content = site.content_dir();
    let real_root = match site.root.canonicalize() {
        Ok(p) => p,
        Err(_) => return,
    };
    let mut walker = WalkDir::new(&content)
        .min_depth(1)
        .max_depth(2)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| site.display_path(p.strip_prefix(&site.root).unwrap_or(p)));
                let mut d = Diagnostic::error(Code::Io, format!("cannot read: {e}"));
                if let Some(p) = path {
                    d = d.file(p);
                }
                diags.push(d);
                continue;
            }
        };
        let rel = entry
            .path()
            .strip_prefix(&site.root)
            .unwrap_or(entry.path());
        let path = site.display_path(rel);
        let Some(name) = entry.file_name().to_str() else {
            diags.push(
                Diagnostic::error(Code::BadName, "the name is not valid UTF-8")
                    .file(&path)
                    .hint("rename it using letters, digits and hyphens"),
            );
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        };
        if name.starts_with('.') {
            if !matches!(name, ".git" | ".gitkeep" | ".DS_Store") {
                diags.push(
                    Diagnostic::warning(Code::Hidden, "hidden files and folders are not read")
                        .file(&path)
                        .hint("remove it, or rename it if it holds sheets"),
                );
            }
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        let mut is_dir = entry.file_type().is_dir();
        if entry.path_is_symlink() {
            match entry.path().canonicalize() {
                Ok(target) if target.starts_with(&real_root) => is_dir = target.is_dir(),
                _ => {
                    diags.push(
                        Diagnostic::error(
                            Code::SymlinkOutside,
                            "this symlink points outside the site (or nowhere); it is not followed",
                        )
                        .file(&path)
                        .hint("copy the file into the site instead of linking to it"),
                    );
                    continue;
                }
            }
            if is_dir {
                diags.push(
                    Diagnostic::warning(Code::SymlinkDir, "symlinked folders are not followed")
                        .file(&path)
                        .hint("make it a real folder"),
                );
                continue;
            }
        }
        match (entry.depth(), is_dir) {
            (1, true) => {
                if !check_destination(name, &path, diags) {
                    walker.skip_current_dir();
                }
            }
            (1, false) => {
                if name.ends_with(".md") {
                    diags.push(
                        Diagnostic::warning(
                            Code::MisplacedFile,
                            "sheets belong in a destination folder; this file is not read",
                        )
                        .file(&path)
                        .hint("move it to content/<country code>/, e.g. content/de/"),
                    );
                }
            }
            (_, true) => diags.push(
                Diagnostic::warning(
                    Code::NestedFolder,
                    "folders inside a destination are not read",
                )
                .file(&path)
                .hint("put sheets directly in content/<country code>/"),
            ),
            (_, false) => {
                if name.ends_with(".md") {
                    let dest = rel
                        .parent()
                        .and_then(|p| p.file_name())
                        .and_then(|n| n.to_str())
                        .unwrap_or("");
                    read_sheet(site, entry.path(), &path, dest, name, diags);
                }
            }
        }
    }
}

/// Whether a folder name is a destination we read.
fn check_destination(name: &str, path: &Path, diags: &mut Diagnostics) -> bool {
    if is_country_code(name) {
        return true;
    }
    let lower = name.to_lowercase();
    let hint = if is_country_code(&lower) {
        format!("folder names are lower case: rename it to `{lower}`")
    } else {
        did_you_mean(&lower, names::country_codes())
            .map(|h| format!("{h} Destination folders are ISO 3166-1 alpha-2 codes"))
            .unwrap_or_else(|| "destination folders are ISO 3166-1 alpha-2 codes in lower case, e.g. de, it, ch, us, ca".into())
    };
    diags.push(
        Diagnostic::error(
            Code::BadDestination,
            format!("`{name}` is not a country code; its sheets are not read"),
        )
        .file(path)
        .hint(hint),
    );
    false
}

fn read_sheet(
    site: &mut Site,
    real: &Path,
    path: &Path,
    dest: &str,
    name: &str,
    diags: &mut Diagnostics,
) {
    let config = &site.config;
    let Some((route, lang)) = names::split_sheet_name(name) else {
        diags.push(
            Diagnostic::error(
                Code::BadName,
                format!("`{name}` is not named <route>.<language>.md"),
            )
            .file(path)
            .hint(format!("e.g. work.{}.md", config.source_language)),
        );
        return;
    };
    if route != OVERVIEW && !config.routes.iter().any(|r| r == route) {
        let hint =
            did_you_mean(route, config.routes.iter().map(String::as_str)).unwrap_or_else(|| {
                format!(
                    "routes are: {} (add new ones to content/site.yaml)",
                    config.routes.join(", ")
                )
            });
        diags.push(
            Diagnostic::error(
                Code::UnknownRoute,
                format!("`{route}` is not a route of this site"),
            )
            .file(path)
            .hint(hint),
        );
        return;
    }
    if config.language(lang).is_none() {
        let hint = did_you_mean(lang, config.tags()).unwrap_or_else(|| {
            format!(
                "languages are: {}",
                config.tags().collect::<Vec<_>>().join(", ")
            )
        });
        diags.push(
            Diagnostic::error(
                Code::UnknownLanguage,
                format!("`{lang}` is not one of the site's languages"),
            )
            .file(path)
            .hint(hint),
        );
        return;
    }
    let is_source = lang == config.source_language;
    let destination = site
        .destinations
        .entry(dest.to_string())
        .or_insert_with(|| Destination {
            code: dest.to_string(),
            ..Destination::default()
        });
    let files = if route == OVERVIEW {
        &mut destination.overview
    } else {
        destination.sheets.entry(route.to_string()).or_default()
    };
    let source_rel = names::sheet_path(dest, route, &config.source_language);
    let source_path = display_path(&site.root, &source_rel);
    if is_source {
        files.source_path = Some(path.to_path_buf());
    }

    let size = std::fs::metadata(real).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        diags.push(
            Diagnostic::error(
                Code::TooLarge,
                format!("the file is {size} bytes; a sheet may have at most {MAX_FILE_BYTES}"),
            )
            .file(path)
            .hint("keep sheets short; link to long documents instead of pasting them"),
        );
        return;
    }
    let bytes = match std::fs::read(real) {
        Ok(b) => b,
        Err(e) => {
            diags
                .push(Diagnostic::error(Code::Io, format!("cannot read the file: {e}")).file(path));
            return;
        }
    };
    let place = Place::new(dest, route, lang, &config.source_language, source_path);
    if let Some(doc) = sheet::read_bytes(path, &bytes, &place, diags) {
        if is_source {
            files.source = Some(doc);
        } else {
            files.translations.insert(lang.to_string(), doc);
        }
    }
}

/// Reads one changed sheet again, in place: what `serve` does for a save.
/// Returns false when the change needs a full reload (a new or removed
/// file, an overview, anything that is not an existing sheet).
pub fn reload_sheet(site: &mut Site, real: &Path, diags: &mut Diagnostics) -> bool {
    let (Ok(content), Ok(real)) = (site.content_dir().canonicalize(), real.canonicalize()) else {
        return false;
    };
    let Ok(rel) = real.strip_prefix(&content) else {
        return false;
    };
    let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
    let [dest, name] = parts.as_slice() else {
        return false;
    };
    let Some((route, lang)) = names::split_sheet_name(name) else {
        return false;
    };
    let Some(files) = site
        .destinations
        .get_mut(*dest)
        .and_then(|d| d.sheets.get_mut(route))
    else {
        return false;
    };
    let existed = if lang == site.config.source_language {
        files.source.take().is_some()
    } else {
        files.translations.remove(lang).is_some()
    };
    if !existed || !real.is_file() {
        return false;
    }
    let shown = site.display_path(&Path::new("content").join(rel));
    read_sheet(site, &real, &shown, dest, name, diags);
    true
}
