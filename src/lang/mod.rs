//! Language tags, text direction, fallback chains and derived languages.

pub mod translit;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

/// Whether `tag` is a well-formed BCP 47 tag that we can use in file names
/// and URLs (letters, digits and hyphens only).
pub fn is_valid_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && tag.parse::<unic_langid::LanguageIdentifier>().is_ok()
}

/// The language's segment in URLs and output paths: the tag in lower case
/// (`sr-cyrl`), because printed addresses are typed by hand and many static
/// hosts are case-sensitive. `lang` and `hreflang` keep the tag's case.
pub fn url_segment(tag: &str) -> String {
    tag.to_ascii_lowercase()
}

/// The tag as Open Graph's `og:locale` wants it, `language_TERRITORY`,
/// the territory being the likeliest from CLDR (`sq` → `sq_AL`,
/// `sr-Latn` → `sr_RS`).
pub fn og_locale(tag: &str) -> String {
    let Ok(mut id) = tag.parse::<icu::locale::LanguageIdentifier>() else {
        return tag.replace('-', "_");
    };
    icu::locale::LocaleExpander::new_common().maximize(&mut id);
    match id.region {
        Some(region) => format!("{}_{}", id.language, region),
        None => id.language.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn og_locales_of_the_region() {
        let got: Vec<String> = ["en", "sq", "sr-Cyrl", "sr-Latn", "mk", "bs", "hr"]
            .iter()
            .map(|t| super::og_locale(t))
            .collect();
        assert_eq!(
            got,
            [
                "en_US", "sq_AL", "sr_RS", "sr_RS", "mk_MK", "bs_BA", "hr_HR"
            ]
        );
    }
}
