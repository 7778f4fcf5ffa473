//! The finder's flow, pure: given the answers so far, the next question
//! (one that still separates the remaining outcomes; others are skipped),
//! the outcomes that fit, and the sheets that miss by one condition. Every
//! path of answers becomes a page; paths that end on the same result share
//! one outcome page.

use std::collections::HashMap;

/// An answer: (question, option), by their places in `finder.yaml`.
pub type Answer = (usize, usize);

/// What the flow is made of, resolved to places: the questions and, for
/// every outcome, which answers to each question fit it.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub questions: Vec<QuestionRule>,
    pub rules: Vec<Rule>,
    /// The text shown when nothing fits (an outcome without `when`).
    pub fallback: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct QuestionRule {
    /// The answers' ids, the parts of an address.
    pub options: Vec<String>,
    pub near_miss: bool,
}

/// A sheet (by its place in the model) or a text outcome of `finder.yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Sheet(usize),
    Text(usize),
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub target: Target,
    /// Per question, a bit for each answer that fits (all bits: any).
    pub allow: Vec<u64>,
}

/// What an outcome page shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Found {
    pub matches: Vec<Target>,
    /// Sheets that miss by one answer: the question they miss on, then
    /// those not asked that they have conditions on too.
    pub near: Vec<(Target, Vec<usize>)>,
}

/// One page of the finder.
#[derive(Debug, Clone)]
pub enum Step {
    Question {
        answers: Vec<Answer>,
        question: usize,
        /// The step each answer leads to.
        next: Vec<usize>,
    },
    Outcome {
        found: Found,
        /// Every path of answers that ends here, the first giving the
        /// address.
        paths: Vec<Vec<Answer>>,
    },
}

/// Every page of the finder; step 0 is the start.
#[derive(Debug, Clone, Default)]
pub struct Flow {
    pub rules: Rules,
    pub steps: Vec<Step>,
    /// Each step's address part: its answers' ids joined with `-`, empty
    /// for the start.
    pub segments: Vec<String>,
    by_answers: HashMap<Vec<Answer>, usize>,
}

impl Rules {
    fn fits(rule: &Rule, answers: &[Answer]) -> bool {
        answers
            .iter()
            .all(|&(q, o)| rule.allow.get(q).is_some_and(|a| a >> o & 1 == 1))
    }

    /// The rules that every answer so far fits.
    fn candidates(&self, answers: &[Answer]) -> Vec<&Rule> {
        self.rules
            .iter()
            .filter(|r| Self::fits(r, answers))
            .collect()
    }

    /// The first unanswered question whose answers would leave different
    /// outcomes; None when none would (the page is an outcome).
    pub fn next_question(&self, answers: &[Answer]) -> Option<usize> {
        let candidates = self.candidates(answers);
        if candidates.is_empty() {
            return None;
        }
        (0..self.questions.len())
            .filter(|q| !answers.iter().any(|a| a.0 == *q))
            .find(|&q| {
                let fit = |o: usize| -> Vec<Target> {
                    candidates
                        .iter()
                        .filter(|r| r.allow[q] >> o & 1 == 1)
                        .map(|r| r.target)
                        .collect()
                };
                let first = fit(0);
                (1..self.questions[q].options.len()).any(|o| fit(o) != first)
            })
    }

    /// What fits `answers`, and which sheets miss by one answer to a
    /// question whose answer a reader could change.
    pub fn found(&self, answers: &[Answer]) -> Found {
        let mut matches: Vec<Target> = self.candidates(answers).iter().map(|r| r.target).collect();
        matches.sort();
        let mut near: Vec<(Target, Vec<usize>)> = self
            .rules
            .iter()
            .filter(|r| matches!(r.target, Target::Sheet(_)))
            .filter_map(|r| {
                let mut missed = answers
                    .iter()
                    .filter(|&&(q, o)| r.allow.get(q).is_none_or(|a| a >> o & 1 == 0));
                let (q, _) = *missed.next()?;
                let near_miss = self.questions.get(q).is_some_and(|x| x.near_miss);
                if missed.next().is_some() || !near_miss {
                    return None;
                }
                let unasked = (0..self.questions.len()).filter(|&x| {
                    r.allow[x] != u64::MAX
                        && self.questions[x].near_miss
                        && !answers.iter().any(|a| a.0 == x)
                });
                Some((r.target, std::iter::once(q).chain(unasked).collect()))
            })
            .collect();
        near.sort();
        Found { matches, near }
    }
}

impl Flow {
    pub fn new(rules: Rules) -> Flow {
        let mut flow = Flow {
            rules,
            ..Flow::default()
        };
        let mut outcomes: HashMap<Found, usize> = HashMap::new();
        flow.visit(Vec::new(), &mut outcomes);
        flow
    }

    fn visit(&mut self, answers: Vec<Answer>, outcomes: &mut HashMap<Found, usize>) -> usize {
        let Some(q) = self.rules.next_question(&answers) else {
            let found = self.rules.found(&answers);
            if let Some(&i) = outcomes.get(&found) {
                if let Some(Step::Outcome { paths, .. }) = self.steps.get_mut(i) {
                    paths.push(answers);
                }
                return i;
            }
            let i = self.push(&answers, |a| Step::Outcome {
                found: found.clone(),
                paths: vec![a],
            });
            outcomes.insert(found, i);
            return i;
        };
        let here = self.push(&answers, |a| Step::Question {
            answers: a,
            question: q,
            next: Vec::new(),
        });
        self.by_answers.insert(answers.clone(), here);
        let next: Vec<usize> = (0..self.rules.questions[q].options.len())
            .map(|o| {
                let mut more = answers.clone();
                more.push((q, o));
                self.visit(more, outcomes)
            })
            .collect();
        if let Some(Step::Question { next: n, .. }) = self.steps.get_mut(here) {
            *n = next;
        }
        here
    }

    fn push(&mut self, answers: &[Answer], step: impl FnOnce(Vec<Answer>) -> Step) -> usize {
        let segment = answers
            .iter()
            .map(|&(q, o)| self.rules.questions[q].options[o].as_str())
            .collect::<Vec<_>>()
            .join("-");
        self.steps.push(step(answers.to_vec()));
        self.segments.push(segment);
        self.steps.len() - 1
    }

    /// The question page reached by exactly these answers.
    pub fn question_at(&self, answers: &[Answer]) -> Option<usize> {
        self.by_answers.get(answers).copied()
    }

    /// The step whose address part is `segment`.
    pub fn step_of(&self, segment: &str) -> Option<usize> {
        self.segments.iter().position(|s| s == segment)
    }

    /// Every path from the start to an outcome, with that outcome.
    pub fn paths(&self) -> impl Iterator<Item = (&[Answer], &Found)> {
        self.steps.iter().flat_map(|s| match s {
            Step::Outcome { found, paths } => paths
                .iter()
                .map(|p| (p.as_slice(), found))
                .collect::<Vec<_>>(),
            Step::Question { .. } => Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests;
