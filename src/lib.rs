//! factsheet: multilingual fact sheets on legal migration routes.
//!
//! The pipeline ([`pipeline`]): [`content::load`] reads a site
//! ([`content::Site`]); [`validate`] finds every problem across files;
//! [`freshness`] judges each sheet and translation against one day;
//! [`render::Model`] is the site on that day, and [`render`]'s renderers
//! turn each of its routes ([`render::Route`]) into a file, which
//! [`output`] publishes atomically. [`edit`] changes sheets in place; the
//! [`commands`] only present results.

// Diagnostics are returned by value on cold paths; boxing them buys nothing.
#![allow(clippy::result_large_err)]

pub mod cli;
pub mod commands;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod edit;
pub mod finder;
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
pub mod watch;
pub mod yaml;
