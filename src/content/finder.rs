//! `content/finder.yaml`: the finder's questions, their answers and the
//! outcomes that are not a sheet. Wording is Fluent's, by id: a question
//! `finder-q-<question>`, an answer `finder-a-<question>-<answer>`, what a
//! near miss lacks `finder-needs-<question>`, an outcome
//! `finder-o-<outcome>`.

use std::path::{Path, PathBuf};

use super::doc::Condition;
use crate::diagnostics::{Code, Diagnostics};
use crate::yaml::reader::{Reader, Spanned, get};
use crate::yaml::{self, Node};

/// The finder's file, read.
#[derive(Debug, Clone, Default)]
pub struct Finder {
    /// The file as the user would type it, for diagnostics.
    pub path: PathBuf,
    pub questions: Vec<Question>,
    pub outcomes: Vec<Outcome>,
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: Spanned<String>,
    pub options: Vec<Spanned<String>>,
    /// Whether a sheet that misses only this question's answer is shown as
    /// a near miss (no for citizenship: nobody can change it).
    pub near_miss: bool,
}

/// A text outcome. One without `when` is shown when nothing else fits.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub id: Spanned<String>,
    pub when: Option<Vec<Condition>>,
}

/// The most answers a question may have (a bit each in `flow::Rules`).
pub const MAX_OPTIONS: usize = 64;

/// An answer's id is part of an address: lower-case letters and digits
/// only (answers are joined with `-`).
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Reads `finder.yaml`'s text. Problems go to `diags` with their line and
/// column; a broken question or outcome is left out.
pub fn read(file: &Path, text: &str, diags: &mut Diagnostics) -> Finder {
    let mut finder = Finder {
        path: file.to_path_buf(),
        ..Finder::default()
    };
    let root = match yaml::parse(text) {
        Ok(root) => root,
        Err(e) => {
            diags.push(e.into_diagnostic(file, 0));
            return finder;
        }
    };
    let mut r = Reader {
        file,
        line_offset: 0,
        diags,
    };
    if root.is_null() {
        return finder;
    }
    let Some(top) = r.map(&root, "finder.yaml") else {
        return finder;
    };
    r.check_keys(top, &["questions", "outcomes"], "finder.yaml", &|_| None);
    for item in get(top, "questions")
        .and_then(|n| r.seq(n, "questions"))
        .unwrap_or_default()
    {
        if let Some(q) = question(&mut r, item)
            && !duplicate(&mut r, &q.id, finder.questions.iter().map(|q| &q.id))
        {
            finder.questions.push(q);
        }
    }
    for item in get(top, "outcomes")
        .and_then(|n| r.seq(n, "outcomes"))
        .unwrap_or_default()
    {
        let Some(e) = r.map(item, "an outcome") else {
            continue;
        };
        r.check_keys(e, &["id", "when"], "an outcome", &|_| None);
        let Some(id) = id(&mut r, e, item, "this outcome", "no-route") else {
            continue;
        };
        let when = get(e, "when").map(|n| super::fields::read_conditions(&mut r, n, "`when`"));
        let fallbacks = finder.outcomes.iter().filter(|o| o.when.is_none()).count();
        if when.is_none() && fallbacks > 0 {
            r.error_abs(
                id.pos,
                Code::Duplicate,
                "a second outcome without `when`",
                "one outcome without `when` is shown when nothing fits: give this one a `when`",
            );
        } else if !duplicate(&mut r, &id, finder.outcomes.iter().map(|o| &o.id)) {
            finder.outcomes.push(Outcome { id, when });
        }
    }
    finder
}

fn question(r: &mut Reader, item: &Node) -> Option<Question> {
    let e = r.map(item, "a question")?;
    r.check_keys(e, &["id", "options", "near_miss"], "a question", &|_| None);
    let id = id(r, e, item, "this question", "purpose")?;
    let node = r.required(
        e,
        "options",
        item.pos,
        "this question",
        "[yes, no]",
        |r, n| r.seq(n, "options").map(<[Node]>::to_vec),
    )?;
    let mut options: Vec<Spanned<String>> = Vec::new();
    for n in &node {
        let Some(o) = r.text(n, "options") else {
            continue;
        };
        if !is_id(&o.value) {
            bad_id(r, &o);
        } else if !duplicate(r, &o, options.iter()) {
            options.push(o);
        }
    }
    if options.len() < 2 || options.len() > MAX_OPTIONS {
        r.error_abs(
            id.pos,
            Code::BadValue,
            format!("question `{}` has {} answers", id.value, options.len()),
            format!("a question has from 2 to {MAX_OPTIONS} answers"),
        );
        return None;
    }
    let near_miss = match get(e, "near_miss") {
        Some(n) => match n.as_str().map(str::trim) {
            Some("true") => true,
            Some("false") => false,
            _ => {
                r.error(
                    n.pos,
                    Code::BadValue,
                    "`near_miss` is `true` or `false`",
                    "write `near_miss: false` for a question nobody can change the answer to",
                );
                true
            }
        },
        None => true,
    };
    Some(Question {
        id,
        options,
        near_miss,
    })
}

fn id(
    r: &mut Reader,
    e: &[crate::yaml::Entry],
    item: &Node,
    ctx: &str,
    example: &str,
) -> Option<Spanned<String>> {
    let id = r.required(e, "id", item.pos, ctx, example, |r, n| r.text(n, "id"))?;
    if !crate::text::is_slug(&id.value) {
        r.error_abs(
            id.pos,
            Code::BadValue,
            format!("`{}` is not a finder id", id.value),
            "use lower-case letters, digits and hyphens: Fluent ids are made of it",
        );
        return None;
    }
    Some(id)
}

fn bad_id(r: &mut Reader, id: &Spanned<String>) {
    r.error_abs(
        id.pos,
        Code::BadValue,
        format!("`{}` is not an answer's id", id.value),
        "use lower-case letters and digits only: answers make the finder's addresses (`al-work`)",
    );
}

/// Reports `id` if `seen` has it already.
fn duplicate<'s>(
    r: &mut Reader,
    id: &Spanned<String>,
    mut seen: impl Iterator<Item = &'s Spanned<String>>,
) -> bool {
    let Some(other) = seen.find(|o| o.value == id.value) else {
        return false;
    };
    r.error_abs(
        id.pos,
        Code::Duplicate,
        format!(
            "`{}` is listed twice (also on line {})",
            id.value, other.pos.line
        ),
        "remove one",
    );
    true
}
