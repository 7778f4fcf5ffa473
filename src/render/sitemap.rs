//! `sitemap.xml`: every page, with its other languages as hreflang
//! alternates and the source language as `x-default`.

use super::{Build, File, Page, escape_xml};

pub fn render(build: &Build, pages: &[Page]) -> File {
    let config = &build.site.config;
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for page in pages {
        if matches!(page, Page::NotFound) {
            continue;
        }
        x.push_str("  <url>\n");
        x.push_str(&format!(
            "    <loc>{}</loc>\n",
            escape_xml(&build.absolute(&build.url(*page)))
        ));
        if let Page::Sheet { sheet, .. } = page {
            x.push_str(&format!(
                "    <lastmod>{}</lastmod>\n",
                build.sheets[*sheet].facts.last_reviewed.value
            ));
        }
        if !matches!(page, Page::Chooser) {
            for l in &config.languages {
                let href = build.absolute(&build.url(page.in_lang(&l.tag)));
                x.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    escape_xml(&l.tag),
                    escape_xml(&href)
                ));
            }
            let default = build.absolute(&build.url(page.in_lang(&config.source_language)));
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
