//! `factsheet finder`: the whole flow as Graphviz or as an indented list,
//! each outcome with the sheets behind it. Names are the file's ids and
//! the sheets' `destination/route`.

use std::fmt::Write;

use super::flow::{Flow, Found, Step, Target};
use crate::content::finder::Finder;

fn target(finder: &Finder, sheets: &[String], t: Target) -> String {
    match t {
        Target::Sheet(i) => sheets.get(i).cloned().unwrap_or_default(),
        Target::Text(i) => finder
            .outcomes
            .get(i)
            .map_or(String::new(), |o| format!("({})", o.id.value)),
    }
}

/// An outcome's lines: what fits, then the near misses.
fn outcome(finder: &Finder, sheets: &[String], found: &Found) -> Vec<String> {
    let mut lines: Vec<String> = found
        .matches
        .iter()
        .map(|&t| target(finder, sheets, t))
        .collect();
    if lines.is_empty() {
        let fallback = finder.outcomes.iter().find(|o| o.when.is_none());
        lines.push(fallback.map_or("(nothing)".into(), |o| format!("({})", o.id.value)));
    }
    lines.extend(found.near.iter().map(|(t, qs)| {
        let needs: Vec<&str> = qs
            .iter()
            .map(|&q| finder.questions[q].id.value.as_str())
            .collect();
        format!(
            "near: {} (needs {})",
            target(finder, sheets, *t),
            needs.join(", ")
        )
    }));
    lines
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The flow as a Graphviz digraph: a box per question, an ellipse per
/// outcome, an arrow per answer.
pub fn dot(finder: &Finder, flow: &Flow, sheets: &[String]) -> String {
    let mut out = String::from(
        "digraph finder {\n  rankdir=LR;\n  node [fontname=\"sans-serif\"];\n  edge [fontname=\"sans-serif\"];\n",
    );
    for (i, step) in flow.steps.iter().enumerate() {
        let (shape, label) = match step {
            Step::Question { question, .. } => {
                ("box", format!("{}?", finder.questions[*question].id.value))
            }
            Step::Outcome { found, .. } => ("ellipse", outcome(finder, sheets, found).join("\n")),
        };
        let _ = writeln!(out, "  s{i} [shape={shape}, label={}];", quote(&label));
    }
    for (i, step) in flow.steps.iter().enumerate() {
        if let Step::Question { question, next, .. } = step {
            for (o, to) in next.iter().enumerate() {
                let answer = &finder.questions[*question].options[o].value;
                let _ = writeln!(out, "  s{i} -> s{to} [label={}];", quote(answer));
            }
        }
    }
    out.push_str("}\n");
    out
}

/// The flow as an indented list; an outcome shown before is named by its
/// address instead of repeated.
pub fn text(finder: &Finder, flow: &Flow, sheets: &[String]) -> String {
    let mut out = String::new();
    let mut shown = vec![false; flow.steps.len()];
    walk(finder, flow, sheets, 0, 0, &mut shown, &mut out);
    out
}

fn walk(
    finder: &Finder,
    flow: &Flow,
    sheets: &[String],
    step: usize,
    depth: usize,
    shown: &mut [bool],
    out: &mut String,
) {
    let pad = "  ".repeat(depth);
    match flow.steps.get(step) {
        Some(Step::Question { question, next, .. }) => {
            let q = &finder.questions[*question];
            let _ = writeln!(out, "{pad}{}?", q.id.value);
            for (o, &to) in next.iter().enumerate() {
                let _ = writeln!(out, "{pad}  {}:", q.options[o].value);
                walk(finder, flow, sheets, to, depth + 2, shown, out);
            }
        }
        Some(Step::Outcome { found, .. }) => {
            if std::mem::replace(&mut shown[step], true) {
                let _ = writeln!(out, "{pad}= {}/", flow.segments[step]);
                return;
            }
            let _ = writeln!(out, "{pad}=> {}/", flow.segments[step]);
            for line in outcome(finder, sheets, found) {
                let _ = writeln!(out, "{pad}   {line}");
            }
        }
        None => {}
    }
}
