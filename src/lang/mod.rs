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
