//! The record of a site's sources: one plain-text file per URL under
//! `sources/` at the site's root, named by a hash of the URL. It holds
//! what was confirmed at the last review and what `sources` last saw, so
//! `check` and `status` can tell from it alone which sources changed.
//! Written deterministically (an unchanged run rewrites nothing) and
//! atomically.

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use sha2::{Digest, Sha256};

/// The folder, relative to the site's root.
pub const DIR: &str = "sources";
/// A record bigger than this is not read (a page's text is capped far below).
const MAX_BYTES: u64 = 32 << 20;

/// What `sources` found for a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Unchanged,
    Changed,
    Moved,
    Broken,
    Unreachable,
    Blocked,
    TooLarge,
    New,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Unchanged,
        Status::Changed,
        Status::Moved,
        Status::Broken,
        Status::Unreachable,
        Status::Blocked,
        Status::TooLarge,
        Status::New,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchanged => "unchanged",
            Status::Changed => "changed",
            Status::Moved => "moved",
            Status::Broken => "broken",
            Status::Unreachable => "unreachable",
            Status::Blocked => "blocked",
            Status::TooLarge => "too-large",
            Status::New => "new",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// A page's watched text at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub date: Date,
    pub hash: String,
    /// The normalised text; empty when only the bytes could be compared.
    pub text: String,
}

/// What the last `sources` run saw.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Seen {
    pub status: Option<Status>,
    /// The first day this status (and text) was seen.
    pub since: Option<Date>,
    /// The last text fetched successfully, kept through later failures.
    pub hash: Option<String>,
    pub text: Option<String>,
    pub final_url: Option<String>,
    pub moved_to: Option<String>,
    pub http_status: Option<u16>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The text could not be extracted: the hash is of the bytes.
    pub bytes_only: bool,
    /// A hash of the `selector` and `ignore` the text was made with; a
    /// page whose watch changed is fetched whole again.
    pub filter: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub url: String,
    pub confirmed: Option<Snapshot>,
    pub seen: Seen,
}

/// The first 16 hex digits of SHA-256.
pub fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The record file of a URL.
pub fn path_of(root: &Path, url: &str) -> PathBuf {
    root.join(DIR).join(format!("{}.txt", hash(url.as_bytes())))
}

impl Record {
    pub fn new(url: &str) -> Record {
        Record {
            url: url.to_string(),
            confirmed: None,
            seen: Seen::default(),
        }
    }

    /// The text last seen, if any (the confirmed one when they agree).
    pub fn seen_text(&self) -> Option<&str> {
        match (&self.seen.text, &self.confirmed) {
            (Some(t), _) => Some(t),
            (None, Some(c)) if self.seen.hash.as_deref() == Some(&c.hash) => Some(&c.text),
            _ => None,
        }
    }

    /// Whether what `sources` last saw differs from what was confirmed.
    pub fn changed_since_review(&self) -> bool {
        match (&self.confirmed, &self.seen.hash) {
            (Some(c), Some(h)) => c.hash != *h,
            _ => false,
        }
    }

    /// The file's text. The seen text is written only when it differs
    /// from the confirmed one; text lines are prefixed with `| ` so no
    /// page can forge a field.
    pub fn to_text(&self) -> String {
        let mut out = String::from(
            "# factsheet source record: written by `factsheet sources` and `factsheet review`\n",
        );
        let mut field = |k: &str, v: &str| {
            out.push_str(k);
            out.push_str(": ");
            out.push_str(&one_line(v));
            out.push('\n');
        };
        field("url", &self.url);
        if let Some(c) = &self.confirmed {
            field("confirmed-date", &c.date.to_string());
            field("confirmed-hash", &c.hash);
        }
        let s = &self.seen;
        let opt = [
            ("seen-status", s.status.map(|x| x.as_str().to_string())),
            ("seen-since", s.since.map(|d| d.to_string())),
            ("seen-hash", s.hash.clone()),
            ("seen-url", s.final_url.clone()),
            ("moved-to", s.moved_to.clone()),
            ("http-status", s.http_status.map(|n| n.to_string())),
            ("etag", s.etag.clone()),
            ("last-modified", s.last_modified.clone()),
            ("bytes-only", s.bytes_only.then(|| "yes".to_string())),
            ("seen-filter", s.filter.clone()),
        ];
        for (k, v) in opt {
            if let Some(v) = v {
                field(k, &v);
            }
        }
        let mut section = |name: &str, text: &str| {
            out.push_str("\n== ");
            out.push_str(name);
            out.push('\n');
            for l in text.lines() {
                out.push_str("| ");
                out.push_str(l);
                out.push('\n');
            }
        };
        if let Some(c) = &self.confirmed {
            section("confirmed", &c.text);
        }
        let same = self.confirmed.as_ref().map(|c| &c.hash) == s.hash.as_ref();
        if let (Some(t), false) = (&s.text, same) {
            section("seen", t);
        }
        out
    }

    /// Reads a record's text; an error says what is wrong and where.
    pub fn parse(text: &str) -> Result<Record, String> {
        let mut fields: Vec<(&str, &str)> = Vec::new();
        let mut sections: Vec<(&str, String)> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if let Some(name) = line.strip_prefix("== ") {
                sections.push((name.trim(), String::new()));
            } else if let Some((_, body)) = sections.last_mut() {
                match line.strip_prefix("| ").or(line.strip_prefix('|')) {
                    Some(l) => {
                        body.push_str(l);
                        body.push('\n');
                    }
                    None if line.is_empty() => {}
                    None => {
                        return Err(format!("line {}: a text line must start with `| `", i + 1));
                    }
                }
            } else if line.is_empty() || line.starts_with('#') {
                continue;
            } else {
                let (k, v) = line
                    .split_once(": ")
                    .ok_or_else(|| format!("line {}: expected `name: value`", i + 1))?;
                fields.push((k, v));
            }
        }
        let get = |k: &str| {
            fields
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        };
        let date = |k: &str| -> Result<Option<Date>, String> {
            get(k)
                .map(|v| {
                    v.parse::<Date>()
                        .map_err(|_| format!("`{k}: {v}` is not a date"))
                })
                .transpose()
        };
        let url = get("url").ok_or("no `url`")?;
        let section = |n: &str| {
            sections
                .iter()
                .find(|(s, _)| *s == n)
                .map(|(_, t)| t.clone())
        };
        let confirmed = match (date("confirmed-date")?, get("confirmed-hash")) {
            (Some(date), Some(hash)) => Some(Snapshot {
                date,
                hash,
                text: section("confirmed").unwrap_or_default(),
            }),
            _ => None,
        };
        let status = get("seen-status")
            .map(|s| Status::parse(&s).ok_or(format!("`seen-status: {s}` is not a status")))
            .transpose()?;
        let http_status = get("http-status")
            .map(|s| s.parse::<u16>().map_err(|_| format!("`http-status: {s}`")))
            .transpose()?;
        let seen = Seen {
            status,
            since: date("seen-since")?,
            hash: get("seen-hash"),
            text: section("seen"),
            final_url: get("seen-url"),
            moved_to: get("moved-to"),
            http_status,
            etag: get("etag"),
            last_modified: get("last-modified"),
            bytes_only: get("bytes-only").is_some(),
            filter: get("seen-filter"),
        };
        Ok(Record {
            url,
            confirmed,
            seen,
        })
    }
}

/// Header values from servers must stay on their line.
fn one_line(v: &str) -> String {
    v.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The record of `url`, if the site has one. An unreadable record is an
/// error with the file's path.
pub fn load(root: &Path, url: &str) -> Result<Option<Record>, String> {
    let path = path_of(root, url);
    let meta = match std::fs::symlink_metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return Err(format!(
            "{}: not a regular file of at most 32 MiB",
            path.display()
        ));
    }
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8", path.display()))?;
    let rec = Record::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    // A record copied under another URL's name would mislead.
    if rec.url != url {
        return Err(format!(
            "{}: records {}, not {url}",
            path.display(),
            rec.url
        ));
    }
    Ok(Some(rec))
}

/// Writes a record when its text differs from the file's; returns
/// whether it wrote.
pub fn save(root: &Path, rec: &Record) -> std::io::Result<bool> {
    let path = path_of(root, &rec.url);
    let text = rec.to_text();
    if std::fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    std::fs::create_dir_all(root.join(DIR))?;
    crate::edit::write_atomically(&path, text.as_bytes())?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Record {
        Record {
            url: "https://example.org/a".into(),
            confirmed: Some(Snapshot {
                date: "2026-12-01".parse().unwrap(),
                hash: hash(b"a\n"),
                text: "a\n== not a section\n".into(),
            }),
            seen: Seen {
                status: Some(Status::Changed),
                since: Some("2026-12-07".parse().unwrap()),
                hash: Some(hash(b"b\n")),
                text: Some("b\n| x\n".into()),
                etag: Some("\"x\ny\"".into()),
                ..Seen::default()
            },
        }
    }

    #[test]
    fn records_read_back_as_written() {
        let r = sample();
        let back = Record::parse(&r.to_text()).unwrap();
        assert_eq!(back.confirmed, r.confirmed);
        assert_eq!(back.seen.text, r.seen.text);
        assert_eq!(back.seen.etag.as_deref(), Some("\"x y\""));
        assert!(back.changed_since_review());
        assert_eq!(Record::parse(&back.to_text()).unwrap(), back);
    }

    #[test]
    fn bad_records_are_errors_not_panics() {
        for bad in [
            "",
            "url: x\nseen-status: odd\n",
            "url: x\n== seen\nloose\n",
            "x",
        ] {
            assert!(Record::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn saving_twice_writes_once() {
        let dir = tempfile::tempdir().unwrap();
        let r = sample();
        assert!(save(dir.path(), &r).unwrap());
        assert!(!save(dir.path(), &r).unwrap());
        assert_eq!(
            load(dir.path(), &r.url).unwrap(),
            Some(Record::parse(&r.to_text()).unwrap())
        );
        assert_eq!(load(dir.path(), "https://other.example/").unwrap(), None);
    }
}
