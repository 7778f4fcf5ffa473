//! `factsheet sources`: fetch every source, compare its text with the
//! record, print what changed, update the record.

use serde::Serialize;

use super::{Ctx, Error, Outcome, Result, io, plural, usage};
use crate::content::Site;
use crate::content::sheet::Doc;
use crate::diagnostics::Format;
use crate::watch::fetch::Fetcher;
use crate::watch::record::{self, Status};
use crate::watch::{self, Job, state};

/// One source of one sheet, as reported.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// `source`, or `link` (`--links`: only whether it answers).
    pub kind: &'static str,
    pub url: String,
    pub sheet: String,
    pub line: usize,
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub facts: Vec<FactEntry>,
}

/// A key fact's quote, looked for on its source.
#[derive(Debug, Serialize)]
pub struct FactEntry {
    pub label: String,
    /// The source's 1-based position.
    pub source: usize,
    pub quote: String,
    pub line: usize,
    /// None when there is no text to look in (failed fetch, bytes only).
    pub found: Option<bool>,
}

#[derive(Serialize)]
struct Report<'a> {
    sources: &'a [Entry],
}

/// The source documents a list of `dest/route` names or paths picks;
/// every one when the list is empty.
pub fn pick<'s>(site: &'s Site, names: &[String]) -> Result<Vec<&'s Doc>> {
    let docs = state::source_docs(site);
    if names.is_empty() {
        return Ok(docs);
    }
    let mut out = Vec::new();
    for n in names {
        let n = n.trim_end_matches('/');
        let hits: Vec<&Doc> = docs
            .iter()
            .copied()
            .filter(|d| {
                let p = d.path.to_string_lossy();
                let name = d.path.file_name().and_then(|f| f.to_str()).unwrap_or("");
                let route = name.split('.').next().unwrap_or("");
                let dest = d
                    .path
                    .parent()
                    .and_then(|p| p.file_name())
                    .and_then(|f| f.to_str())
                    .unwrap_or("");
                p == n || p.ends_with(&format!("/{n}")) || format!("{dest}/{route}") == n
            })
            .collect();
        if hits.is_empty() {
            return Err(usage(format!(
                "`{n}` is not a source sheet of the site: name it as de/work or by its file"
            )));
        }
        out.extend(hits);
    }
    Ok(out)
}

pub fn jobs(docs: &[&Doc]) -> Vec<Job> {
    docs.iter()
        .filter_map(|d| d.inherited())
        .flat_map(|f| f.sources.iter())
        .map(|s| Job {
            url: s.url.clone(),
            selector: s.selector.clone(),
            ignore: s.ignore.clone(),
        })
        .collect()
}

pub fn run(ctx: &Ctx, names: &[String], links: bool, format: Format) -> Result {
    let (site, _) = ctx.load()?;
    let docs = pick(&site, names)?;
    let fetcher = Fetcher::new(&site.config.fetch, &site.config.base_url);
    let jobs = jobs(&docs);
    let hosts = site.config.fetch.hosts as usize;
    let outcomes = watch::run(&fetcher, &site.root, &jobs, hosts, ctx.today);
    let mut entries = Vec::new();
    for (url, got) in &outcomes {
        let o = got
            .as_ref()
            .map_err(|e| usage(format!("cannot read the record of {url}: {e}")))?;
        record::save(&site.root, &o.record)
            .map_err(io("write", &record::path_of(&site.root, url)))?;
    }
    for doc in &docs {
        let Some(f) = doc.inherited() else { continue };
        for (i, s) in f.sources.iter().enumerate() {
            let Some(Ok(o)) = outcomes.get(&s.url) else {
                continue;
            };
            let text = o.record.seen_text().filter(|_| !o.record.seen.bytes_only);
            let facts = doc
                .text
                .key_facts
                .iter()
                .filter(|k| k.source.as_ref().is_some_and(|x| x.value == i))
                .filter_map(|k| {
                    let q = k.quote.as_ref()?;
                    Some(FactEntry {
                        label: k.label.value.clone(),
                        source: i + 1,
                        quote: q.value.clone(),
                        line: k.label.pos.line,
                        found: text.map(|t| watch::text::contains_quote(t, &q.value)),
                    })
                })
                .collect();
            entries.push(Entry {
                kind: "source",
                url: s.url.clone(),
                sheet: relative(&site, &doc.path),
                line: s.pos.line,
                status: o.status.as_str(),
                moved_to: o.moved_to.clone(),
                http_status: o.http_status,
                diff: diff_of(&o.record),
                detail: o.detail.clone(),
                facts,
            });
        }
    }
    if links {
        entries.extend(check_links(&site, &docs, &fetcher, hosts));
    }
    let attention = entries
        .iter()
        .filter(|e| {
            !matches!(e.status, "unchanged" | "alive")
                || e.facts.iter().any(|f| f.found == Some(false))
        })
        .count();
    match format {
        Format::Json => {
            let json = serde_json::to_string_pretty(&Report { sources: &entries })
                .map_err(|e| Error::Usage(e.to_string()))?;
            super::stdout(&format!("{json}\n"))?;
        }
        Format::Github => super::stdout(&github(&entries))?,
        Format::Human => super::stdout(&human(&entries))?,
    }
    ctx.summary(&format!(
        "sources: {} checked, {} to look at",
        plural(entries.len(), "source", "sources"),
        attention
    ));
    Ok(if attention > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// A file as the JSON names it: relative to the site's root.
fn relative(site: &Site, path: &std::path::Path) -> String {
    path.strip_prefix(&site.root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The word diff from the confirmed text to the one last seen, when they
/// differ and are texts.
fn diff_of(rec: &record::Record) -> Option<String> {
    let (c, t) = (rec.confirmed.as_ref()?, rec.seen_text()?);
    (rec.changed_since_review() && !rec.seen.bytes_only)
        .then(|| super::diff::word_diff(&c.text, t, false))
}

/// `--links`: every other external link, alive or not.
fn check_links(site: &Site, docs: &[&Doc], fetcher: &Fetcher, hosts: usize) -> Vec<Entry> {
    let links = crate::watch::links::collect(site, docs);
    let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
    let got = watch::by_host(&urls, hosts, |u| watch::link_status(fetcher, u));
    links
        .iter()
        .map(|l| {
            let bad = got.get(&l.url).cloned().flatten();
            let (status, http_status, moved_to, detail) = match bad {
                None => ("alive", None, None, None),
                Some((Status::Moved, code, to)) => ("moved", code, Some(to), None),
                Some((st, code, why)) => (st.as_str(), code, None, Some(why)),
            };
            Entry {
                kind: "link",
                url: l.url.clone(),
                sheet: relative(site, &l.file),
                line: l.line,
                status,
                moved_to,
                http_status,
                diff: None,
                detail,
                facts: Vec::new(),
            }
        })
        .collect()
}

fn human(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        out.push_str(&format!("{}:{}: {} {}", e.sheet, e.line, e.status, e.url));
        if let Some(c) = e.http_status.filter(|c| *c != 200) {
            out.push_str(&format!(" (HTTP {c})"));
        }
        if let Some(m) = &e.moved_to {
            out.push_str(&format!(" → {m}"));
        }
        out.push('\n');
        if let Some(d) = &e.detail {
            out.push_str(&format!("    {d}\n"));
        }
        if let Some(d) = &e.diff {
            for l in d.lines() {
                out.push_str(&format!("    {l}\n"));
            }
        }
        for f in e.facts.iter().filter(|f| f.found == Some(false)) {
            out.push_str(&format!(
                "{}:{}: unsupported: key fact `{}`: \"{}\" is no longer on the page\n",
                e.sheet, f.line, f.label, f.quote
            ));
        }
    }
    out
}

/// GitHub annotations: `%`, CR and LF escaped as the runner expects.
fn github(entries: &[Entry]) -> String {
    let esc = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let prop = |s: &str| esc(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for e in entries
        .iter()
        .filter(|e| !matches!(e.status, "unchanged" | "alive"))
    {
        let mut msg = format!("{} {}", e.status, e.url);
        if let Some(m) = &e.moved_to {
            msg.push_str(&format!(" → {m}"));
        }
        if let Some(d) = e.diff.as_ref().or(e.detail.as_ref()) {
            msg.push('\n');
            msg.push_str(d);
        }
        out.push_str(&format!(
            "::warning file={},line={},title={}-{}::{}\n",
            prop(&e.sheet),
            e.line,
            e.kind,
            e.status,
            esc(&msg)
        ));
    }
    for e in entries {
        for f in e.facts.iter().filter(|f| f.found == Some(false)) {
            out.push_str(&format!(
                "::warning file={},line={},title=fact-unsupported::{}\n",
                prop(&e.sheet),
                f.line,
                esc(&format!(
                    "key fact `{}`: \"{}\" is no longer on {}",
                    f.label, f.quote, e.url
                ))
            ));
        }
    }
    out
}
