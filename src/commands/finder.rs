//! `factsheet finder`: the route finder's whole flow, for editors.

use super::{Ctx, Outcome, Result, usage};
use crate::cli::FinderFormat;
use crate::finder::draw;

pub fn run(ctx: &Ctx, format: FinderFormat) -> Result {
    let (site, _) = ctx.load()?;
    let Some(finder) = &site.finder else {
        return Err(usage(
            "the site has no content/finder.yaml: docs/editors.md explains how to add one",
        ));
    };
    let sheets = site.sheets(ctx.today);
    let flow = crate::finder::flow(finder, &sheets);
    let names: Vec<String> = sheets
        .iter()
        .map(|s| format!("{}/{}", s.destination, s.route))
        .collect();
    let text = match format {
        FinderFormat::Dot => draw::dot(finder, &flow, &names),
        FinderFormat::Text => draw::text(finder, &flow, &names),
    };
    super::stdout(&text)?;
    Ok(Outcome::Clean)
}
