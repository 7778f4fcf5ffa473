//! Faults: a build killed with SIGKILL at many moments never leaves a
//! half-written site, and the next build cleans up after it.

use std::process::Command;
use std::time::Duration;

use crate::common::{TestSite, base_source_with as src, leftovers, tree};

#[test]
fn killed_builds_leave_the_old_site_or_the_new_one_never_a_mix() {
    let site = TestSite::sample();
    let args = ["--today", "2026-12-07", "build", "--out", "public"];
    site.run(&args).code(0);
    let old = tree(&site.path().join("public"));
    // The next build differs, so a partial swap would show.
    let sheet = site
        .read("content/de/work.en.md")
        .replace("Find a", "Find a real");
    site.write("content/de/work.en.md", &sheet);
    site.run(&["--today", "2026-12-07", "build", "--out", "expected"])
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
    let left = leftovers(site.path());
    assert!(left.is_empty(), "temp folders left: {left:?}");
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
    run.code(2)
        .err_has("error: cannot create")
        .err_has("blocked/site left as it was");
    assert_eq!(
        tree(&site.path().join("public")),
        before,
        "the other output is untouched"
    );

    // A parent folder the build may not write to: by permissions where
    // they bind (not for root, as in CI), and always by a read-only mount.
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(site.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let run = site.run(&["--today", "2026-03-01", "build", "--no-pdf"]);
        std::fs::set_permissions(site.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        run.code(2);
        assert_eq!(tree(&site.path().join("public")), before);
    }
    #[cfg(target_os = "linux")]
    {
        // The site's folder bound read-only over itself; `cd` enters the
        // mount. Output and status come back on stdout.
        let script = r#"
            mount --bind "$PWD" "$PWD"
            mount -o remount,bind,ro "$PWD"
            cd "$PWD"
            set +e
            $BIN --today 2026-03-01 build --no-pdf 2>&1
            echo "exit=$?"
        "#;
        let test = "an_output_that_cannot_be_written_fails_clearly_and_keeps_the_previous_site";
        if let Some(out) = in_mount_namespace(site.path(), script, test) {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "{text}{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(text.ends_with("exit=2\n"), "{text}");
            assert!(text.contains("the disk is mounted read-only"), "{text}");
            assert!(text.contains("public left as it was"), "{text}");
            assert!(!text.contains("panicked"), "{text}");
            assert_eq!(tree(&site.path().join("public")), before);
        }
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(true)
}

/// CI's runs (`CI` set, and not to "false" or "0"), where a check that
/// cannot run is a failure rather than a skip.
#[cfg(target_os = "linux")]
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Runs `script` with `sh` in a private mount namespace (so that it may
/// mount), as root there. Where this machine forbids that: a failure in
/// CI, elsewhere None and a SKIPPED line on the terminal (written past
/// the test harness's capture, which would hide it).
#[cfg(target_os = "linux")]
fn in_mount_namespace(
    dir: &std::path::Path,
    script: &str,
    test: &str,
) -> Option<std::process::Output> {
    let out = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-ec", script])
        .current_dir(dir)
        .env("BIN", env!("CARGO_BIN_EXE_factsheet"))
        .env("NO_COLOR", "1")
        .output();
    let refused = match &out {
        Err(e) => format!("cannot run unshare: {e}"),
        Ok(o) if !o.status.success() && o.stderr.starts_with(b"unshare:") => {
            String::from_utf8_lossy(&o.stderr).trim().to_string()
        }
        Ok(_) => return out.ok(),
    };
    let why = format!("{test}: no mount namespace here ({refused})");
    assert!(
        !in_ci(),
        "{why}; CI must run this check: allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or an AppArmor/container profile that permits unshare)"
    );
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: {why}");
    None
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_or_a_read_only_one_fails_clearly_and_keeps_the_previous_site() {
    let site = TestSite::base();
    // On a 1 MiB tmpfs: build, fill the disk but for a few KiB, change the
    // text, build again; then remount it read-only and build again. Each
    // step's exit status, messages and file hashes land outside the tmpfs.
    let script = r#"
        mkdir disk
        mount -t tmpfs -o size=1m tmpfs disk
        B="$BIN --today 2026-03-01 build --no-pdf --out disk/public"
        $B 2>/dev/null
        hashes() { (cd disk/public && find . -type f | sort | xargs sha256sum); }
        hashes > before.txt
        avail=$(df --output=avail -k disk | tail -n 1)
        dd if=/dev/zero of=disk/filler bs=1k count=$((avail - 12)) 2>/dev/null
        sed -i 's/Find an employer first./Changed./' content/de/work.en.md
        set +e
        $B 2> full.txt; echo $? > full.rc
        hashes > after-full.txt
        ls -A disk > listing.txt
        mount -o remount,ro disk
        $B 2> ro.txt; echo $? > ro.rc
        hashes > after-ro.txt
    "#;
    let test = "a_full_disk_or_a_read_only_one_fails_clearly_and_keeps_the_previous_site";
    let Some(out) = in_mount_namespace(site.path(), script, test) else {
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = site.read("before.txt");
    assert!(before.contains("./en/de/work/index.html"), "{before}");
    for (step, hint) in [
        (
            "full",
            "No space left on device (os error 28); the disk is full: free some space and build again",
        ),
        (
            "ro",
            "Read-only file system (os error 30); the disk is mounted read-only",
        ),
    ] {
        let err = site.read(&format!("{step}.txt"));
        assert_eq!(
            site.read(&format!("{step}.rc")).trim(),
            "2",
            "{step}: {err}"
        );
        assert!(err.contains(hint), "{step}: {err}");
        assert!(err.contains("disk/public left as it was"), "{step}: {err}");
        assert!(!err.contains("panicked"), "{step}: {err}");
        assert_eq!(site.read(&format!("after-{step}.txt")), before, "{step}");
    }
    // The failed build removed its half-written staging folder.
    assert_eq!(
        site.read("listing.txt")
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["filler", "public"]
    );
}

#[test]
fn builds_into_one_output_at_once_wait_for_each_other() {
    let site = TestSite::sample();
    let args = [
        "--today",
        "2026-12-07",
        "build",
        "--no-pdf",
        "--out",
        "public",
    ];
    site.run(&args).code(0);
    let expected = tree(&site.path().join("public"));
    // Four builds at once: without a lock, one's clean-up removed
    // another's staging folder halfway through.
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_factsheet"))
                .args(args)
                .current_dir(site.path())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert_eq!(tree(&site.path().join("public")), expected);
    let left = leftovers(site.path());
    assert!(left.is_empty(), "{left:?}");
}
