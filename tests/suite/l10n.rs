//! UI strings of the sample site through the library: plural forms from
//! CLDR, fallback chains, and `sr-Latn` derived from `sr-Cyrl`.

use std::path::Path;

use factsheet::content::load::load;
use factsheet::content::state::Shown;
use factsheet::diagnostics::Diagnostics;
use factsheet::l10n::args;
use fluent_bundle::FluentValue;

fn sample() -> factsheet::content::Site {
    let mut diags = Diagnostics::default();
    let site = load(Path::new(env!("CARGO_MANIFEST_DIR")), &mut diags).expect("sample site loads");
    assert_eq!(diags.errors(), 0, "{diags:?}");
    site
}

fn count(site: &factsheet::content::Site, lang: &str, n: i64) -> String {
    let a = args(&[("count", FluentValue::from(n))]);
    site.l10n
        .format(&site.config, lang, "sheets-count", Some(&a))
        .expect("message exists")
}

#[test]
fn plural_categories_of_each_language() {
    let site = sample();
    let forms = |lang: &str| [1, 2, 5, 21, 22, 25].map(|n| count(&site, lang, n));
    assert_eq!(
        forms("sr-Cyrl"),
        [
            "1 информативни лист",
            "2 информативна листа",
            "5 информативних листова",
            "21 информативни лист",
            "22 информативна листа",
            "25 информативних листова"
        ]
    );
    // Derived by transliteration, with the same plural rules.
    assert_eq!(
        forms("sr-Latn"),
        [
            "1 informativni list",
            "2 informativna lista",
            "5 informativnih listova",
            "21 informativni list",
            "22 informativna lista",
            "25 informativnih listova"
        ]
    );
    for lang in ["hr", "bs"] {
        let f = forms(lang);
        assert_eq!(
            (f[0].as_str(), f[1].as_str(), f[2].as_str()),
            (
                "1 informativni list",
                "2 informativna lista",
                "5 informativnih listova"
            )
        );
        assert_eq!(f[3], "21 informativni list", "{lang}");
    }
    let mk = forms("mk");
    assert_eq!(mk[0], "1 информативен лист");
    assert_eq!(mk[1], "2 информативни листови");
    assert_eq!(
        mk[3], "21 информативен лист",
        "Macedonian: 21 is `one` in CLDR"
    );
    assert_eq!(mk[4], "22 информативни листови");
    assert_eq!(forms("en")[0], "1 fact sheet");
    assert_eq!(forms("en")[1], "2 fact sheets");
}

#[test]
fn messages_have_no_isolation_marks_and_every_language_differs_from_english() {
    let site = sample();
    let en = site
        .l10n
        .format(
            &site.config,
            "en",
            "warning-overdue",
            Some(&args(&[("date", "1 May 2027".into())])),
        )
        .unwrap();
    assert!(!en.contains('\u{2068}'), "{en:?}");
    for lang in ["sq", "sr-Cyrl", "sr-Latn", "mk", "bs", "hr"] {
        let s = site
            .l10n
            .format(
                &site.config,
                lang,
                "warning-overdue",
                Some(&args(&[("date", "1 May 2027".into())])),
            )
            .unwrap();
        assert!(s.contains("1 May 2027"), "{lang}: {s}");
        assert_ne!(s, en, "{lang} is a copy of English");
        let country = site
            .l10n
            .format(&site.config, lang, "country-de", None)
            .unwrap();
        assert_ne!(country, "Germany", "{lang}");
    }
    let latn = site
        .l10n
        .format(&site.config, "sr-Latn", "country-de", None)
        .unwrap();
    assert_eq!(latn, "Nemačka");
}

#[test]
fn pages_fall_back_through_the_chain_and_derive_serbian_latin() {
    let site = sample();
    let sheets = site.sheets("2026-12-07".parse().unwrap());
    let de_work = sheets
        .iter()
        .find(|s| s.destination == "de" && s.route == "work")
        .unwrap();
    let page = |lang: &str| {
        de_work
            .pages
            .iter()
            .find(|p| p.lang == lang)
            .unwrap()
            .clone()
    };
    assert_eq!(
        page("sr-Latn").shown,
        Shown::Derived {
            from: "sr-Cyrl".into()
        }
    );
    // Bosnian has no sheets: its chain (sr-Latn, hr, en) gives Serbian Latin.
    assert_eq!(
        page("bs").shown,
        Shown::Fallback {
            lang: "sr-Latn".into()
        }
    );

    let files = &site.destinations["de"].sheets["work"];
    let latn = site.text(files, &page("sr-Latn")).unwrap();
    let cyrl = site.text(files, &page("sr-Cyrl")).unwrap();
    assert_eq!(
        latn.title,
        factsheet::lang::translit::sr_cyrl_to_latn(&cyrl.title)
    );
    assert!(
        latn.body
            .chars()
            .all(|c| !('\u{0400}'..='\u{04FF}').contains(&c)),
        "Cyrillic left in sr-Latn"
    );
    assert_eq!(site.text(files, &page("bs")).unwrap().body, latn.body);

    // A sheet with no Serbian: Macedonian readers get English (mk → sr-Cyrl → en).
    let ca_work = sheets
        .iter()
        .find(|s| s.destination == "ca" && s.route == "work")
        .unwrap();
    let mk = ca_work.pages.iter().find(|p| p.lang == "mk").unwrap();
    assert_eq!(mk.shown, Shown::Fallback { lang: "en".into() });
}
