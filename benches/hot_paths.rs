//! Micro-benchmarks of the hot paths of a model, on the bundled sample
//! site: `cargo bench`. The whole-model comparisons with Hugo and Zola are
//! in `bench/run`.

use std::path::Path;

use factsheet::content::Site;
use factsheet::content::frontmatter;
use factsheet::content::sheet::{self, Place};
use factsheet::diagnostics::Diagnostics;
use factsheet::render::{self, Model, Page, Route};
use factsheet::theme::Theme;

fn main() {
    divan::main();
}

fn sample() -> Site {
    let mut diags = Diagnostics::default();
    factsheet::content::load::load(Path::new(env!("CARGO_MANIFEST_DIR")), &mut diags)
        .expect("sample site")
}

fn sheet_bytes() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/de/work.en.md")).unwrap()
}

#[divan::bench]
fn front_matter_and_validation(bencher: divan::Bencher) {
    let bytes = sheet_bytes();
    let place = Place::new("de", "work", "en", "en", "content/de/work.en.md".into());
    bencher.bench(|| {
        let text = factsheet::text::decode(&bytes).unwrap();
        let split = frontmatter::split(&text).unwrap();
        let mut diags = Diagnostics::default();
        sheet::read(Path::new("x.md"), &split, &place, &mut diags)
    });
}

#[divan::bench]
fn markdown_to_safe_html(bencher: divan::Bencher) {
    let text = String::from_utf8(sheet_bytes()).unwrap();
    let body = frontmatter::split(&text).unwrap().body;
    bencher.bench(|| render::markdown::render(&body));
}

#[divan::bench]
fn fluent_plural_message(bencher: divan::Bencher) {
    let site = sample();
    bencher.bench(|| {
        let args = factsheet::l10n::args(&[("count", fluent_bundle::FluentValue::from(22))]);
        site.l10n
            .format(&site.config, "sr-Latn", "sheets-count", Some(&args))
    });
}

#[divan::bench]
fn sheet_page_template(bencher: divan::Bencher) {
    let site = sample();
    let theme = Theme::load(&site.root, &|p| p.to_path_buf()).unwrap();
    let model = Model::new(&site, "2026-11-23".parse().unwrap(), "https://example.org/");
    // Templates compile once per model; this is one page through them.
    let html = render::html::Html::new(&model, &theme, true).unwrap();
    bencher.bench(|| {
        html.render(Page::Sheet {
            lang: "mk",
            sheet: 0,
        })
        .unwrap()
    });
}

#[divan::bench(sample_count = 20)]
fn handout_pdf(bencher: divan::Bencher) {
    let site = sample();
    let theme = Theme::load(&site.root, &|p| p.to_path_buf()).unwrap();
    let model = Model::new(&site, "2026-11-23".parse().unwrap(), "https://example.org/");
    let typesetter = render::pdf::typesetter(&theme, model.today);
    let Some(Route::Pdf(route)) = model.parse("sq/de/work/handout.pdf") else {
        panic!("the sample has no Albanian handout of de/work");
    };
    bencher.bench(|| {
        render::pdf::render(&model, &typesetter, route)
            .unwrap()
            .unwrap()
    });
}
