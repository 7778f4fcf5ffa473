//! Watching the site's sources: a burst of saves (write, rename, …) makes
//! one change, debounced by `notify-debouncer-full`; editors' swap and
//! backup files and mere reads are not changes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::state::State;

/// How long a burst of file events may pause before it counts as done.
const QUIET: Duration = Duration::from_millis(60);

pub type Watcher = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// Starts watching `content/`, `translations/` and `themes/`; each change
/// is applied to `state` on the watcher's thread.
pub fn start(state: Arc<State>) -> Result<Watcher, super::ServeError> {
    let root = state.opts.root.clone();
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let mut changed: Vec<PathBuf> = events
            .iter()
            .filter(|e| is_change(&e.kind))
            .flat_map(|e| e.paths.iter())
            .filter(|p| !is_noise(p))
            .cloned()
            .collect();
        if changed.is_empty() {
            return;
        }
        changed.sort();
        changed.dedup();
        state.apply(&changed);
    };
    let mut watcher = new_debouncer(QUIET, None, handler).map_err(|e| watch_error(None, e))?;
    for dir in ["content", "translations", "themes"] {
        let path = root.join(dir);
        if path.is_dir() {
            watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| watch_error(Some(&path), e))?;
        }
    }
    Ok(watcher)
}

fn watch_error(path: Option<&Path>, source: notify::Error) -> super::ServeError {
    super::ServeError::Watch {
        path: path.map(Path::to_path_buf),
        source,
    }
}

/// Changes only: reading files (as a rebuild does) must not trigger one.
fn is_change(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    ) && !matches!(
        kind,
        EventKind::Modify(notify::event::ModifyKind::Metadata(_))
    )
}

/// Editors' swap and backup files.
fn is_noise(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with(".#")
        // Our own atomic writes (`crate::edit::write_atomically`).
        || (name.starts_with(".factsheet-") && name.ends_with(".tmp"))
}
