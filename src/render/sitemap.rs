//! `sitemap.xml`: every page and feed, with its other languages as
//! hreflang alternates and the source language as `x-default`.

use super::{File, Model, Route, escape_xml};

pub fn render(model: &Model) -> File {
    let config = &model.site.config;
    let pages: Vec<Route> = model
        .routes(false)
        .into_iter()
        .filter(|r| r.is_page() || matches!(r, Route::Feed { .. } | Route::DestinationFeed { .. }))
        .collect();
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for page in &pages {
        if matches!(page, Route::NotFound) {
            continue;
        }
        x.push_str("  <url>\n");
        x.push_str(&format!(
            "    <loc>{}</loc>\n",
            escape_xml(&model.absolute(&model.url(*page)))
        ));
        if let Route::Sheet { sheet, .. } = page {
            // The day its words last changed for readers, or were checked.
            let s = &model.sheets[*sheet];
            let newest_note = s.source.text.changes.first().map(|c| c.date.value);
            let last = s
                .facts
                .last_reviewed
                .value
                .max(newest_note.unwrap_or_default());
            x.push_str(&format!("    <lastmod>{last}</lastmod>\n"));
        }
        if !matches!(page, Route::Chooser) {
            for l in &config.languages {
                let href = model.absolute(&model.url(page.in_lang(&l.tag)));
                x.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    escape_xml(&l.tag),
                    escape_xml(&href)
                ));
            }
            let default = model.absolute(&model.url(page.in_lang(&config.source_language)));
            x.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n",
                escape_xml(&default)
            ));
        }
        x.push_str("  </url>\n");
    }
    x.push_str("</urlset>\n");
    File {
        path: "sitemap.xml".into(),
        bytes: x.into_bytes(),
    }
}
