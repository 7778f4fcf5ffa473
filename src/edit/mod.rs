//! Editing the site's files in place: a translation's stamp, a change
//! note, and the one careful way every edit is written. Only the bytes an
//! edit is about change: BOM, CRLF, comments and layout are kept.

mod note;
mod review;
mod stamp;

pub use note::renote;
pub use review::{Dates, redate};
pub use stamp::restamp;

use std::io::Write;
use std::path::Path;

use crate::yaml::{self, Node};

/// A sheet as an in-place edit reads it: the length of its BOM, the text
/// after it as written (offsets are into this), the front matter's YAML
/// lines as parsed, and the YAML tree.
struct Parsed<'b> {
    bom: usize,
    raw: &'b str,
    yaml: String,
    root: Node,
}

/// The sheet in `bytes`, when it is UTF-8 with front matter that parses.
fn parse(bytes: &[u8]) -> Option<Parsed<'_>> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let raw = std::str::from_utf8(&bytes[bom..]).ok()?;
    let text = crate::text::normalize_newlines(raw);
    let split = crate::content::frontmatter::split(&text).ok()?;
    let root = yaml::parse(&split.yaml).ok()?;
    Some(Parsed {
        bom,
        raw,
        yaml: split.yaml,
        root,
    })
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// flushed to disk, then renamed over it (and the folder flushed), so a
/// crash or a full disk never leaves a sheet half-written. A unique
/// temporary name lets two writers in one folder not meet; the file keeps
/// its permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".factsheet-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself is durable once the folder is.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::write_atomically;

    #[test]
    fn writes_replace_whole_files_and_leave_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("work.sq.md");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["work.sq.md"]);
        // A folder that is not there: an error, nothing written.
        assert!(write_atomically(&dir.path().join("no/such.md"), b"x").is_err());
    }
}
