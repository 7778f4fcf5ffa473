//! `factsheet stamp`: record in a translation the hash of the source it
//! now matches. Only the `source_hash` value changes, byte for byte.

use std::path::{Path, PathBuf};

use super::{Ctx, Error, Outcome, Result, plural};
use crate::content::names::{OVERVIEW, sheet_path};
use crate::content::{Files, Site};
use crate::diagnostics::{Code, Diagnostics, Format, Severity, byte_offset};
use crate::yaml::{self, Kind};

pub fn run(ctx: &Ctx, files: &[PathBuf]) -> Result {
    let (site, diags) = ctx.load()?;
    let (mut stamped, mut current) = (0, 0);
    let (mut bad_usage, mut problems) = (false, false);
    for file in files {
        match stamp_one(&site, &diags, file) {
            Ok(true) => stamped += 1,
            Ok(false) => current += 1,
            Err(StampError::Usage(msg)) => {
                // Reported here: the other files still get stamped.
                eprintln!("error: {msg}");
                bad_usage = true;
            }
            Err(StampError::Content(msg)) => {
                ctx.print(&diags, Format::Human);
                eprintln!("error: {msg}");
                problems = true;
            }
        }
    }
    ctx.summary(&format!(
        "stamped {}{}",
        plural(stamped, "translation", "translations"),
        if current > 0 {
            format!(" ({current} already current)")
        } else {
            String::new()
        }
    ));
    if bad_usage {
        Err(Error::Reported)
    } else if problems {
        Ok(Outcome::Problems)
    } else {
        Ok(Outcome::Clean)
    }
}

enum StampError {
    Usage(String),
    Content(String),
}

/// Stamps one file; Ok(false) when it was already current.
fn stamp_one(site: &Site, diags: &Diagnostics, file: &Path) -> Result<bool, StampError> {
    let (dest, route, lang) = super::locate(site, file).map_err(StampError::Usage)?;
    let c = &site.config;
    let rel = sheet_path(&dest, &route, &lang);
    let shown = site.display_path(&rel);
    if lang == c.source_language {
        return Err(StampError::Usage(format!(
            "{} is a source sheet; stamp takes translations (e.g. {route}.sq.md)",
            file.display()
        )));
    }
    let files: Option<&Files> = site.destinations.get(&dest).and_then(|d| {
        if route == OVERVIEW {
            Some(&d.overview)
        } else {
            d.sheets.get(&route)
        }
    });
    let Some(files) = files else {
        return Err(StampError::Content(format!(
            "{} could not be read",
            shown.display()
        )));
    };
    let Some(source) = &files.source else {
        return Err(StampError::Content(format!(
            "{}: its source sheet is missing or has errors",
            shown.display()
        )));
    };
    // A malformed hash is what stamp repairs; any other error comes first.
    let blocking = diags.iter().any(|d| {
        d.severity == Severity::Error
            && d.file.as_deref() == Some(&*shown)
            && d.code != Code::BadHash
    });
    if !files.translations.contains_key(&lang) || blocking {
        return Err(StampError::Content(format!(
            "{} has errors; fix them first",
            shown.display()
        )));
    }
    let hash = source.hash.clone();
    let real = site.root.join(&rel);
    let bytes = std::fs::read(&real)
        .map_err(|e| StampError::Usage(format!("cannot read {}: {e}", shown.display())))?;
    let Some(new) = restamp(&bytes, &hash) else {
        return Err(StampError::Content(format!(
            "{}: cannot find where to write `source_hash`; write `source_hash: {hash}` under `translation:`",
            shown.display()
        )));
    };
    if new == bytes {
        return Ok(false);
    }
    write_atomically(&real, &new)
        .map_err(|e| StampError::Usage(format!("cannot write {}: {e}", shown.display())))?;
    Ok(true)
}

/// The file with its `source_hash` set to `hash`, or None when the
/// translation block cannot be found. A BOM and CRLF line endings are kept.
pub fn restamp(bytes: &[u8], hash: &str) -> Option<Vec<u8>> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let raw = std::str::from_utf8(&bytes[bom..]).ok()?;
    let text = crate::text::normalize_newlines(raw);
    let split = crate::content::frontmatter::split(&text).ok()?;
    let root = yaml::parse(&split.yaml).ok()?;
    let Kind::Map(top) = &root.kind else {
        return None;
    };
    let block = top.iter().find(|e| e.key == "translation")?;
    let Kind::Map(fields) = &block.value.kind else {
        return None;
    };
    // YAML line n is file line n + 1 (after the opening `---`).
    let (start, end, insert) = match fields.iter().find(|e| e.key == "source_hash") {
        // A value, or a null written out (`~`, `null`): replace it.
        Some(e) if e.value.pos != e.value.end => {
            let v = &e.value;
            (
                byte_offset(raw, v.pos.line + 1, v.pos.col),
                byte_offset(raw, v.end.line + 1, v.end.col),
                hash.to_string(),
            )
        }
        Some(e) => {
            // `source_hash:` with nothing after it: write after the colon.
            let key = byte_offset(raw, e.key_pos.line + 1, e.key_pos.col) + "source_hash".len();
            let colon = key + raw.get(key..)?.find(':')? + 1;
            (colon, colon, format!(" {hash}"))
        }
        None => {
            // No `source_hash` yet: a new line after `from:`, same indent.
            let from = fields.iter().find(|e| e.key == "from")?;
            if from.key_pos.line == block.key_pos.line {
                return None; // flow style `{from: en}`: let the user add it
            }
            let line_start = byte_offset(raw, from.key_pos.line + 1, 1);
            let line_len = raw.get(line_start..)?.find('\n')? + 1;
            let eol = if raw
                .get(line_start..line_start + line_len)?
                .ends_with("\r\n")
            {
                "\r\n"
            } else {
                "\n"
            };
            let at = line_start + line_len;
            let indent = " ".repeat(from.key_pos.col - 1);
            (at, at, format!("{indent}source_hash: {hash}{eol}"))
        }
    };
    let mut out = bytes[..bom].to_vec();
    out.extend_from_slice(raw.get(..start)?.as_bytes());
    out.extend_from_slice(insert.as_bytes());
    out.extend_from_slice(raw.get(end..)?.as_bytes());
    Some(out)
}

/// Writes through a temporary file and a rename: a sheet is never left
/// half-written.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("sheet");
    let tmp = dir.join(format!(".{name}.stamp-tmp"));
    std::fs::write(&tmp, bytes)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::restamp;

    const H: &str = "0123456789abcdef";

    #[test]
    fn replaces_only_the_value() {
        let f = "---\ntitle: A\ntranslation:\n  from: en\n  source_hash: 0000000000000000 # kept\n---\nBody\n";
        let out = String::from_utf8(restamp(f.as_bytes(), H).unwrap()).unwrap();
        assert_eq!(out, f.replace("0000000000000000", H));
    }

    #[test]
    fn keeps_bom_crlf_and_quotes_style() {
        let f = "\u{feff}---\r\ntitle: Ë\r\ntranslation:\r\n  from: en\r\n  source_hash: \"0000000000000000\"\r\n---\r\nBody\r\n";
        let out = String::from_utf8(restamp(f.as_bytes(), H).unwrap()).unwrap();
        assert_eq!(out, f.replace("\"0000000000000000\"", H));
    }

    #[test]
    fn fills_an_empty_value_and_adds_a_missing_line() {
        let f = "---\ntranslation:\n  from: en\n  source_hash:\n---\n";
        let out = String::from_utf8(restamp(f.as_bytes(), H).unwrap()).unwrap();
        assert_eq!(
            out,
            format!("---\ntranslation:\n  from: en\n  source_hash: {H}\n---\n")
        );
        let f = "---\ntranslation:\n    from: en\ntitle: x\n---\n";
        let out = String::from_utf8(restamp(f.as_bytes(), H).unwrap()).unwrap();
        assert_eq!(
            out,
            format!("---\ntranslation:\n    from: en\n    source_hash: {H}\ntitle: x\n---\n")
        );
    }

    #[test]
    fn replaces_null_malformed_and_upper_case_values() {
        for old in ["~", "null", "12345", "\"\"", "336DAC30BD525225"] {
            let f = format!("---\ntranslation:\n  from: en\n  source_hash: {old}\n---\nBody\n");
            let out = String::from_utf8(restamp(f.as_bytes(), H).unwrap()).unwrap();
            assert_eq!(out, f.replace(old, H), "{old}");
        }
    }

    #[test]
    fn flow_style_without_hash_is_left_to_the_user() {
        assert!(restamp(b"---\ntranslation: {from: en}\n---\n", H).is_none());
    }
}
