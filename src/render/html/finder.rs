//! The route finder's pages: a question with its answers (and the answers
//! so far, each with a link to change it), or an outcome: the sheets that
//! fit, those that miss by one condition, texts, the centres.

use super::data::*;
use super::{Html, Page};
use crate::finder::flow::{Step, Target};
use crate::render::advice;
use crate::render::view::{self, Words};

impl<'b, 'a> Html<'b, 'a> {
    /// A finder text in `lang`, and the language it is in when a
    /// fallback's.
    fn finder_text(&self, lang: &str, id: &str) -> FinderText {
        let site = self.model.site;
        let c = &site.config;
        let from = c
            .chain(lang)
            .into_iter()
            .find(|l| site.l10n.covers(c, l, id));
        FinderText {
            text: self.t(lang, id),
            lang: from.filter(|l| *l != lang).map(str::to_string),
        }
    }

    /// The page's title: its question, or "Your result".
    pub(super) fn finder_title(&self, lang: &str, step: usize) -> String {
        let m = self.model;
        let question = m.finder.as_ref().and_then(|f| match f.steps.get(step)? {
            Step::Question { question, .. } => Some(*question),
            Step::Outcome { .. } => None,
        });
        let id = |q: usize| {
            m.site
                .finder
                .as_ref()
                .and_then(|f| f.questions.get(q))
                .map(|q| format!("finder-q-{}", q.id.value))
        };
        match question.and_then(id) {
            Some(id) if step == 0 => {
                format!("{}: {}", self.t(lang, "finder-title"), self.t(lang, &id))
            }
            Some(id) => self.t(lang, &id),
            None => self.t(lang, "finder-outcome-title"),
        }
    }

    pub(super) fn finder(&self, lang: &str, step: usize) -> FinderPage {
        let m = self.model;
        let here = Page::Finder { lang, step };
        let link = |to: usize| m.href(here, Page::Finder { lang, step: to });
        let mut page = FinderPage {
            question: None,
            answers: Vec::new(),
            given: Vec::new(),
            back_href: None,
            restart_href: (step != 0).then(|| link(0)),
            results: Vec::new(),
            texts: Vec::new(),
            near: Vec::new(),
            centres: Vec::new(),
            pack_action: None,
            pack_sheets: Vec::new(),
        };
        let (Some(flow), Some(finder)) = (&m.finder, &m.site.finder) else {
            return page;
        };
        let q_id = |q: usize| format!("finder-q-{}", finder.questions[q].id.value);
        let a_id = |q: usize, o: usize| {
            let q = &finder.questions[q];
            format!("finder-a-{}-{}", q.id.value, q.options[o].value)
        };
        match flow.steps.get(step) {
            Some(Step::Question {
                answers,
                question,
                next,
            }) => {
                page.question = Some(self.finder_text(lang, &q_id(*question)));
                page.answers = next
                    .iter()
                    .enumerate()
                    .map(|(o, &to)| {
                        let t = self.finder_text(lang, &a_id(*question, o));
                        FinderLink {
                            text: t.text,
                            lang: t.lang,
                            href: link(to),
                        }
                    })
                    .collect();
                page.given = answers
                    .iter()
                    .enumerate()
                    .filter_map(|(k, &(q, o))| {
                        Some(FinderGiven {
                            question: self.t(lang, &q_id(q)),
                            answer: self.t(lang, &a_id(q, o)),
                            change_href: link(flow.question_at(&answers[..k])?),
                        })
                    })
                    .collect();
                page.back_href = answers
                    .len()
                    .checked_sub(1)
                    .and_then(|n| flow.question_at(&answers[..n]))
                    .map(link);
            }
            Some(Step::Outcome { found, .. }) => {
                let words = Words::new(m.site, lang);
                for t in &found.matches {
                    match *t {
                        Target::Sheet(i) => {
                            page.results
                                .extend(self.finder_sheet(here, i, String::new()))
                        }
                        Target::Text(i) => page.texts.push(self.finder_text(
                            lang,
                            &format!("finder-o-{}", finder.outcomes[i].id.value),
                        )),
                    }
                }
                if found.matches.is_empty()
                    && let Some(o) = flow.rules.fallback.and_then(|i| finder.outcomes.get(i))
                {
                    page.texts
                        .push(self.finder_text(lang, &format!("finder-o-{}", o.id.value)));
                }
                for (t, qs) in &found.near {
                    let Target::Sheet(i) = *t else { continue };
                    let needs: Vec<String> = qs
                        .iter()
                        .map(|&q| {
                            self.t(
                                lang,
                                &format!("finder-needs-{}", finder.questions[q].id.value),
                            )
                        })
                        .collect();
                    page.near
                        .extend(self.finder_sheet(here, i, needs.join(", ")));
                }
                page.centres = advice::centres(&words);
                if m.preview {
                    page.pack_sheets = found
                        .matches
                        .iter()
                        .filter_map(|t| match *t {
                            Target::Sheet(i) => m.sheets.get(i),
                            Target::Text(_) => None,
                        })
                        .map(|s| format!("{}/{}", s.destination, s.route))
                        .take(crate::render::pdf::pack::MAX_SHEETS)
                        .collect();
                    page.pack_action = (!page.pack_sheets.is_empty())
                        .then(|| m.href(here, crate::render::route::Pdf::Pack { lang }));
                }
            }
            None => {}
        }
        page
    }

    /// A sheet on an outcome page: title, summary, checked line and the
    /// warnings its page shows.
    fn finder_sheet(&self, from: Page, i: usize, needs: String) -> Option<FinderSheet> {
        let m = self.model;
        let lang = from.lang()?;
        let words = Words::new(m.site, lang);
        // Not the whole sheet view: an outcome may list many sheets.
        let s = m.sheets.get(i)?;
        let text = m.text(i, lang)?;
        let text_lang = view::text_lang(s.page(lang)?, lang);
        Some(FinderSheet {
            href: m.href(from, Page::Sheet { lang, sheet: i }),
            place: self.place(lang, s),
            title: text.title.clone(),
            summary: text.summary.clone(),
            checked: view::checked(&words, s.inherited.last_reviewed.value),
            warnings: view::warnings(m, &words, i, &text_lang),
            needs,
            dir: (text_lang != lang).then(|| self.dir(&text_lang)),
            lang: (text_lang != lang).then_some(text_lang),
        })
    }
}
