//! docs/reference.md's "Template data" lists every variable each template
//! receives: this holds that list to the types, on the sample site.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use crate::render::route::Page;
use crate::render::{Model, html::Html};

/// The variables the reference lists under each `### `name`` heading of
/// its "Template data" section: `name` → `var` and `var.field`.
fn documented() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(root.join("docs/reference.md")).unwrap();
    let section = doc
        .split("\n## Template data\n")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("docs/reference.md has a \"Template data\" section");
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current = None;
    for line in section.lines() {
        if let Some(name) = line.strip_prefix("### `") {
            current = name.split('`').next().map(str::to_string);
            out.entry(current.clone().unwrap_or_default()).or_default();
        } else if let (Some(name), Some(row)) = (&current, line.strip_prefix("| `")) {
            // Every `name` in the first column.
            let first = row.split(" |").next().unwrap_or_default();
            let vars = first.split('`').step_by(2).map(str::trim);
            let entry = out.entry(name.clone()).or_default();
            entry.extend(
                vars.filter(|v| !v.is_empty() && *v != ",")
                    .map(str::to_string),
            );
        }
    }
    out
}

/// Top-level keys, and the keys of objects (and of lists of objects) one
/// level down, as `var.field`.
fn keys(v: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Value::Object(top) = v else { return out };
    for (k, v) in top {
        out.insert(k.clone());
        let inner = match v {
            Value::Array(items) => items.iter().collect::<Vec<_>>(),
            other => vec![other],
        };
        for item in inner {
            if let Value::Object(fields) = item {
                out.extend(fields.keys().map(|f| format!("{k}.{f}")));
            }
        }
    }
    out
}

#[test]
fn the_reference_lists_exactly_what_each_template_receives() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut diags = crate::diagnostics::Diagnostics::default();
    let site = crate::content::load::load(root, &mut diags).unwrap();
    let today = jiff::civil::date(2026, 12, 7);
    let model = Model::new(&site, today, "https://example.org/");
    let theme = crate::theme::Theme::load(root, &|p| p.to_path_buf()).unwrap();
    let html = Html::new(&model, &theme, true).unwrap();
    let docs = documented();
    let common: BTreeSet<String> = docs.get("base.html").cloned().unwrap_or_default();
    let lang = "sq";
    let pages = [
        Page::Chooser,
        Page::NotFound,
        Page::Home { lang },
        Page::Destination { lang, dest: "de" },
        Page::Sheet { lang, sheet: 0 },
        Page::Changes { lang },
        Page::Centres { lang },
        Page::PackForm { lang },
        Page::Search { lang },
    ];
    // One template for questions and outcomes: together they give every
    // field (a question with answers so far, an outcome with near misses,
    // one with a text).
    let finder = model.finder.as_ref().expect("the sample has a finder");
    let finder_pages = ["", "al-work", "al-work-no", "hr-work"].map(|seg| Page::Finder {
        lang,
        step: finder.step_of(seg).expect(seg),
    });
    let mut given: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut seen_common = BTreeSet::new();
    for page in pages.into_iter().chain(finder_pages) {
        let others = html.alternates(page);
        let data = html.data(page, &others);
        let all = keys(&serde_json::to_value(&data).unwrap());
        let common_keys = keys(&serde_json::to_value(&data.common).unwrap());
        seen_common.extend(common_keys.iter().cloned());
        let own: BTreeSet<String> = all.difference(&common_keys).cloned().collect();
        given.entry(Html::template(page)).or_default().extend(own);
    }
    for (template, own) in given {
        let listed = docs.get(template).cloned().unwrap_or_default();
        let missing: Vec<_> = own.difference(&listed).collect();
        let extra: Vec<_> = listed.difference(&own).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{template}: not in the reference {missing:?}; in the reference but not given {extra:?}"
        );
    }
    let missing: Vec<_> = seen_common.difference(&common).collect();
    let extra: Vec<_> = common.difference(&seen_common).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "base.html: not in the reference {missing:?}; in the reference but not given {extra:?}"
    );
}
