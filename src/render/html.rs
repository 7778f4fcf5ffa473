//! HTML pages through the theme's Tera templates. Fluent messages are a
//! template function: `{{ t(id="sheets-count", lang=lang, count=3) }}`.

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;
use serde_json::{Map, Value, json};
use tera::Tera;

use super::view::{self, SheetView, Words, content_lang};
use super::{File, Model, Route};
use crate::config::SiteConfig;
use crate::content::model::{PageState, SheetState};
use crate::diagnostics::{Code, Diagnostic};
use crate::freshness::Freshness;
use crate::l10n::L10n;
use crate::lang::Direction;
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
        self.0
            .format(&self.1, lang, id, Some(&fluent))
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
                "404.html"
            }
            Route::Home { lang } => {
                ctx.insert("destinations".into(), value(self.destinations(lang))?);
                "home.html"
            }
            Route::Destination { lang, dest } => {
                self.destination(lang, dest, &mut ctx)?;
                "destination.html"
            }
            Route::Sheet { lang, sheet } => {
                ctx.insert("page_title".into(), json!(self.sheet_title(sheet, lang)));
                ctx.insert("sheet".into(), value(self.sheet(sheet, lang))?);
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
        m.insert("summary".into(), json!(null));
        m.insert("pdf".into(), json!(self.pdf));
        let canonical = (!matches!(page, Route::NotFound)).then(|| b.absolute(&url));
        m.insert("canonical".into(), json!(canonical));
        m.insert("alternates".into(), json!(others));
        m.insert("switcher".into(), json!(others));
        let x_default =
            localized.then(|| b.absolute(&b.url(page.in_lang(&config.source_language))));
        m.insert("x_default".into(), json!(x_default));
        if localized {
            let feed = b.url(Route::Feed { lang: &lang });
            m.insert("feed".into(), json!(format!("{root}{feed}")));
            let index = b.url(Route::SearchIndex { lang: &lang });
            m.insert("search_index".into(), json!(format!("{root}{index}")));
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
        ctx.insert(
            "country".into(),
            json!(self.t(lang, &format!("country-{dest}"))),
        );
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
            Some(Overview {
                dir: self.dir(&content_lang),
                lang: content_lang,
                title: text.title.clone(),
                body: self.build.markdown(&text.body).html.clone(),
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
        let words = Words::new(self.build.site, lang);
        let (sheet, text) = view::sheet(self.build, &words, i)?;
        Some(HtmlSheet {
            sheet,
            body: self.build.markdown(&text.body).html.clone(),
            country_href: "../",
        })
    }
}

/// A sheet page's `sheet`: the view, and its body as HTML.
#[derive(Serialize)]
struct HtmlSheet {
    #[serde(flatten)]
    sheet: SheetView,
    body: String,
    country_href: &'static str,
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
