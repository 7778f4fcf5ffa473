//! `factsheet serve`: the preview server (see `crate::serve`).

use super::{Ctx, Error, Outcome, Result};

pub fn run(ctx: &Ctx, bind: &str, port: u16, no_pdf: bool) -> Result {
    let opts = crate::serve::Options {
        root: ctx.cli.root.clone(),
        bind: bind.to_string(),
        port,
        today: ctx.cli.today,
        pdf: !no_pdf,
        quiet: ctx.cli.quiet,
    };
    match crate::serve::run(opts) {
        Ok(()) => Ok(Outcome::Clean),
        Err(msg) => {
            eprintln!("error: {msg}");
            Err(Error::Reported)
        }
    }
}
