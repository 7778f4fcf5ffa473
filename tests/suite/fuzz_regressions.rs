//! Replays what the fuzzers kept through the checks they make
//! (`fuzz/props.rs`): the minimised corpus of each target in
//! `fuzz/corpus/<target>/` and every input that ever crashed one, in
//! `tests/fuzz/<target>/`. `scripts/fuzz` runs the fuzzers and fills both.

#[path = "../../fuzz/props.rs"]
pub(crate) mod props;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// Runs `check` on every file kept for `target`; fails naming each input
/// that fails, so that a regression shows which case it was.
fn replay(target: &str, check: impl Fn(&[u8]) + Sync) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        root.join("fuzz/corpus").join(target),
        root.join("tests/fuzz").join(target),
    ] {
        if let Ok(rd) = std::fs::read_dir(&dir) {
            files.extend(rd.filter_map(Result::ok).map(|e| e.path()));
        }
    }
    files.sort();
    assert!(
        !files.is_empty(),
        "nothing kept for {target}: run scripts/fuzz"
    );
    // On every core: pdf_data's thousand handouts took 78 s on one, the
    // longest test of the suite by far.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut failed: Vec<String> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|i| {
                let (files, check) = (&files, &check);
                s.spawn(move || {
                    files
                        .iter()
                        .skip(i)
                        .step_by(threads)
                        .filter(|f| {
                            let bytes = std::fs::read(f).unwrap();
                            catch_unwind(AssertUnwindSafe(|| check(&bytes))).is_err()
                        })
                        .map(|f| f.display().to_string())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    failed.sort();
    assert!(
        failed.is_empty(),
        "{target}: {} of {} failed: {failed:#?}",
        failed.len(),
        files.len()
    );
}

/// Text targets see the input's longest valid UTF-8 prefix, as
/// `arbitrary` hands a `&str` to a fuzz target.
fn text(check: fn(&str)) -> impl Fn(&[u8]) + Sync {
    move |b| {
        let valid = match std::str::from_utf8(b) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or_default(),
        };
        check(valid)
    }
}

#[test]
fn sheet() {
    replay("sheet", props::sheet);
}

#[test]
fn markdown_html() {
    replay("markdown_html", text(props::markdown_html));
}

#[test]
fn pdf_data() {
    replay("pdf_data", text(props::pdf_data));
}

#[test]
fn fluent() {
    replay("fluent", text(props::fluent));
}

#[test]
fn po() {
    replay("po", text(props::po));
}

#[test]
fn translit() {
    replay("translit", text(props::translit));
}

#[test]
fn serve_path() {
    replay("serve_path", text(props::serve_path));
}
