//! Advice that tells its age: change notes on the page, the handout, the
//! feeds and the site's list of updates; `factsheet note`; key facts bound
//! in time, on the day before, of and after each boundary; reviewed
//! overviews; printout versions.

use crate::common::*;

/// The base sheet with `yaml` added to its front matter.
fn base_with(yaml: &str) -> String {
    base_source_with("key_facts:\n", &format!("{yaml}key_facts:\n"))
}

const TIMED: &str = "key_facts:
  - label: fee
    value: €75
  - label: quota
    value: 25,000 in 2026
    valid_until: 2026-12-31
  - label: quota
    value: 30,000 in 2027
    valid_from: 2027-01-01
  - label: processing-time
    value: Four weeks in 2026
    valid_until: 2026-12-31
";

/// The base site with time-bound facts, reviewed on 2026-10-01.
fn timed_site() -> TestSite {
    let site = TestSite::base();
    let ftl = site.read("translations/en.ftl");
    site.write(
        "translations/en.ftl",
        format!("{ftl}\nfact-quota = Quota\nfact-processing-time = Processing time\n"),
    );
    let text = base_source_with("last_reviewed: 2026-01-01", "last_reviewed: 2026-10-01")
        .replace("key_facts:\n  - label: fee\n    value: €75\n", TIMED);
    site.write("content/de/work.en.md", text);
    // The translation translates the fee, and both quotas in order.
    site.write(
        "content/de/work.sq.md",
        base_translation_with(
            "  - label: fee\n    value: 75 €\n",
            "  - label: fee\n    value: 75 €\n  - label: quota\n    value: 25 000 në 2026\n  - label: quota\n    value: 30 000 në 2027\n",
        ),
    );
    site.run(&[
        "--today",
        "2026-10-01",
        "stamp",
        "content/de/work.sq.md",
        "content/de/work.sr-Cyrl.md",
    ])
    .code(0);
    site
}

fn page(site: &TestSite, day: &str, lang: &str) -> String {
    site.run(&["--today", day, "build", "--no-pdf"]).code(0);
    site.read(&format!("public/{lang}/de/work/index.html"))
}

#[test]
fn facts_are_announced_hand_over_and_expire_on_their_days() {
    let site = timed_site();
    // The next quota is announced from 30 days before it holds.
    let p = page(&site, "2026-12-01", "en");
    assert!(p.contains("25,000 in 2026") && !p.contains("30,000 in 2027"));
    let p = page(&site, "2026-12-02", "en");
    assert!(
        p.contains("<strong>From January 1, 2027:</strong> 30,000 in 2027"),
        "{p}"
    );
    assert!(p.contains("25,000 in 2026"));
    let p = page(&site, "2026-12-31", "sq");
    assert!(p.contains("25 000 në 2026") && p.contains("30 000 në 2027"));
    // On the day, the next takes over; the one with nothing after it is
    // marked, and stays marked.
    for day in ["2027-01-01", "2027-01-02"] {
        let p = page(&site, day, "en");
        assert!(!p.contains("25,000 in 2026"), "{day}");
        assert!(
            p.contains("30,000 in 2027") && !p.contains("From January 1, 2027"),
            "{day}"
        );
        assert!(
            p.contains("<div class=\"expired\"><dt>Processing time</dt><dd>Four weeks in 2026 <strong class=\"mark\">No longer valid since January 1, 2027: check the official sources.</strong>"),
            "{day}: {p}"
        );
    }
    let p = page(&site, "2026-12-31", "en");
    assert!(!p.contains("No longer valid"));
}

#[test]
fn check_warns_before_a_fact_ends_and_fails_after_unless_one_takes_over() {
    let site = timed_site();
    let check = |day: &str| site.run(&["--today", day, "check"]);
    // 30 days' warning: from 2026-12-01, the day of the warning included.
    let r = check("2026-11-30");
    r.code(0);
    assert!(!r.stderr.contains("fact-expiring"), "{}", r.stderr);
    for day in ["2026-12-01", "2026-12-31"] {
        let r = check(day);
        r.code(0).err_has(
            "content/de/work.en.md:22:18: warning[fact-expiring]: key fact `processing-time` holds only until 2026-12-31",
        );
        // The quota hands over: no alarm for it.
        assert_eq!(
            r.stderr.matches("fact-expiring").count(),
            1,
            "{day}: {}",
            r.stderr
        );
        // Reported once, at the fact, not again as the sheet's due date.
        assert!(!r.stderr.contains("due-soon"), "{}", r.stderr);
    }
    for day in ["2027-01-01", "2027-01-02"] {
        let r = check(day);
        r.code(1).err_has(
            "content/de/work.en.md:22:18: error[fact-expired]: key fact `processing-time` held only until 2026-12-31",
        );
        r.err_has("valid_from: 2027-01-01");
        assert_eq!(r.stderr.matches("error[").count(), 1, "{}", r.stderr);
    }
    // `status` is due on the first fact expiry, before the review date.
    let out = site.run(&["--today", "2026-12-31", "status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["sheets"][0]["due"], "2026-12-31");
    assert_eq!(json["sheets"][0]["status"], "due-soon");
    let out = site.run(&["--today", "2027-01-01", "status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["sheets"][0]["status"], "overdue");
    // Once the last fact is replaced by its successor, all is well again.
    site.write(
        "content/de/work.en.md",
        site.read("content/de/work.en.md").replace(
            "    value: Four weeks in 2026\n    valid_until: 2026-12-31\n",
            "    value: Four weeks in 2026\n    valid_until: 2026-12-31\n  - label: processing-time\n    value: Six weeks from 2027\n    valid_from: 2027-01-01\n",
        ),
    );
    site.run(&[
        "--today",
        "2027-01-02",
        "stamp",
        "content/de/work.sq.md",
        "content/de/work.sr-Cyrl.md",
    ])
    .code(0);
    site.run(&["--today", "2027-01-02", "check"]).code(0);
}

#[test]
fn overlapping_facts_and_misplaced_dates_are_errors() {
    let site = TestSite::base();
    site.write(
        "content/de/work.en.md",
        base_source_with(
            "  - label: fee\n    value: €75\n",
            "  - label: fee\n    value: €75\n    valid_until: 2026-06-30\n  - label: fee\n    value: €90\n    valid_from: 2026-06-30\n",
        ),
    );
    site.check().code(1).err_has(
        "content/de/work.en.md:15:12: error[duplicate]: key fact `fee` is listed twice for the same days (also on line 12)",
    );
    site.write(
        "content/de/work.en.md",
        base_source_with("last_reviewed: 2026-01-01\n", "last_reviewed: 2026-01-01\n"),
    );
    site.write(
        "content/de/work.sq.md",
        base_translation_with(
            "    value: 75 €\n",
            "    value: 75 €\n    valid_until: 2026-06-30\n",
        ),
    );
    site.check().code(1).err_has(
        "error[misplaced-field]: `valid_until` belongs to the source sheet, not to a translation",
    );
}

const NOTES: &str = "changes:
  - date: 2026-02-01
    note: The fee rose to €75.
  - date: 2026-02-20
    note: Appointments are now booked online.
";

#[test]
fn change_notes_are_translated_by_date_and_shown_newest_first() {
    let site = TestSite::base();
    site.write("content/de/work.en.md", base_with(NOTES));
    // The translation translates one note; the other shows in English.
    site.write(
        "content/de/work.sq.md",
        base_translation_with(
            "translation:\n",
            "changes:\n  - date: 2026-02-01\n    note: Tarifa u rrit në 75 €.\ntranslation:\n",
        ),
    );
    // Notes are not part of the source hash: the translation is current.
    site.check().code(0);
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    let en = site.read("public/en/de/work/index.html");
    assert!(en.contains("<p class=\"checked\">Checked against official sources on January 1, 2026 · Updated February 20, 2026: <span>Appointments are now booked online.</span> · <a href=\"#updates\">All updates</a></p>"), "{en}");
    let newest = en.find("<li data-date=\"2026-02-20\">").expect("newest");
    let older = en.find("<li data-date=\"2026-02-01\">").expect("older");
    assert!(newest < older, "newest first");
    let sq = site.read("public/sq/de/work/index.html");
    assert!(sq.contains("<span>Tarifa u rrit në 75 €.</span>"), "{sq}");
    // The untranslated note keeps its language, and says so.
    assert!(sq.contains("<span lang=\"en\">Appointments are now booked online.</span> <span class=\"in-language\">"), "{sq}");
    // Every note of the site, newest first, linking its sheet.
    let changes = site.read("public/sq/changes/index.html");
    let a = changes
        .find("Appointments are now booked online.")
        .expect("listed");
    let b = changes.find("Tarifa u rrit në 75 €.").expect("listed");
    assert!(a < b);
    assert!(
        changes.contains("<a href=\"../de/work/\">Punë në Gjermani</a>"),
        "{changes}"
    );
    // Feeds: one entry per note and per review, newest first, in both the
    // language's feed and the destination's.
    for feed in ["public/sq/feed.xml", "public/sq/de/feed.xml"] {
        let x = site.read(feed);
        let ids: Vec<&str> = x
            .split("<id>")
            .skip(2)
            .filter_map(|s| s.split("</id>").next())
            .collect();
        assert_eq!(
            ids,
            [
                "https://example.org/sq/de/work/#change-2026-02-20",
                "https://example.org/sq/de/work/#change-2026-02-01",
                "https://example.org/sq/de/work/#review-2026-01-01",
            ],
            "{feed}"
        );
        assert!(x.contains("<summary>Tarifa u rrit në 75 €.</summary>"));
    }
    // A note dated in the future, and a translated note the source lacks.
    site.write(
        "content/de/work.sq.md",
        base_translation_with(
            "translation:\n",
            "changes:\n  - date: 2026-02-02\n    note: X\ntranslation:\n",
        ),
    );
    site.write(
        "content/de/work.en.md",
        base_with(&NOTES.replace("2026-02-20", "2026-03-02")),
    );
    let r = site.check();
    r.code(1)
        .err_has("content/de/work.sq.md:8:11: error[unknown-change]: the source has no change note dated 2026-02-02")
        .err_has("translate the notes of content/de/work.en.md by their dates: 2026-03-02, 2026-02-01")
        .err_has("error[invalid-date]: change note dated 2026-03-02, which is in the future");
}

#[test]
fn note_records_a_change_and_check_warns_when_text_changes_unnoted() {
    let site = TestSite::base();
    let file = "content/de/work.en.md";
    let before = site.read(file);
    site.run(&[
        "--today",
        "2026-03-01",
        "note",
        file,
        "The fee is now \"€75\": paid online.",
    ])
    .code(0)
    .err_has("noted a change of 2026-03-01 in content/de/work.en.md");
    let after = site.read(file);
    // Only the note and the hash are added, at the end of the front matter.
    let added: Vec<&str> = after
        .lines()
        .filter(|l| !before.lines().any(|b| b == *l))
        .collect();
    assert_eq!(added.len(), 4, "{after}");
    assert!(after.contains("changes:\n  - date: 2026-03-01\n    note: \"The fee is now \\\"€75\\\": paid online.\"\nnoted_hash: "));
    let kept: Vec<&str> = after.lines().filter(|l| !added.contains(l)).collect();
    assert_eq!(kept, before.lines().collect::<Vec<_>>());
    site.check().code(0);
    let page = {
        site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
            .code(0);
        site.read("public/en/de/work/index.html")
    };
    assert!(page.contains(
        "Updated March 1, 2026: <span>The fee is now &quot;€75&quot;: paid online.</span>"
    ));
    // A second note on the same day is refused: one note per day.
    site.run(&["--today", "2026-03-01", "note", file, "Again"])
        .code(2)
        .err_has("already has a change note dated 2026-03-01 (line 15)");
    // The text changes: check warns, naming both ways out.
    site.write(
        file,
        site.read(file)
            .replace("Find an employer first.", "Find an employer first!"),
    );
    // (Its translations are outdated now too: exit status 1.)
    site.check()
        .code(1)
        .err_has("content/de/work.en.md:17:13: warning[unnoted-change]: the text changed after its newest change note or minor edit was recorded")
        .err_has("factsheet note --minor content/de/work.en.md");
    let edited = site.read(file);
    site.run(&["--today", "2026-03-01", "note", "--minor", file])
        .code(0);
    let minor = site.read(file);
    // Only the hash's value changed, byte for byte.
    assert_eq!(minor.len(), edited.len());
    assert_eq!(minor.lines().filter(|l| !edited.contains(l)).count(), 1);
    let r = site.check();
    r.code(1);
    assert!(!r.stderr.contains("unnoted-change"), "{}", r.stderr);
    // Notes belong to the source.
    site.run(&[
        "--today",
        "2026-03-01",
        "note",
        "content/de/work.sq.md",
        "x",
    ])
    .code(2)
    .err_has("is a translation: notes are written in the source sheet");
    site.run(&["note", file]).code(2);
}

#[test]
fn overviews_are_reviewed_like_sheets() {
    let site = TestSite::base();
    let overview = "---\ntitle: Germany\nsummary: Visa-free visits do not allow work.\nlast_reviewed: 2025-06-01\nsources:\n  - title: Federal Foreign Office\n    url: https://www.auswaertiges-amt.de/\n---\nYou may visit for 90 days in 180 days without a visa.\n";
    site.write(
        "content/de/_country.en.md",
        overview.replace("last_reviewed: 2025-06-01\n", ""),
    );
    site.check()
        .code(1)
        .err_has("content/de/_country.en.md:2:1: error[missing-field]: a destination overview has no `last_reviewed`");
    site.write("content/de/_country.en.md", overview);
    site.check().code(1).err_has(
        "content/de/_country.en.md:4:16: error[overdue]: review overdue: it was due on 2025-11-28",
    );
    let out = site.run(&["--today", "2026-03-01", "status"]);
    assert!(
        out.stdout.contains("de/_country  2025-11-28  OVERDUE"),
        "{}",
        out.stdout
    );
    site.run(&["--today", "2026-03-01", "build", "--no-pdf"])
        .code(0);
    let page = site.read("public/en/de/index.html");
    assert!(
        page.contains("<p class=\"checked\">Checked against official sources on June 1, 2025</p>")
    );
    assert!(page.contains("<div class=\"warning\" role=\"alert\"><p>This information was due for review on November 28, 2025"), "{page}");
    // A translation of an overview repeats none of it.
    site.write("content/de/_country.sq.md", "---\ntitle: Gjermania\nsummary: S.\nlast_reviewed: 2026-01-01\ntranslation:\n  from: en\n---\nT.\n");
    site.check()
        .code(1)
        .err_has("content/de/_country.sq.md:4:1: error[misplaced-field]: `last_reviewed` belongs to the source sheet");
}

#[test]
fn the_printout_version_changes_with_the_printed_words_and_review_date_only() {
    let site = TestSite::base();
    let version = |site: &TestSite| {
        let p = page(site, "2026-03-01", "sq");
        p.split("data-version=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string()
    };
    let v0 = version(&site);
    assert!(v0.starts_with("20260101-"), "{v0}");
    // A source checked again, a contact: the printed words are the same.
    site.write(
        "content/de/work.en.md",
        base_source_with("checked: 2026-01-01", "checked: 2026-02-01"),
    );
    assert_eq!(version(&site), v0);
    // A new review date: a new version, dated by it.
    site.write(
        "content/de/work.en.md",
        base_source_with("last_reviewed: 2026-01-01", "last_reviewed: 2026-02-01"),
    );
    let v1 = version(&site);
    assert!(v1.starts_with("20260201-") && v1 != v0, "{v1}");
    // The translation's words change: its version changes.
    site.write(
        "content/de/work.sq.md",
        base_translation_with("Gjeni së pari", "Gjeni fillimisht"),
    );
    let v2 = version(&site);
    assert!(v2.starts_with("20260201-") && v2 != v1);
    // A note: the version is dated by it.
    site.write(
        "content/de/work.en.md",
        base_with(NOTES).replace("last_reviewed: 2026-01-01", "last_reviewed: 2026-02-01"),
    );
    assert!(version(&site).starts_with("20260220-"));
}

#[test]
fn sheet_pages_have_share_links_and_open_graph_in_their_language() {
    let site = TestSite::base();
    let p = page(&site, "2026-03-01", "sq");
    assert!(
        p.contains("<meta name=\"description\" content=\"Së pari një ofertë pune, pastaj viza.\">")
    );
    assert!(p.contains("<meta property=\"og:locale\" content=\"sq_AL\">"));
    // Each language has its own address: no og:locale:alternate, which
    // names other locales of the same one.
    assert!(!p.contains("og:locale:alternate"));
    assert!(p.contains("<meta property=\"og:url\" content=\"https://example.org/sq/de/work/\">"));
    assert!(p.contains("<meta property=\"og:type\" content=\"article\">"));
    for start in [
        "https://wa.me/?text=",
        "viber://forward?text=",
        "https://t.me/share/url?url=https%3A%2F%2Fexample.org%2Fsq%2Fde%2Fwork%2F&amp;text=",
        "mailto:?subject=",
    ] {
        assert!(p.contains(&format!("<a href=\"{start}")), "{start}");
    }
    // The message: title, the day it was checked (in Albanian; this test
    // site's sq.ftl lacks the message, so its words are English) and the
    // address.
    assert!(p.contains("Pun%C3%AB%20n%C3%AB%20Gjermani%20%28checked%201%20janar%202026%29%3A%20https%3A%2F%2Fexample.org%2Fsq%2Fde%2Fwork%2F"), "{p}");
    // Plain links: nothing from a third party loads with the page.
    for tag in ["<script", "<img", "<link", "<iframe"] {
        for piece in p.split(tag).skip(1) {
            let head = piece.split('>').next().unwrap();
            assert!(
                !head.contains("src=\"http") && !head.contains("href=\"http")
                    || head.contains("rel=\"canonical\"")
                    || head.contains("rel=\"alternate\""),
                "{tag}{head}"
            );
        }
    }
}

#[test]
fn facts_bound_in_time_are_marked_on_paper_too() {
    let site = timed_site();
    let handout = |day: &str| {
        site.run(&["--today", day, "build"]).code(0);
        let text = pdf_text(
            &site.path().join("public/en/de/work/handout.pdf"),
            false,
            false,
        );
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let t = handout("2026-12-02");
    assert!(t.contains("From January 1, 2027: 30,000 in 2027"), "{t}");
    assert!(t.contains("25,000 in 2026") && !t.contains("No longer valid"));
    // An expired fact is published, marked, with a warning (not an error).
    let t = handout("2027-01-01");
    assert!(
        !t.contains("25,000 in 2026") && t.contains("30,000 in 2027"),
        "{t}"
    );
    assert!(
        t.contains("Four weeks in 2026 No longer valid since January 1, 2027"),
        "{t}"
    );
}

/// A gap between one fact's last day and the next one's first is past
/// once the next has started: a fresh review makes the sheet fresh again.
#[test]
fn a_gap_between_facts_does_not_keep_the_sheet_due_for_ever() {
    let site = timed_site();
    site.write(
        "content/de/work.en.md",
        site.read("content/de/work.en.md")
            .replace("valid_from: 2027-01-01", "valid_from: 2027-01-05")
            .replace("last_reviewed: 2026-10-01", "last_reviewed: 2027-02-01")
            .replace(
                "  - label: processing-time\n    value: Four weeks in 2026\n    valid_until: 2026-12-31\n",
                "",
            ),
    );
    let r = site.run(&["--today", "2027-02-01", "check"]);
    assert!(!r.stderr.contains("overdue"), "{}", r.stderr);
    let out = site.run(&["--today", "2027-02-01", "status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["sheets"][0]["status"], "fresh");
}

/// When a year's fact is replaced in the source, an outdated translation
/// must not show last year's figure in its place: the source's values show
/// until it is translated, and the build goes on.
#[test]
fn an_outdated_translation_never_shows_last_years_fact_as_current() {
    let site = timed_site();
    site.write(
        "content/de/work.en.md",
        site.read("content/de/work.en.md").replace(
            "  - label: quota\n    value: 25,000 in 2026\n    valid_until: 2026-12-31\n",
            "",
        ),
    );
    let r = site.run(&["--today", "2027-01-02", "build", "--no-pdf"]);
    r.code(0).err_has("warning[unknown-label]");
    let page = site.read("public/sq/de/work/index.html");
    assert!(!page.contains("25 000 në 2026"), "{page}");
    assert!(page.contains("30,000 in 2027"), "{page}");
}

#[test]
fn a_fact_that_names_a_year_needs_its_dates() {
    let site = TestSite::base();
    let check = |value: &str| {
        site.write(
            "content/de/work.en.md",
            base_source_with("    value: €75\n", value),
        );
        site.run(&[
            "--today",
            "2026-03-01",
            "stamp",
            "content/de/work.sq.md",
            "content/de/work.sr-Cyrl.md",
        ])
        .code(0);
        site.run(&["--today", "2026-03-01", "check"])
    };
    let r = check("    value: €75 as of 2026\n");
    r.code(0)
        .err_has("content/de/work.en.md:12:12: warning[fact-undated]: key fact `fee` names the year 2026 but has no dates")
        .err_has("add `valid_from:` and/or `valid_until:`");
    // Bound in time, or with no year in it: nothing to say.
    for value in [
        "    value: €75 as of 2026\n    valid_from: 2026-01-01\n",
        "    value: €75 until the end of 2026\n    valid_until: 2026-12-31\n",
        "    value: €1,500 a semester\n",
    ] {
        let r = check(value);
        r.code(0);
        assert!(!r.stderr.contains("fact-undated"), "{value}: {}", r.stderr);
    }
}
