//! The integration tests: one binary, so that Typst is linked once, with a
//! module per area. They run the real `factsheet` binary on fixture sites
//! copied to temporary folders (`common`).

mod common;

mod build;
mod cache;
mod changes;
mod check;
mod commands;
mod diff;
mod faults;
mod finder;
mod fuzz_regressions;
mod hostile;
mod l10n;
mod mutations;
mod pack;
mod pdf;
mod po;
mod sample;
mod serve;
mod snapshot;
