//! `status`, `new` and `stamp` as an editor and a translator use them.

use crate::common::{TestSite, base_source_with as src};

#[test]
fn status_table_in_a_pipe_is_plain_text() {
    let site = TestSite::base();
    site.write(
        "content/de/work.en.md",
        src("Find an employer first.", "Find an employer."),
    );
    let run = site.run(&["--today", "2026-03-01", "status"]);
    run.code(0);
    assert!(
        !run.stdout.contains('\x1b'),
        "colour codes in a pipe:\n{}",
        run.stdout
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0].split_whitespace().collect::<Vec<_>>(),
        ["sheet", "due", "en", "sq", "sr-Cyrl", "sr-Latn"]
    );
    assert_eq!(
        lines[1].split_whitespace().collect::<Vec<_>>(),
        [
            "de/work",
            "2026-06-30",
            "fresh",
            "OUTDATED",
            "OUTDATED",
            "OUTDATED*"
        ]
    );
    run.err_has("1 sheet: 1 fresh, 0 due soon, 0 overdue, 0 expired, 0 invalid; translations: 0 current, 3 outdated, 0 missing");

    let run = site.run(&["--today", "2026-07-01", "status", "--lang", "en"]);
    assert_eq!(
        run.stdout
            .lines()
            .nth(1)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["de/work", "2026-06-30", "OVERDUE"]
    );
    site.run(&["status", "--lang", "sr"])
        .code(2)
        .err_has("`sr` is not one of the site's languages");
    site.run(&["status", "--destination", "dd"])
        .code(2)
        .err_has("did you mean `de`?");
}

#[test]
fn status_json_has_every_sheet_and_language() {
    let site = TestSite::sample();
    let run = site.run(&["--today", "2026-12-07", "status", "--format", "json"]);
    run.code(0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["today"], "2026-12-07");
    let sheets = json["sheets"].as_array().unwrap();
    assert!(sheets.len() >= 10);
    let langs = ["en", "sq", "sr-Cyrl", "sr-Latn", "mk", "bs", "hr"];
    for s in sheets {
        let pages = s["languages"].as_array().unwrap();
        assert_eq!(pages.len(), langs.len());
        for (p, l) in pages.iter().zip(langs) {
            assert_eq!(p["lang"], l);
            assert_eq!(p["status"], "fresh", "{s}");
            assert_eq!(p["due"], s["due"]);
            let t = &p["translation"];
            if l == "en" {
                assert!(t.is_null());
            } else {
                assert!(
                    ["current", "outdated", "missing"].contains(&t.as_str().unwrap()),
                    "{p}"
                );
            }
        }
        // Every sheet is in Albanian.
        assert_eq!(pages[1]["translation"], "current", "{}", s["file"]);
    }
    let missing = sheets
        .iter()
        .flat_map(|s| s["languages"].as_array().unwrap())
        .filter(|p| p["translation"] == "missing")
        .count();
    assert!(missing > 0, "the sample shows fallback");
}

#[test]
fn new_scaffolds_a_source_and_a_prefilled_translation() {
    let site = TestSite::base();
    site.run(&["--today", "2026-03-01", "new", "de", "study"])
        .code(0)
        .err_has("created content/de/study.en.md");
    let text = site.read("content/de/study.en.md");
    for field in [
        "title:",
        "summary:",
        "destination: de",
        "route: study",
        "last_reviewed: 2026-03-01",
        "sources:",
        "url: https://",
    ] {
        assert!(text.contains(field), "scaffold lacks {field}:\n{text}");
    }
    // Valid, but the placeholders are flagged until replaced.
    site.check()
        .code(0)
        .err_has("warning[todo]: the title still contains TODO");
    site.run(&["--today", "2026-03-01", "check", "--strict"])
        .code(1);

    site.run(&["new", "de", "study", "--lang", "sq"])
        .code(0)
        .err_has("created content/de/study.sq.md");
    let tr = site.read("content/de/study.sq.md");
    assert!(tr.contains("title: \"TODO: a clear title\""), "{tr}");
    // Not stamped: an untranslated scaffold is not a current translation.
    assert!(
        tr.contains("translation:\n  from: en\n  # Not stamped yet: translate this file, then run `factsheet stamp content/de/study.sq.md`\n  source_hash:\n"),
        "{tr}"
    );
    assert!(
        tr.contains("## Who can use this route"),
        "prefilled with the source text:\n{tr}"
    );
    let status = site.run(&["--today", "2026-03-01", "status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    let study = json["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["route"] == "study")
        .unwrap();
    assert!(!tr.contains(study["source_hash"].as_str().unwrap()));
    assert_ne!(study["languages"][1]["translation"], "current");
    site.check()
        .code(1)
        .err_has("content/de/study.sq.md")
        .err_has("error[unstamped]")
        .err_has("run `factsheet stamp content/de/study.sq.md`");
    // Once translated, `stamp` makes it current.
    site.run(&["stamp", "content/de/study.sq.md"])
        .code(0)
        .err_has("stamped 1 translation");
    let tr = site.read("content/de/study.sq.md");
    assert!(tr.contains(study["source_hash"].as_str().unwrap()), "{tr}");

    site.run(&["new", "de", "study"])
        .code(2)
        .err_has("content/de/study.en.md already exists");
    site.run(&["new", "DE", "work"])
        .code(2)
        .err_has("write it in lower case: de");
    site.run(&["new", "de", "wrk"])
        .code(2)
        .err_has("did you mean `work`?");
    site.run(&["new", "it", "work", "--lang", "sq"])
        .code(2)
        .err_has("create it first with `factsheet new it work`");
}

#[test]
fn stamp_changes_only_the_hash_byte_for_byte() {
    let site = TestSite::base();
    // A translation saved with CRLF, a BOM and a comment after the hash.
    let crlf = site.read("content/de/work.sq.md").replace('\n', "\r\n");
    let crlf = format!(
        "\u{feff}{}",
        crlf.replacen("\r\n---", " # stamped by the tool\r\n---", 1)
    );
    site.write("content/de/work.sq.md", &crlf);
    site.write(
        "content/de/work.en.md",
        src(
            "Find an employer first.",
            "Find an employer first, then apply.",
        ),
    );
    site.check().code(1).err_has("error[outdated]");

    site.run(&[
        "stamp",
        "content/de/work.sq.md",
        "content/de/work.sr-Cyrl.md",
    ])
    .code(0)
    .err_has("stamped 2 translations");
    let after = std::fs::read(site.path().join("content/de/work.sq.md")).unwrap();
    let before = crlf.as_bytes();
    assert_eq!(after.len(), before.len());
    let changed: Vec<usize> = (0..before.len())
        .filter(|&i| before[i] != after[i])
        .collect();
    let hash_at = crlf.find("source_hash: ").unwrap() + "source_hash: ".len();
    assert!(!changed.is_empty());
    assert!(
        changed
            .iter()
            .all(|&i| (hash_at..hash_at + 16).contains(&i)),
        "bytes outside the hash changed"
    );
    site.check().code(0);

    site.run(&["stamp", "content/de/work.sq.md"])
        .code(0)
        .err_has("stamped 0 translations (1 already current)");
    site.run(&["stamp", "content/de/work.en.md"])
        .code(2)
        .err_has("is a source sheet");
    site.run(&["stamp", "content/site.yaml"])
        .code(2)
        .err_has("is not a sheet of the site");
    site.run(&["stamp", "nope.md"]).code(2);
}

#[test]
fn stamp_refuses_a_translation_with_errors() {
    let site = TestSite::base();
    let broken = site
        .read("content/de/work.sq.md")
        .replace("title:", "titel:");
    site.write("content/de/work.sq.md", &broken);
    site.run(&["stamp", "content/de/work.sq.md"])
        .code(1)
        .err_has("has errors; fix them first");
    assert_eq!(site.read("content/de/work.sq.md"), broken);
}

#[test]
fn stamp_repairs_a_malformed_empty_null_or_upper_case_hash() {
    for bad in ["12345", "\"\"", "~", "null", "", "336DAC30BD525225"] {
        let site = TestSite::base();
        let good = site.read("content/de/work.sq.md");
        let broken = good.replace(
            "source_hash: 48540273df1f15dd",
            format!("source_hash: {bad}").trim_end(),
        );
        site.write("content/de/work.sq.md", &broken);
        let check = site.check();
        check.code(1);
        // Every hint names a command that works.
        if bad == "12345" {
            check
                .err_has("error[bad-hash]")
                .err_has("run `factsheet stamp content/de/work.sq.md`");
        }
        site.run(&["stamp", "content/de/work.sq.md"])
            .code(0)
            .err_has("stamped 1 translation");
        // Only the hash changed, and it is written in lower case.
        assert_eq!(site.read("content/de/work.sq.md"), good, "{bad:?}");
        site.check().code(0);
    }
}

#[test]
fn an_upper_case_hash_counts_as_current() {
    let site = TestSite::base();
    let upper = site
        .read("content/de/work.sq.md")
        .replace("48540273df1f15dd", "48540273DF1F15DD");
    site.write("content/de/work.sq.md", &upper);
    site.check().code(0);
    let status = site.run(&["--today", "2026-03-01", "status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(json["sheets"][0]["languages"][1]["translation"], "current");
}

#[test]
fn a_closed_pipe_ends_status_quietly() {
    let site = TestSite::sample();
    for format in ["json", "table"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factsheet"))
            .args(["--today", "2026-03-01", "status", "--format", format])
            .current_dir(site.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Read nothing: close our end at once, as `| head -0` would.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(out.status.code(), Some(0), "{stderr}");
    }
}
