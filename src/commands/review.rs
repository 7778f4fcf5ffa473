//! `factsheet review`: the reviewer's one command. Fetches a sheet's
//! sources again and records them as confirmed, then moves the sheet's
//! review dates in place. A source that cannot be fetched stops the
//! sheet's dates.

use std::path::{Path, PathBuf};

use super::{Ctx, Error, Outcome, Result, plural};
use crate::content::Site;
use crate::content::names::{OVERVIEW, sheet_path};
use crate::edit::{Dates, redate, write_atomically};
use crate::watch::fetch::Fetcher;
use crate::watch::record::{self, Record, Snapshot, Status};
use crate::watch::{self, Job};

pub fn run(ctx: &Ctx, files: &[PathBuf], only: Option<&str>, offline: bool) -> Result {
    let (site, _) = ctx.load()?;
    let fetcher = Fetcher::new(&site.config.fetch, &site.config.base_url);
    let (mut reviewed, mut failed, mut bad_usage) = (0, false, false);
    for file in files {
        match review_one(ctx, &site, &fetcher, file, only, offline) {
            Ok(true) => reviewed += 1,
            Ok(false) => failed = true,
            Err(msg) => {
                eprintln!("error: {msg}");
                bad_usage = true;
            }
        }
    }
    ctx.summary(&format!("reviewed {}", plural(reviewed, "sheet", "sheets")));
    if bad_usage {
        Err(Error::Reported)
    } else if failed {
        Ok(Outcome::Problems)
    } else {
        Ok(Outcome::Clean)
    }
}

/// Ok(false): a source could not be fetched, so nothing moved.
fn review_one(
    ctx: &Ctx,
    site: &Site,
    fetcher: &Fetcher,
    file: &Path,
    only: Option<&str>,
    offline: bool,
) -> Result<bool, String> {
    let (dest, route, lang) = super::locate(site, file)?;
    let c = &site.config;
    if lang != c.source_language {
        let source = site.display_path(&sheet_path(&dest, &route, &c.source_language));
        return Err(format!(
            "{} is a translation: its dates are its source's; review {}",
            file.display(),
            source.display()
        ));
    }
    let files = site.destinations.get(&dest).and_then(|d| {
        if route == OVERVIEW {
            Some(&d.overview)
        } else {
            d.sheets.get(&route)
        }
    });
    let rel = sheet_path(&dest, &route, &lang);
    let shown = site.display_path(&rel);
    let Some(doc) = files.and_then(|f| f.source.as_ref()) else {
        return Err(format!(
            "{} could not be read; fix its errors first",
            shown.display()
        ));
    };
    let Some(inherited) = doc.inherited() else {
        return Err(format!("{} has no sources", shown.display()));
    };
    let picked: Vec<usize> = inherited
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| only.is_none_or(|u| u == s.url))
        .map(|(i, _)| i)
        .collect();
    if let (Some(u), true) = (only, picked.is_empty()) {
        return Err(format!(
            "{u} is not one of the sources of {}",
            shown.display()
        ));
    }
    let mut confirmed = Vec::new();
    let mut ok = true;
    for &i in &picked {
        let s = &inherited.sources[i];
        let old = record::load(&site.root, &s.url)?;
        let rec = if offline {
            old.unwrap_or_else(|| Record::new(&s.url))
        } else {
            let job = Job {
                url: s.url.clone(),
                selector: s.selector.clone(),
                ignore: s.ignore.clone(),
            };
            let o = watch::watch_one(fetcher, &job, old, ctx.today);
            if !o.fetched {
                eprintln!(
                    "{}:{}: {} {}: {}",
                    shown.display(),
                    s.pos.line,
                    o.status.as_str(),
                    s.url,
                    o.detail.as_deref().unwrap_or("")
                );
                ok = false;
                // What was seen is still worth keeping.
                record::save(&site.root, &o.record).map_err(|e| e.to_string())?;
                continue;
            }
            o.record
        };
        confirmed.push(rec);
    }
    if !ok {
        eprintln!(
            "{}: not reviewed: the sources above could not be fetched (or use --offline)",
            shown.display()
        );
        return Ok(false);
    }
    for mut rec in confirmed {
        if let (Some(hash), Some(text)) =
            (rec.seen.hash.clone(), rec.seen_text().map(str::to_string))
        {
            rec.confirmed = Some(Snapshot {
                date: ctx.today,
                hash,
                text,
            });
            if rec.seen.status != Some(Status::Moved) {
                rec.seen.status = Some(Status::Unchanged);
            }
            rec.seen.text = None;
            record::save(&site.root, &rec).map_err(|e| e.to_string())?;
        }
    }
    let next = ctx
        .today
        .checked_add(jiff::Span::new().days(i64::from(c.review_interval_days)))
        .map_err(|e| e.to_string())?;
    let real = site.root.join(&rel);
    let bytes =
        std::fs::read(&real).map_err(|e| format!("cannot read {}: {e}", shown.display()))?;
    let dates = Dates {
        last_reviewed: ctx.today,
        next_review: next,
        checked: &picked,
    };
    let Some(new) = redate(&bytes, &dates) else {
        return Err(format!(
            "{}: cannot place the dates; write `last_reviewed: {}` and each source's `checked:` by hand",
            shown.display(),
            ctx.today
        ));
    };
    if new != bytes {
        write_atomically(&real, &new)
            .map_err(|e| format!("cannot write {}: {e}", shown.display()))?;
    }
    Ok(true)
}
