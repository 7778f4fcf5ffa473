//! Faults: a build killed with SIGKILL at many moments never leaves a
//! half-written site, and the next build cleans up after it.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{TestSite, base_source_with as src, tree};

#[test]
fn killed_builds_leave_the_old_site_or_the_new_one_never_a_mix() {
    let site = TestSite::sample();
    let args = ["--today", "2026-11-23", "build", "--out", "public"];
    site.run(&args).code(0);
    let old = tree(&site.path().join("public"));
    // The next build differs, so a partial swap would show.
    let sheet = site
        .read("content/de/work.en.md")
        .replace("Find a", "Find a real");
    site.write("content/de/work.en.md", &sheet);
    site.run(&["--today", "2026-11-23", "build", "--out", "expected"])
        .code(0);
    let new = tree(&site.path().join("expected"));
    assert_ne!(old, new);

    let mut survived = 0;
    for delay_ms in [5, 40, 80, 150, 250, 400, 600, 900, 1300, 2000] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factsheet"))
            .args(args)
            .current_dir(site.path())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let now = tree(&site.path().join("public"));
        assert!(
            now == old || now == new,
            "killed after {delay_ms} ms: a half-written site"
        );
        survived += 1;
    }
    assert_eq!(survived, 10);

    site.run(&args).code(0);
    assert_eq!(tree(&site.path().join("public")), new);
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".factsheet-"))
        .collect();
    assert!(leftovers.is_empty(), "temp folders left: {leftovers:?}");
}

#[test]
fn an_output_that_cannot_be_written_fails_clearly_and_keeps_the_previous_site() {
    let site = TestSite::base();
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    let before = tree(&site.path().join("public"));
    site.write(
        "content/de/work.en.md",
        src("Find an employer first.", "Changed."),
    );
    // A file where the output's parent folder should be: fails even as root.
    site.write("blocked", "not a folder");
    let run = site.run(&[
        "--today",
        "2026-03-01",
        "build",
        "--no-pdf",
        "--out",
        "blocked/site",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: cannot create"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("blocked/site left as it was"),
        "{}",
        run.stderr
    );
    assert_eq!(
        tree(&site.path().join("public")),
        before,
        "the other output is untouched"
    );

    // A read-only parent (only meaningful when not root).
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(true);
    if !root {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(site.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let run = site.run(&["--today", "2026-03-01", "build", "--no-pdf"]);
        std::fs::set_permissions(site.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(tree(&site.path().join("public")), before);
    }
}
