//! A cheap, deterministic stand-in for fuzzing that runs with every test
//! run: thousands of byte-level mutations of a real sheet and a real Fluent
//! file go through the parsers, which must answer with diagnostics, never
//! a panic. (Coverage-guided fuzzing with cargo-fuzz is a separate script.)

use std::path::Path;

use factsheet::content::sheet::{self, Place};
use factsheet::diagnostics::Diagnostics;

use crate::fuzz_regressions::props;

/// xorshift64: the same sequence on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[&[u8]] = &[
    b"---\n",
    b"\n",
    b"\r\n",
    b": ",
    b"- ",
    b"  ",
    b"\t",
    b"&a ",
    b"*a",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\"",
    b"'",
    b"#",
    b"|\n",
    b">\n",
    b"!!binary ",
    b"\xEF\xBB\xBF",
    b"\xFF",
    b"\xC3",
    b"\0",
    b"\xE2\x80\x8B",
    b"2026-02-30",
    b"https://",
    b"javascript:",
    b"translation:",
    b"source_hash: ",
    b"~",
    b"null",
    b"?",
    b"%YAML 1.2\n",
    // Fluent: placeables, selectors, terms, escapes.
    b"{ $",
    b" ->\n",
    b"*[",
    b"{ -",
    b"\\u",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(4) {
            0 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
                data.splice(at..at, piece.iter().copied());
            }
            1 if !data.is_empty() => {
                let end = (at + rng.below(16)).min(data.len());
                data.drain(at.min(end)..end);
            }
            2 if at < data.len() => data[at] = rng.next() as u8,
            _ => {
                let end = (at + rng.below(32)).min(data.len());
                let copy = data[at.min(end)..end].to_vec();
                data.splice(at..at, copy);
            }
        }
    }
    data
}

fn read_sheet(bytes: &[u8], is_source: bool) {
    let mut diags = Diagnostics::default();
    let lang = if is_source { "en" } else { "sq" };
    let place = Place::new("de", "work", lang, "en", "content/de/work.en.md".into());
    if let Some(doc) = sheet::read_bytes(Path::new("x.md"), bytes, &place, &mut diags) {
        let _ = factsheet::content::hash::source_hash(&doc.text);
        let _ = factsheet::lang::translit::sr_cyrl_to_latn(&doc.text.body);
    }
    for d in diags.iter() {
        assert!(
            d.file.is_some() && !d.message.is_empty() && d.hint.is_some(),
            "{d:?}"
        );
    }
}

#[test]
fn mutated_sheets_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = [
        std::fs::read(root.join("content/de/work.en.md")).unwrap(),
        std::fs::read(root.join("content/de/work.sr-Cyrl.md")).unwrap(),
    ];
    let mut rng = Rng(0x5EED_F00D);
    for i in 0..4000 {
        let seed = &seeds[i % 2];
        let data = mutate(&mut rng, seed);
        read_sheet(&data, i % 2 == 0);
        // The same bytes through stamp's rewriting.
        let _ = factsheet::edit::restamp(&data, "0123456789abcdef");
    }
}

#[test]
fn mutated_yaml_and_fluent_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = std::fs::read(root.join("content/site.yaml")).unwrap();
    let ftl = std::fs::read(root.join("translations/sr-Cyrl.ftl")).unwrap();
    let mut rng = Rng(42);
    for _ in 0..1500 {
        let data = mutate(&mut rng, &config);
        if let Ok(text) = factsheet::text::decode(&data) {
            let mut diags = Diagnostics::default();
            let _ = factsheet::config::SiteConfig::parse(&text, Path::new("site.yaml"), &mut diags);
        }
        read_fluent(&mutate(&mut rng, &ftl));
    }
}

/// A Fluent file as `L10n::load` reads one: decoded, then the project's
/// reader with its parser limits, reference check and formatting
/// (`fuzz/props.rs`). Bytes that do not decode get a placed error; the
/// reader still sees the rest, so that the mutation is not wasted.
fn read_fluent(bytes: &[u8]) {
    match factsheet::text::decode(bytes) {
        Ok(text) => props::fluent(&text),
        Err(d) => {
            assert!(d.line.is_some() && !d.message.is_empty(), "{d:?}");
            props::fluent(&String::from_utf8_lossy(bytes));
        }
    }
}
