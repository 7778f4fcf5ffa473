//! The preview's state across saves and days.
use std::path::Path;

use jiff::civil::Date;

use super::*;
use crate::render::Model;

/// The model of the site as served, for tests.
fn with_model<T>(state: &State, f: impl FnOnce(&Model) -> T) -> Option<T> {
    match state.output.read().as_deref() {
        Ok(Output::Site { prepared, .. }) => Some(f(&prepared.model())),
        _ => None,
    }
}

/// The day a site was built for, and its version (tests).
fn day_and_version(state: &State) -> (Date, u64) {
    match &*state.output.read().unwrap() {
        Output::Site {
            prepared, version, ..
        } => (prepared.today, *version),
        Output::Broken(page) => panic!("broken: {page}"),
    }
}

fn state(today: Option<Date>) -> State {
    let opts = Preview {
        root: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base"),
        bind: "127.0.0.1".into(),
        port: 0,
        today,
        pdf: false,
        cache: None,
        quiet: true,
    };
    State::new(opts, "http://127.0.0.1/".into())
}

#[test]
fn a_preview_left_running_past_midnight_judges_the_new_day() {
    let state = state(None);
    state.rebuild();
    let today = jiff::Zoned::now().date();
    assert_eq!(day_and_version(&state).0, today);
    // As if built yesterday: the next request rebuilds for today.
    if let Output::Site { prepared, .. } = &mut *state.output.write().unwrap() {
        Arc::make_mut(prepared).today = today.yesterday().unwrap();
    }
    state.judge_today();
    assert_eq!(day_and_version(&state).0, today);
    // With --today, the day stays fixed.
    let fixed = jiff::civil::date(2026, 3, 1);
    let state = super::tests::state(Some(fixed));
    state.rebuild();
    let before = day_and_version(&state);
    state.judge_today();
    assert_eq!(day_and_version(&state), before);
    assert_eq!(before.0, fixed);
}

#[test]
fn output_made_from_an_older_site_is_not_kept() {
    let state = state(Some(jiff::civil::date(2026, 3, 1)));
    state.rebuild();
    let (_, made_from) = day_and_version(&state);
    // A save lands while the PDF is typeset.
    let changed = [state.opts.root.join("content/de/work.sq.md")];
    assert!(state.update(&changed), "an edit of a sheet is incremental");
    assert!(!state.keep("en/de/work/handout.pdf", b"old", made_from));
    let (_, now) = day_and_version(&state);
    assert!(state.keep("en/de/work/handout.pdf", b"new", now));
}

#[test]
fn a_removed_sheet_rebuilds_all() {
    let state = state(Some(jiff::civil::date(2026, 3, 1)));
    state.rebuild();
    // Not on disk (as after a delete): its pages must go, and lists.
    let gone = [state.opts.root.join("content/de/work.mk.md")];
    assert!(!state.update(&gone));
}

#[test]
fn a_save_touches_its_sheet_and_what_lists_it() {
    let state = state(Some(jiff::civil::date(2026, 3, 1)));
    state.rebuild();
    let touched = with_model(&state, |m| {
        let Touched::Only(routes) = m.touched_by(Path::new("content/de/work.sq.md")) else {
            panic!("a sheet's save touches some outputs only");
        };
        let mut paths: Vec<String> = routes.iter().map(|r| m.file_path(*r)).collect();
        paths.sort();
        let all = |p: &str| m.touched_by(Path::new(p)) == Touched::Everything;
        (paths, all("content/site.yaml"), all("content/de/new.en.md"))
    })
    .unwrap();
    assert!(
        touched
            .0
            .contains(&"sr-cyrl/de/work/index.html".to_string())
    );
    assert!(touched.0.contains(&"sq/de/work/handout.pdf".to_string()));
    assert!(touched.0.contains(&"en/de/booklet.pdf".to_string()));
    assert!(touched.0.contains(&"sq/feed.xml".to_string()));
    assert!(touched.0.contains(&"sitemap.xml".to_string()));
    assert!(touched.1, "site.yaml touches everything");
    assert!(touched.2, "a new sheet touches everything");
}
