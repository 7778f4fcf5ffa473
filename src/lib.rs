//! factsheet: multilingual fact sheets on legal migration routes.
//!
//! The pipeline: [`content::load`] reads a site into the model
//! ([`content::Site`]); [`validate`] finds every problem across files;
//! [`freshness`] judges each sheet and translation against one day; the
//! [`commands`] show the result.

// Diagnostics are returned by value on cold paths; boxing them buys nothing.
#![allow(clippy::result_large_err)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod freshness;
pub mod history;
pub mod l10n;
pub mod lang;
pub mod output;
pub mod paper;
pub mod paths;
pub mod pipeline;
pub mod po;
pub mod render;
pub mod serve;
pub mod text;
pub mod theme;
pub mod validate;
pub mod yaml;
