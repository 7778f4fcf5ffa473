//! UI strings: the Fluent files under `translations/`, one per language,
//! formatted through each language's fallback chain. A derived language
//! (`sr-Latn`) gets its strings by transliterating its base language's,
//! unless its own file has the message.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::ResolverError;
use fluent_bundle::resolver::errors::ReferenceKind;
use fluent_bundle::{FluentArgs, FluentError, FluentResource};
use icu::calendar::Gregorian;
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::YMD;
use icu::locale::Locale;
use jiff::civil::Date;
use rustc_hash::FxHashMap;

use crate::config::SiteConfig;
use crate::diagnostics::Code;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::lang::translit;
use crate::yaml::Pos;

pub mod clock;
mod limits;
mod read;
mod refs;

pub use read::read_ftl_text;
use read::{BUILTIN_EN, broken, read_ftl};

/// One language's Fluent file, parsed.
pub struct LangFile {
    pub path: PathBuf,
    /// Message ids and where they are defined.
    pub ids: BTreeMap<String, Pos>,
    /// Messages that cannot be formatted, and why (see `refs`).
    broken: BTreeMap<String, String>,
    bundle: FluentBundle<FluentResource>,
}

impl LangFile {
    /// Messages that cannot be formatted: they refer to themselves in a
    /// cycle, or to a message or term that does not exist.
    pub fn check_references(&self, is_source: bool, diags: &mut Diagnostics) {
        for (id, pos) in &self.ids {
            if let Some(Err(problem)) = self.format(id, None) {
                let message = format!("message `{id}` {problem}");
                let d = if is_source {
                    Diagnostic::error(Code::FluentReference, message)
                } else {
                    Diagnostic::warning(Code::FluentReference, message)
                };
                diags.push(
                    d.file(&self.path)
                        .at(pos.line, pos.col)
                        .hint(if is_source {
                            "refer only to messages and terms that exist, without a loop back to this one"
                        } else {
                            "until it is fixed, readers see the text of the next language in the fallback chain"
                        }),
                );
            }
        }
    }

    /// The message `id` formatted with `args`; None if there is no such
    /// message, Err if it is broken. A missing variable is not broken: the
    /// caller's arguments are checked by tests.
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> Option<Result<String, String>> {
        let value = self.bundle.get_message(id)?.value()?;
        if let Some(problem) = self.broken.get(id) {
            return Some(Err(problem.clone()));
        }
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(value, args, &mut errors);
        Some(match broken(&errors) {
            Some(problem) => Err(problem),
            None => Ok(text.into_owned()),
        })
    }
}

type DateFormatter = FixedCalendarDateTimeFormatter<Gregorian, YMD>;

/// One language's messages as formatted, by id (None: no such message).
type Formatted = FxHashMap<Box<str>, Option<String>>;

#[derive(Default)]
pub struct L10n {
    pub files: BTreeMap<String, LangFile>,
    /// The default theme's English strings, used when a site's own files
    /// lack a message the theme needs.
    builtin: Option<LangFile>,
    /// CLDR long dates per language (`23 nëntor 2026`, `23. новембар 2026.`).
    dates: BTreeMap<String, DateFormatter>,
    /// CLDR day names and times per language, for opening hours.
    clocks: BTreeMap<String, clock::Clock>,
    /// Messages without arguments as formatted, by (language, id): a build
    /// asks for the same few on every page.
    plain: RwLock<FxHashMap<Box<str>, Formatted>>,
}

impl L10n {
    /// Reads `dir/<tag>.ftl` for every file there. `display` turns a path
    /// into the form shown in diagnostics.
    pub fn load(
        dir: &Path,
        config: &SiteConfig,
        display: &dyn Fn(&Path) -> PathBuf,
        diags: &mut Diagnostics,
    ) -> L10n {
        let mut files = BTreeMap::new();
        let mut present = std::collections::BTreeSet::new();
        // A symlinked folder is not followed (reported by the loader).
        let linked = std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink());
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) if !linked => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
            _ => Vec::new(),
        };
        entries.sort();
        for path in entries {
            let shown = display(&path);
            let Some(tag) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".ftl"))
            else {
                continue;
            };
            if config.language(tag).is_none() {
                let hint = did_you_mean(tag, config.tags()).unwrap_or_else(|| {
                    "add the language to content/site.yaml, or remove the file".into()
                });
                diags.push(
                    Diagnostic::warning(
                        Code::UnknownLanguage,
                        format!("`{tag}` is not one of the site's languages"),
                    )
                    .file(&shown)
                    .hint(hint),
                );
                continue;
            }
            if path.is_symlink() || !path.is_file() {
                continue;
            }
            present.insert(tag.to_string());
            if let Some(file) = read_ftl(&path, &shown, tag, diags) {
                files.insert(tag.to_string(), file);
            }
        }
        for l in &config.languages {
            // A file that exists but cannot be read has its own error.
            if present.contains(&l.tag) || l.derive.is_some() {
                continue;
            }
            let path = display(&dir.join(format!("{}.ftl", l.tag)));
            let d = if l.tag == config.source_language {
                Diagnostic::error(
                    Code::MissingFtl,
                    format!("no UI strings for the source language `{}`", l.tag),
                )
            } else {
                Diagnostic::warning(
                    Code::MissingFtl,
                    format!(
                        "no UI strings for `{}`: its readers see fallback text",
                        l.tag
                    ),
                )
            };
            diags.push(
                d.file(path)
                    .hint("create the file with every message of the source language's file"),
            );
        }
        let locale = |l: &crate::config::LanguageConfig| {
            Locale::try_from_str(l.locale.as_deref().unwrap_or(&l.tag)).ok()
        };
        let dates = config
            .languages
            .iter()
            .filter_map(|l| {
                let f = DateFormatter::try_new((&locale(l)?).into(), YMD::long()).ok()?;
                Some((l.tag.clone(), f))
            })
            .collect();
        let clocks = config
            .languages
            .iter()
            .filter_map(|l| Some((l.tag.clone(), clock::Clock::new(&locale(l)?)?)))
            .collect();
        let builtin = read_ftl_text(
            BUILTIN_EN.to_string(),
            Path::new("(built-in en.ftl)"),
            "en",
            &mut Diagnostics::default(),
        );
        L10n {
            files,
            builtin,
            dates,
            clocks,
            plain: RwLock::default(),
        }
    }

    /// `lang`'s clock (day names, times), if CLDR has one.
    pub fn clock(&self, lang: &str) -> Option<&clock::Clock> {
        self.clocks.get(lang)
    }

    /// `date` in `lang`'s long format from CLDR; ISO 8601 if there is none.
    pub fn format_date(&self, lang: &str, date: Date) -> String {
        let d = icu::calendar::Date::try_new_gregorian(
            i32::from(date.year()),
            date.month() as u8,
            date.day() as u8,
        );
        match (self.dates.get(lang), d) {
            (Some(f), Ok(d)) => f.format(&d).to_string(),
            _ => date.to_string(),
        }
    }

    pub fn has(&self, lang: &str, id: &str) -> bool {
        self.files.get(lang).is_some_and(|f| f.ids.contains_key(id))
    }

    /// Formats `id` for a reader of `lang`, through its fallback chain.
    pub fn format(
        &self,
        config: &SiteConfig,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Option<String> {
        if args.is_none() {
            if let Some(known) = self
                .plain
                .read()
                .ok()
                .and_then(|m| m.get(lang)?.get(id).cloned())
            {
                return known;
            }
            let formatted = self.format_uncached(config, lang, id, None);
            if let Ok(mut m) = self.plain.write() {
                m.entry(lang.into())
                    .or_default()
                    .insert(id.into(), formatted.clone());
            }
            return formatted;
        }
        self.format_uncached(config, lang, id, args)
    }

    fn format_uncached(
        &self,
        config: &SiteConfig,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Option<String> {
        config
            .chain(lang)
            .into_iter()
            .find_map(|l| self.format_in(config, l, id, args))
            .or_else(|| self.builtin.as_ref()?.format(id, args)?.ok())
    }

    /// Formats `id` in `lang` itself (or by derivation), without fallback.
    pub fn format_in(
        &self,
        config: &SiteConfig,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Option<String> {
        if let Some(file) = self.files.get(lang)
            && file.bundle.has_message(id)
        {
            // A broken message (a cycle, an unknown reference) reads as the
            // next language in the chain would have it; `check` reports it.
            return file.format(id, args)?.ok();
        }
        let base = config.language(lang)?.derive.as_deref()?;
        self.format_in(config, base, id, args)
            .map(|s| translit::sr_cyrl_to_latn(&s))
    }

    /// Whether `lang` can show `id` without falling back.
    pub fn covers(&self, config: &SiteConfig, lang: &str, id: &str) -> bool {
        self.has(lang, id)
            || config
                .language(lang)
                .and_then(|l| l.derive.as_deref())
                .is_some_and(|base| self.covers(config, base, id))
    }

    /// Messages that cannot be formatted, in every file: an error in the
    /// source language, a warning in others (readers get the fallback's
    /// text, as for a missing message).
    pub fn check_references(&self, config: &SiteConfig, diags: &mut Diagnostics) {
        for (tag, file) in &self.files {
            file.check_references(*tag == config.source_language, diags);
        }
    }

    /// Every message of the source language should exist in every other
    /// language; a gap is a warning where a fallback covers it.
    pub fn check_completeness(&self, config: &SiteConfig, diags: &mut Diagnostics) {
        let Some(source) = self.files.get(&config.source_language) else {
            return;
        };
        for (tag, file) in &self.files {
            if *tag == config.source_language {
                continue;
            }
            for id in source.ids.keys() {
                if self.covers(config, tag, id) {
                    continue;
                }
                let shown = config
                    .chain(tag)
                    .into_iter()
                    .skip(1)
                    .find(|l| self.covers(config, l, id))
                    .unwrap_or(&config.source_language);
                diags.push(
                    Diagnostic::warning(
                        Code::MissingMessage,
                        format!("message `{id}` is not translated into {tag}"),
                    )
                    .file(&file.path)
                    .hint(format!(
                        "add `{id} = ...`; until then readers see the {shown} text"
                    )),
                );
            }
            for (id, pos) in &file.ids {
                if !source.ids.contains_key(id) {
                    let hint = did_you_mean(id, source.ids.keys().map(String::as_str))
                        .unwrap_or_else(|| {
                            format!("add it to {} first, or remove it", source.path.display())
                        });
                    diags.push(
                        Diagnostic::warning(
                            Code::UnknownMessage,
                            format!("message `{id}` does not exist in the source language"),
                        )
                        .file(&file.path)
                        .at(pos.line, pos.col)
                        .hint(hint),
                    );
                }
            }
        }
    }
}

/// Fluent arguments from name/value pairs.
pub fn args<'a>(pairs: &[(&'a str, fluent_bundle::FluentValue<'a>)]) -> FluentArgs<'a> {
    let mut a = FluentArgs::new();
    for (k, v) in pairs {
        a.set(Cow::Borrowed(*k), v.clone());
    }
    a
}
