use super::*;

/// Questions: citizenship (a, b; no near misses), purpose (work, study),
/// offer (yes, no).
fn rules(targets: &[(Target, [u64; 3])]) -> Rules {
    let q = |opts: &[&str], near_miss| QuestionRule {
        options: opts.iter().map(|s| s.to_string()).collect(),
        near_miss,
    };
    Rules {
        questions: vec![
            q(&["a", "b"], false),
            q(&["work", "study"], true),
            q(&["yes", "no"], true),
        ],
        rules: targets
            .iter()
            .map(|(target, allow)| Rule {
                target: *target,
                allow: allow.to_vec(),
            })
            .collect(),
        fallback: None,
    }
}

const ANY: u64 = u64::MAX;
const S: fn(usize) -> Target = Target::Sheet;

#[test]
fn a_question_that_no_longer_separates_is_skipped() {
    // Only the work sheet cares about the offer.
    let flow = Flow::new(rules(&[
        (S(0), [ANY, 0b01, 0b01]),
        (S(1), [ANY, 0b10, ANY]),
    ]));
    // Citizenship separates nothing: the first question is the purpose.
    assert!(matches!(flow.steps[0], Step::Question { question: 1, .. }));
    // After "study", the offer is not asked.
    assert_eq!(flow.rules.next_question(&[(1, 1)]), None);
    assert_eq!(flow.rules.next_question(&[(1, 0)]), Some(2));
    let segments: Vec<&str> = flow.segments.iter().map(String::as_str).collect();
    assert_eq!(segments, ["", "work", "work-yes", "work-no", "study"]);
}

#[test]
fn answers_with_the_same_result_share_one_outcome_page() {
    // Study fits both citizenships; work only `a`.
    let mut r = rules(&[(S(0), [0b01, 0b01, ANY]), (S(1), [ANY, 0b10, ANY])]);
    r.questions[1].near_miss = false;
    let flow = Flow::new(r);
    let segments: Vec<&str> = flow.segments.iter().map(String::as_str).collect();
    assert_eq!(
        segments,
        ["", "a", "a-work", "a-study", "b", "b-work"],
        "{:?}",
        flow.steps
    );
    // `b-study` ends on the page of `a-study`.
    let Some(Step::Outcome { paths, found }) = flow.step_of("a-study").map(|i| &flow.steps[i])
    else {
        panic!("{:?}", flow.steps);
    };
    assert_eq!(paths, &[vec![(0, 0), (1, 1)], vec![(0, 1), (1, 1)]]);
    assert_eq!(found.matches, [S(1)]);
    let Some(Step::Question { next, .. }) = flow.question_at(&[(0, 1)]).map(|i| &flow.steps[i])
    else {
        panic!("b asks the purpose");
    };
    assert_eq!(next[1], flow.step_of("a-study").unwrap_or_default());
}

#[test]
fn near_misses_miss_by_one_answer_and_never_by_citizenship() {
    let r = rules(&[
        (S(0), [0b01, 0b01, 0b01]), // a, work, needs an offer
        (S(1), [0b10, 0b01, ANY]),  // b only
        (S(2), [ANY, 0b10, 0b01]),  // study, needs an offer: misses by two
    ]);
    let found = r.found(&[(0, 0), (1, 0), (2, 1)]);
    assert!(found.matches.is_empty());
    assert_eq!(found.near, [(S(0), vec![2])], "{found:?}");
    // With an offer, S(0) fits; S(1) is ruled out by citizenship alone.
    let found = r.found(&[(0, 0), (1, 0), (2, 0)]);
    assert_eq!(found.matches, [S(0)]);
    assert_eq!(found.near, [(S(2), vec![1])]);
    // Missing the purpose, S(2) also needs an offer, which was not asked.
    assert_eq!(r.found(&[(1, 0)]).near, [(S(2), vec![1, 2])]);
}

#[test]
fn every_path_ends_on_an_outcome_that_its_answers_fit() {
    let r = rules(&[
        (S(0), [0b01, 0b01, 0b01]),
        (S(1), [0b10, 0b01, ANY]),
        (Target::Text(0), [0b10, ANY, ANY]),
    ]);
    let flow = Flow::new(r.clone());
    let mut reached = std::collections::BTreeSet::new();
    for (answers, found) in flow.paths() {
        for t in &found.matches {
            let rule = r.rules.iter().find(|x| x.target == *t).unwrap();
            assert!(Rules::fits(rule, answers), "{answers:?} {t:?}");
            reached.insert(*t);
        }
    }
    assert_eq!(reached.len(), 3);
    assert_eq!(flow.step_of("a-work"), flow.question_at(&[(0, 0), (1, 0)]));
}
