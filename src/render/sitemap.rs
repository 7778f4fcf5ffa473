//! `sitemap.xml`: every page, with its other languages as hreflang
//! alternates and the source language as `x-default`.

use super::{File, Model, Route, escape_xml};

pub fn render(model: &Model, pages: &[Route]) -> File {
    let config = &model.site.config;
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for page in pages {
        if matches!(page, Route::NotFound) {
            continue;
        }
        x.push_str("  <url>\n");
        x.push_str(&format!(
            "    <loc>{}</loc>\n",
            escape_xml(&model.absolute(&model.url(*page)))
        ));
        if let Route::Sheet { sheet, .. } = page {
            x.push_str(&format!(
                "    <lastmod>{}</lastmod>\n",
                model.sheets[*sheet].facts.last_reviewed.value
            ));
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
