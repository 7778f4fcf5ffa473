//! The route finder ("which legal routes are open to me?"): questions and
//! outcomes from `content/finder.yaml` (`model.rs`), each source sheet's
//! conditions from its front matter, the flow of pages they make
//! (`flow.rs`, pure), `check`'s rules about both (`check.rs`) and the
//! drawing `factsheet finder` prints (`draw.rs`).

pub mod check;
pub mod draw;
pub mod flow;
pub mod model;

pub use flow::{Flow, Rules, Step, Target};
pub use model::Finder;

/// The flow of `finder` over `sheets` (problems are `check`'s to report).
pub fn flow(finder: &Finder, sheets: &[crate::content::model::SheetState]) -> Flow {
    let mut ignored = crate::diagnostics::Diagnostics::default();
    Flow::new(check::rules(finder, sheets, &mut ignored))
}
