//! `check`'s rules for the finder: names that `finder.yaml` does not have
//! (with did-you-mean), a sheet or outcome no answers reach
//! (`finder-unreachable`), answers that end nowhere (`finder-dead-end`), a
//! question that never changes the result (`finder-useless`), and the
//! Fluent messages its wording needs.

use std::path::Path;

use super::flow::{Flow, QuestionRule, Rule, Rules, Step, Target};
use crate::content::Site;
use crate::content::doc::Condition;
use crate::content::finder::Finder;
use crate::content::state::SheetState;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, did_you_mean};

/// The flow's rules: the questions of `finder`, and the conditions of
/// every sheet that states some and of every text outcome. Names the file
/// does not have go to `diags` and are left out.
pub fn rules(finder: &Finder, sheets: &[SheetState], diags: &mut Diagnostics) -> Rules {
    let mut rules = Rules {
        questions: finder
            .questions
            .iter()
            .map(|q| QuestionRule {
                options: q.options.iter().map(|o| o.value.clone()).collect(),
                near_miss: q.near_miss,
            })
            .collect(),
        ..Rules::default()
    };
    for (i, s) in sheets.iter().enumerate() {
        if let Some(conditions) = &s.inherited.finder {
            let allow = allow(finder, conditions, &s.source.path, diags);
            rules.rules.push(Rule {
                target: Target::Sheet(i),
                allow,
            });
        }
    }
    for (i, o) in finder.outcomes.iter().enumerate() {
        match &o.when {
            Some(when) => {
                let allow = allow(finder, when, &finder.path, diags);
                rules.rules.push(Rule {
                    target: Target::Text(i),
                    allow,
                });
            }
            None => rules.fallback = Some(i),
        }
    }
    rules
}

/// Per question, the bits of the answers that fit.
fn allow(
    finder: &Finder,
    conditions: &[Condition],
    file: &Path,
    diags: &mut Diagnostics,
) -> Vec<u64> {
    let mut allow = vec![u64::MAX; finder.questions.len()];
    let unknown = |what: String, hint: Option<String>, pos: crate::yaml::Pos, all: String| {
        Diagnostic::error(Code::FinderUnknown, what)
            .file(file)
            .at(pos.line, pos.col)
            .hint(hint.unwrap_or(all))
    };
    for c in conditions {
        let ids = || finder.questions.iter().map(|q| q.id.value.as_str());
        let Some(q) = finder
            .questions
            .iter()
            .position(|q| q.id.value == c.question.value)
        else {
            diags.push(unknown(
                format!("`{}` is not a question of the finder", c.question.value),
                did_you_mean(&c.question.value, ids()),
                c.question.pos,
                format!(
                    "{} has: {}",
                    finder.path.display(),
                    ids().collect::<Vec<_>>().join(", ")
                ),
            ));
            continue;
        };
        let question = &finder.questions[q];
        let options = || question.options.iter().map(|o| o.value.as_str());
        let mut bits = 0u64;
        for o in &c.options {
            match options().position(|x| x == o.value) {
                Some(i) => bits |= 1 << i,
                None => diags.push(unknown(
                    format!("`{}` is not an answer to `{}`", o.value, question.id.value),
                    did_you_mean(&o.value, options()),
                    o.pos,
                    format!(
                        "`{}` has: {}",
                        question.id.value,
                        options().collect::<Vec<_>>().join(", ")
                    ),
                )),
            }
        }
        // Only unknown answers: nothing fits rather than everything.
        allow[q] &= bits;
    }
    allow
}

/// Every finder problem of `site` on the day of `sheets`.
pub fn check(site: &Site, sheets: &[SheetState], diags: &mut Diagnostics) {
    let Some(finder) = &site.finder else {
        return;
    };
    let rules = rules(finder, sheets, diags);
    check_messages(site, finder, diags);
    let flow = Flow::new(rules);
    let mut reached = std::collections::BTreeSet::new();
    let mut asked = std::collections::BTreeSet::new();
    for step in &flow.steps {
        match step {
            Step::Question { question, .. } => {
                asked.insert(*question);
            }
            Step::Outcome { found, paths } => {
                reached.extend(found.matches.iter().copied());
                if found.matches.is_empty() && flow.rules.fallback.is_none() {
                    let path = paths
                        .first()
                        .map(|p| describe(finder, p))
                        .unwrap_or_default();
                    diags.push(
                        Diagnostic::error(
                            Code::FinderDeadEnd,
                            format!("the answers {path} lead to no sheet and no outcome"),
                        )
                        .file(&finder.path)
                        .hint("state a sheet's conditions so that it fits, or add an outcome without `when` for answers that nothing fits"),
                    );
                }
            }
        }
    }
    for (i, s) in sheets.iter().enumerate() {
        let d = match &s.inherited.finder {
            None => Diagnostic::warning(
                Code::FinderUnreachable,
                "the sheet states no `finder` conditions, so the route finder never shows it",
            )
            .hint("add `finder:` with the answers it fits, e.g. `finder: {purpose: [work]}`"),
            Some(_) if !reached.contains(&Target::Sheet(i)) => Diagnostic::error(
                Code::FinderUnreachable,
                "no answers to the route finder lead to this sheet",
            )
            .hint("its conditions contradict each other or the order of the questions: `factsheet finder` shows the flow"),
            Some(_) => continue,
        };
        diags.push(d.file(&s.source.path).at(1, 1));
    }
    for (i, o) in finder.outcomes.iter().enumerate() {
        if o.when.is_some() && !reached.contains(&Target::Text(i)) {
            diags.push(
                Diagnostic::error(
                    Code::FinderUnreachable,
                    format!("no answers lead to the outcome `{}`", o.id.value),
                )
                .file(&finder.path)
                .at(o.id.pos.line, o.id.pos.col)
                .hint("loosen its `when`, or remove it"),
            );
        }
    }
    for (q, question) in finder.questions.iter().enumerate() {
        if !asked.contains(&q) {
            diags.push(
                Diagnostic::warning(
                    Code::FinderUseless,
                    format!(
                        "the question `{}` never changes the result, so it is never asked",
                        question.id.value
                    ),
                )
                .file(&finder.path)
                .at(question.id.pos.line, question.id.pos.col)
                .hint("state it in the conditions of the sheets it tells apart, or remove it"),
            );
        }
    }
}

/// "citizenship: al, purpose: work".
pub fn describe(finder: &Finder, answers: &[super::flow::Answer]) -> String {
    answers
        .iter()
        .map(|&(q, o)| {
            let q = &finder.questions[q];
            format!("{}: {}", q.id.value, q.options[o].value)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Fluent ids of the finder's wording, in the source language.
fn check_messages(site: &Site, finder: &Finder, diags: &mut Diagnostics) {
    let lang = &site.config.source_language;
    let mut ids = Vec::new();
    for q in &finder.questions {
        let id = &q.id.value;
        ids.push((format!("finder-q-{id}"), q.id.pos));
        ids.extend(
            q.options
                .iter()
                .map(|o| (format!("finder-a-{id}-{}", o.value), o.pos)),
        );
        if q.near_miss {
            ids.push((format!("finder-needs-{id}"), q.id.pos));
        }
    }
    ids.extend(
        finder
            .outcomes
            .iter()
            .map(|o| (format!("finder-o-{}", o.id.value), o.id.pos)),
    );
    for (id, pos) in ids {
        if !site.l10n.has(lang, &id) {
            diags.push(
                Diagnostic::error(
                    Code::MissingMessage,
                    format!("no Fluent message `{id}` in the source language ({lang})"),
                )
                .file(&finder.path)
                .at(pos.line, pos.col)
                .hint(format!(
                    "add `{id} = ...` to translations/{lang}.ftl (and to the other languages)"
                )),
            );
        }
    }
}
