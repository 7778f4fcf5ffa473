//! `factsheet pack`: one PDF for one visitor: their topics in their
//! language, each followed by a second language if asked, with their
//! centre's address and hours on the cover.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{Ctx, Outcome, Result, plural, usage};
use crate::diagnostics::Format;
use crate::edit::write_atomically;
use crate::pipeline;
use crate::render::pdf::pack::{self, Pack};

pub struct PackArgs<'a> {
    pub sheets: &'a [String],
    pub lang: &'a str,
    pub also: Option<&'a str>,
    pub centre: Option<&'a str>,
    pub out: Option<&'a Path>,
}

pub fn run(ctx: &Ctx, opts: PackArgs) -> Result {
    let started = Instant::now();
    let options = pipeline::PrepareOptions {
        today: ctx.today,
        base_url: None,
        pdf: true,
        strict: false,
        // A pack is made once, for one visitor.
        cache: None,
    };
    let failed = |errors: usize| {
        format!(
            "no pack made: {} in the content (run `factsheet check`)",
            plural(errors, "error", "errors")
        )
    };
    let (prepared, published) = match ctx.prepare(&options, &failed)? {
        Ok(p) => p,
        Err(outcome) => return Ok(outcome),
    };
    let model = prepared.model();
    let pack =
        Pack::parse(&model, opts.sheets, opts.lang, opts.also, opts.centre).map_err(usage)?;
    let out: PathBuf = opts.out.map_or_else(
        || {
            PathBuf::from(format!(
                "pack-{}-{}.pdf",
                crate::lang::url_segment(pack.lang),
                ctx.today
            ))
        },
        Path::to_path_buf,
    );
    if out.is_dir() {
        return Err(usage(format!(
            "{} is a folder: give a file name, e.g. --out pack.pdf",
            out.display()
        )));
    }
    // The counsellor hears of anything stale in the sheets being printed
    // (each page of the PDF carries its warning too).
    let mut packed = crate::diagnostics::Diagnostics::default();
    for d in published.iter() {
        let ours = d.file.as_ref().is_some_and(|f| {
            let f = f.to_string_lossy();
            pack.sheets.iter().any(|&i| {
                let s = &model.sheets[i];
                f.contains(&format!("content/{}/{}.", s.destination, s.route))
            })
        });
        if ours {
            packed.push(d.clone());
        }
    }
    ctx.print(&ctx.visible(&packed), Format::Human);
    let Some(typesetter) = prepared.typesetter.as_deref() else {
        return Err(usage("the theme has no PDF templates"));
    };
    let bytes = match pack::render(&model, typesetter, &pack) {
        Ok(b) => b,
        Err(d) => {
            ctx.print(&d.into(), Format::Human);
            return Ok(Outcome::Problems);
        }
    };
    write_atomically(&out, &bytes).map_err(super::io("write", &out))?;
    let words = crate::render::view::Words::new(model.site, pack.lang);
    let langs = match pack.also {
        Some(a) => format!("{} and {}", words.name_of(pack.lang), words.name_of(a)),
        None => words.name_of(pack.lang),
    };
    ctx.summary(&format!(
        "wrote {}: {} in {langs}{} in {:.2} s",
        out.display(),
        plural(pack.sheets.len(), "sheet", "sheets"),
        pack.centre
            .map(|c| format!(", for {}", c.town))
            .unwrap_or_default(),
        started.elapsed().as_secs_f64()
    ));
    Ok(Outcome::Clean)
}
