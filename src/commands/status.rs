//! `factsheet status`: the freshness and translation matrix.

use anstyle::{AnsiColor, Style};
use serde_json::json;

use super::{Ctx, Outcome, Result, plural, usage};
use crate::cli::StatusFormat;
use crate::content::Site;
use crate::content::names::OVERVIEW;
use crate::content::state::{PageState, SheetState, Shown};
use crate::diagnostics::{Format, did_you_mean};
use crate::freshness::{Currency, Freshness};

pub fn run(
    ctx: &Ctx,
    format: StatusFormat,
    lang: Option<&str>,
    destination: Option<&str>,
) -> Result {
    let (site, diags) = ctx.load()?;
    let config = &site.config;
    if let Some(l) = lang.filter(|l| config.language(l).is_none()) {
        let hint = did_you_mean(l, config.tags()).unwrap_or_default();
        return Err(usage(format!(
            "`{l}` is not one of the site's languages {hint}"
        )));
    }
    if let Some(d) = destination.filter(|d| !site.destinations.contains_key(*d)) {
        let hint =
            did_you_mean(d, site.destinations.keys().map(String::as_str)).unwrap_or_default();
        return Err(usage(format!("the site has no destination `{d}` {hint}")));
    }
    let langs: Vec<&str> = config
        .tags()
        .filter(|t| lang.is_none_or(|l| l == *t))
        .collect();
    // Overviews state facts too: each comes first among its destination's.
    let mut sheets: Vec<SheetState> = site
        .overviews(ctx.today)
        .into_iter()
        .chain(site.sheets(ctx.today))
        .filter(|s| destination.is_none_or(|d| d == s.destination))
        .collect();
    sheets.sort_by_key(|s| (s.destination, s.route != OVERVIEW));

    match format {
        StatusFormat::Json => {
            let out = json!({
                "version": 1,
                "today": ctx.today.to_string(),
                "languages": langs,
                "sheets": sheets.iter().map(|s| sheet_json(&site, s, &langs)).collect::<Vec<_>>(),
            });
            let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
            text.push('\n');
            super::stdout(&text)?;
        }
        StatusFormat::Table => {
            let color = ctx.color_stdout();
            super::stdout(&table(
                &site,
                &sheets,
                &langs,
                &config.source_language,
                color,
            ))?;
        }
    }
    if diags.errors() > 0 {
        ctx.print(&diags, Format::Human);
    }
    let count = |f: Freshness| sheets.iter().filter(|s| s.review.status == f).count();
    let pages = || {
        sheets
            .iter()
            .flat_map(|s| s.pages.iter())
            .filter(|p| langs.contains(&p.lang.as_str()))
    };
    let cur = |c: Currency| pages().filter(|p| p.translation == Some(c)).count();
    ctx.summary(&format!(
        "{}: {} fresh, {} due soon, {} overdue, {} expired, {} invalid; translations: {} current, {} outdated, {} missing{}",
        {
            let overviews = sheets.iter().filter(|s| s.route == OVERVIEW).count();
            let mut what = plural(sheets.len() - overviews, "sheet", "sheets");
            if overviews > 0 {
                what.push_str(&format!(", {}", plural(overviews, "overview", "overviews")));
            }
            what
        },
        count(Freshness::Fresh),
        count(Freshness::DueSoon),
        count(Freshness::Overdue),
        count(Freshness::Expired),
        count(Freshness::InvalidDate),
        cur(Currency::Current),
        cur(Currency::Outdated),
        cur(Currency::Missing),
        if diags.errors() > 0 {
            format!("; {} in the content (run `factsheet check`)", plural(diags.errors(), "error", "errors"))
        } else {
            String::new()
        }
    ));
    Ok(if diags.errors() > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// Of an outdated translation, how many segments changed in the source
/// since it was made, and how many there are.
fn stale_of(site: &Site, s: &SheetState, lang: &str) -> Option<(usize, usize)> {
    if s.page(lang)?.translation != Some(Currency::Outdated) {
        return None;
    }
    crate::po::align::stale_of(site, s, lang).map(|(parts, total)| (parts.segments, total))
}

fn sheet_json(site: &Site, s: &SheetState, langs: &[&str]) -> serde_json::Value {
    let f = s.inherited;
    json!({
        "destination": s.destination,
        "route": s.route,
        "file": s.source.path,
        "last_reviewed": f.last_reviewed.value.to_string(),
        "next_review": f.next_review.as_ref().map(|d| d.value.to_string()),
        "valid_until": f.valid_until.as_ref().map(|d| d.value.to_string()),
        "due": s.review.due.to_string(),
        "status": s.review.status.as_str(),
        "source_hash": s.hash,
        "languages": s.pages.iter().filter(|p| langs.contains(&p.lang.as_str())).map(|p| {
            let stale = stale_of(site, s, &p.lang);
            json!({
                "lang": p.lang,
                "status": s.review.status.as_str(),
                "due": s.review.due.to_string(),
                "translation": p.translation.map(Currency::as_str),
                "shown": p.shown,
                "stale_segments": stale.map(|x| x.0),
                "segments": stale.map(|x| x.1),
            })
        }).collect::<Vec<_>>(),
    })
}

/// A cell: its text, plain and with symbols, and its colour.
struct Cell {
    plain: String,
    fancy: String,
    style: Style,
}

fn fg(c: AnsiColor) -> Style {
    Style::new().fg_color(Some(c.into()))
}

fn freshness_cell(f: Freshness) -> Cell {
    let (symbol, word, color) = match f {
        Freshness::Fresh => ("●", "fresh", AnsiColor::Green),
        Freshness::DueSoon => ("◐", "due-soon", AnsiColor::Yellow),
        Freshness::Overdue => ("✗", "OVERDUE", AnsiColor::Red),
        Freshness::Expired => ("✗", "EXPIRED", AnsiColor::Red),
        Freshness::InvalidDate => ("✗", "BAD-DATE", AnsiColor::Red),
    };
    Cell {
        plain: word.into(),
        fancy: format!("{symbol} {word}"),
        style: fg(color),
    }
}

fn page_cell(p: &PageState, stale: Option<(usize, usize)>) -> Cell {
    let derived = matches!(p.shown, Shown::Derived { .. });
    let mark = if derived { "*" } else { "" };
    match (p.translation, &p.shown) {
        (Some(Currency::Missing), Shown::Fallback { lang }) => Cell {
            plain: format!("missing>{lang}"),
            fancy: format!("· → {lang}"),
            style: Style::new().dimmed(),
        },
        (Some(Currency::Outdated), _) => {
            // How much changed, when history tells: `OUTDATED 3/41`.
            let part = stale.map_or(String::new(), |(n, of)| format!(" {n}/{of}"));
            Cell {
                plain: format!("OUTDATED{mark}{part}"),
                fancy: format!("✗ outdated{mark}{part}"),
                style: fg(AnsiColor::Red),
            }
        }
        _ => Cell {
            plain: format!("current{mark}"),
            fancy: format!("✓ current{mark}"),
            style: fg(AnsiColor::Green),
        },
    }
}

/// Rows are sheets, columns languages; the source language's column shows
/// the review state, the others the translation state.
fn table(site: &Site, sheets: &[SheetState], langs: &[&str], source: &str, color: bool) -> String {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let head = |s: &str| Cell {
        plain: s.to_string(),
        fancy: s.to_string(),
        style: Style::new().bold(),
    };
    let mut header = vec![head("sheet"), head("due")];
    header.extend(langs.iter().map(|l| head(l)));
    rows.push(header);
    for s in sheets {
        let text = |t: String| Cell {
            plain: t.clone(),
            fancy: t,
            style: Style::new(),
        };
        let mut row = vec![
            text(format!("{}/{}", s.destination, s.route)),
            text(s.review.due.to_string()),
        ];
        for l in langs {
            let Some(p) = s.pages.iter().find(|p| p.lang == *l) else {
                continue;
            };
            row.push(if *l == source {
                freshness_cell(s.review.status)
            } else {
                page_cell(p, stale_of(site, s, l))
            });
        }
        rows.push(row);
    }
    let cols = rows.first().map_or(0, Vec::len);
    let width = |c: &Cell| {
        if color {
            c.fancy.chars().count()
        } else {
            c.plain.chars().count()
        }
    };
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(width)
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            let pad = widths
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(width(cell));
            if color {
                line.push_str(&format!(
                    "{}{}{}",
                    cell.style.render(),
                    cell.fancy,
                    cell.style.render_reset()
                ));
            } else {
                line.push_str(&cell.plain);
            }
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let legend = if color {
        format!(
            "\n{source}: review state · others: ✓ current, ✗ outdated, · → shown instead · * derived by transliteration\n"
        )
    } else {
        format!(
            "\n{source}: review state; others: current, OUTDATED, missing>LANG (shown instead); * derived by transliteration\n"
        )
    };
    out.push_str(&legend);
    out
}
