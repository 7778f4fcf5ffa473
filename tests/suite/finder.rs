//! The route finder on the sample: every path walked in English (each
//! ends on an outcome, every sheet is reached, no outcome lists a sheet
//! the answers contradict), `check`'s finder rules one case each, and
//! `factsheet finder` as text and Graphviz.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use crate::common::{Built, TestSite};

const TODAY: &str = "2026-12-07";
const WORK: &str = "content/de/work.en.md";

fn built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| TestSite::sample().build(&["--today", TODAY, "build", "--no-pdf"]))
}

fn page<'a>(files: &'a BTreeMap<String, Vec<u8>>, path: &str) -> &'a str {
    let bytes = files.get(path).unwrap_or_else(|| panic!("no {path}"));
    std::str::from_utf8(bytes).unwrap()
}

/// The `href`s of the links inside the list `<ul class="{class}">`.
fn links(html: &str, class: &str) -> Vec<String> {
    let Some(start) = html.find(&format!("<ul class=\"{class}\">")) else {
        return Vec::new();
    };
    let list = &html[start..start + html[start..].find("</ul>").unwrap()];
    list.split("<a href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

/// `href` from the page at `from` (a path under the output), as a path.
fn resolve(from: &str, href: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    format!("{}/index.html", parts.join("/"))
}

#[test]
fn every_path_in_english_ends_on_an_outcome_and_every_sheet_is_reached() {
    let files = &built().files;
    let (mut todo, mut seen) = (vec!["en/finder/index.html".to_string()], BTreeSet::new());
    let (mut reached, mut outcomes, mut paths) = (BTreeSet::new(), 0, 0);
    while let Some(at) = todo.pop() {
        let html = page(files, &at);
        let answers = links(html, "finder-answers");
        if answers.is_empty() {
            paths += 1;
            assert!(
                html.contains("class=\"finder-results\"") || html.contains("class=\"finder-text\""),
                "{at} ends on nothing"
            );
            assert!(
                html.contains("<meta name=\"robots\" content=\"noindex\">"),
                "{at}"
            );
            assert!(
                html.contains("class=\"centres finder-centres\""),
                "{at}: the centres"
            );
            for href in links(html, "finder-results") {
                reached.insert(resolve(&at, &href));
            }
            if seen.insert(at.clone()) {
                outcomes += 1;
            }
            continue;
        }
        assert!(html.contains("<h1>"), "{at}: the question is the h1");
        if at != "en/finder/index.html" {
            assert!(html.contains("class=\"finder-back\""), "{at}: a back link");
            assert!(
                html.contains("class=\"finder-given\""),
                "{at}: the answers so far"
            );
        }
        seen.insert(at.clone());
        todo.extend(answers.iter().map(|h| resolve(&at, h)));
    }
    let sheets: BTreeSet<String> = files
        .keys()
        .filter(|p| p.starts_with("en/") && p.matches('/').count() == 3)
        .filter(|p| !p.starts_with("en/finder/") && p.ends_with("/index.html"))
        .cloned()
        .collect();
    assert_eq!(reached, sheets, "every sheet is reached");
    let pages = files
        .keys()
        .filter(|p| p.starts_with("en/finder/") && p.ends_with("index.html"))
        .count();
    assert_eq!(seen.len(), pages, "every finder page is on a path");
    assert_eq!((pages, outcomes), (54, 18));
    assert!(paths > outcomes, "paths share outcome pages");
    let sitemap = page(files, "sitemap.xml");
    assert!(sitemap.contains("/en/finder/</loc>"));
    assert!(!sitemap.contains("/en/finder/al"));
    for home in ["en/index.html", "sq/index.html", "sr-latn/de/index.html"] {
        assert!(page(files, home).contains("class=\"to-finder\""), "{home}");
    }
}

#[test]
fn no_outcome_lists_a_sheet_that_the_answers_contradict() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut diags = factsheet::diagnostics::Diagnostics::default();
    let site = factsheet::content::load::load(root, &mut diags).unwrap();
    let model = factsheet::render::Model::new(&site, jiff::civil::date(2026, 12, 7), "/");
    let (finder, flow) = (
        site.finder.as_ref().unwrap(),
        model.finder.as_ref().unwrap(),
    );
    let name = |q: usize, o: usize| {
        let q = &finder.questions[q];
        (q.id.value.as_str(), q.options[o].value.as_str())
    };
    // Whether the sheet's stated conditions allow this answer.
    let allows = |i: usize, (q, o): (&str, &str)| {
        let conditions = model.sheets[i].inherited.finder.as_ref().unwrap();
        conditions
            .iter()
            .find(|c| c.question.value == q)
            .is_none_or(|c| c.options.iter().any(|x| x.value == o))
    };
    let sheet = |d: &str, r: &str| {
        model
            .sheets
            .iter()
            .position(|s| s.destination == d && s.route == r)
            .unwrap()
    };
    use factsheet::finder::Target;
    for (answers, found) in flow.paths() {
        let named: Vec<_> = answers.iter().map(|&(q, o)| name(q, o)).collect();
        for t in &found.matches {
            if let Target::Sheet(i) = *t {
                for &a in &named {
                    assert!(allows(i, a), "{named:?} lists sheet {i} against {a:?}");
                }
            }
        }
        for (t, _) in &found.near {
            let Target::Sheet(i) = *t else {
                panic!("a text as a near miss")
            };
            let missed: Vec<_> = named.iter().filter(|&&a| !allows(i, a)).collect();
            assert_eq!(missed.len(), 1, "{named:?}: sheet {i} misses {missed:?}");
            assert_ne!(missed[0].0, "citizenship");
        }
        let citizenship = named.iter().find(|a| a.0 == "citizenship").map(|a| a.1);
        let has = |d, r| found.matches.contains(&Target::Sheet(sheet(d, r)));
        // As the sheets say: the DHS list has BA, ME, MK, RS but not AL
        // or XK; the Western Balkans Regulation is for the six.
        if matches!(citizenship, Some("al" | "xk")) {
            assert!(!has("us", "seasonal-work"), "{named:?}");
        }
        if matches!(citizenship, Some("hr" | "other")) {
            assert!(!has("de", "work"), "{named:?}");
        }
        if citizenship == Some("hr") {
            assert!(
                found.matches.contains(&Target::Text(0)),
                "{named:?}: EU citizen"
            );
            for (d, r) in [
                ("de", "work"),
                ("hr", "work"),
                ("it", "seasonal-work"),
                ("de", "family"),
            ] {
                assert!(!has(d, r), "{named:?} lists {d}/{r}");
            }
        }
    }
    let us = sheet("us", "seasonal-work");
    let rs_seasonal = flow.paths().any(|(a, f)| {
        a.iter().any(|&(q, o)| name(q, o) == ("citizenship", "rs"))
            && f.matches.contains(&Target::Sheet(us))
    });
    assert!(rs_seasonal, "Serbians reach the US seasonal visas");
}

#[track_caller]
fn case(files: &[(&str, &str, &str)], expect: &[&str], code: i32) {
    let site = TestSite::sample();
    for (path, from, to) in files {
        let text = site.read(path);
        assert!(text.contains(from), "{path} has no {from:?}");
        site.write(path, text.replacen(from, to, 1));
    }
    let run = site.run(&["--today", TODAY, "check"]);
    run.code(code);
    for e in expect {
        run.err_has(e);
    }
}

#[test]
fn unknown_questions_and_answers_with_did_you_mean() {
    case(
        &[(WORK, "  joboffer: [\"yes\"]", "  jobofer: [\"yes\"]")],
        &[
            "content/de/work.en.md:12:3: error[finder-unknown]: `jobofer` is not a question of the finder",
            "did you mean `joboffer`?",
        ],
        1,
    );
    case(
        &[(
            WORK,
            "[al, ba, me, mk, rs, xk]",
            "[al, ba, me, mk, rss, xk]",
        )],
        &[
            "error[finder-unknown]: `rss` is not an answer to `citizenship`",
            "did you mean `rs`?",
        ],
        1,
    );
}

#[test]
fn a_sheet_that_no_answers_reach_and_one_without_conditions() {
    // Only an unknown answer: nothing fits, so the sheet is never shown.
    case(
        &[(WORK, "[al, ba, me, mk, rs, xk]", "[zz]")],
        &[
            "content/de/work.en.md:1:1: error[finder-unreachable]: no answers to the route finder lead to this sheet",
        ],
        1,
    );
    case(
        &[(
            WORK,
            "finder:\n  citizenship: [al, ba, me, mk, rs, xk]\n  purpose: [work]\n  joboffer: [\"yes\"]\n",
            "",
        )],
        &["warning[finder-unreachable]: the sheet states no `finder` conditions"],
        0,
    );
}

#[test]
fn answers_that_end_nowhere_and_a_question_never_asked() {
    case(
        &[("content/finder.yaml", "  - id: no-route\n", "")],
        &[
            "content/finder.yaml: error[finder-dead-end]: the answers citizenship: al, purpose: family, family: no lead to no sheet and no outcome",
        ],
        1,
    );
    case(
        &[(
            "content/finder.yaml",
            "outcomes:\n",
            "  - id: language\n    options: [de, en]\noutcomes:\n",
        )],
        &[
            "content/finder.yaml:20:9: warning[finder-useless]: the question `language` never changes the result",
            "error[missing-message]: no Fluent message `finder-q-language`",
        ],
        1,
    );
}

#[test]
fn a_translation_that_states_conditions_is_misplaced() {
    case(
        &[(
            "content/de/work.sq.md",
            "\ntranslation:",
            "\nfinder:\n  purpose: [work]\ntranslation:",
        )],
        &["error[misplaced-field]: `finder` belongs to the source sheet, not to a translation"],
        1,
    );
}

#[test]
fn the_flow_as_text_and_as_graphviz() {
    let site = TestSite::sample();
    let run = site.run(&["--today", TODAY, "finder"]);
    run.code(0)
        .out_has("citizenship?\n  al:\n    purpose?\n")
        .out_has("=> al-work-no/\n")
        .out_has("near: de/work (needs joboffer)")
        .out_has("(eu-citizen)");
    let run = site.run(&["--today", TODAY, "finder", "--format", "dot"]);
    run.code(0);
    let dot = &run.stdout;
    assert!(
        dot.starts_with("digraph finder {\n") && dot.ends_with("}\n"),
        "{dot}"
    );
    let nodes: BTreeSet<&str> = dot
        .lines()
        .filter(|l| l.contains(" [shape="))
        .map(|l| l.trim().split(' ').next().unwrap())
        .collect();
    assert_eq!(nodes.len(), 54);
    let edges: Vec<&str> = dot.lines().filter(|l| l.contains(" -> ")).collect();
    let mut targets = BTreeSet::new();
    for e in &edges {
        let mut ends = e.trim().split(" -> ");
        let (a, b) = (
            ends.next().unwrap(),
            ends.next().unwrap().split(' ').next().unwrap(),
        );
        assert!(nodes.contains(a) && nodes.contains(b), "{e}");
        targets.insert(b);
    }
    // Every page but the start is reached by an answer.
    assert_eq!(targets.len(), 53);
    assert!(!targets.contains("s0"));
    assert_eq!(dot.matches('{').count(), 1, "one graph");
    // Where Graphviz is installed, it must read the graph.
    use std::io::Write;
    use std::process::{Command, Stdio};
    let spawned = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    if let Ok(mut child) = spawned {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(dot.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn in_serve_an_outcome_offers_a_pack_of_its_results() {
    let site = TestSite::sample();
    let server = crate::serve::start_on(&site, TODAY);
    let (status, _, page) = crate::serve::get(server.port, "/en/finder/al-work-no/");
    assert_eq!(status, 200);
    let page = String::from_utf8(page).unwrap();
    assert!(
        page.contains("<form class=\"finder-pack\" action=\"../../pack/pack.pdf\" method=\"get\"><input type=\"hidden\" name=\"sheet\" value=\"ca/work\"><input type=\"hidden\" name=\"sheet\" value=\"us/diversity-visa\">"),
        "{page}"
    );
    // A build has no server to make it: no form.
    let built = page_of_build("en/finder/al-work-no/index.html");
    assert!(!built.contains("finder-pack"));
}

fn page_of_build(path: &str) -> String {
    page(&built().files, path).to_string()
}
