//! `factsheet new`: scaffold a source sheet, or a translation prefilled
//! with the source's text.

use super::{Ctx, Outcome, Result, usage};
use crate::content::doc::Part;
use crate::content::names::{self, is_country_code};
use crate::diagnostics::{Format, did_you_mean};
use crate::yaml::quote;

pub fn run(ctx: &Ctx, destination: &str, route: &str, lang: Option<&str>) -> Result {
    let (site, diags) = ctx.load()?;
    let c = &site.config;
    if !is_country_code(destination) {
        let hint = if is_country_code(&destination.to_lowercase()) {
            format!("write it in lower case: {}", destination.to_lowercase())
        } else {
            did_you_mean(destination, names::country_codes()).unwrap_or_default()
        };
        return Err(usage(format!(
            "`{destination}` is not an ISO 3166-1 alpha-2 country code {hint}"
        )));
    }
    if !c.routes.iter().any(|r| r == route) {
        let hint = did_you_mean(route, c.routes.iter().map(String::as_str))
            .unwrap_or_else(|| format!("routes are: {}", c.routes.join(", ")));
        return Err(usage(format!(
            "`{route}` is not a route of this site; {hint}"
        )));
    }
    let lang = lang.unwrap_or(&c.source_language);
    if c.language(lang).is_none() {
        let hint = did_you_mean(lang, c.tags()).unwrap_or_default();
        return Err(usage(format!(
            "`{lang}` is not one of the site's languages {hint}"
        )));
    }
    let rel = names::sheet_path(destination, route, lang);
    let (real, shown) = (site.root.join(&rel), site.display_path(&rel));
    if real.exists() {
        return Err(usage(format!("{} already exists", shown.display())));
    }
    let today = ctx.today;
    let text = if lang == c.source_language {
        source_scaffold(destination, route, &today.to_string())
    } else {
        let files = site
            .destinations
            .get(destination)
            .and_then(|d| d.sheets.get(route));
        let Some(source) = files.and_then(|f| f.source.as_ref()) else {
            let src = site.display_path(&names::sheet_path(destination, route, &c.source_language));
            if diags.has_errors_in(&src) {
                ctx.print(&diags, Format::Human);
                eprintln!(
                    "error: {} has errors; fix them before translating it",
                    src.display()
                );
                return Ok(Outcome::Problems);
            }
            return Err(usage(format!(
                "there is no source sheet {} to translate; create it first with `factsheet new {destination} {route}`",
                src.display()
            )));
        };
        translation_scaffold(&source.text, &c.source_language, &shown)
    };
    if let Some(parent) = real.parent() {
        std::fs::create_dir_all(parent).map_err(super::io("create", parent))?;
    }
    std::fs::write(&real, text).map_err(super::io("write", &shown))?;
    let next = if lang == c.source_language {
        "fill in every TODO, then run `factsheet check`".to_string()
    } else {
        format!(
            "it holds the source text and is not stamped: translate it, then run `factsheet stamp {}`",
            shown.display()
        )
    };
    ctx.summary(&format!("created {}: {next}", shown.display()));
    Ok(Outcome::Clean)
}

fn source_scaffold(destination: &str, route: &str, today: &str) -> String {
    format!(
        "---
title: \"TODO: a clear title\"
summary: \"TODO: one or two sentences for lists, search results and feeds.\"
destination: {destination}
route: {route}
last_reviewed: {today}
# next_review: YYYY-MM-DD   (optional; default: last_reviewed + review_interval_days)
# valid_until: YYYY-MM-DD   (optional: when these rules stop applying)
sources:
  - title: \"TODO: the official source\"
    url: https://TODO.example/
    checked: {today}
key_facts:
  - label: fee
    value: \"TODO\"
contacts: []
---
> Check every fact against the official sources before you publish this sheet.

TODO: introduce the route in two or three sentences.

## Who can use this route

## Step by step

1. 

## Costs

## Watch out
"
    )
}

fn translation_scaffold(
    source: &crate::content::sheet::Text,
    from: &str,
    file: &std::path::Path,
) -> String {
    let mut s = String::from("---\n");
    for part in source.parts() {
        match part {
            Part::Title(t) => s.push_str(&format!("title: {}\n", quote(t))),
            Part::Summary(t) => s.push_str(&format!("summary: {}\n", quote(t))),
            Part::KeyFact {
                index,
                label,
                value,
            } => {
                if index == 0 {
                    s.push_str("key_facts:\n");
                }
                s.push_str(&format!(
                    "  - label: {label}\n    value: {}\n",
                    quote(value)
                ));
            }
            // After the front matter, as written.
            Part::Body(_) => {}
        }
    }
    // Not stamped: an untranslated scaffold must not count as current.
    s.push_str(&format!(
        "translation:\n  from: {from}\n  # Not stamped yet: translate this file, then run `factsheet stamp {}`\n  source_hash:\n",
        file.display()
    ));
    s.push_str("---\n");
    s.push_str(&source.body);
    s
}
