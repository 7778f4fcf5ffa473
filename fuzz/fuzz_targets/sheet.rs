//! Front matter + Markdown parsing and validation, as source and translation.
#![no_main]
use std::path::Path;

use factsheet::content::frontmatter;
use factsheet::content::sheet::{self, Place};
use factsheet::diagnostics::Diagnostics;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = frontmatter::decode(data) else { return };
    let Ok(split) = frontmatter::split(&text) else { return };
    for is_source in [true, false] {
        let place = Place {
            destination: "de",
            route: "work",
            lang: if is_source { "en" } else { "sq" },
            is_source,
            is_overview: false,
            source_path: Path::new("content/de/work.en.md"),
        };
        let mut diags = Diagnostics::default();
        if let Some(doc) = sheet::read(Path::new("x.md"), &split, &place, &mut diags) {
            assert_eq!(doc.hash.len(), 16);
        }
        for d in diags.iter() {
            assert!(d.hint.is_some(), "every diagnostic says what to do: {d:?}");
        }
    }
    let _ = factsheet::commands::restamp(data, "0123456789abcdef");
});
