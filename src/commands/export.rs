//! `factsheet export`: every translation as a gettext PO file, and every
//! sheet as a PO template, for translation platforms. Segments whose
//! source changed since the translation was made (found in git history,
//! as `diff` does) are fuzzy, with the old source text beside them.

use std::path::Path;

use super::{Ctx, Outcome, Result, plural, usage};
use crate::content::{Files, Site};
use crate::freshness::Currency;
use crate::po;
use crate::po::align::Aligned;

pub fn run(ctx: &Ctx, langs: &[String], out: Option<&Path>) -> Result {
    let (site, _) = ctx.load()?;
    let c = &site.config;
    let out = out.map_or_else(
        || crate::content::display_path(&ctx.cli.root, Path::new("po")),
        Path::to_path_buf,
    );
    for l in langs {
        let Some(language) = c.language(l) else {
            let hint = crate::diagnostics::did_you_mean(l, c.tags())
                .map(|h| format!(" {h}"))
                .unwrap_or_default();
            return Err(usage(format!(
                "`{l}` is not one of the site's languages{hint}"
            )));
        };
        if *l == c.source_language {
            return Err(usage(format!(
                "`{l}` is the source language: its text is the msgid of every file (see po/templates/)"
            )));
        }
        if let Some(from) = &language.derive {
            return Err(usage(format!(
                "`{l}` is made from {from} by rule: export {from}, whose translation it follows"
            )));
        }
    }
    // Translated by people: not the source, not a derived language.
    let targets: Vec<&str> = c
        .languages
        .iter()
        .filter(|l| l.tag != c.source_language && l.derive.is_none())
        .map(|l| l.tag.as_str())
        .filter(|t| langs.is_empty() || langs.iter().any(|l| l == t))
        .collect();
    let (mut files, mut fuzzy, mut missing) = (0, 0, 0);
    let mut written = Vec::new();
    for (dest, d) in &site.destinations {
        let sheets = std::iter::once((crate::content::names::OVERVIEW, &d.overview))
            .chain(d.sheets.iter().map(|(r, f)| (r.as_str(), f)));
        for (route, f) in sheets {
            let Some(source) = &f.source else { continue };
            let name = format!("{dest}/{route}");
            let template = Aligned::new(&source.text, None, None);
            let path = out
                .join("templates")
                .join(dest)
                .join(format!("{route}.pot"));
            written.push((
                path,
                po::write(&template.catalog(header(&site, &name, "", &source.hash, ctx))),
            ));
            for &lang in &targets {
                let aligned = aligned(&site, dest, route, f, lang);
                let (fz, ms) = aligned.counts();
                fuzzy += fz;
                missing += ms;
                let path = out.join(lang).join(dest).join(format!("{route}.po"));
                written.push((
                    path,
                    po::write(&aligned.catalog(header(&site, &name, lang, &source.hash, ctx))),
                ));
            }
        }
    }
    for (path, text) in &written {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(super::io("create", dir))?;
        }
        std::fs::write(path, text).map_err(super::io("write", path))?;
        files += 1;
    }
    ctx.summary(&format!(
        "exported {} to {} ({} fuzzy, {} untranslated)",
        plural(files, "file", "files"),
        out.display(),
        fuzzy,
        missing
    ));
    Ok(Outcome::Clean)
}

/// The translation in `lang` against today's source, aligned through the
/// version it was made from when the source has changed since.
pub fn aligned(site: &Site, dest: &str, route: &str, f: &Files, lang: &str) -> Aligned {
    let Some(source) = &f.source else {
        return Aligned {
            source: Vec::new(),
            translated: Vec::new(),
        };
    };
    let Some(tr) = f.translations.get(lang) else {
        return Aligned::new(&source.text, None, None);
    };
    let current = site.page_state(f, &source.hash, lang).translation == Some(Currency::Current);
    if current {
        return Aligned::new(&source.text, Some(&tr.text), Some(&source.text));
    }
    let base = crate::history::source_of(site, dest, route, tr);
    Aligned::new(&source.text, Some(&tr.text), base.as_ref())
}

fn header(site: &Site, sheet: &str, lang: &str, hash: &str, ctx: &Ctx) -> Vec<(String, String)> {
    let date = format!("{} 00:00+0000", ctx.today);
    let mut h = vec![
        (
            "Project-Id-Version".to_string(),
            format!("{} {sheet}", site.config.title),
        ),
        ("POT-Creation-Date".into(), date.clone()),
        ("PO-Revision-Date".into(), date),
        ("Last-Translator".into(), String::new()),
        ("Language-Team".into(), String::new()),
        ("Language".into(), lang.to_string()),
        ("MIME-Version".into(), "1.0".into()),
        ("Content-Type".into(), "text/plain; charset=UTF-8".into()),
        ("Content-Transfer-Encoding".into(), "8bit".into()),
    ];
    if !lang.is_empty() {
        h.push(("Plural-Forms".into(), po::plural_forms(lang).into()));
    }
    h.push(("X-Factsheet-Sheet".into(), sheet.to_string()));
    h.push(("X-Factsheet-Source-Hash".into(), hash.to_string()));
    h
}
