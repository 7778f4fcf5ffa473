//! HTML pages through the theme's Tera templates, each given its typed
//! data (`data.rs`, built in `pages.rs` and `lists.rs`). Fluent messages
//! are a template function: `{{ t(id="sheets-count", lang=lang, count=3) }}`.

mod data;
mod finder;
mod lists;
mod pages;

use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use serde_json::Value;
use tera::Tera;

pub use data::{Common, Kind, PageData};

use super::route::Page;
use super::view::Words;
use super::{File, Model};
use crate::config::SiteConfig;
use crate::diagnostics::{Code, Diagnostic};
use crate::l10n::L10n;
use crate::theme::Theme;

pub struct Html<'b, 'a> {
    model: &'b Model<'a>,
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
    pub fn new(model: &'b Model<'a>, theme: &Theme, pdf: bool) -> Result<Self, Diagnostic> {
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
            Translate(Arc::clone(&model.site.l10n), Arc::clone(&model.site.config)),
        );
        // Tera's default also escapes `/`, which bloats every URL.
        tera.set_escape_fn(super::escape_xml);
        Ok(Html { model, tera, pdf })
    }

    /// The template a page is rendered with.
    fn template(page: Page) -> &'static str {
        match page {
            Page::Chooser => "chooser.html",
            Page::NotFound => "404.html",
            Page::Home { .. } => "home.html",
            Page::Destination { .. } => "destination.html",
            Page::Sheet { .. } => "sheet.html",
            Page::Changes { .. } => "changes.html",
            Page::Centres { .. } => "centres.html",
            Page::PackForm { .. } => "pack.html",
            Page::Search { .. } => "search.html",
            Page::Finder { .. } => "finder.html",
        }
    }

    /// A page's data, as its template receives it.
    pub fn data<'x>(&'x self, page: Page<'x>, others: &'x [data::Alternate<'x>]) -> PageData<'x> {
        let m = self.model;
        let lang = page.lang().unwrap_or(&m.site.config.source_language);
        let kind = match page {
            Page::Chooser | Page::NotFound => Kind::Plain {},
            Page::Home { lang } => Kind::Home {
                destinations: self.destinations(lang),
            },
            Page::Destination { lang, dest } => self.destination(lang, dest),
            Page::Sheet { lang, sheet } => Kind::Sheet {
                sheet: self.sheet(sheet, lang).map(Box::new),
            },
            Page::Changes { lang } => self.changes(lang),
            Page::Centres { lang } => Kind::Centres {
                centres: super::advice::centres(&Words::new(m.site, lang)),
            },
            Page::PackForm { lang } => self.pack_form(lang),
            Page::Search { lang } => self.a_to_z(lang),
            Page::Finder { lang, step } => Kind::Finder(Box::new(self.finder(lang, step))),
        };
        PageData {
            common: self.common(page, lang, others),
            kind,
        }
    }

    pub fn render(&self, page: Page) -> Result<File, Diagnostic> {
        let others = self.alternates(page);
        let data = self.data(page, &others);
        let context = tera::Context::from_serialize(&data)
            .map_err(|e| template_error("bad page data", &e))?;
        let html = self
            .tera
            .render(Self::template(page), &context)
            .map_err(|e| template_error(&format!("cannot render /{}", self.model.url(page)), &e))?;
        Ok(File {
            path: self.model.file_path(page),
            bytes: html.into_bytes(),
        })
    }

    /// Any other output made by a template from its data (feeds, the
    /// sitemap).
    pub fn render_data(
        &self,
        template: &str,
        data: &impl serde::Serialize,
        route: super::Route,
    ) -> Result<File, Diagnostic> {
        let context = tera::Context::from_serialize(data)
            .map_err(|e| template_error("bad template data", &e))?;
        let text = self.tera.render(template, &context).map_err(|e| {
            template_error(&format!("cannot render /{}", self.model.url(route)), &e)
        })?;
        Ok(File {
            path: self.model.file_path(route),
            bytes: text.into_bytes(),
        })
    }

    fn t(&self, lang: &str, id: &str) -> String {
        let site = self.model.site;
        site.l10n
            .format(&site.config, lang, id, None)
            .unwrap_or_else(|| id.to_string())
    }

    fn t_args(&self, lang: &str, id: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, FluentValue)> = args
            .iter()
            .map(|(k, v)| (*k, FluentValue::from(v.clone())))
            .collect();
        Words::new(self.model.site, lang).t_args(id, &args)
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
