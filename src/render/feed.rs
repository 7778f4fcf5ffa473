//! An Atom feed per language: its sheets, newest review first.

use super::{File, Model, Route, escape_xml};

pub fn render(model: &Model, lang: &str) -> File {
    let site = model.site;
    let mut entries: Vec<usize> = (0..model.sheets.len()).collect();
    entries.sort_by(|&a, &b| {
        let (a, b) = (&model.sheets[a], &model.sheets[b]);
        (b.facts.last_reviewed.value, a.destination, a.route).cmp(&(
            a.facts.last_reviewed.value,
            b.destination,
            b.route,
        ))
    });
    let updated = entries
        .first()
        .map(|&i| model.sheets[i].facts.last_reviewed.value);
    let title = site
        .l10n
        .format(&site.config, lang, "site-title", None)
        .unwrap_or_else(|| site.config.title.clone());
    let feed_url = model.absolute(&model.url(Route::Feed { lang }));
    let home = model.absolute(&model.url(Route::Home { lang }));
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape_xml(lang)
    ));
    x.push_str(&format!("  <title>{}</title>\n", escape_xml(&title)));
    x.push_str(&format!("  <id>{}</id>\n", escape_xml(&feed_url)));
    x.push_str(&format!(
        "  <link rel=\"self\" href=\"{}\"/>\n",
        escape_xml(&feed_url)
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" href=\"{}\"/>\n",
        escape_xml(&home)
    ));
    let stamp = |d: jiff::civil::Date| format!("{d}T00:00:00Z");
    x.push_str(&format!(
        "  <updated>{}</updated>\n",
        updated.map_or_else(|| stamp(model.today), stamp)
    ));
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape_xml(&title)
    ));
    for i in entries {
        let s = &model.sheets[i];
        let Some(text) = model.text(i, lang) else {
            continue;
        };
        let url = model.absolute(&model.url(Route::Sheet { lang, sheet: i }));
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <title>{}</title>\n", escape_xml(&text.title)));
        x.push_str(&format!("    <id>{}</id>\n", escape_xml(&url)));
        x.push_str(&format!(
            "    <link rel=\"alternate\" href=\"{}\"/>\n",
            escape_xml(&url)
        ));
        x.push_str(&format!(
            "    <updated>{}</updated>\n",
            stamp(s.facts.last_reviewed.value)
        ));
        x.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape_xml(&text.summary)
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    File {
        path: model.file_path(super::Route::Feed { lang }),
        bytes: x.into_bytes(),
    }
}
