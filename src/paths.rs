//! The folders a site is read from, and the rule that nothing outside the
//! root is read: a symlinked folder is never followed, wherever it points.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Diagnostic, Diagnostics};

/// Folders of the site, besides `content/`, that factsheet reads files from.
pub const READ_FOLDERS: &[&str] = &[
    "translations",
    "themes",
    "themes/default",
    "themes/default/templates",
    "themes/default/static",
    "themes/default/pdf",
    "themes/default/pdf/fonts",
];

/// The first folder on the way from `root` to `root/rel` that is a symlink.
pub fn linked_folder(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for part in rel.split('/') {
        path.push(part);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some(path);
        }
    }
    None
}

/// Whether `root/rel` may be read: no folder on the way is a symlink.
pub fn readable(root: &Path, rel: &str) -> bool {
    linked_folder(root, rel).is_none()
}

/// A diagnostic for each symlinked folder among [`READ_FOLDERS`]: an error
/// where it leads outside the site, a warning where it stays inside. Either
/// way it is not followed.
pub fn check_links(root: &Path, display_path: &dyn Fn(&Path) -> PathBuf, diags: &mut Diagnostics) {
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut seen = Vec::new();
    for rel in READ_FOLDERS {
        let Some(link) = linked_folder(root, rel) else {
            continue;
        };
        if seen.contains(&link) {
            continue;
        }
        let shown = display_path(&link);
        let inside = link
            .canonicalize()
            .is_ok_and(|target| target.starts_with(&real_root));
        diags.push(if inside {
            Diagnostic::warning(Code::SymlinkDir, "symlinked folders are not followed")
                .file(&shown)
                .hint("make it a real folder")
        } else {
            Diagnostic::error(
                Code::SymlinkOutside,
                "this folder is a symlink out of the site (or to nowhere); it is not followed",
            )
            .file(&shown)
            .hint("copy the files into the site instead of linking to them")
        });
        seen.push(link);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_linked_folder() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("themes")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("themes/default")).unwrap();
        assert_eq!(
            linked_folder(dir.path(), "themes/default/static"),
            Some(dir.path().join("themes/default"))
        );
        assert!(readable(dir.path(), "themes"));
        assert!(!readable(dir.path(), "themes/default/pdf"));
    }
}
