//! `factsheet serve`: the preview server (see `crate::serve`).

use super::{Ctx, Error, Outcome, Result};

pub fn run(
    ctx: &Ctx,
    bind: &str,
    port: u16,
    no_pdf: bool,
    cache: Option<std::path::PathBuf>,
) -> Result {
    let opts = crate::serve::Preview {
        root: ctx.cli.root.clone(),
        bind: bind.to_string(),
        port,
        today: ctx.cli.today,
        pdf: !no_pdf,
        cache,
        quiet: ctx.cli.quiet,
    };
    crate::serve::run(opts).map_err(Error::Serve)?;
    Ok(Outcome::Clean)
}
