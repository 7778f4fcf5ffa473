//! HTML pages through the theme's Tera templates. Fluent messages are a
//! template function: `{{ t(id="sheets-count", lang=lang, count=3) }}`.

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;
use serde_json::{Map, Value, json};
use tera::Tera;

use super::view::{self, SheetView, Words, content_lang};
use super::{File, Model, Route, share};
use crate::config::SiteConfig;
use crate::content::model::{PageState, SheetState};
use crate::diagnostics::{Code, Diagnostic};
use crate::freshness::Freshness;
use crate::l10n::L10n;
use crate::lang::{Direction, og_locale};
use crate::theme::Theme;

pub struct Html<'b, 'a> {
    build: &'b Model<'a>,
    tera: Tera,
    /// Whether handouts and booklets are built (and so linked).
    pdf: bool,
}

/// The template function `t`.
struct Translate(Arc<L10n>, Arc<SiteConfig>);

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let get = |k: &str| {
            args.get(k)
                .and_then(Value::as_str)
                .ok_or_else(|| tera::Error::msg(format!("t(): `{k}` is missing")))
        };
        let (id, lang) = (get("id")?, get("lang")?);
        let mut fluent = FluentArgs::new();
        for (k, v) in args
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "id" | "lang"))
        {
            let value = match v {
                Value::Number(n) => match n.as_i64() {
                    Some(i) => FluentValue::from(i),
                    None => FluentValue::from(n.as_f64().unwrap_or(0.0)),
                },
                Value::String(s) => FluentValue::from(s.clone()),
                other => FluentValue::from(other.to_string()),
            };
            fluent.set(k.clone(), value);
        }
        let fluent = (fluent.iter().next().is_some()).then_some(&fluent);
        self.0
            .format(&self.1, lang, id, fluent)
            .map(Value::String)
            .ok_or_else(|| {
                tera::Error::msg(format!(
                    "no Fluent message `{id}` for `{lang}` or its fallbacks"
                ))
            })
    }
}

impl<'b, 'a> Html<'b, 'a> {
    pub fn new(build: &'b Model<'a>, theme: &Theme, pdf: bool) -> Result<Self, Diagnostic> {
        let mut tera = Tera::default();
        tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|(n, s)| (n.as_str(), s.as_str())),
        )
        .map_err(|e| template_error("the theme's templates do not compile", &e))?;
        tera.register_function(
            "t",
            Translate(Arc::clone(&build.site.l10n), Arc::clone(&build.site.config)),
        );
        // Tera's default also escapes `/`, which bloats every URL.
        tera.set_escape_fn(super::escape_xml);
        Ok(Html { build, tera, pdf })
    }

    pub fn render(&self, page: Route) -> Result<File, Diagnostic> {
        let mut ctx = self.common(page);
        let template = match page {
            Route::Chooser => {
                ctx.insert("languages".into(), value(self.language_links(""))?);
                "chooser.html"
            }
            Route::NotFound => {
                let base_path = url_path(&self.build.base_url);
                ctx.insert("languages".into(), value(self.language_links(&base_path))?);
                let lang = self.lang_of(page);
                ctx.insert("description".into(), json!(self.t(&lang, "not-found-text")));
                "404.html"
            }
            Route::Home { lang } => {
                ctx.insert("destinations".into(), value(self.destinations(lang))?);
                "home.html"
            }
            Route::Changes { lang } => {
                ctx.insert("page_title".into(), json!(self.t(lang, "changes-title")));
                ctx.insert("description".into(), json!(self.t(lang, "changes-intro")));
                ctx.insert("changes".into(), value(self.changes(lang))?);
                "changes.html"
            }
            Route::SearchPage { lang } => {
                ctx.insert("page_title".into(), json!(self.t(lang, "search-label")));
                ctx.insert("sheets".into(), value(self.a_to_z(lang))?);
                "search.html"
            }
            Route::Centres { lang } => {
                ctx.insert("page_title".into(), json!(self.t(lang, "centres-title")));
                ctx.insert("description".into(), json!(self.t(lang, "centres-intro")));
                let words = Words::new(self.build.site, lang);
                ctx.insert("centres".into(), value(super::advice::centres(&words))?);
                "centres.html"
            }
            Route::PackForm { lang } => {
                ctx.insert("page_title".into(), json!(self.t(lang, "pack-form-title")));
                ctx.insert("description".into(), json!(self.t(lang, "pack-form-intro")));
                self.pack_form(lang, &mut ctx)?;
                "pack.html"
            }
            Route::Destination { lang, dest } => {
                self.destination(lang, dest, &mut ctx)?;
                "destination.html"
            }
            Route::Sheet { lang, sheet } => {
                let view = self.sheet(sheet, lang);
                ctx.insert("page_title".into(), json!(self.sheet_title(sheet, lang)));
                if let Some(v) = &view {
                    ctx.insert("description".into(), json!(v.sheet.summary));
                }
                ctx.insert("og_type".into(), json!("article"));
                ctx.insert("sheet".into(), value(view)?);
                "sheet.html"
            }
            // The renderer sends only pages here.
            other => {
                return Err(Diagnostic::error(
                    Code::Template,
                    format!("/{} is not an HTML page", self.build.url(other)),
                ));
            }
        };
        let context = tera::Context::from_value(Value::Object(ctx))
            .map_err(|e| template_error("bad page data", &e))?;
        let html = self
            .tera
            .render(template, &context)
            .map_err(|e| template_error(&format!("cannot render /{}", self.build.url(page)), &e))?;
        Ok(File {
            path: self.build.file_path(page),
            bytes: html.into_bytes(),
        })
    }

    fn t(&self, lang: &str, id: &str) -> String {
        let site = self.build.site;
        site.l10n
            .format(&site.config, lang, id, None)
            .unwrap_or_else(|| id.to_string())
    }

    fn t_args(&self, lang: &str, id: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, FluentValue)> = args
            .iter()
            .map(|(k, v)| (*k, FluentValue::from(v.clone())))
            .collect();
        Words::new(self.build.site, lang).t_args(id, &args)
    }

    fn lang_of(&self, page: Route) -> String {
        page.lang()
            .unwrap_or(&self.build.site.config.source_language)
            .to_string()
    }

    /// What every page has: language, direction, relative root, title,
    /// alternates and the language switcher.
    fn common(&self, page: Route) -> Map<String, Value> {
        let b = self.build;
        let config = &b.site.config;
        let lang = self.lang_of(page);
        let url = b.url(page);
        let depth = url.matches('/').count();
        let root = match page {
            Route::NotFound => url_path(&b.base_url),
            _ => "../".repeat(depth),
        };
        let dir = config.language(&lang).map_or(Direction::Ltr, |l| l.dir);
        let localized = !matches!(page, Route::Chooser | Route::NotFound);
        let others: Vec<Value> = if localized {
            config
                .languages
                .iter()
                .map(|l| {
                    let other = b.url(page.in_lang(&l.tag));
                    json!({"lang": l.tag, "name": l.name, "href": format!("{root}{other}"), "abs": b.absolute(&other)})
                })
                .collect()
        } else {
            Vec::new()
        };
        let home = match page {
            Route::NotFound => root.clone(),
            _ => format!("{root}{}", b.url(Route::Home { lang: &lang })),
        };
        let page_title = match page {
            Route::Destination { lang, dest } => self.t(lang, &format!("country-{dest}")),
            _ => self.t(&lang, "site-title"),
        };
        let mut m = Map::new();
        m.insert("lang".into(), json!(lang));
        m.insert("source_lang".into(), json!(config.source_language));
        m.insert("dir".into(), json!(dir));
        m.insert("root".into(), json!(root));
        m.insert("home".into(), json!(home));
        m.insert("site_title".into(), json!(self.t(&lang, "site-title")));
        m.insert("page_title".into(), json!(page_title));
        m.insert("description".into(), json!(self.t(&lang, "site-tagline")));
        m.insert("og_type".into(), json!("website"));
        // og:locale only: og:locale:alternate names other locales of the
        // same address, and each language has its own.
        m.insert("og_locale".into(), json!(og_locale(&lang)));
        m.insert("pdf".into(), json!(self.pdf));
        let canonical = (!matches!(page, Route::NotFound)).then(|| b.absolute(&url));
        m.insert("canonical".into(), json!(canonical));
        // The reader's language, named in the header's link to the switcher.
        let language_name = config
            .language(&lang)
            .filter(|_| localized)
            .map_or("", |l| l.name.as_str());
        m.insert("language_name".into(), json!(language_name));
        // The same list: alternates for the head, links for the switcher.
        let others = Value::Array(others);
        m.insert("alternates".into(), others.clone());
        m.insert("switcher".into(), others);
        let x_default =
            localized.then(|| b.absolute(&b.url(page.in_lang(&config.source_language))));
        m.insert("x_default".into(), json!(x_default));
        if localized {
            let site_feed = format!("{root}{}", b.url(Route::Feed { lang: &lang }));
            // A destination's pages offer its own feed; the rest the site's.
            let dest = match page {
                Route::Destination { dest, .. } => Some(dest),
                Route::Sheet { sheet, .. } => b.sheets.get(sheet).map(|s| s.destination),
                _ => None,
            };
            let (feed, feed_title) = match dest {
                Some(dest) => (
                    format!(
                        "{root}{}",
                        b.url(Route::DestinationFeed { lang: &lang, dest })
                    ),
                    self.t_args(
                        &lang,
                        "destination-feed",
                        &[("country", self.t(&lang, &format!("country-{dest}")))],
                    ),
                ),
                None => (site_feed.clone(), self.t(&lang, "site-feed")),
            };
            m.insert("feed".into(), json!(feed));
            m.insert("feed_title".into(), json!(feed_title));
            m.insert("site_feed".into(), json!(site_feed));
            m.insert("site_feed_title".into(), json!(self.t(&lang, "site-feed")));
            let changes = b.url(Route::Changes { lang: &lang });
            m.insert("changes_href".into(), json!(format!("{root}{changes}")));
            if !b.site.centres.is_empty() {
                let centres = b.url(Route::Centres { lang: &lang });
                m.insert("centres_href".into(), json!(format!("{root}{centres}")));
            }
            let search = b.url(Route::SearchPage { lang: &lang });
            m.insert("search_href".into(), json!(format!("{root}{search}")));
        }
        m
    }

    fn language_links(&self, prefix: &str) -> Vec<LanguageLink> {
        let config = &self.build.site.config;
        config
            .languages
            .iter()
            .map(|l| LanguageLink {
                lang: l.tag.clone(),
                name: l.name.clone(),
                dir: l.dir,
                href: format!("{prefix}{}", self.build.url(Route::Home { lang: &l.tag })),
                tagline: self.t(&l.tag, "site-tagline"),
            })
            .collect()
    }

    fn destinations(&self, lang: &str) -> Vec<DestinationLink> {
        let b = self.build;
        let mut out: Vec<DestinationLink> = b
            .destinations
            .iter()
            .map(|&dest| DestinationLink {
                name: self.t(lang, &format!("country-{dest}")),
                href: format!("{dest}/"),
                sheets: b
                    .sheets
                    .iter()
                    .filter(|s| s.destination == dest)
                    .map(|s| self.sheet_link(s, lang, format!("{dest}/{}/", s.route)))
                    .collect(),
            })
            .collect();
        out.sort_by_cached_key(|d| d.name.to_lowercase());
        out
    }

    /// A sheet in a list: its route, link and state.
    fn sheet_link(&self, s: &SheetState, lang: &str, href: String) -> SheetLink {
        SheetLink {
            route_name: self.t(lang, &format!("route-{}", s.route)),
            href,
            status: s.review.status.as_str(),
            stale: s.review.status.is_stale(),
            status_text: self.status_text(lang, s.review.status),
        }
    }

    fn destination(
        &self,
        lang: &str,
        dest: &str,
        ctx: &mut Map<String, Value>,
    ) -> Result<(), Diagnostic> {
        let b = self.build;
        let site = b.site;
        let country = self.t(lang, &format!("country-{dest}"));
        let tagline = self.t(lang, "site-tagline");
        ctx.insert("description".into(), json!(format!("{country}: {tagline}")));
        ctx.insert("country".into(), json!(country));
        let overview = site.destinations.get(dest).and_then(|d| {
            let files = &d.overview;
            files.source.as_ref()?;
            let shown = site.shown_in(files, lang);
            let state = PageState {
                lang: lang.to_string(),
                translation: None,
                shown,
            };
            let text = site.text(files, &state)?;
            let content_lang = content_lang(&state, lang);
            // An overview states facts too: when they were checked, against
            // what, and a warning when that is too long ago.
            let words = Words::new(site, lang);
            let facts = files.source.as_ref()?.facts()?;
            let review = site.overview_review(dest, b.today)?;
            Some(Overview {
                dir: self.dir(&content_lang),
                lang: content_lang,
                title: text.title.clone(),
                body: self.build.markdown(&text.body).html.clone(),
                warnings: view::review_warnings(&words, review, facts, b.today),
                checked: view::checked(&words, facts.last_reviewed.value),
                sources: facts
                    .sources
                    .iter()
                    .map(|s| view::source(&words, s))
                    .collect(),
            })
        });
        ctx.insert("overview".into(), value(overview)?);
        let sheets: Vec<ListedSheet> = b
            .sheets
            .iter()
            .enumerate()
            .filter(|(_, s)| s.destination == dest)
            .filter_map(|(i, s)| {
                let page = s.page(lang)?;
                let text = b.text(i, lang)?;
                let content_lang = content_lang(page, lang);
                Some(ListedSheet {
                    link: self.sheet_link(s, lang, format!("{}/", s.route)),
                    title: text.title.clone(),
                    summary: text.summary.clone(),
                    dir: self.dir(&content_lang),
                    lang: content_lang,
                })
            })
            .collect();
        ctx.insert("sheets".into(), value(sheets)?);
        Ok(())
    }

    fn dir(&self, lang: &str) -> Direction {
        self.build
            .site
            .config
            .language(lang)
            .map_or(Direction::Ltr, |l| l.dir)
    }

    fn status_text(&self, lang: &str, status: Freshness) -> String {
        self.t(lang, &format!("status-{}", status.as_str()))
    }

    fn sheet_title(&self, i: usize, lang: &str) -> String {
        let b = self.build;
        match (b.sheets.get(i), b.text(i, lang)) {
            (_, Some(text)) => text.title.clone(),
            (Some(s), None) if s.page(lang).is_none() => s.source.text.title.clone(),
            _ => String::new(),
        }
    }

    fn sheet(&self, i: usize, lang: &str) -> Option<HtmlSheet> {
        let b = self.build;
        let words = Words::new(b.site, lang);
        let (sheet, text) = view::sheet(b, &words, i)?;
        let url = b.absolute(&b.url(Route::Sheet { lang, sheet: i }));
        let checked = words.date(b.sheets.get(i)?.facts.last_reviewed.value);
        let message = self.t_args(
            lang,
            "share-text",
            &[
                ("title", text.title.clone()),
                ("date", checked),
                ("url", url.clone()),
            ],
        );
        let share = share::links(&url, &text.title, &message, &words.t("share-email"));
        let mut body = b.markdown(&text.body).html.clone();
        if let Some(stale) = b.stale(i, lang) {
            body = self.mark_stale(i, lang, &body, &stale.sections);
        }
        Some(HtmlSheet {
            sheet,
            body,
            country_href: "../",
            share,
        })
    }

    /// The body with a notice on each section whose source changed since
    /// the translation was made, linking to that section of the source.
    fn mark_stale(&self, i: usize, lang: &str, body: &str, sections: &[usize]) -> String {
        let b = self.build;
        let source_lang = &b.site.config.source_language;
        let words = Words::new(b.site, lang);
        let notice = words.t_args(
            "section-changed",
            &[("language", FluentValue::from(words.name_of(source_lang)))],
        );
        let depth = b.url(Route::Sheet { lang, sheet: i }).matches('/').count();
        let source_url = format!(
            "{}{}",
            "../".repeat(depth),
            b.url(Route::Sheet {
                lang: source_lang,
                sheet: i
            })
        );
        let ids = b
            .sheets
            .get(i)
            .map(|s| super::markdown::heading_ids(&b.markdown(&s.source.text.body).html))
            .unwrap_or_default();
        super::markdown::mark_sections(body, sections, &|k| {
            let anchor = k
                .checked_sub(1)
                .and_then(|h| ids.get(h))
                .map_or(String::new(), |id| format!("#{id}"));
            format!(
                "<p class=\"stale-part\" lang=\"{}\"><a href=\"{}{}\" hreflang=\"{}\">{}</a></p>\n",
                super::escape_xml(lang),
                super::escape_xml(&source_url),
                super::escape_xml(&anchor),
                super::escape_xml(source_lang),
                super::escape_xml(&notice)
            )
        })
    }

    /// Every sheet in `lang`, A–Z by title in the language's own order
    /// (CLDR collation), for the search page without JavaScript.
    fn a_to_z(&self, lang: &str) -> Vec<Value> {
        let b = self.build;
        let mut out: Vec<(String, Value)> = b
            .sheets
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let text = b.text(i, lang)?;
                let text_lang = content_lang(s.page(lang)?, lang);
                Some((
                    text.title.clone(),
                    json!({
                        "title": text.title,
                        "summary": text.summary,
                        "href": format!("../{}/{}/", s.destination, s.route),
                        "place": format!("{} · {}", self.t(lang, &format!("country-{}", s.destination)), self.t(lang, &format!("route-{}", s.route))),
                        "lang": (text_lang != lang).then(|| text_lang.clone()),
                        "dir": self.dir(&text_lang),
                    }),
                ))
            })
            .collect();
        let locale = b.site.config.language(lang).and_then(|l| {
            icu::locale::Locale::try_from_str(l.locale.as_deref().unwrap_or(&l.tag)).ok()
        });
        let collator = locale.and_then(|l| {
            icu::collator::Collator::try_new(
                (&l).into(),
                icu::collator::options::CollatorOptions::default(),
            )
            .ok()
        });
        match collator {
            Some(c) => out.sort_by(|a, b| c.compare(&a.0, &b.0)),
            None => out.sort_by(|a, b| a.0.cmp(&b.0)),
        }
        out.into_iter().map(|(_, v)| v).collect()
    }

    /// What the pack form offers: every sheet by destination, the other
    /// languages, the centres.
    fn pack_form(&self, lang: &str, ctx: &mut Map<String, Value>) -> Result<(), Diagnostic> {
        let b = self.build;
        let groups: Vec<Value> = b
            .destinations
            .iter()
            .map(|&dest| {
                let sheets: Vec<Value> = b
                    .sheets
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.destination == dest)
                    .filter_map(|(i, s)| {
                        let text = b.text(i, lang)?;
                        let text_lang = content_lang(s.page(lang)?, lang);
                        Some(json!({
                            "value": format!("{dest}/{}", s.route),
                            "id": format!("fs-sheet-{dest}-{}", s.route),
                            "route_name": self.t(lang, &format!("route-{}", s.route)),
                            "title": text.title,
                            "title_lang": (text_lang != lang).then_some(text_lang),
                        }))
                    })
                    .collect();
                json!({"name": self.t(lang, &format!("country-{dest}")), "sheets": sheets})
            })
            .collect();
        let others: Vec<Value> = b
            .site
            .config
            .languages
            .iter()
            .filter(|l| l.tag != lang)
            .map(|l| json!({"tag": l.tag, "name": l.name}))
            .collect();
        let centres: Vec<Value> = b
            .site
            .centres
            .iter()
            .map(|c| json!({"id": c.id, "name": format!("{} ({})", c.name, c.town)}))
            .collect();
        ctx.insert("groups".into(), json!(groups));
        ctx.insert("others".into(), json!(others));
        ctx.insert("centres".into(), json!(centres));
        Ok(())
    }

    /// Every change note of the site in `lang`, newest first, each with
    /// its sheet.
    fn changes(&self, lang: &str) -> Vec<ListedChange> {
        let b = self.build;
        let words = Words::new(b.site, lang);
        let mut out = Vec::new();
        for (i, s) in b.sheets.iter().enumerate() {
            let (Some(page), Some(text)) = (s.page(lang), b.text(i, lang)) else {
                continue;
            };
            let text_lang = content_lang(page, lang);
            for c in &text.changes {
                let change = view::change(&words, c, &text_lang);
                out.push(ListedChange {
                    href: format!("../{}/{}/", s.destination, s.route),
                    place: format!(
                        "{} · {}",
                        self.t(lang, &format!("country-{}", s.destination)),
                        self.t(lang, &format!("route-{}", s.route))
                    ),
                    title: text.title.clone(),
                    dir: self.dir(&text_lang),
                    title_lang: (text_lang != lang).then(|| text_lang.clone()),
                    change,
                    sheet: i,
                });
            }
        }
        out.sort_by(|a, b| b.change.iso.cmp(&a.change.iso).then(a.sheet.cmp(&b.sheet)));
        out
    }
}

/// A change note on the site's list of updates.
#[derive(Serialize)]
struct ListedChange {
    #[serde(flatten)]
    change: view::ChangeView,
    href: String,
    /// "Germany · Work".
    place: String,
    title: String,
    dir: Direction,
    /// Set when the title is in another language than the page.
    title_lang: Option<String>,
    #[serde(skip)]
    sheet: usize,
}

/// A sheet page's `sheet`: the view, and its body as HTML.
#[derive(Serialize)]
struct HtmlSheet {
    #[serde(flatten)]
    sheet: SheetView,
    body: String,
    country_href: &'static str,
    share: Vec<share::ShareLink>,
}

/// A language on the chooser and 404 pages.
#[derive(Serialize)]
struct LanguageLink {
    lang: String,
    name: String,
    dir: Direction,
    href: String,
    tagline: String,
}

/// A destination on the home page, with its sheets.
#[derive(Serialize)]
struct DestinationLink {
    name: String,
    href: String,
    sheets: Vec<SheetLink>,
}

#[derive(Serialize)]
struct SheetLink {
    route_name: String,
    href: String,
    status: &'static str,
    stale: bool,
    status_text: String,
}

/// A sheet on its destination's page: also its title and summary.
#[derive(Serialize)]
struct ListedSheet {
    #[serde(flatten)]
    link: SheetLink,
    title: String,
    summary: String,
    /// The language of the title and summary.
    lang: String,
    dir: Direction,
}

/// A destination's overview text, as HTML.
#[derive(Serialize)]
struct Overview {
    lang: String,
    dir: Direction,
    title: String,
    body: String,
    warnings: Vec<String>,
    checked: String,
    sources: Vec<view::SourceView>,
}

/// Template data as the `Value` a context holds.
fn value(data: impl Serialize) -> Result<Value, Diagnostic> {
    serde_json::to_value(data).map_err(|e| template_error("bad page data", &e))
}

/// The path of an absolute URL (`https://x.org/a/` → `/a/`).
fn url_path(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".into(),
    }
}

fn template_error(what: &str, e: &dyn std::error::Error) -> Diagnostic {
    let mut chain = Vec::new();
    let mut cur: Option<&dyn std::error::Error> = Some(e);
    while let Some(err) = cur {
        chain.push(err.to_string());
        cur = err.source();
    }
    Diagnostic::error(Code::Template, format!("{what}: {}", chain.join(": ")))
        .hint("fix the template named in the message (themes/default/templates/ in the site overrides the built-in one)")
}
