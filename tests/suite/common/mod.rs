//! Running the real `factsheet` binary on fixture sites copied to a
//! temporary folder.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Fails the test unless stderr has `needle`; shows the output.
    #[track_caller]
    pub fn err_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn out_has(&self, needle: &str) -> &Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "exit status; stderr:\n{}\nstdout:\n{}",
            self.stderr, self.stdout
        );
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        self
    }
}

pub struct TestSite {
    pub dir: tempfile::TempDir,
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl TestSite {
    /// A copy of `tests/fixtures/base`: one sheet, two translations.
    pub fn base() -> TestSite {
        Self::copy_of(&fixture("base"))
    }

    /// A copy of the bundled sample site (the repository's own content).
    pub fn sample() -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().unwrap(),
        };
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&root.join("content"), &site.path().join("content"));
        copy_dir(
            &root.join("translations"),
            &site.path().join("translations"),
        );
        site
    }

    pub fn copy_of(dir: &Path) -> TestSite {
        let site = TestSite {
            dir: tempfile::tempdir().unwrap(),
        };
        copy_dir(dir, site.path());
        site
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &Self {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    /// Runs `factsheet ARGS` with the site as working directory and root,
    /// so paths in messages read `content/...`.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_factsheet"))
            .args(args)
            .current_dir(self.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// `check` on a fixed day, when the base sheet is fresh.
    pub fn check(&self) -> Run {
        self.run(&["--today", "2026-03-01", "check"])
    }
}

/// The day the shared sample is built on.
pub const SAMPLE_TODAY: &str = "2026-12-07";

/// A site built once per test run, for the tests that only read it.
pub struct Built {
    pub site: TestSite,
    /// Every file of the output, `public/`, by relative path.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Built {
    /// The built file `rel` (under `public/`) as text.
    #[track_caller]
    pub fn text(&self, rel: &str) -> &str {
        let bytes = self
            .files
            .get(rel)
            .unwrap_or_else(|| panic!("{rel} was not built"));
        std::str::from_utf8(bytes).unwrap()
    }

    /// The path of the built file `rel`.
    #[track_caller]
    pub fn path(&self, rel: &str) -> PathBuf {
        assert!(self.files.contains_key(rel), "{rel} was not built");
        self.site.path().join("public").join(rel)
    }
}

/// The sample site with PDFs, built on [`SAMPLE_TODAY`]. A test that edits
/// content or builds again takes its own `TestSite::sample()`.
pub fn built_sample() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let site = TestSite::shared();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["content", "translations"] {
            copy_dir(&root.join(dir), &site.path().join(dir));
        }
        site.build(&["--today", SAMPLE_TODAY, "build"])
    })
}

impl TestSite {
    /// An empty folder that outlives the test that makes it: statics are
    /// never dropped, so it is named by the process and the next run
    /// removes those of processes that have ended.
    fn shared() -> TestSite {
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        #[cfg(target_os = "linux")]
        for e in std::fs::read_dir(tmp).into_iter().flatten().flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if let Some(pid) = name
                .strip_prefix("shared-")
                .and_then(|n| n.split('-').next())
                && !Path::new("/proc").join(pid).exists()
            {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
        let dir = tempfile::Builder::new()
            .prefix(&format!("shared-{}-", std::process::id()))
            .tempdir_in(tmp)
            .unwrap();
        TestSite { dir }
    }

    /// A shared copy of the fixture `name`.
    pub fn shared_copy_of(name: &str) -> TestSite {
        let site = Self::shared();
        copy_dir(&fixture(name), site.path());
        site
    }

    /// Runs `args`, a build into `public/`, which must succeed.
    pub fn build(self, args: &[&str]) -> Built {
        self.run(args).code(0).err_has("built ");
        let files = tree(&self.path().join("public"));
        Built { site: self, files }
    }
}

/// The base source sheet with `from` replaced by `to`.
pub fn base_source_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(fixture("base/content/de/work.en.md")).unwrap();
    assert!(text.contains(from), "base sheet lacks {from:?}");
    text.replacen(from, to, 1)
}

pub fn base_translation_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(fixture("base/content/de/work.sq.md")).unwrap();
    assert!(text.contains(from), "base translation lacks {from:?}");
    text.replacen(from, to, 1)
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.insert(rel, std::fs::read(e.path()).unwrap());
        }
    }
    out
}

/// Runs a command-line tool (poppler's, here) and returns its output;
/// fails the test if it is missing or fails.
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name}: {e} (install poppler-utils)"));
    assert!(
        out.status.success(),
        "{name} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text of a PDF, by poppler's `pdftotext` (`-layout` keeps columns;
/// `first_page` only).
pub fn pdf_text(path: &Path, layout: bool, first_page: bool) -> String {
    let mut args = Vec::new();
    if layout {
        args.push("-layout");
    }
    if first_page {
        args.extend(["-f", "1", "-l", "1"]);
    }
    args.extend([path.to_str().unwrap(), "-"]);
    tool("pdftotext", &args)
}

/// Staging and old folders of builds left beside the outputs in `dir`.
pub fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The PDF cache stays by design; staging folders must not.
        .filter(|n| n.contains(".factsheet-") && n != ".factsheet-cache")
        .collect()
}

/// The QR codes on page `page` of a PDF, decoded (rendered at 150 dpi,
/// as a phone would see a printout).
pub fn qr_codes(pdf: &Path, page: usize) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let n = page.to_string();
    tool(
        "pdftoppm",
        &[
            "-gray",
            "-r",
            "150",
            "-f",
            &n,
            "-l",
            &n,
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let pgm = std::fs::read_dir(dir.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let (w, h, pixels) = read_pgm(&std::fs::read(pgm).unwrap());
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    img.detect_grids()
        .iter()
        .map(|g| g.decode().expect("the QR code decodes").1)
        .collect()
}

/// A binary PGM (P5) image: width, height, 8-bit grey pixels.
fn read_pgm(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..i]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[i + 1..i + 1 + w * h].to_vec())
}

/// Runs git in `dir` with a fixed author and date.
pub fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Editor")
        .env("GIT_AUTHOR_EMAIL", "editor@example.org")
        .env("GIT_COMMITTER_NAME", "Editor")
        .env("GIT_COMMITTER_EMAIL", "editor@example.org")
        .env("GIT_AUTHOR_DATE", "2026-01-05T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-01-05T10:00:00Z")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
