//! A visitor pack: one PDF for the person in front of a counsellor. A
//! cover (their topics, the date, their centre's address and hours),
//! contents, then each sheet in their language, and with a second
//! language the same sheet in it right after (to show an employer or an
//! official). Made by `factsheet pack` and by the form `serve` offers.

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::{Handout, Print, data_json, qr_svg, sheet_data, short, typeset};

use super::world::{Job, Typesetter};
use crate::content::centres::Centre;
use crate::diagnostics::Diagnostic;
use crate::diagnostics::did_you_mean;
use crate::render::advice::{self, CentreView};
use crate::render::view::Words;
use crate::render::{Model, Page};

/// The most sheets one pack takes: a visitor's topics, not a library.
pub const MAX_SHEETS: usize = 20;

/// What a counsellor asked for, checked against the site.
#[derive(Debug)]
pub struct Pack<'m> {
    pub lang: &'m str,
    pub also: Option<&'m str>,
    /// Indexes into `Model::sheets`, in the order asked.
    pub sheets: Vec<usize>,
    pub centre: Option<&'m Centre>,
}

impl<'m> Pack<'m> {
    /// Reads a request as a person types it (`de/work`, `sq`, `tirana`);
    /// anything the site does not have is an error with a did-you-mean.
    pub fn parse(
        model: &Model<'m>,
        sheets: &[String],
        lang: &str,
        also: Option<&str>,
        centre: Option<&str>,
    ) -> Result<Pack<'m>, String> {
        let site = model.site;
        let language = |l: &str, what: &str| {
            site.config
                .tags()
                .find(|t| t.eq_ignore_ascii_case(l))
                .ok_or_else(|| {
                    let hint = did_you_mean(l, site.config.tags()).unwrap_or_else(|| {
                        format!(
                            "the site's languages are {}",
                            site.config.tags().collect::<Vec<_>>().join(", ")
                        )
                    });
                    format!("{what} `{l}` is not a language of the site; {hint}")
                })
        };
        let lang = language(lang, "--lang")?;
        let also = also.map(|a| language(a, "--also")).transpose()?;
        if also == Some(lang) {
            return Err(format!(
                "--also {lang} is the pack's own language: choose another, or leave it out"
            ));
        }
        if sheets.is_empty() {
            return Err("name at least one sheet, e.g. de/work".into());
        }
        if sheets.len() > MAX_SHEETS {
            return Err(format!("a pack takes at most {MAX_SHEETS} sheets"));
        }
        let names: Vec<String> = model
            .sheets
            .iter()
            .map(|s| format!("{}/{}", s.destination, s.route))
            .collect();
        let mut picked = Vec::new();
        for asked in sheets {
            let want = asked.trim().trim_matches('/').to_lowercase();
            let Some(i) = names.iter().position(|n| *n == want) else {
                let hint = did_you_mean(&want, names.iter().map(String::as_str))
                    .unwrap_or_else(|| format!("the site's sheets are {}", names.join(", ")));
                return Err(format!("the site has no sheet `{asked}`; {hint}"));
            };
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        let centre = match centre {
            None => None,
            Some(id) => Some(site.centres.iter().find(|c| c.id == id).ok_or_else(|| {
                if site.centres.is_empty() {
                    return format!("--centre {id}: the site has no content/centres.yaml");
                }
                let ids = site.centres.iter().map(|c| c.id.as_str());
                let hint = did_you_mean(id, ids.clone()).unwrap_or_else(|| {
                    format!("the centres are {}", ids.collect::<Vec<_>>().join(", "))
                });
                format!("--centre `{id}` is not in content/centres.yaml; {hint}")
            })?),
        };
        Ok(Pack {
            lang,
            also,
            sheets: picked,
            centre,
        })
    }
}

/// The pack's `/data.json`.
#[derive(Serialize)]
struct PackData {
    title: String,
    ui_lang: String,
    date: String,
    short_url: String,
    topics_label: String,
    topics: Vec<Topic>,
    centre_label: String,
    hours_label: String,
    centre: Option<CentreView>,
    #[serde(flatten)]
    print: Print,
    sheets: Vec<Handout>,
    /// A bookmark and contents entry per sheet.
    headings: Vec<String>,
}

#[derive(Serialize)]
struct Topic {
    place: String,
    title: String,
    also: Option<String>,
}

/// Typesets `pack` into a PDF.
pub fn render(model: &Model, ts: &Typesetter, pack: &Pack) -> Result<Vec<u8>, Diagnostic> {
    let words = Words::new(model.site, pack.lang);
    let also_name = pack.also.map(|a| {
        words.t_args(
            "pack-also",
            &[("language", FluentValue::from(words.name_of(a)))],
        )
    });
    let mut files = Vec::new();
    let mut sheets = Vec::new();
    let mut headings = Vec::new();
    let mut topics = Vec::new();
    for &i in &pack.sheets {
        let s = &model.sheets[i];
        let place = format!(
            "{} · {}",
            words.t(&format!("country-{}", s.destination)),
            words.t(&format!("route-{}", s.route))
        );
        let mut shown: Vec<String> = Vec::new();
        for lang in std::iter::once(pack.lang).chain(pack.also) {
            let Some(data) = sheet_data(model, lang, i) else {
                continue;
            };
            // A sheet that falls back to the second language is printed
            // once, and every copy is named by the language it shows.
            if shown.contains(&data.sheet.text_lang) {
                continue;
            }
            shown.push(data.sheet.text_lang.clone());
            files.push((
                format!("/qr-{}.svg", sheets.len()),
                qr_svg(&model.printout_url(i, lang)),
            ));
            headings.push(format!(
                "{place}: {} ({})",
                data.sheet.title,
                words.name_of(&data.sheet.text_lang)
            ));
            if lang == pack.lang {
                topics.push(Topic {
                    place: place.clone(),
                    title: data.sheet.title.clone(),
                    also: also_name.clone(),
                });
            }
            sheets.push(data);
        }
    }
    let home = model.absolute_url(Page::Home { lang: pack.lang });
    let data = PackData {
        title: words.t("pack-title"),
        ui_lang: super::primary(pack.lang),
        date: words.t_args(
            "pack-prepared",
            &[("date", FluentValue::from(words.date(model.today)))],
        ),
        short_url: short(&home),
        topics_label: words.t("pack-topics"),
        topics,
        centre_label: words.t("pack-your-centre"),
        hours_label: words.t("centre-hours-heading"),
        centre: pack.centre.map(|c| advice::centre(&words, c)),
        print: Print::new(&words),
        sheets,
        headings,
    };
    files.push(("/data.json".into(), data_json(&data, ts)));
    let what = format!("the {} pack", pack.lang);
    let job = Job {
        main: "/pack.typ",
        files,
        ident: format!(
            "{home}pack/{}",
            pack.sheets
                .iter()
                .map(|&i| model.url(Page::Sheet {
                    lang: pack.lang,
                    sheet: i
                }))
                .collect::<Vec<_>>()
                .join("+")
        ),
        date: model.today,
    };
    typeset(ts, "pack.pdf", &what, &job).map(|made| made.file.bytes)
}
