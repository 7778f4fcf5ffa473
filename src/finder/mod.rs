//! The route finder ("which legal routes are open to me?"): from the
//! questions and outcomes of `content/finder.yaml` (read in
//! `content::finder`) and each source sheet's conditions, the flow of
//! pages they make (`flow.rs`, pure), `check`'s rules about both
//! (`check.rs`) and the drawing `factsheet finder` prints (`draw.rs`).

pub mod check;
pub mod draw;
pub mod flow;

pub use crate::content::finder::Finder;
pub use flow::{Flow, Rules, Step, Target};

/// The flow of `finder` over `sheets` (problems are `check`'s to report).
pub fn flow(finder: &Finder, sheets: &[crate::content::state::SheetState]) -> Flow {
    let mut ignored = crate::diagnostics::Diagnostics::default();
    Flow::new(check::rules(finder, sheets, &mut ignored))
}
