//! The visitor-pack form for staff, `serve` only: `/<lang>/pack/` offers
//! the site's sheets, languages and centres; `/<lang>/pack/pack.pdf?…`
//! makes the PDF. Anything the form did not offer is refused with a 400,
//! and nothing is read but the site already in memory.

use std::sync::Arc;

use crate::lang::url_segment;

use super::state::{Output, State};
use crate::render::pdf::pack::{self, MAX_SHEETS, Pack};
use crate::render::{Model, Page, Pdf, Renderer, Route};

/// An answer: status, content type, body, a file name for a PDF, and
/// where to go for a redirect.
pub struct Answer {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub file_name: Option<String>,
    pub location: Option<String>,
}

fn text(status: u16, msg: impl Into<String>) -> Answer {
    Answer {
        status,
        content_type: "text/plain; charset=utf-8",
        body: format!("{}\n", msg.into()).into_bytes(),
        file_name: None,
        location: None,
    }
}

impl State {
    /// The form (`<lang>/pack/index.html`) or a pack (`<lang>/pack/pack.pdf`
    /// with the form's query); None for any other key.
    pub fn pack(&self, key: &str, query: &str) -> Option<Answer> {
        let prepared = match self.output.read().as_deref() {
            Ok(Output::Site { prepared, .. }) => Arc::clone(prepared),
            // A site with errors answers as for any page.
            _ => return None,
        };
        let folder = format!("{key}/index.html");
        let model = prepared.model();
        // `<lang>/pack`, without its slash: to the form.
        if let Some(Route::Page(form @ Page::PackForm { .. })) = model.parse(&folder) {
            return Some(Answer {
                location: Some(format!("/{}", model.url(form))),
                ..text(301, "")
            });
        }
        let lang = match model.parse(key)? {
            Route::Page(form @ Page::PackForm { .. }) => {
                let renderer =
                    Renderer::new(&model, &prepared.theme, prepared.typesetter.as_deref()).ok()?;
                return Some(match renderer.render(form.into())? {
                    Ok(file) => Answer {
                        status: 200,
                        content_type: "text/html; charset=utf-8",
                        body: file.bytes,
                        file_name: None,
                        location: None,
                    },
                    Err(d) => text(500, d.message),
                });
            }
            Route::Pdf(Pdf::Pack { lang }) => lang,
            _ => return None,
        };
        let refuse = || {
            let words = crate::render::view::Words::new(model.site, lang);
            text(400, words.t("pack-form-error"))
        };
        // Only what the form offers: sheets by their value, a second
        // language, a centre; each once at most, nothing else.
        let (mut sheets, mut also, mut centre) = (Vec::new(), None, None);
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            match k.as_ref() {
                "sheet"
                    if !sheets.iter().any(|s| *s == v)
                        && model
                            .sheets
                            .iter()
                            .any(|s| v == format!("{}/{}", s.destination, s.route)) =>
                {
                    sheets.push(v.into_owned());
                }
                "also"
                    if also.is_none()
                        && (v.is_empty()
                            || model.site.config.tags().any(|t| t == v && t != lang)) =>
                {
                    also = Some(v.into_owned());
                }
                "centre"
                    if centre.is_none()
                        && (v.is_empty() || model.site.centres.iter().any(|c| c.id == v)) =>
                {
                    centre = Some(v.into_owned());
                }
                _ => return Some(refuse()),
            }
        }
        if sheets.is_empty() || sheets.len() > MAX_SHEETS {
            return Some(refuse());
        }
        let nonempty = |o: &Option<String>| o.clone().filter(|s| !s.is_empty());
        let (also, centre) = (nonempty(&also), nonempty(&centre));
        let Some(ts) = prepared.typesetter.as_deref() else {
            return Some(text(
                503,
                "PDFs are off: restart `factsheet serve` without --no-pdf",
            ));
        };
        // A pack goes home with the visitor: its QR codes and addresses are
        // the published site's, never this preview's.
        let public = Model::new(
            &prepared.site,
            prepared.today,
            &prepared.site.config.base_url,
        );
        let Ok(request) = Pack::parse(&public, &sheets, lang, also.as_deref(), centre.as_deref())
        else {
            return Some(refuse());
        };
        Some(match pack::render(&public, ts, &request) {
            Ok(body) => Answer {
                status: 200,
                content_type: "application/pdf",
                body,
                file_name: Some(format!("pack-{}-{}.pdf", url_segment(lang), model.today)),
                location: None,
            },
            Err(d) => text(500, d.message),
        })
    }
}
