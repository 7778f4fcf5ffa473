//! Markdown as Typst data: the handout template typesets any text, and no
//! text runs as Typst code (a marker that code would print never shows).
#![no_main]
use std::sync::OnceLock;

use factsheet::render::pdf::doc;
use factsheet::render::pdf::world::{Job, Typesetter};
use libfuzzer_sys::fuzz_target;

fn typesetter() -> &'static Typesetter {
    static T: OnceLock<Typesetter> = OnceLock::new();
    T.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let theme = factsheet::theme::Theme::load(&root, &|p| p.to_path_buf()).expect("theme");
        factsheet::render::pdf::typesetter(&theme, "2026-11-23".parse().unwrap())
    })
}

fuzz_target!(|text: &str| {
    let body = doc::blocks(text, "https://example.org/en/de/work/");
    let data = serde_json::json!({
        "title": text, "summary": text, "country": "C", "route_name": "R", "lang": "en", "dir": "ltr",
        "key_facts": [{"label": "L", "value": text}], "sources": [{"title": text, "url": "https://e.org/", "checked": null}],
        "contacts": [], "warnings": [text], "notice": null, "status": "fresh", "last_reviewed": "x", "next_review": "y",
        "body": body, "text_lang": "en", "ui_lang": "en", "short_url": "e.org/", "site_title": "S", "disclaimer": "D",
        "page_x_of_y": "{page}/{total}", "labels": {"key_facts": "K", "sources": "S", "contacts": "C", "contents": "T"},
    });
    let job = Job {
        main: "/handout.typ",
        files: vec![
            ("/data.json".into(), data.to_string().into_bytes()),
            ("/qr-0.svg".into(), factsheet::render::pdf::qr_svg("https://e.org/")),
        ],
        ident: "fuzz".into(),
    };
    let result = typesetter().pdf(&job);
    typst::comemo::evict(10);
    match result {
        Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
        Err(f) => panic!("content made the template fail: {}", f.message),
    }
});
