//! The cache's own rules: a whole entry or nothing, bounded by builds.

use std::time::{Duration, SystemTime};

use super::*;

fn job(data: &str) -> Job {
    Job {
        main: "/handout.typ",
        files: vec![("/data.json".into(), data.as_bytes().to_vec())],
        ident: "https://example.org/sq/de/work/".into(),
        date: jiff::civil::date(2026, 12, 7),
    }
}

#[test]
fn keys_change_with_every_input() {
    let base = [7u8; 32];
    let k = PdfCache::key(&base, &job("{}"));
    assert_eq!(k, PdfCache::key(&base, &job("{}")));
    assert_ne!(k, PdfCache::key(&[8u8; 32], &job("{}")), "typesetter");
    assert_ne!(k, PdfCache::key(&base, &job("{ }")), "data");
    let mut other = job("{}");
    other.date = jiff::civil::date(2026, 12, 8);
    assert_ne!(k, PdfCache::key(&base, &other), "date");
    other = job("{}");
    other.ident.push('x');
    assert_ne!(k, PdfCache::key(&base, &other), "ident");
}

#[test]
fn a_damaged_entry_is_a_miss_and_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let cache = PdfCache::new(dir.path());
    cache.put("k", b"%PDF-1.7 whole");
    assert_eq!(cache.get("k").as_deref(), Some(&b"%PDF-1.7 whole"[..]));
    let path = cache.path("k");
    let stored = std::fs::read(&path).unwrap();
    // Truncated, flipped, foreign, empty.
    let damaged: Vec<Vec<u8>> = vec![
        stored[..stored.len() - 3].to_vec(),
        {
            let mut s = stored.clone();
            let last = s.len() - 1;
            s[last] ^= 1;
            s
        },
        b"%PDF-1.7 not ours".to_vec(),
        Vec::new(),
    ];
    for bytes in damaged {
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(cache.get("k"), None, "{bytes:?}");
        assert!(!path.exists(), "a damaged entry is removed");
    }
}

#[test]
fn two_writers_of_one_entry_never_leave_half_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = vec![b'x'; 1 << 20];
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                let cache = PdfCache::new(dir.path());
                for _ in 0..20 {
                    cache.put("same", &pdf);
                    if let Some(got) = cache.get("same") {
                        assert_eq!(got, pdf);
                    }
                }
            });
        }
    });
    let names: Vec<String> = std::fs::read_dir(dir.path().join("pdf"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["same.pdf"], "no temporary file left behind");
}

#[test]
fn entries_unused_by_the_last_builds_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let cache = PdfCache::new(dir.path());
    let at = |secs: u64| SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000 + secs);
    let age = |key: &str, secs: u64| {
        let f = std::fs::File::options()
            .append(true)
            .open(cache.path(key))
            .unwrap();
        f.set_modified(at(secs)).unwrap();
    };
    cache.put("old", b"a");
    cache.put("kept", b"b");
    age("old", 5);
    age("kept", 25);
    // Builds started at 10, 20, …: after KEEP_BUILDS of them, what none
    // of them used (last used before the oldest on record) goes.
    for n in 1..KEEP_BUILDS {
        cache.finish(at(10 * n as u64)).unwrap();
        assert!(cache.path("old").exists(), "too few builds on record yet");
    }
    cache.finish(at(10 * KEEP_BUILDS as u64)).unwrap();
    assert!(!cache.path("old").exists());
    assert!(cache.path("kept").exists());
    let log = std::fs::read_to_string(dir.path().join("pdf/builds")).unwrap();
    assert_eq!(log.lines().count(), KEEP_BUILDS);
}

#[test]
fn the_typst_version_in_keys_is_the_one_built_with() {
    let lock = include_str!("../../../../Cargo.lock");
    let at = lock
        .find("name = \"typst\"\nversion = \"")
        .expect("typst in Cargo.lock");
    let version = lock[at..].lines().nth(1).unwrap_or_default();
    assert_eq!(version, format!("version = \"{TYPST_VERSION}\""));
}
