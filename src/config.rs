//! `content/site.yaml`: the site's title, address, languages and routes.

use std::path::Path;

use crate::diagnostics::{Code, Diagnostics, did_you_mean};
use crate::lang::{Direction, is_valid_tag};
use crate::yaml::reader::{Reader, Spanned, get};
use crate::yaml::{self, Pos};

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub base_url: String,
    pub source_language: String,
    pub review_interval_days: u32,
    pub warning_days: u32,
    /// How `sources` and `review` fetch (`source_*` keys).
    pub fetch: FetchConfig,
    pub routes: Vec<String>,
    pub languages: Vec<LanguageConfig>,
}

#[derive(Debug, Clone)]
pub struct LanguageConfig {
    pub tag: String,
    /// The language's name in itself ("Shqip", "Српски").
    pub name: String,
    pub dir: Direction,
    /// Languages to show, in order, where this one has no translation.
    pub fallback: Vec<String>,
    /// Produced by rule from another language.
    pub derive: Option<String>,
    /// The CLDR locale for dates, when the tag has no data of its own
    /// (Montenegrin `cnr` → `sr-Latn`).
    pub locale: Option<String>,
}

/// Politeness and safety limits for fetching sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchConfig {
    /// Pause between two requests to one host.
    pub delay_ms: u32,
    /// Hosts fetched at once.
    pub hosts: u32,
    /// Whole-response time-out.
    pub timeout_seconds: u32,
    /// Largest body, compressed or not.
    pub max_mib: u32,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            delay_ms: 1000,
            hosts: 8,
            timeout_seconds: 30,
            max_mib: 10,
        }
    }
}

const FETCH_KEYS: [(&str, u32, u32); 4] = [
    ("source_delay_ms", 0, 60_000),
    ("source_hosts", 1, 64),
    ("source_timeout_seconds", 1, 300),
    ("source_max_mib", 1, 100),
];

const TOP_KEYS: &[&str] = &[
    "title",
    "base_url",
    "source_language",
    "review_interval_days",
    "warning_days",
    "source_delay_ms",
    "source_hosts",
    "source_timeout_seconds",
    "source_max_mib",
    "routes",
    "languages",
];
const LANG_KEYS: &[&str] = &["tag", "name", "dir", "fallback", "derive", "locale"];

impl SiteConfig {
    /// The languages to try, in order, for a reader of `tag`: itself, its
    /// fallback chain, then the source language, so that no page is ever
    /// empty.
    pub fn chain<'a>(&'a self, tag: &'a str) -> Vec<&'a str> {
        let mut out = vec![tag];
        if let Some(lang) = self.language(tag) {
            for f in &lang.fallback {
                if !out.contains(&f.as_str()) {
                    out.push(f);
                }
            }
        }
        if !out.contains(&self.source_language.as_str()) {
            out.push(&self.source_language);
        }
        out
    }

    pub fn language(&self, tag: &str) -> Option<&LanguageConfig> {
        self.languages.iter().find(|l| l.tag == tag)
    }

    pub fn tags(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.tag.as_str())
    }

    /// Parses `text` (the contents of `file`); every problem goes to
    /// `diags`, and `None` means the configuration is unusable.
    pub fn parse(text: &str, file: &Path, diags: &mut Diagnostics) -> Option<SiteConfig> {
        let before = diags.errors();
        let root = match yaml::parse(text) {
            Ok(node) => node,
            Err(e) => {
                diags.push(e.into_diagnostic(file, 0));
                return None;
            }
        };
        let mut r = Reader {
            file,
            line_offset: 0,
            diags,
        };
        let entries = r.map(&root, "site.yaml")?;
        r.check_keys(entries, TOP_KEYS, "site.yaml", &|_| None);
        let top = Pos { line: 1, col: 1 };
        let title = r.required(
            entries,
            "title",
            top,
            "site.yaml",
            "My fact sheets",
            |r, n| r.text(n, "title"),
        );
        let base_url = r.required(
            entries,
            "base_url",
            top,
            "site.yaml",
            "https://example.org/",
            |r, n| r.url(n, "base_url"),
        );
        let source = r.required(
            entries,
            "source_language",
            top,
            "site.yaml",
            "en",
            |r, n| r.text(n, "source_language"),
        );
        let interval = match get(entries, "review_interval_days") {
            Some(n) => r.number(n, "review_interval_days", 1, 3650),
            None => Some(180),
        };
        let warning = match get(entries, "warning_days") {
            Some(n) => r.number(n, "warning_days", 0, 3650),
            None => Some(30),
        };
        let mut fetch = FetchConfig::default();
        for (key, min, max) in FETCH_KEYS {
            let Some(v) = get(entries, key).and_then(|n| r.number(n, key, min, max)) else {
                continue;
            };
            *match key {
                "source_delay_ms" => &mut fetch.delay_ms,
                "source_hosts" => &mut fetch.hosts,
                "source_timeout_seconds" => &mut fetch.timeout_seconds,
                _ => &mut fetch.max_mib,
            } = v;
        }
        let routes = r.required(
            entries,
            "routes",
            top,
            "site.yaml",
            "[work, study]",
            read_routes,
        );
        let languages = r.required(
            entries,
            "languages",
            top,
            "site.yaml",
            "[...]",
            read_languages,
        );

        let (
            Some(title),
            Some(base_url),
            Some(source),
            Some(interval),
            Some(warning),
            Some(routes),
            Some(languages),
        ) = (
            title, base_url, source, interval, warning, routes, languages,
        )
        else {
            return None;
        };
        let config = SiteConfig {
            title: title.value,
            base_url: base_url.value,
            source_language: source.value.clone(),
            review_interval_days: interval,
            warning_days: warning,
            fetch,
            routes,
            languages: languages.iter().map(|l| l.config.clone()).collect(),
        };
        check_languages(&mut r, &config, &source, &languages);
        (r.diags.errors() == before).then_some(config)
    }
}

fn read_routes(r: &mut Reader, node: &yaml::Node) -> Option<Vec<String>> {
    let mut routes: Vec<String> = Vec::new();
    for item in r.seq(node, "routes")? {
        let Some(route) = r.text(item, "routes") else {
            continue;
        };
        if !crate::text::is_slug(&route.value) || route.value.starts_with('_') {
            r.error(
                item.pos,
                Code::BadRoute,
                format!("route `{}` is not a valid name", route.value),
                "use lower-case letters, digits and hyphens, e.g. seasonal-work",
            );
        } else if routes.contains(&route.value) {
            r.error(
                item.pos,
                Code::Duplicate,
                format!("route `{}` is listed twice", route.value),
                "remove one",
            );
        } else {
            routes.push(route.value);
        }
    }
    Some(routes)
}

fn read_languages(r: &mut Reader, node: &yaml::Node) -> Option<Vec<LangRead>> {
    let mut out = Vec::new();
    for item in r.seq(node, "languages")? {
        let Some(entries) = r.map(item, "a language") else {
            continue;
        };
        r.check_keys(entries, LANG_KEYS, "a language", &|_| None);
        let ctx = "this language";
        let tag = r.required(entries, "tag", item.pos, ctx, "sq", |r, n| r.text(n, "tag"));
        let name = r.required(entries, "name", item.pos, ctx, "Shqip", |r, n| {
            r.text(n, "name")
        });
        let dir = match get(entries, "dir") {
            None => Some(Direction::Ltr),
            Some(n) => match r.text(n, "dir").map(|d| d.value).as_deref() {
                // Already reported; go on, so that every language is checked.
                None => None,
                Some("ltr") => Some(Direction::Ltr),
                Some("rtl") => Some(Direction::Rtl),
                Some(other) => {
                    r.error(
                        n.pos,
                        Code::BadValue,
                        format!("`dir: {other}` is not a direction"),
                        "write `dir: ltr` or `dir: rtl`",
                    );
                    None
                }
            },
        };
        let fallback = match get(entries, "fallback") {
            None => Some(Vec::new()),
            Some(n) => r.seq(n, "fallback").map(|items| {
                items
                    .iter()
                    .filter_map(|i| r.text(i, "fallback"))
                    .collect::<Vec<_>>()
            }),
        };
        let derive = match get(entries, "derive") {
            None => Some(None),
            Some(n) => read_derive(r, n).map(Some),
        };
        if let (Some(tag), Some(name), Some(dir), Some(fallback), Some(derive)) =
            (tag, name, dir, fallback, derive)
        {
            if !is_valid_tag(&tag.value) {
                r.error(
                    item.pos,
                    Code::BadLanguage,
                    format!("`{}` is not a BCP 47 language tag", tag.value),
                    "write e.g. sq, sr-Cyrl, sr-Latn, mk",
                );
                continue;
            }
            let lang = LanguageConfig {
                tag: tag.value,
                name: name.value,
                dir,
                fallback: fallback.iter().map(|f| f.value.clone()).collect(),
                derive: derive.map(|d| d.value),
                locale: get(entries, "locale")
                    .and_then(|n| r.text(n, "locale"))
                    .map(|l| l.value),
            };
            // Fallback entries are checked once all tags are known.
            out.push(LangRead {
                config: lang,
                pos: tag.pos,
                fallback,
            });
        }
    }
    Some(out)
}

/// A language as read, with the places of its tag and fallback entries.
struct LangRead {
    config: LanguageConfig,
    pos: Pos,
    fallback: Vec<Spanned<String>>,
}

fn read_derive(r: &mut Reader, node: &yaml::Node) -> Option<Spanned<String>> {
    let entries = r.map(node, "derive")?;
    r.check_keys(entries, &["from", "by"], "derive", &|_| None);
    let from = r.required(entries, "from", node.pos, "derive", "sr-Cyrl", |r, n| {
        r.text(n, "from")
    })?;
    let by = r.required(
        entries,
        "by",
        node.pos,
        "derive",
        "transliterate",
        |r, n| r.text(n, "by"),
    )?;
    if by.value != "transliterate" {
        r.error(
            node.pos,
            Code::BadValue,
            format!("`by: {}` is not a way to derive a language", by.value),
            "the only rule is `by: transliterate` (Serbian Cyrillic to Latin)",
        );
        return None;
    }
    Some(from)
}

fn check_languages(
    r: &mut Reader,
    config: &SiteConfig,
    source: &Spanned<String>,
    langs: &[LangRead],
) {
    let tags: Vec<&str> = config.tags().collect();
    let unknown = |r: &mut Reader, tag: &str, pos: Pos, what: &str| {
        let hint = did_you_mean(tag, tags.iter().copied()).unwrap_or_else(|| {
            format!("add it to `languages`, or use one of: {}", tags.join(", "))
        });
        r.error_abs(
            pos,
            Code::UnknownLanguage,
            format!("{what} `{tag}` is not one of the site's languages"),
            hint,
        );
    };
    if config.language(&source.value).is_none() {
        unknown(r, &source.value, source.pos, "source_language");
    }
    for (i, read) in langs.iter().enumerate() {
        let lang = &read.config;
        // URLs use the tag in lower case: `sr-Cyrl` and `sr-cyrl` would
        // share a folder.
        if let Some(first) = langs[..i]
            .iter()
            .find(|l| l.config.tag.eq_ignore_ascii_case(&lang.tag))
        {
            let message = if first.config.tag == lang.tag {
                format!("language `{}` is listed twice", lang.tag)
            } else {
                format!(
                    "language `{}` is `{}` in another case; both would have the address /{}/",
                    lang.tag,
                    first.config.tag,
                    crate::lang::url_segment(&lang.tag)
                )
            };
            r.error_abs(read.pos, Code::Duplicate, message, "remove one");
        }
        for f in &read.fallback {
            if config.language(&f.value).is_none() {
                unknown(r, &f.value, f.pos, "fallback");
            } else if f.value == lang.tag {
                r.error_abs(
                    f.pos,
                    Code::BadFallback,
                    format!("`{}` falls back to itself", lang.tag),
                    "remove it from its own fallback list",
                );
            }
        }
        if let Some(from) = &lang.derive {
            match config.language(from) {
                None => unknown(r, from, read.pos, "derive.from"),
                Some(base) if base.derive.is_some() => r.error_abs(
                    read.pos,
                    Code::BadDerive,
                    format!(
                        "`{}` is derived from `{from}`, which is itself derived",
                        lang.tag
                    ),
                    "derive from a language that editors write",
                ),
                Some(_) if lang.tag == config.source_language => r.error_abs(
                    read.pos,
                    Code::BadDerive,
                    "the source language cannot be derived",
                    "remove `derive` from it",
                ),
                Some(_) => {}
            }
        }
    }
}
