//! The site's other external links, for `sources --links`: links in the
//! sheets' texts, contacts' and centres' addresses. Only whether they
//! answer is checked, never their text.

use std::path::PathBuf;

use crate::content::Site;

/// One external link and the first place it is written.
#[derive(Debug, Clone)]
pub struct Link {
    pub url: String,
    pub file: PathBuf,
    pub line: usize,
}

/// Every http(s) link of the site that is not a source, each once, in the
/// order of the files.
pub fn collect(site: &Site, docs: &[&crate::content::sheet::Doc]) -> Vec<Link> {
    let sources: Vec<&str> = docs
        .iter()
        .filter_map(|d| d.inherited())
        .flat_map(|f| f.sources.iter().map(|s| s.url.as_str()))
        .collect();
    let mut out: Vec<Link> = Vec::new();
    let mut add = |url: &str, file: &PathBuf, line: usize| {
        let web = url.starts_with("https://") || url.starts_with("http://");
        if web && !sources.contains(&url) && !out.iter().any(|l| l.url == url) {
            out.push(Link {
                url: url.to_string(),
                file: file.clone(),
                line,
            });
        }
    };
    let all = site
        .destinations
        .values()
        .flat_map(|d| std::iter::once(&d.overview).chain(d.sheets.values()))
        .flat_map(|f| f.source.iter().chain(f.translations.values()));
    for doc in all {
        if !docs.iter().any(|d| d.path == doc.path)
            && !docs.iter().any(|d| same_sheet(&d.path, &doc.path))
        {
            continue;
        }
        // The body is the file's last lines: its first line's number is
        // what comes before it.
        let before = std::fs::read_to_string(&doc.path)
            .map(|t| {
                t.lines()
                    .count()
                    .saturating_sub(doc.text.body.lines().count())
            })
            .unwrap_or(0);
        for (event, range) in pulldown_cmark::Parser::new(&doc.text.body).into_offset_iter() {
            if let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) = event
            {
                let line = before + 1 + doc.text.body[..range.start].matches('\n').count();
                add(&dest_url, &doc.path, line);
            }
        }
        for c in doc
            .inherited()
            .map(|f| f.contacts.as_slice())
            .unwrap_or_default()
        {
            if let Some(u) = &c.url {
                add(u, &doc.path, 1);
            }
        }
    }
    let centres = site.display_path(std::path::Path::new("content/centres.yaml"));
    for c in &site.centres {
        if let Some(u) = &c.url {
            add(u, &centres, 1);
        }
    }
    out
}

/// Two files of one sheet: same folder, same route.
fn same_sheet(a: &std::path::Path, b: &std::path::Path) -> bool {
    let route = |p: &std::path::Path| {
        p.file_name()
            .and_then(|f| f.to_str())
            .and_then(|f| f.split('.').next())
            .map(str::to_string)
    };
    a.parent() == b.parent() && route(a) == route(b)
}
