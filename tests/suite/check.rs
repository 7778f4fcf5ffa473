//! `factsheet check` on fixture sites: one problem each, with the place,
//! the message, the hint and the exit status a user would see.

use crate::common::{TestSite, base_source_with as src, base_translation_with as tr};

const SOURCE: &str = "content/de/work.en.md";
const SQ: &str = "content/de/work.sq.md";

/// Writes `files` over the base site, runs `check`, and asserts every
/// expected line fragment and the exit status.
#[track_caller]
fn case(files: &[(&str, String)], expect: &[&str], code: i32) {
    let site = TestSite::base();
    for (path, text) in files {
        site.write(path, text);
    }
    let run = site.check();
    run.code(code);
    for e in expect {
        run.err_has(e);
    }
}

#[test]
fn the_base_fixture_and_the_sample_site_pass() {
    TestSite::base()
        .check()
        .code(0)
        .err_has("check passed: 1 sheet and 2 translations in 4 languages: 0 errors, 0 warnings");
    TestSite::sample()
        .run(&["--today", "2026-12-07", "check"])
        .code(0)
        .err_has("check passed: 10 sheets");
}

#[test]
fn unknown_field_with_did_you_mean() {
    case(
        &[(SOURCE, src("title:", "titel:"))],
        &[
            "content/de/work.en.md:2:1: error[unknown-field]: unknown field `titel` in a source sheet",
            "hint: did you mean `title`?",
            "error[missing-field]: a source sheet has no `title`",
        ],
        1,
    );
}

#[test]
fn missing_required_field() {
    case(
        &[(
            SOURCE,
            src("summary: A job offer first, then the visa.\n", ""),
        )],
        &[
            "content/de/work.en.md:2:1: error[missing-field]: a source sheet has no `summary`",
            "hint: add `summary:",
        ],
        1,
    );
}

#[test]
fn source_only_field_in_a_translation() {
    case(
        &[(
            SQ,
            tr("key_facts:", "last_reviewed: 2026-01-01\nkey_facts:"),
        )],
        &[
            "content/de/work.sq.md:4:1: error[misplaced-field]: `last_reviewed` belongs to the source sheet, not to a translation",
            "kept once, in content/de/work.en.md",
        ],
        1,
    );
}

#[test]
fn destination_and_route_must_match_the_path() {
    case(
        &[(
            SOURCE,
            src("destination: de", "destination: it").replace("route: work", "route: study"),
        )],
        &[
            "content/de/work.en.md:4:14: error[path-mismatch]: `destination: it` does not match the file's place (`de`)",
            "content/de/work.en.md:5:8: error[path-mismatch]: `route: study` does not match",
        ],
        1,
    );
}

#[test]
fn unknown_route_and_language_in_file_names() {
    case(
        &[
            ("content/de/wrok.en.md", src("", "")),
            ("content/de/work.SQ.md", tr("", "")),
        ],
        &[
            "content/de/wrok.en.md: error[unknown-route]: `wrok` is not a route of this site",
            "did you mean `work`?",
            "content/de/work.SQ.md: error[unknown-language]: `SQ` is not one of the site's languages",
            "did you mean `sq`?",
        ],
        1,
    );
}

#[test]
fn bad_dates() {
    case(
        &[(
            SOURCE,
            src("last_reviewed: 2026-01-01", "last_reviewed: 2026-13-01"),
        )],
        &[
            "content/de/work.en.md:6:16: error[bad-date]: `2026-13-01` is not a valid date for `last_reviewed`",
            "YYYY-MM-DD",
        ],
        1,
    );
    case(
        &[(
            SOURCE,
            src("last_reviewed: 2026-01-01", "last_reviewed: 2026-06-01"),
        )],
        &[
            "content/de/work.en.md:6:16: error[invalid-date]: `last_reviewed` (2026-06-01) is in the future (today is 2026-03-01)",
        ],
        1,
    );
    case(
        &[(SOURCE, src("sources:", "valid_until: 2025-12-31\nsources:"))],
        &[
            "content/de/work.en.md:7:14: error[invalid-date]: `valid_until` (2025-12-31) is before `last_reviewed` (2026-01-01)",
        ],
        1,
    );
}

#[test]
fn sources_must_exist_and_be_web_addresses() {
    let no_sources = src("sources:\n", "sources: []\nx_sources:\n");
    case(
        &[(SOURCE, no_sources)],
        &[
            "error[no-sources]: `sources` is empty",
            "error[unknown-field]: unknown field `x_sources`",
            "did you mean `sources`?",
        ],
        1,
    );
    case(
        &[(
            SOURCE,
            src("https://www.auswaertiges-amt.de/", "javascript:alert(1)"),
        )],
        &[
            "content/de/work.en.md:9:10: error[bad-url]: `javascript:alert(1)` is not a web address",
            "https://",
        ],
        1,
    );
}

#[test]
fn key_fact_label_without_a_fluent_message() {
    case(
        &[
            (SOURCE, src("label: fee", "label: fees")),
            (SQ, tr("label: fee", "label: fees")),
        ],
        &[
            "content/de/work.en.md:12:12: error[unknown-label]: key-fact label `fees` has no Fluent message",
            "did you mean `fee`?",
        ],
        1,
    );
}

#[test]
fn fluent_syntax_errors_and_missing_messages() {
    case(
        &[(
            "translations/sq.ftl",
            "country-de = Gjermania\nroute-work Punë\n".to_string(),
        )],
        &[
            "translations/sq.ftl:2:12: error[fluent-syntax]: Fluent syntax error",
            // A gap that the fallback chain covers is a warning.
            "translations/sq.ftl: warning[missing-message]: message `fact-fee` is not translated into sq",
            "until then readers see the en text",
        ],
        1,
    );
    case(
        &[(
            "translations/sq.ftl",
            "country-de = Gjermania\nroute-work = Punë\nroute-study = Studime\nfact-fe = Tarifa\n"
                .to_string(),
        )],
        &[
            "warning[missing-message]: message `days-late`",
            "translations/sq.ftl:4:1: warning[unknown-message]: message `fact-fe`",
        ],
        0,
    );
}

#[test]
fn translation_without_source_and_with_wrong_from() {
    case(
        &[("content/de/study.sq.md", tr("", ""))],
        &[
            "content/de/study.sq.md:1:1: error[orphan-translation]: no source sheet: content/de/study.en.md does not exist",
            "`factsheet new de study`",
        ],
        1,
    );
    case(
        &[(SQ, tr("from: en", "from: sq"))],
        &[
            "content/de/work.sq.md:8:9: error[bad-from]: `from: sq`, but the source language is `en`",
            "write `from: en`",
        ],
        1,
    );
}

#[test]
fn changed_words_outdate_translations_changed_dates_do_not() {
    case(
        &[(
            SOURCE,
            src(
                "Find an employer first.",
                "Find an employer first, then apply.",
            ),
        )],
        &[
            "content/de/work.sq.md:9:16: error[outdated]: translation (sq) is outdated",
            "content/de/work.sr-Cyrl.md:6:16: error[outdated]",
            "run `factsheet stamp content/de/work.sq.md`",
        ],
        1,
    );
    let rereviewed = src("last_reviewed: 2026-01-01", "last_reviewed: 2026-02-20").replace(
        "checked: 2026-01-01",
        "checked: 2026-02-20\n  - title: BAMF\n    url: https://www.bamf.de/",
    );
    case(&[(SOURCE, rereviewed)], &["0 errors, 0 warnings"], 0);
}

#[test]
fn freshness_boundaries_fail_check_or_warn() {
    // Due 2026-06-30 (180 days after 2026-01-01); warnings from 2026-05-31.
    let site = TestSite::base();
    site.run(&["--today", "2026-05-30", "check"])
        .code(0)
        .err_has("0 warnings");
    site.run(&["--today", "2026-05-31", "check"])
        .code(0)
        .err_has("content/de/work.en.md:6:16: warning[due-soon]: review due soon: on 2026-06-30");
    site.run(&["--today", "2026-06-30", "check", "--strict"])
        .code(1)
        .err_has("--strict: warnings fail");
    site.run(&["--today", "2026-07-01", "check"])
        .code(1)
        .err_has(
            "content/de/work.en.md:6:16: error[overdue]: review overdue: it was due on 2026-06-30",
        );
    site.write(SOURCE, src("sources:", "valid_until: 2026-03-31\nsources:"));
    site.run(&["--today", "2026-04-01", "check"])
        .code(1)
        .err_has(
            "content/de/work.en.md:7:14: error[expired]: expired: valid only until 2026-03-31",
        );
}

#[test]
fn every_problem_in_one_run() {
    let site = TestSite::base();
    site.write(
        SOURCE,
        src("title:", "titel:").replace("2026-01-01\nsources", "2026-99-01\nsources"),
    );
    site.write(SQ, tr("from: en", "from: sr"));
    site.write("content/DE/work.en.md", "x");
    site.write("content/de/study.sq.md", tr("", ""));
    let run = site.check();
    run.code(1);
    for code in [
        "unknown-field",
        "bad-date",
        "bad-from",
        "bad-destination",
        "orphan-translation",
    ] {
        run.err_has(&format!("error[{code}]"));
    }
}

#[test]
fn json_and_github_formats() {
    let site = TestSite::base();
    site.write(SOURCE, src("title:", "titel:"));
    let run = site.run(&["--today", "2026-03-01", "check", "--format", "json"]);
    run.code(1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON on stdout");
    assert_eq!(json["version"], 1);
    assert_eq!(json["errors"], 2);
    let first = &json["diagnostics"][0];
    assert_eq!(first["file"], "content/de/work.en.md");
    assert_eq!(first["line"], 2);
    assert_eq!(first["column"], 1);
    assert_eq!(first["severity"], "error");
    assert!(
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "unknown-field" && d["hint"] == "did you mean `title`?")
    );

    let run = site.run(&["--today", "2026-03-01", "check", "--format", "github"]);
    run.code(1).out_has(
        "::error file=content/de/work.en.md,line=2,col=1,title=unknown-field::unknown field `titel` in a source sheet%0Ahint: did you mean `title`?",
    );
}

#[test]
fn configuration_errors_exit_2_with_hints() {
    let site = TestSite::base();
    let config = site
        .read("content/site.yaml")
        .replace("warning_days:", "warnings_days:");
    site.write("content/site.yaml", config);
    site.check()
        .code(2)
        .err_has("content/site.yaml:5:1: error[unknown-field]: unknown field `warnings_days` in site.yaml")
        .err_has("did you mean `warning_days`?");

    let site = TestSite::base();
    let config = site.read("content/site.yaml").replace(
        "fallback: [en]\n  - tag: sr-Latn",
        "fallback: [eng]\n  - tag: sr-Latn",
    );
    site.write("content/site.yaml", config);
    site.check()
        .code(2)
        .err_has("error[unknown-language]: fallback `eng` is not one of the site's languages");

    let empty = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factsheet"))
        .args(["--root", empty.path().to_str().unwrap(), "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the site configuration"));
}

#[test]
fn quiet_prints_errors_only() {
    let site = TestSite::base();
    let run = site.run(&["--today", "2026-05-31", "--quiet", "check"]);
    run.code(0);
    assert_eq!(run.stderr, "", "quiet run printed something");
}

#[test]
fn configuration_errors_come_out_in_the_chosen_format() {
    let site = TestSite::base();
    let config = site
        .read("content/site.yaml")
        .replace("warning_days:", "warnings_days:");
    site.write("content/site.yaml", config);
    let run = site.run(&["check", "--format", "json"]);
    run.code(2);
    let json: serde_json::Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    let text = json.to_string();
    assert!(text.contains("unknown-field"), "{text}");
    assert!(text.contains("warnings_days"), "{text}");
    site.run(&["check", "--format", "github"]).code(2).out_has(
        "::error file=content/site.yaml,line=5,col=1,title=unknown-field::unknown field `warnings_days` in site.yaml",
    );
}

#[test]
fn one_bad_language_does_not_hide_the_others() {
    let site = TestSite::base();
    let config = site
        .read("content/site.yaml")
        .replace("    name: Shqip\n", "    name: Shqip\n    dir: [ltr]\n")
        .replace(
            "    name: Српски\n",
            "    name: Српски\n    dir: sideways\n",
        )
        .replace(
            "transliterate}\n    fallback: [en]",
            "transliterate}\n    fallback: [eng]",
        );
    site.write("content/site.yaml", config);
    site.check()
        .code(2)
        .err_has("error[wrong-type]: `dir` must be text")
        .err_has("error[bad-value]: `dir: sideways` is not a direction")
        .err_has("fallback `eng` is not one of the site's languages");
}

#[test]
fn language_tags_that_differ_only_in_case_are_refused() {
    let site = TestSite::base();
    let config = site.read("content/site.yaml").replace(
        "  - tag: sr-Latn",
        "  - tag: sr-cyrl\n    name: Srpski\n  - tag: sr-Latn",
    );
    site.write("content/site.yaml", config);
    site.check()
        .code(2)
        .err_has("error[duplicate]: language `sr-cyrl` is `sr-Cyrl` in another case; both would have the address /sr-cyrl/");
}
