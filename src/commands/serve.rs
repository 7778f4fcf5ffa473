//! `factsheet serve`: the preview server (see `crate::serve`).

use super::{Ctx, USAGE};

pub fn run(ctx: &Ctx, bind: &str, port: u16, no_pdf: bool) -> Result<u8, u8> {
    let opts = crate::serve::Options {
        root: ctx.cli.root.clone(),
        bind: bind.to_string(),
        port,
        today: ctx.cli.today,
        pdf: !no_pdf,
        quiet: ctx.cli.quiet,
    };
    match crate::serve::run(opts) {
        Ok(()) => Ok(super::OK),
        Err(msg) => {
            eprintln!("error: {msg}");
            Err(USAGE)
        }
    }
}
