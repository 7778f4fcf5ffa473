//! Writing the output folder so that readers never see half a site: the
//! build goes into a fresh folder beside `--out`, which replaces the old
//! one only when every file is written. A failed or killed build leaves
//! the previous site as it was.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crate::render::File;

/// Marks a folder as factsheet's output, so that we never replace a folder
/// that holds something else.
pub const MARKER: &str = ".factsheet-output";

#[derive(Debug)]
pub enum PublishError {
    /// The output folder is unsafe to replace; the message says why.
    Refused(String),
    /// A file outside the output was asked for (never from a valid route).
    Outside(String),
    /// The file system refused: what was being done, to which path, why.
    Io {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

impl std::fmt::Display for PublishError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublishError::Refused(m) => f.write_str(m),
            PublishError::Outside(path) => {
                write!(f, "refusing to write outside the output: {path}")
            }
            PublishError::Io { what, path, source } => {
                use std::io::ErrorKind;
                // What to do where the cause is common.
                let advice = match source.kind() {
                    ErrorKind::StorageFull => "; the disk is full: free some space and build again",
                    ErrorKind::ReadOnlyFilesystem => {
                        "; the disk is mounted read-only: choose another --out"
                    }
                    ErrorKind::PermissionDenied => {
                        "; you may not write there: choose another --out"
                    }
                    _ => "",
                };
                write!(f, "cannot {what} {}: {source}{advice}", path.display())
            }
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

/// Makes the new content of `out` (absolute, from `check_out`): `fill`
/// writes every file through the staging folder it is given, which then
/// replaces `out` whole; if `fill` fails, `out` stays as it was. While
/// another build writes the same output, waits for it, after calling
/// `on_wait` once.
pub fn publish<T, E: From<PublishError>>(
    out: &Path,
    on_wait: &dyn Fn(),
    fill: impl FnOnce(&Staging) -> Result<T, E>,
) -> Result<T, E> {
    let parent = out
        .parent()
        .ok_or_else(|| PublishError::Refused("--out has no parent folder".into()))?;
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("public");
    if out.exists() && !out.join(MARKER).exists() && !is_empty_dir(out) {
        return Err(PublishError::Refused(format!(
            "{} exists and was not written by factsheet; remove it or choose another --out",
            out.display()
        ))
        .into());
    }
    std::fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
    // One build at a time per output: a second one would remove the first
    // one's staging folder as a leftover. The lock ends with the process.
    let _lock = lock(parent, on_wait)?;
    remove_leftovers(parent, name);
    let staging =
        Staging::new(parent.join(format!(".{name}.factsheet-new-{}", std::process::id())))?;
    let result = fill(&staging).and_then(|made| {
        swap(&staging.root, out, parent, name)?;
        Ok(made)
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging.root);
    }
    result
}

/// The folder a build writes into before it replaces the output. Files
/// may be written from many threads at once.
pub struct Staging {
    root: PathBuf,
    /// Folders made so far, so that each is made once.
    dirs: Mutex<HashSet<PathBuf>>,
    /// Time spent writing, summed over threads (nanoseconds).
    busy: AtomicU64,
}

impl Staging {
    fn new(root: PathBuf) -> Result<Self, PublishError> {
        std::fs::create_dir(&root).map_err(|e| io_error("create", &root, e))?;
        std::fs::write(
            root.join(MARKER),
            b"Written by factsheet build; replaced whole by the next build.\n",
        )
        .map_err(|e| io_error("write", &root, e))?;
        Ok(Staging {
            root,
            dirs: Mutex::default(),
            busy: AtomicU64::new(0),
        })
    }

    /// Writes `f` under the staging folder, making its folder first.
    pub fn write(&self, f: &File) -> Result<(), PublishError> {
        let started = Instant::now();
        // Paths come from validated names; refuse anything else all the same.
        let rel = Path::new(&f.path);
        if rel.is_absolute()
            || rel
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Err(PublishError::Outside(f.path.clone()));
        }
        if let Some(dir) = rel.parent().filter(|d| !d.as_os_str().is_empty()) {
            let made = self.dirs.lock().map(|d| d.contains(dir)).unwrap_or(false);
            if !made {
                let abs = self.root.join(dir);
                std::fs::create_dir_all(&abs).map_err(|e| io_error("create", &abs, e))?;
                if let Ok(mut dirs) = self.dirs.lock() {
                    dirs.insert(dir.to_path_buf());
                }
            }
        }
        let path = self.root.join(rel);
        let mut file = std::fs::File::create(&path).map_err(|e| io_error("write", &path, e))?;
        file.write_all(&f.bytes)
            .map_err(|e| io_error("write", &path, e))?;
        let spent = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.busy.fetch_add(spent, Ordering::Relaxed);
        Ok(())
    }

    /// Time spent in `write` so far, summed over threads.
    pub fn busy(&self) -> Duration {
        Duration::from_nanos(self.busy.load(Ordering::Relaxed))
    }
}

/// A lock on the folder that holds the output (no file of its own: nothing
/// is written beside `--out` but the staging folder).
fn lock(parent: &Path, on_wait: &dyn Fn()) -> Result<std::fs::File, PublishError> {
    let dir = std::fs::File::open(parent).map_err(|e| io_error("open", parent, e))?;
    match dir.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            on_wait();
            dir.lock()
                .map_err(|e| io_error("wait for the other build in", parent, e))?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(io_error("lock", parent, e)),
    }
    Ok(dir)
}

fn io_error(what: &'static str, p: &Path, e: std::io::Error) -> PublishError {
    PublishError::Io {
        what,
        path: p.to_path_buf(),
        source: e,
    }
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
