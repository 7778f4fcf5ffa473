//! Writing the output folder so that readers never see half a site: the
//! build goes into a fresh folder beside `--out`, which replaces the old
//! one only when every file is written. A failed or killed build leaves
//! the previous site as it was.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::render::File;

/// Marks a folder as factsheet's output, so that we never replace a folder
/// that holds something else.
pub const MARKER: &str = ".factsheet-output";

#[derive(Debug)]
pub enum PublishError {
    /// The output folder is unsafe to replace; the message says why.
    Refused(String),
    Io(String),
}

impl std::fmt::Display for PublishError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublishError::Refused(m) | PublishError::Io(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for PublishError {}

/// Refuses an output folder that is, or contains, the site's root or its
/// sources; returns the absolute output path.
pub fn check_out(out: &Path, root: &Path) -> Result<PathBuf, PublishError> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalize(&p)
    };
    let out_abs = abs(out);
    let root_abs = root
        .canonicalize()
        .map(|p| normalize(&p))
        .unwrap_or_else(|_| abs(root));
    // Compare through symlinks where the folder exists already.
    let out_real = out_abs.canonicalize().unwrap_or_else(|_| out_abs.clone());
    for o in [&out_abs, &out_real] {
        if root_abs.starts_with(o) {
            return Err(PublishError::Refused(format!(
                "--out {} is or contains the site's root; the build would delete the sources. Choose a folder inside or beside it, e.g. --out public",
                out.display()
            )));
        }
        for src in ["content", "translations", "themes", ".git"] {
            if o.starts_with(root_abs.join(src)) {
                return Err(PublishError::Refused(format!(
                    "--out {} is inside the site's {src}/ folder; choose e.g. --out public",
                    out.display()
                )));
            }
        }
    }
    if out_abs.parent().is_none() {
        return Err(PublishError::Refused(
            "--out cannot be the file system's root".into(),
        ));
    }
    Ok(out_abs)
}

/// Lexically removes `.` and `..` (the path may not exist yet).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Writes `files` as the new content of `out` (absolute, from `check_out`).
/// While another build writes the same output, waits for it, after calling
/// `on_wait` once.
pub fn publish(out: &Path, files: &[File], on_wait: &dyn Fn()) -> Result<(), PublishError> {
    let parent = out
        .parent()
        .ok_or_else(|| PublishError::Refused("--out has no parent folder".into()))?;
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("public");
    if out.exists() && !out.join(MARKER).exists() && !is_empty_dir(out) {
        return Err(PublishError::Refused(format!(
            "{} exists and was not written by factsheet; remove it or choose another --out",
            out.display()
        )));
    }
    std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
    // One build at a time per output: a second one would remove the first
    // one's staging folder as a leftover. The lock ends with the process.
    let _lock = lock(parent, out, on_wait)?;
    remove_leftovers(parent, name);
    let staging = parent.join(format!(".{name}.factsheet-new-{}", std::process::id()));
    let result = write_tree(&staging, files).and_then(|()| swap(&staging, out, parent, name));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// A lock on the folder that holds the output (no file of its own: nothing
/// is written beside `--out` but the staging folder).
fn lock(parent: &Path, out: &Path, on_wait: &dyn Fn()) -> Result<std::fs::File, PublishError> {
    let dir = std::fs::File::open(parent).map_err(|e| io_error("open", parent, e))?;
    match dir.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            on_wait();
            dir.lock().map_err(|e| {
                io_error(
                    &format!("wait for the other build of {} in", out.display()),
                    parent,
                    e,
                )
            })?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(io_error("lock", parent, e)),
    }
    Ok(dir)
}

fn write_tree(staging: &Path, files: &[File]) -> Result<(), PublishError> {
    std::fs::create_dir(staging).map_err(|e| io_error("create", staging, e))?;
    std::fs::write(
        staging.join(MARKER),
        b"Written by factsheet build; replaced whole by the next build.\n",
    )
    .map_err(|e| io_error("write", staging, e))?;
    let mut dirs = std::collections::BTreeSet::new();
    for f in files {
        // Paths come from validated names; refuse anything else all the same.
        let rel = Path::new(&f.path);
        if rel.is_absolute()
            || rel
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Err(PublishError::Io(format!(
                "refusing to write outside the output: {}",
                f.path
            )));
        }
        if let Some(dir) = rel.parent() {
            dirs.insert(dir.to_path_buf());
        }
    }
    for dir in &dirs {
        let dir = staging.join(dir);
        std::fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, e))?;
    }
    // Files in parallel: on overlay and network file systems writing is
    // latency-bound.
    use rayon::prelude::*;
    files.par_iter().try_for_each(|f| {
        let path = staging.join(&f.path);
        let mut file = std::fs::File::create(&path).map_err(|e| io_error("write", &path, e))?;
        file.write_all(&f.bytes)
            .map_err(|e| io_error("write", &path, e))
    })
}

/// What went wrong, and what to do where the cause is common.
fn io_error(what: &str, p: &Path, e: std::io::Error) -> PublishError {
    use std::io::ErrorKind;
    let advice = match e.kind() {
        ErrorKind::StorageFull => "; the disk is full: free some space and build again",
        ErrorKind::ReadOnlyFilesystem => "; the disk is mounted read-only: choose another --out",
        ErrorKind::PermissionDenied => "; you may not write there: choose another --out",
        _ => "",
    };
    PublishError::Io(format!("cannot {what} {}: {e}{advice}", p.display()))
}

/// Puts `staging` in `out`'s place: the old folder is renamed away first,
/// then removed once the new one is in place.
fn swap(staging: &Path, out: &Path, parent: &Path, name: &str) -> Result<(), PublishError> {
    if out.exists() {
        let old = parent.join(format!(".{name}.factsheet-old-{}", std::process::id()));
        std::fs::rename(out, &old).map_err(|e| io_error("move away", out, e))?;
        if let Err(e) = std::fs::rename(staging, out) {
            let _ = std::fs::rename(&old, out);
            return Err(io_error("replace", out, e));
        }
        let _ = std::fs::remove_dir_all(&old);
    } else {
        std::fs::rename(staging, out).map_err(|e| io_error("create", out, e))?;
    }
    Ok(())
}

fn is_empty_dir(p: &Path) -> bool {
    std::fs::read_dir(p)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false)
}

/// Staging and old folders of builds that were killed midway.
fn remove_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.factsheet-");
    if let Ok(entries) = std::fs::read_dir(parent) {
        for e in entries.filter_map(Result::ok) {
            if e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(&prefix))
            {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
}
